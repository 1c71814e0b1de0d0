/**
 * Outputs are checked before anything is read or written: none may be a file the command reads, in
 * any spelling, none may share a file with another, and each must have a folder to go into.
 */
import { closeSync, linkSync, mkdirSync, mkdtempSync, openSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutputs } from '../../src/io/output-check.js';

/** A folder holding in.csv and an empty folder sub/. */
function place(): string {
  const cwd = mkdtempSync(path.join(tmpdir(), 'fairplan-outputs-'));
  writeFileSync(path.join(cwd, 'in.csv'), 'account_id\n');
  mkdirSync(path.join(cwd, 'sub'));
  return cwd;
}

const INPUT = [{ path: 'in.csv', what: 'the input file' }];

describe('an output naming a file the command reads', () => {
  it.each([
    ['in.csv'],
    ['./in.csv'],
    ['sub/../in.csv'],
    ['sub//..//in.csv'],
  ])('is refused when spelt %s', async (spelling) => {
    const cwd = place();
    await expect(checkOutputs({ cwd, reads: INPUT, writes: [{ path: spelling, option: '-o' }] })).rejects.toMatchObject({
      message: '-o names the input file (in.csv), which would be overwritten; name another file',
      context: { file: spelling },
    });
  });

  it('is refused by its absolute path, through a symbolic link, and through a hard link', async () => {
    const cwd = place();
    symlinkSync(path.join(cwd, 'in.csv'), path.join(cwd, 'sub', 'link.csv'));
    linkSync(path.join(cwd, 'in.csv'), path.join(cwd, 'sub', 'hard.csv'));
    for (const spelling of [path.join(cwd, 'in.csv'), 'sub/link.csv', 'sub/hard.csv']) {
      await expect(checkOutputs({ cwd, reads: INPUT, writes: [{ path: spelling, option: '--errors' }] })).rejects.toMatchObject({
        message: '--errors names the input file (in.csv), which would be overwritten; name another file',
      });
    }
  });

  it('is refused when the input is standard input redirected from that file', async () => {
    const cwd = place();
    const fd = openSync(path.join(cwd, 'in.csv'), 'r');
    try {
      await expect(
        checkOutputs({ cwd, reads: [], writes: [{ path: './in.csv', option: '--schedules' }], stdin: { fd, what: 'the input' } }),
      ).rejects.toMatchObject({ message: '--schedules names the input (standard input), which would be overwritten; name another file' });
    } finally {
      closeSync(fd);
    }
  });

  it('is refused when it is standard output, appended to the file read (>> in.csv)', async () => {
    const cwd = place();
    const fd = openSync(path.join(cwd, 'in.csv'), 'a');
    try {
      await expect(checkOutputs({ cwd, reads: INPUT, writes: [], stdout: { fd } })).rejects.toMatchObject({
        message: 'goes to the input file (in.csv), which would be overwritten; send it to another file',
        context: { file: 'standard output' },
      });
    } finally {
      closeSync(fd);
    }
  });

  it('is let be when it is another file, or standard output is not a file', async () => {
    const cwd = place();
    await checkOutputs({ cwd, reads: INPUT, writes: [{ path: 'sub/in.csv', option: '-o' }], stdout: { fd: undefined } });
  });
});

describe('two outputs naming one file', () => {
  it.each([
    ['out.csv', 'out.csv'],
    ['out.csv', './sub/../out.csv'],
    ['in.csv.bak', 'sub/../in.csv.bak'],
  ])('are refused: %s and %s', async (first, second) => {
    const cwd = place();
    await expect(
      checkOutputs({ cwd, reads: [], writes: [{ path: first, option: '-o' }, { path: second, option: '--schedules' }] }),
    ).rejects.toMatchObject({ message: '-o and --schedules name the same file; give each its own', context: { file: second } });
  });

  it('are refused when one is a link to the other', async () => {
    const cwd = place();
    writeFileSync(path.join(cwd, 'out.csv'), 'yesterday\n');
    symlinkSync(path.join(cwd, 'out.csv'), path.join(cwd, 'sub', 'out.csv'));
    await expect(
      checkOutputs({ cwd, reads: [], writes: [{ path: 'out.csv', option: '-o' }, { path: 'sub/out.csv', option: '--errors' }] }),
    ).rejects.toMatchObject({ message: '-o and --errors name the same file; give each its own' });
  });

  it('are refused when one is the file standard output goes to', async () => {
    const cwd = place();
    writeFileSync(path.join(cwd, 'out.csv'), '');
    const fd = openSync(path.join(cwd, 'out.csv'), 'w');
    try {
      await expect(checkOutputs({ cwd, reads: [], writes: [{ path: 'out.csv', option: '--errors' }], stdout: { fd } })).rejects.toMatchObject({
        message: '--errors names the file standard output goes to; give it its own',
      });
    } finally {
      closeSync(fd);
    }
  });
});

// A folder that cannot be written ("cannot write here") is tried through the CLI, as an ordinary
// user: test/cli/plan.test.ts and test/cli/batch.test.ts.
describe('where an output goes', () => {
  it.each([
    ['sub', 'is a folder'],
    ['sub/', 'is a folder'],
    ['missing/out.csv', 'no such folder'],
    ['missing/', 'no such folder'],
    ['in.csv/out.csv', 'no such folder'],
  ])('%s: %s', async (target, sentence) => {
    const cwd = place();
    await expect(checkOutputs({ cwd, reads: [], writes: [{ path: target, option: '-o' }] })).rejects.toMatchObject({
      message: sentence,
      context: { file: target },
    });
  });
});
