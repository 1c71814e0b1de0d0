/**
 * `fairplan batch`'s progress bar, run in-process through main() with a fake terminal on stderr and
 * a clock that moves a second each time it is read, so the bar is drawn at every report (the
 * batch reports every 1,000 rows). The bar's text is specified in progress-bar.test.ts; these say
 * when it is drawn and that it is always gone before anything else is written.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { accountsCsv } from '../helpers/accounts.js';

const CLEAR = '\r\x1b[K';
const isBar = (write: string): boolean => write.startsWith('\r') && write !== CLEAR;

async function runAtTerminal(args: readonly string[], stdin: string | Readable = ''): Promise<{ code: number; stderr: string[] }> {
  const stderr: string[] = [];
  let seconds = 0;
  // In this thread: the worker threads run the built code (dist/), which tests of the source do not use.
  const code = await main(['node', 'fairplan', 'batch', ...args, '--as-of', '2026-01-05', '--workers', '0'], {
    stdout: { write: () => true },
    stderr: { isTTY: true, columns: 80, write: (chunk: string) => stderr.push(chunk) },
    stdin: typeof stdin === 'string' ? Readable.from([stdin]) : stdin,
    env: { NO_COLOR: '1' },
    cwd: process.cwd(),
    now: () => new Date(Date.UTC(2026, 0, 5) + 1_000 * seconds++),
  });
  return { code, stderr };
}

function accountsFile(csv: string): { file: string; output: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'fairplan-progress-'));
  const file = path.join(dir, 'accounts.csv');
  writeFileSync(file, csv);
  return { file, output: path.join(dir, 'results.csv') };
}

/** Every write that is not part of the bar comes after the bar was cleared, never onto it. */
function expectNothingWrittenOntoTheBar(stderr: readonly string[]): void {
  stderr.forEach((write, i) => {
    if (i > 0 && !isBar(write) && write !== CLEAR) expect(isBar(stderr[i - 1] ?? '')).toBe(false);
  });
}

describe('fairplan batch at a terminal', () => {
  it('draws a bar with a percent for a file, then clears it before the summary', async () => {
    const { file, output } = accountsFile(accountsCsv(2_500));
    const { code, stderr } = await runAtTerminal([file, '-o', output]);
    expect(code).toBe(0);
    const bars = stderr.filter(isBar);
    expect(bars).toHaveLength(2);
    expect(bars[0]).toMatch(/^\r\[[#-]+\] +\d+%  1,000 rows  [\d,]+ rows\/s  ~.+ left\x1b\[K$/);
    expect(bars[1]).toMatch(/^\r\[[#-]+\] +\d+%  2,000 rows  /);
    const summary = stderr.findIndex((write) => write.startsWith('2,500 rows read: 2,500 written, 0 rejected'));
    expect(stderr[summary - 1]).toBe(CLEAR);
    expect(stderr.slice(summary).filter((write) => write.includes('\r'))).toEqual([]);
  });

  it('shows rows, rows/s and the time taken but no percent for stdin, whose size is unknown', async () => {
    const { code, stderr } = await runAtTerminal(['-', '-o', accountsFile('').output], accountsCsv(1_500));
    expect(code).toBe(0);
    expect(stderr.filter(isBar)).toEqual([expect.stringMatching(/^\r1,000 rows  [\d,]+ rows\/s  \d+ s elapsed\x1b\[K$/)]);
    expect(stderr.join('')).not.toContain('%');
  });

  it('clears the bar before each rejected row it shows, and draws it again after', async () => {
    const bad = (id: string) => `${id},Words For Income,1500.00,,about two grand,650.00,110.00,80.00,220.00,40.00,30.00,weekly,2026-01-09`;
    const { file, output } = accountsFile(accountsCsv(5_000, { 2_200: bad('BAD1'), 2_300: bad('BAD2') }));
    const { code, stderr } = await runAtTerminal([file, '-o', output]);
    expect(code).toBe(1);
    // Lines 2,201 and 2,301: the header is line 1.
    expect(stderr.filter((write) => /account BAD\d:/.test(write))).toEqual([
      expect.stringContaining('accounts.csv:line 2201: account BAD1: monthly_income'),
      expect.stringContaining('accounts.csv:line 2301: account BAD2: monthly_income'),
    ]);
    // The rows are read (and the bar drawn at 1,000 and 2,000) before the rejection is known.
    const first = stderr.findIndex((write) => write.includes('account BAD1:'));
    expect(isBar(stderr[first - 2] ?? '')).toBe(true);
    expect(stderr[first - 1]).toBe(CLEAR);
    expect(stderr.slice(first).some(isBar)).toBe(true);
    expectNothingWrittenOntoTheBar(stderr);
  });

  it('clears the bar before the error when the input fails part way', async () => {
    // One line at a time, so the rows before the failure are read (and the bar drawn at 1,000) first.
    async function* linesThenFailure() {
      yield* accountsCsv(1_500).split(/(?<=\n)/);
      throw new Error('the connection was reset');
    }
    const { code, stderr } = await runAtTerminal(['-', '-o', accountsFile('').output], Readable.from(linesThenFailure()));
    expect(code).toBe(2);
    const error = stderr.findIndex((write) => write.startsWith('fairplan: stdin: cannot be read: the connection was reset'));
    expect(isBar(stderr[error - 2] ?? '')).toBe(true);
    expect(stderr[error - 1]).toBe(CLEAR);
    expectNothingWrittenOntoTheBar(stderr);
  });

  it('shows no bar, and says nothing, with --quiet', async () => {
    const { file, output } = accountsFile(accountsCsv(2_500));
    const { code, stderr } = await runAtTerminal([file, '-o', output, '--quiet']);
    expect(code).toBe(0);
    expect(stderr).toEqual([]);
  });
});
