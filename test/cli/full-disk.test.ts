/**
 * A full disk or a file-size limit while fairplan writes, in every command that writes: one plain
 * sentence naming the file, exit code 74, the files of an earlier run as they were, nothing
 * published truncated and no temporary file left. Tried for real: under `ulimit -f` (the process
 * gets SIGXFSZ, which fairplan ignores so that the write fails with EFBIG and is reported), and on
 * a small tmpfs filled up where the tests may mount one.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/cli.js';
import { fillUp, mountSmallDisk, noSmallDisk, runUnderFileSizeLimit, type SmallDisk } from '../helpers/small-disk.js';

const STATEMENT = fixture('statements', 'homeowner-several-creditors.json');
const ACCOUNTS = fixture('accounts', 'sample-accounts.csv');
const BOOK = ['arrangements', 'payments', 'customers', 'contacts'].flatMap((name) => [`--${name}`, fixture('follow-up', `${name}.csv`)]);
const YESTERDAY = 'written last night\n';

interface Case {
  readonly name: string;
  readonly args: readonly string[];
  /** Files of an earlier run, there before this one (each holding YESTERDAY). */
  readonly earlier: readonly string[];
  /** Where standard output goes (`> file`), when the output is standard output. */
  readonly stdout?: string;
  /** What the sentence names. */
  readonly names: RegExp;
}

// Every output below is more than 2 KiB (the calendar 32 KiB, the letters' SFS summary 3 KiB, the
// SFS summary 3 KiB, batch's results 56 KiB, follow-up's statuses 2.4 KiB).
const CASES: readonly Case[] = [
  { name: 'plan --ics', args: ['plan', STATEMENT, '--as-of', '2026-01-05', '--ics', 'plan.ics'], earlier: ['plan.ics'], names: /plan\.ics/ },
  { name: 'plan --letters', args: ['plan', STATEMENT, '--as-of', '2026-01-05', '--letters', 'letters'], earlier: [], names: /letters[\\/][a-z0-9-]+\.(txt|json)/ },
  { name: 'check --sfs > file', args: ['check', STATEMENT, '--sfs'], earlier: [], stdout: 'sfs-summary.json', names: /standard output/ },
  { name: 'batch -o', args: ['batch', ACCOUNTS, '-q', '--as-of', '2026-01-05', '-o', 'results.csv', '--schedules', 'schedules.csv'], earlier: ['results.csv', 'schedules.csv'], names: /(results|schedules)\.csv/ },
  { name: 'batch > file', args: ['batch', ACCOUNTS, '-q', '--as-of', '2026-01-05'], earlier: [], stdout: 'results.csv', names: /standard output/ },
  { name: 'follow-up -o', args: ['follow-up', ...BOOK, '--as-of', '2026-03-09', '-q', '-o', 'status.csv', '--messages', 'messages.csv'], earlier: ['status.csv', 'messages.csv'], names: /(status|messages)\.csv/ },
  { name: 'follow-up -o - > file', args: ['follow-up', ...BOOK, '--as-of', '2026-03-09', '-q', '-o', '-'], earlier: [], stdout: 'status.csv', names: /standard output/ },
];

/** What every case must show once the output did not fit. */
function expectReported(folder: string, result: { code: number; stderr: string }, c: Case, sentence: RegExp): void {
  expect(result.code).toBe(74);
  const lines = result.stderr.trimEnd().split('\n');
  // One sentence naming the file, after any rejected rows; no stack trace, errno code or temporary file.
  expect(lines.at(-1)).toMatch(new RegExp(`^fairplan: .*${c.names.source}.*: ${sentence.source}`));
  expect(result.stderr).not.toMatch(/^\s+at |Error|ENOSPC|EFBIG|\.tmp/m);
  for (const file of c.earlier) expect(readFileSync(path.join(folder, file), 'utf8')).toBe(YESTERDAY);
  // Nothing published that was not there before, and no temporary file left.
  const left = readdirSync(folder).filter((name) => name !== 'filler' && name !== c.stdout && name !== 'letters');
  expect(left.sort()).toEqual([...c.earlier].sort());
  if (c.name === 'plan --letters') expect(readdirSync(path.join(folder, 'letters'))).toEqual([]);
}

describe('under a file-size limit (ulimit -f 2)', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'fairplan-full-disk-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it.each(CASES)('$name: exit 74 and one sentence naming the file; earlier files as they were', async (c) => {
    for (const file of c.earlier) writeFileSync(path.join(folder, file), YESTERDAY);
    const result = await runUnderFileSizeLimit(2, c.args, { cwd: folder, ...(c.stdout ? { stdout: path.join(folder, c.stdout) } : {}) });
    // Not killed by SIGXFSZ: fairplan ignores it, and the write fails with EFBIG instead.
    expect(result.signal).toBeNull();
    expectReported(folder, result, c, /the file would pass the file-size limit \(ulimit -f\)/);
  });
});

describe.skipIf(noSmallDisk)(`on a full disk (a small tmpfs)${noSmallDisk ? `: skipped, ${noSmallDisk}` : ''}`, () => {
  let disk: SmallDisk;
  beforeEach(() => {
    disk = mountSmallDisk(128);
  });
  afterEach(() => disk.unmount());

  it.each(CASES)('$name: exit 74 and "the disk is full" naming the file; earlier files as they were', async (c) => {
    for (const file of c.earlier) writeFileSync(path.join(disk.folder, file), YESTERDAY);
    fillUp(disk.folder);
    const result = await runUnderFileSizeLimit('unlimited', c.args, { cwd: disk.folder, ...(c.stdout ? { stdout: path.join(disk.folder, c.stdout) } : {}) });
    expectReported(disk.folder, result, c, /the disk is full/);
  });
});

describe('standard output sent to a device that takes no more (> /dev/full)', () => {
  it('is said in one sentence with exit 74, not a stack trace', async () => {
    const result = await runUnderFileSizeLimit('unlimited', ['check', STATEMENT, '--sfs'], { cwd: tmpdir(), stdout: '/dev/full' });
    expect(result.code).toBe(74);
    expect(result.stderr.trimEnd().split('\n')).toEqual(['fairplan: standard output: the disk is full']);
  });
});

describe('plan --letters onto a symbolic link to a folder that is not there', () => {
  it('says so in one sentence (exit 2), and makes nothing', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'fairplan-letters-link-'));
    try {
      const link = path.join(folder, 'letters');
      symlinkSync(path.join(folder, 'gone', 'letters'), link);
      mkdirSync(path.join(folder, 'elsewhere'));
      const { code, stderr } = await runCli(['plan', STATEMENT, '--as-of', '2026-01-05', '--letters', link]);
      expect(code).toBe(2);
      expect(stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^fairplan: .*letters: is a symbolic link to a folder that does not exist/)]);
      expect(existsSync(path.join(folder, 'gone'))).toBe(false);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
