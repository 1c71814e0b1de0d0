/**
 * The batch promise, fuzzed: on a damaged export, every account is either written with its own
 * figures or rejected as its own row, and one thread and worker threads write the same bytes.
 *
 * CI runs a fixed seed and a few dozen files; `npm run fuzz -- --runs N [--seed S]` runs longer.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPence } from '../../src/core/pence.js';
import { runCli } from '../helpers/cli.js';
import { exportSpec, hostileExport, type HostileExport } from '../helpers/hostile-export.js';

const RUNS = Number(process.env.FAIRPLAN_FUZZ_RUNS ?? 25);
const SEED = Number(process.env.FAIRPLAN_FUZZ_SEED ?? 20261130);
// Past 500 rows a file goes to worker threads in chunks, so some files must be longer than that.
const MOST_ACCOUNTS = 1_200;

interface Written {
  readonly line: number;
  readonly account_id: string;
  readonly monthly_income: string;
  readonly expenditure: string;
  readonly recommended: { readonly total: string; readonly outcome: string; readonly interest: string };
}
interface Rejected {
  readonly line: number;
}

const ndjson = <T>(text: string): T[] =>
  text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as T);

/** `workers` undefined: the default (one worker thread where there is a second core). */
async function batch(file: string, dir: string, workers?: string) {
  const errors = path.join(dir, `rejected-${workers ?? 'default'}.ndjson`);
  const threads = workers === undefined ? [] : ['--workers', workers];
  const result = await runCli(['batch', file, '--json', '--errors', errors, '--as-of', '2026-01-05', ...threads]);
  return { ...result, errors: readFileSync(errors, 'utf8') };
}

/** The invariant, checked against what the file was made from. */
function checkEveryAccount(file: HostileExport, written: readonly Written[], rejected: readonly Rejected[]): void {
  const rowsAt = new Map<number, number>();
  for (const { line } of [...written, ...rejected]) rowsAt.set(line, (rowsAt.get(line) ?? 0) + 1);
  // No line gives two rows, and every row starts on a line of some account.
  for (const [line, count] of rowsAt) {
    expect(count, `line ${line} gave ${count} rows`).toBe(1);
    expect(
      file.accounts.some((a) => a.line <= line && line <= a.lastLine),
      `a row at line ${line}, where no account is`,
    ).toBe(true);
  }
  const writtenAt = new Map(written.map((w) => [w.line, w]));
  const intactIds = new Set(file.accounts.filter((a) => a.intact).map((a) => a.account.id));
  for (const { account, line, lastLine, intact } of file.accounts) {
    if (intact) {
      // Written, at its own line, with its own figures, and nowhere else.
      const row = writtenAt.get(line);
      expect(row?.account_id, `intact account ${account.id} at line ${line}`).toBe(account.id);
      expect(row?.monthly_income).toBe(formatPence(account.income));
      expect(row?.expenditure).toBe(formatPence(account.expenditure));
      if (row?.recommended.outcome === 'repaid' && row.recommended.interest === '0.00') {
        expect(row.recommended.total).toBe(formatPence(account.balance));
      }
    } else {
      // A damaged account is never lost: some row starts on one of its lines.
      const found = [...rowsAt.keys()].some((l) => line <= l && l <= lastLine);
      expect(found, `damaged account ${account.id} (lines ${line}–${lastLine}) has no row`).toBe(true);
    }
  }
  for (const row of written) {
    const own = file.accounts.find((a) => a.line === row.line);
    // An intact account's id on any other line would be an account written twice or re-labelled.
    if (intactIds.has(row.account_id)) expect(own?.account.id, `${row.account_id} written at line ${row.line}`).toBe(row.account_id);
    expect(row.account_id).not.toContain('\uFFFD');
  }
}

describe('a batch run on damaged exports', () => {
  it(
    'writes every intact account with its own figures, never loses a damaged one, and writes the same bytes with or without workers',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'fairplan-fuzz-'));
      await fc.assert(
        fc.asyncProperty(exportSpec(MOST_ACCOUNTS), async (spec) => {
          const file = hostileExport(spec);
          const input = path.join(dir, 'accounts.csv');
          writeFileSync(input, file.bytes);
          // The two runs read the same file and write their own: run together, they keep both cores
          // of a 2-core CI box busy (one at a time, the one-thread run left the second idle).
          const [one, workers] = await Promise.all([batch(input, dir, '0'), batch(input, dir)]);
          expect([0, 1, 3], one.stderr).toContain(one.code);
          const written = ndjson<Written>(one.stdout);
          const rejected = ndjson<Rejected>(one.errors);
          checkEveryAccount(file, written, rejected);
          // The summary counts every row it read as written or rejected.
          const total = written.length + rejected.length;
          expect(one.stderr).toContain(`${total.toLocaleString('en-GB')} rows read: ${written.length.toLocaleString('en-GB')} written, ${rejected.length.toLocaleString('en-GB')} rejected`);
          // 3 when nothing is usable: every row rejected.
          expect(one.code).toBe(rejected.length === 0 ? 0 : written.length === 0 ? 3 : 1);
          expect(workers.code).toBe(one.code);
          expect(workers.stdout).toBe(one.stdout);
          expect(workers.errors).toBe(one.errors);
        }),
        // In CI a failure is reported at once; `npm run fuzz` shrinks it to a small file first.
        { numRuns: RUNS, seed: SEED, endOnFailure: process.env.CI === 'true' },
      );
    },
    30 * 60_000,
  );
});
