/**
 * A result line, and a schedule line, is a CSV line a spreadsheet or loader reads back as the
 * header's columns: the cells copied from the input (the id, carried columns) quoted and neutralised
 * as needed, and fairplan's own figures, dates and words as they are.
 */
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readAccount, type Account } from '../../src/batch/account.js';
import { safeCell, wouldRunAsFormula } from '../../src/io/csv.js';
import { FIELDS } from '../../src/batch/fields.js';
import { ByteLines } from '../../src/batch/byte-lines.js';
import { rejectionHeader, resultHeader, SCHEDULE_HEADER, writeResult, writeSchedule } from '../../src/batch/format.js';
import { resolveColumns } from '../../src/batch/mapping.js';
import { planAccount } from '../../src/batch/plan.js';
import { parseIsoDate } from '../../src/core/date.js';
import { fromPence, toFixed2 } from '../../src/core/money.js';
import { penceTerms, resolvePlanTerms } from '../../src/core/plan/index.js';

const headers = [...FIELDS, 'Branch', 'Note'];
const layout = resolveColumns(headers, {}, { kind: 'all' }, 'accounts.csv');
const settings = { terms: penceTerms(resolvePlanTerms({ asOf: parseIsoDate('2026-01-05') })), interest: 'frozen', schedules: false } as const;

// Text that needs quoting or neutralising, and amounts from a deficit to a comfortable surplus.
const text = fc.string({ unit: fc.constantFrom('a', '1', ',', '"', '\n', ';', ' ', '=', '+', '-', '@', '£', 'é', '€', '😀'), minLength: 1, maxLength: 10 });
const pounds = (max: number) => fc.integer({ min: 0, max }).map((p) => `${Math.floor(p / 100)}.${String(p % 100).padStart(2, '0')}`);

const row = fc.record({
  // An id a spreadsheet would run is rejected when read (test/batch/account.test.ts).
  account_id: text.filter((t) => t.trim() !== '' && !wouldRunAsFormula(t.trim())),
  customer_name: text,
  balance: pounds(5_000_000).filter((b) => b !== '0.00'),
  apr: fc.constant(''),
  monthly_income: pounds(600_000),
  housing: pounds(150_000),
  council_tax: pounds(30_000),
  utilities: pounds(30_000),
  food: pounds(80_000),
  transport: pounds(40_000),
  other_expenses: pounds(50_000),
  pay_frequency: fc.constantFrom('weekly', 'fortnightly', 'four-weekly', 'monthly'),
  next_pay_date: fc.constantFrom('2026-01-05', '2026-01-31', '2026-02-28', '2026-12-24'),
  Branch: text,
  Note: text,
});

/** A generated row, read and planned. */
function planned(fields: Record<string, string>, planSettings: Parameters<typeof planAccount>[1]) {
  const account = readAccount(headers.map((h) => fields[h] ?? ''), layout, 2) as Account;
  return { account, result: planAccount(account, planSettings) };
}

/** What was written, read back as CSV. */
const readBack = (out: ByteLines): string[][] => parse(Buffer.from(out.take()).toString('utf8'), { relax_column_count: false }) as string[][];

describe('a result line', () => {
  it('reads back as the header columns, with the copied cells made safe and the figures as written', () => {
    fc.assert(
      fc.property(row, (fields) => {
        const { result } = planned(fields, settings);
        const out = new ByteLines();
        writeResult(out, result);
        const [cells] = readBack(out);
        const header = resultHeader(layout);
        expect(cells).toHaveLength(header.length);
        // The id as it was read, never given an apostrophe: the results are matched on it.
        expect(cells?.slice(0, 3)).toEqual([fields.account_id.trim(), safeCell(fields.Branch), safeCell(fields.Note)]);
        const cell = (name: string) => cells?.[header.indexOf(name)];
        expect(cell('monthly_income')).toBe(fields.monthly_income);
        expect(cell('plan')).toMatch(/^(affordable|fixed-term-\d+|token)$/);
        expect(cell('first_date')).toBe(result.recommended.firstDate);
        expect(cell('alternatives')).not.toMatch(/[",\n]/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the header lines', () => {
  it('neutralise carried column names a spreadsheet would run as formulas, like cells', () => {
    const hostile = resolveColumns([...FIELDS, '=HYPERLINK("x")', '@SUM(A1)', 'Branch'], {}, { kind: 'all' }, 'accounts.csv');
    expect(resultHeader(hostile).slice(0, 4)).toEqual(['account_id', `'=HYPERLINK("x")`, "'@SUM(A1)", 'Branch']);
    expect(rejectionHeader(hostile.headers).slice(-3)).toEqual([`'=HYPERLINK("x")`, "'@SUM(A1)", 'Branch']);
  });
});

describe('a schedule line', () => {
  it('reads back as the schedule header columns, one line per instalment, with the id as it was read', () => {
    const withSchedules = { ...settings, schedules: true } as const;
    const money = (pence: number) => toFixed2(fromPence(BigInt(pence)));
    fc.assert(
      fc.property(row, (fields) => {
        const { account, result } = planned(fields, withSchedules);
        const out = new ByteLines();
        writeSchedule(out, result);
        const lines = readBack(out);
        const instalments = result.instalments ?? [];
        expect(lines).toHaveLength(result.recommended.instalmentCount);
        expect(instalments).toHaveLength(result.recommended.instalmentCount);
        instalments.forEach((instalment, k) => {
          const cells = lines[k];
          expect(cells).toEqual([
            account.id,
            result.recommended.kind === 'fixed-term' ? `fixed-term-${result.recommended.termMonths}` : result.recommended.kind,
            String(k + 1),
            instalment.due,
            instalment.movedFrom ?? '',
            money(Number(instalment.amount)),
            '0.00',
            money(Number(instalment.principal)),
            money(Number(instalment.balanceAfter)),
          ]);
          expect(cells).toHaveLength(SCHEDULE_HEADER.length);
        });
      }),
      { numRuns: 100 },
    );
  });
});
