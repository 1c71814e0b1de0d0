import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/io/streams.js';
import { parseIsoDate } from '../../src/core/date.js';
import { FairplanError } from '../../src/core/errors.js';
import { csvLine } from '../../src/io/csv.js';
import { FIELDS } from '../../src/batch/fields.js';
import { runBatch, type BatchOptions } from '../../src/batch/run.js';

const io: Io = {
  stdout: { write: () => true },
  stderr: { write: () => true },
  stdin: Readable.from([]),
  env: {},
  cwd: '.',
  now: () => new Date(0),
};

async function run(csv: string, overrides: Partial<BatchOptions> = {}) {
  const dir = await mkdtemp(path.join(tmpdir(), 'fairplan-batch-'));
  const input = path.join(dir, 'in.csv');
  await writeFile(input, csv);
  const options: BatchOptions = {
    input,
    output: path.join(dir, 'results.ndjson'),
    errors: path.join(dir, 'rejected.ndjson'),
    json: true,
    delimiter: ',',
    columns: {},
    carry: { kind: 'none' },
    asOf: parseIsoDate('2026-01-05'),
    interest: 'frozen',
    workers: 0,
    ...overrides,
  };
  const summary = await runBatch(options, io);
  const lines = async (file: string) => (await readFile(file, 'utf8')).split('\n').filter(Boolean).length;
  return { summary, results: await lines(options.output), rejected: await lines(options.errors ?? '') };
}

const GOOD = ['ACC1', 'Mary Jones', '2462.77', '19.90', '2657.04', '1050.23', '214.94', '116.22', '390.61', '106.45', '136.58', 'monthly', '2026-01-10', '', ''];

// Cells of every kind a messy export has: good values, wrong ones, and text that tests the CSV quoting.
const messyCell = (i: number) =>
  fc.oneof(
    fc.constant(GOOD[i] ?? ''),
    fc.constant(GOOD[i] ?? ''),
    fc.constantFrom('', ' ', '-5', '£1,234.50', '1,234.5', '12,34', 'abc', 'montly', 'weekly', '2026-02-30', '=1+2', '0'),
    fc.string({ unit: fc.constantFrom('a', '1', ',', '"', '\n', '\r\n', ';', ' ', '£', '.'), maxLength: 8 }),
  );
const messyRow = fc.oneof(
  fc.tuple(...FIELDS.map((_, i) => messyCell(i))),
  fc.array(messyCell(0), { minLength: 1, maxLength: 16 }),
);

describe('a batch run on a messy file', () => {
  it('writes or rejects every row it reads, and reads every row written to the file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(messyRow, { maxLength: 25 }), async (rows) => {
        const csv = csvLine([...FIELDS]) + rows.map((r) => csvLine(r.map((c) => (c === '' && r.length === 1 ? ' ' : c)))).join('');
        const outcome = await run(csv).catch((error: unknown) => error);
        if (outcome instanceof FairplanError) {
          // A file whose every row is rejected for one column is refused whole, in one line.
          expect(outcome.message).toMatch(/^every one of the first \d+ rows is rejected for /);
          expect(rows.length).toBeGreaterThanOrEqual(2);
          return;
        }
        if (outcome instanceof Error) throw outcome;
        const { summary, results, rejected } = outcome as Awaited<ReturnType<typeof run>>;
        expect(summary.read).toBe(rows.length);
        expect(summary.written + summary.rejected).toBe(summary.read);
        expect(results).toBe(summary.written);
        expect(rejected).toBe(summary.rejected);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps the books balanced even when the quoting is broken', async () => {
    const junk = fc.string({ unit: fc.constantFrom('a', '1', ',', '"', '\n', '\r\n', ' ', '2026-01-10', 'monthly'), maxLength: 200 });
    await fc.assert(
      fc.asyncProperty(junk, async (body) => {
        const { summary, results, rejected } = await run(csvLine([...FIELDS]) + csvLine(GOOD) + body);
        expect(summary.written + summary.rejected).toBe(summary.read);
        expect(results).toBe(summary.written);
        expect(rejected).toBe(summary.rejected);
      }),
      { numRuns: 60 },
    );
  });
});

describe('progress', () => {
  it('is reported every 1,000 rows with the bytes read from the file so far', async () => {
    const header = csvLine([...FIELDS]);
    // Every row the same length, so the bytes up to any row are known.
    const row = (i: number) => csvLine([`ACC${String(i).padStart(6, '0')}`, ...GOOD.slice(1)]);
    const csv = header + Array.from({ length: 2_500 }, (_, i) => row(i)).join('');
    const calls: [number, number][] = [];
    await run(csv, { onProgress: (rows, bytes) => calls.push([rows, bytes]) });
    expect(calls.map(([rows]) => rows)).toEqual([1_000, 2_000]);
    for (const [rows, bytes] of calls) {
      // A row cannot have been read before its bytes were; nor more bytes than the file has.
      expect(bytes).toBeGreaterThanOrEqual(header.length + rows * row(0).length);
      expect(bytes).toBeLessThanOrEqual(csv.length);
    }
  });
});

describe('a grouped batch run (--group-by)', () => {
  // 1,200 accounts, three to a customer, each customer's budget the same: chunks of 500 rows would
  // split the 167th customer, were a customer's rows not kept in one chunk.
  const groupedCsv = (): string => {
    const lines = [csvLine(['customer_id', ...FIELDS])];
    for (let n = 0; n < 1_200; n++) lines.push(csvLine([`C${Math.floor(n / 3)}`, `ACC${n}`, ...GOOD.slice(1)]));
    return lines.join('');
  };

  it("plans every customer's three accounts together, though the chunks are of 500 rows", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'fairplan-batch-'));
    const output = path.join(dir, 'results.ndjson');
    const { summary } = await run(groupedCsv(), { groupBy: 'customer_id', output });
    expect(summary).toMatchObject({ read: 1_200, written: 1_200, rejected: 0 });
    const results = (await readFile(output, 'utf8')).trimEnd().split('\n').map((line) => JSON.parse(line) as { available: string; recommended: { instalment: string } });
    const pence = (text: string) => Math.round(Number(text) * 100);
    // Equal balances: each account receives a third of what the household pays each month.
    for (const result of results) expect(Math.abs(3 * pence(result.recommended.instalment) - pence(result.available))).toBeLessThanOrEqual(2);
  });

  it('names the customer column and the account of a row out of place or naming no customer, as every rejection does', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'fairplan-batch-'));
    const errors = path.join(dir, 'rejected.ndjson');
    const rows = [['A', 'ACC1'], ['B', 'ACC2'], ['A', 'ACC3'], [' ', 'ACC4']];
    const csv = [csvLine(['customer_id', ...FIELDS]), ...rows.map(([customer, id]) => csvLine([customer ?? '', id ?? '', ...GOOD.slice(1)]))].join('');
    const { summary } = await run(csv, { groupBy: 'customer_id', errors });
    expect(summary).toMatchObject({ read: 4, written: 2, rejected: 2 });
    const rejected = (await readFile(errors, 'utf8')).trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(rejected).toMatchObject([
      { rejected_line: 4, account_id: 'ACC3', rejected_field: 'customer_id', rejected_code: 'customer-rows-apart' },
      { rejected_line: 5, account_id: 'ACC4', rejected_field: 'customer_id', rejected_code: 'missing-value' },
    ]);
  });
});

describe('an account listed twice', () => {
  const rejectedRows = async (errors: string) => (await readFile(errors, 'utf8')).trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

  it('is planned once, from its first row; the repeat is rejected naming the line it was first on, however far apart', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'fairplan-batch-'));
    const errors = path.join(dir, 'rejected.ndjson');
    // ACC1 on line 2 and again on line 1,203, chunks of 500 rows apart; " ACC7 " is ACC7 as the row is read.
    const ids = ['ACC1', ...Array.from({ length: 1_200 }, (_, i) => `ACC${i + 2}`), 'ACC1', ' ACC7 '];
    const csv = csvLine([...FIELDS]) + ids.map((id) => csvLine([id, ...GOOD.slice(1)])).join('');
    const { summary } = await run(csv, { errors });
    expect(summary).toMatchObject({ read: 1_203, written: 1_201, rejected: 2 });
    expect(await rejectedRows(errors)).toMatchObject([
      { rejected_line: 1_203, account_id: 'ACC1', rejected_field: 'account_id', rejected_code: 'repeated-account', rejected_reason: 'account ACC1 is on line 2 already: an account is planned from one row only' },
      { rejected_line: 1_204, account_id: 'ACC7', rejected_field: 'account_id', rejected_code: 'repeated-account', rejected_reason: 'account ACC7 is on line 8 already: an account is planned from one row only' },
    ]);
  });

  it('under --group-by, within one customer or across two, is rejected the same way and leaves the household planned without it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'fairplan-batch-'));
    const errors = path.join(dir, 'rejected.ndjson');
    const output = path.join(dir, 'results.ndjson');
    const rows = [['A', 'ACC1'], ['A', 'ACC1'], ['A', 'ACC2'], ['B', 'ACC2'], ['B', 'ACC3']];
    const csv = [csvLine(['customer_id', ...FIELDS]), ...rows.map(([customer, id]) => csvLine([customer ?? '', id ?? '', ...GOOD.slice(1)]))].join('');
    const { summary } = await run(csv, { groupBy: 'customer_id', errors, output });
    expect(summary).toMatchObject({ read: 5, written: 3, rejected: 2 });
    expect(await rejectedRows(errors)).toMatchObject([
      { rejected_line: 3, account_id: 'ACC1', rejected_field: 'account_id', rejected_code: 'repeated-account' },
      { rejected_line: 5, account_id: 'ACC2', rejected_field: 'account_id', rejected_code: 'repeated-account' },
    ]);
    const written = (await readFile(output, 'utf8')).trimEnd().split('\n').map((line) => (JSON.parse(line) as { account_id: string }).account_id);
    expect(written).toEqual(['ACC1', 'ACC2', 'ACC3']);
  });
});
