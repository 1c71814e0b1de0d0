import { describe, expect, it } from 'vitest';
import { FairplanError } from '../../src/core/errors.js';
import { readFailure } from '../../src/io/read-failure.js';

const systemError = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: open 'x'`), { code });

describe('a file that cannot be read', () => {
  it.each([
    ['ENOENT', 'no such file'],
    ['ENOTDIR', 'no such file'],
    ['EISDIR', 'this is a folder, not a file'],
    ['EACCES', 'permission denied: the file cannot be read'],
    ['EIO', 'cannot be read'],
  ])('is said in a plain sentence for %s, naming the file and no errno code', (code, sentence) => {
    const error = readFailure('accounts.csv', systemError(code));
    expect(error).toMatchObject({ code: 'io', message: sentence, context: { file: 'accounts.csv' } });
    expect(error.message).not.toContain(code);
  });

  it("keeps a stream's own words when the failure is not the system's", () => {
    expect(readFailure('stdin', new Error('the connection was reset')).message).toBe('cannot be read: the connection was reset');
  });

  it('passes on what fairplan already said', () => {
    const said = new FairplanError('invalid-argument', 'is UTF-16', { file: 'a.csv' });
    expect(readFailure('a.csv', said)).toBe(said);
  });
});
