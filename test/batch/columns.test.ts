/**
 * A field read from several columns of an export, each at its own frequency: the columns are added,
 * each made monthly and rounded half up to the penny once (the footing rule), and a rejected row
 * names the export's own column.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMapping } from '../../src/batch/mapping-file.js';
import { readAccount, type Account, type Rejection } from '../../src/batch/account.js';
import { resolveColumns, type ColumnNames } from '../../src/batch/mapping.js';
import { renderError } from '../../src/render/shared/error.js';

const HEADERS = ['Ref', 'Owed', 'Weekly wage', 'Child Benefit', 'Rent', 'Council Tax', 'Energy', 'Water', 'Phone', 'Groceries', 'Travel', 'Other', 'Paid', 'Next Payday'];
const NAMES: ColumnNames = {
  account_id: 'Ref',
  balance: 'Owed',
  monthly_income: [{ column: 'Weekly wage', frequency: 'weekly' }, { column: 'Child Benefit', frequency: 'four-weekly' }],
  housing: 'Rent',
  council_tax: 'council tax',
  utilities: ['Energy', 'Water', 'PHONE'],
  food: { column: 'Groceries', frequency: 'weekly' },
  transport: 'Travel',
  other_expenses: 'Other',
  pay_frequency: 'Paid',
  next_pay_date: 'Next Payday',
};
const layout = resolveColumns(HEADERS, NAMES, { kind: 'none' }, 'export.csv');
const ROW = ['R1', '2400.00', '450.00', '102.42', '650.00', '120.50', '95.00', '38.20', '42.99', '85.00', '60.00', '45.00', 'weekly', '2026-01-16'];
const read = (changes: Record<number, string> = {}) => readAccount(ROW.map((cell, i) => changes[i] ?? cell), layout, 2);

const refusal = (names: ColumnNames): string[] => {
  try {
    resolveColumns(HEADERS, names, { kind: 'none' }, 'export.csv');
  } catch (error) {
    return renderError(error);
  }
  throw new Error('the mapping was accepted');
};

describe('a field read from several columns', () => {
  it('adds the columns, each made monthly and rounded half up to the penny before they are added', () => {
    const account = read() as Account;
    // 450.00 a week × 52 ÷ 12 = 1,950.00; 102.42 four-weekly × 13 ÷ 12 = 110.955, half up 110.96.
    expect(account.income).toBe(195_000 + 11_096);
    expect(account.expenses.utilities).toBe(9_500 + 3_820 + 4_299);
    // 85.00 a week × 52 ÷ 12 = 368.333…: 368.33.
    expect(account.expenses.food).toBe(36_833);
    expect(account.expenses.housing).toBe(65_000);
  });

  it('finds each column by the one rule for column names, and keeps the order the mapping gives', () => {
    expect(layout.sources.utilities.map((s) => s.header)).toEqual(['Energy', 'Water', 'Phone']);
    expect(layout.sources.monthly_income.map((s) => s.frequency)).toEqual(['weekly', 'four-weekly']);
    expect(layout.index.utilities).toBe(HEADERS.indexOf('Energy'));
  });

  it("rejects a row naming the export's own column, not fairplan's field", () => {
    const rejection = read({ 7: '' }) as Rejection;
    expect(rejection.field).toBe('Water');
    expect(rejection.reason).toBe('Water is missing');
    expect((read({ 1: '-5' }) as Rejection).field).toBe('Owed');
    expect((read({ 13: '16/01/2026' }) as Rejection).field).toBe('Next Payday');
  });

  it('refuses several columns or a frequency where they mean nothing, and a column counted twice', () => {
    expect(refusal({ ...NAMES, account_id: ['Ref', 'Owed'] }).join('\n')).toMatch(/account_id: is read from one column, not 2/);
    expect(refusal({ ...NAMES, balance: { column: 'Owed', frequency: 'weekly' } }).join('\n')).toMatch(/balance: has no frequency/);
    expect(refusal({ ...NAMES, other_expenses: ['Other', 'Water'] }).join('\n')).toMatch(/column "Water" is read for utilities already/);
    expect(refusal({ ...NAMES, utilities: ['Energy', 'Nope'] }).join('\n')).toMatch(/missing column "Nope" for utilities/);
  });
});

describe('a mapping file', () => {
  const load = async (json: unknown): Promise<string[] | Awaited<ReturnType<typeof loadMapping>>> => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'fairplan-map-')), 'map.json');
    writeFileSync(file, JSON.stringify(json));
    try {
      return await loadMapping(file);
    } catch (error) {
      return renderError(error);
    }
  };

  it('reads several columns and frequencies, and passes over keys starting // as notes', async () => {
    const mapping = await load({
      '//': 'guessed',
      columns: { '//utilities': 'check it', utilities: ['Energy', { column: 'Water', frequency: 'quarterly' }], balance: 'Owed' },
    });
    expect(mapping).toEqual({ columns: { utilities: ['Energy', { column: 'Water', frequency: 'quarterly' }], balance: 'Owed' } });
  });

  it('refuses a frequency it does not know and a field that is not one, naming where', async () => {
    const refused = (await load({ columns: { food: { column: 'Groceries', frequency: 'biweekly' }, utilties: 'Energy' } })) as string[];
    expect(refused.join('\n')).toMatch(/columns\.food/);
    expect(refused.join('\n')).toMatch(/"utilties" is not a field \(did you mean "utilities"\?\)/);
  });
});
