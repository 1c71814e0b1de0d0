/** Every command says why a file cannot be written in the same few plain words, whatever the system said. */
import { describe, expect, it } from 'vitest';
import { FairplanError } from '../../src/core/errors.js';
import { writeFailure } from '../../src/io/write-failure.js';

const systemError = (code: string) => Object.assign(new Error(`${code}: something, open '/out/.x.csv.1234.tmp'`), { code });

describe('a write failure, said plainly', () => {
  it.each([
    ['ENOENT', 'no such folder'],
    ['ENOTDIR', 'no such folder'],
    ['EISDIR', 'is a folder'],
    ['EACCES', 'cannot write here'],
    ['EPERM', 'cannot write here'],
    ['EROFS', 'cannot write here'],
    ['ENOSPC', 'the disk is full'],
    ['EFBIG', 'the file would pass the file-size limit (ulimit -f)'],
    ['EIO', 'cannot write here'],
  ])('%s becomes "%s", naming the file and nothing else', (code, sentence) => {
    const error = writeFailure('out/results.csv', systemError(code));
    expect(error).toBeInstanceOf(FairplanError);
    expect(error.message).toBe(sentence);
    expect(error.context.file).toBe('out/results.csv');
  });

  it.each(['ENOSPC', 'EDQUOT', 'EFBIG'])('%s, no room for the file, has a code of its own, naming the file', (code) => {
    const error = writeFailure('out/results.csv', systemError(code));
    expect(error.code).toBe('no-space');
    expect(error.context.file).toBe('out/results.csv');
    expect(error.message).not.toMatch(/E[A-Z]{3,}|tmp/);
  });

  it('keeps a failure that was already said plainly', () => {
    const plain = new FairplanError('io', 'is a folder', { file: 'out' });
    expect(writeFailure('other', plain)).toBe(plain);
  });
});
