import { describe, expect, it } from 'vitest';
import { readAccount, type Account, type Rejection } from '../../src/batch/account.js';
import { FIELDS } from '../../src/batch/fields.js';
import { resolveColumns } from '../../src/batch/mapping.js';

const layout = resolveColumns([...FIELDS], {}, { kind: 'none' }, 'accounts.csv');
const GOOD: Record<string, string> = {
  account_id: 'ACC1',
  customer_name: 'Mary Jones',
  balance: '2,462.77',
  apr: '19.9',
  monthly_income: '£2,657.04',
  housing: '1050.23',
  council_tax: '214.94',
  utilities: '116.22',
  food: '390.61',
  transport: '106.45',
  other_expenses: '136.58',
  pay_frequency: 'four_weekly',
  next_pay_date: '2026-01-10',
};
const row = (changes: Record<string, string> = {}) => FIELDS.map((f) => changes[f] ?? GOOD[f] ?? '');
const read = (changes: Record<string, string> = {}) => readAccount(row(changes), layout, 7);
const rejected = (changes: Record<string, string>) => read(changes) as Rejection;

describe('reading an account row', () => {
  it('reads amounts to whole pence, the frequency and the next pay date', () => {
    const account = read() as Account;
    expect(account.balance).toBe(246277);
    expect(account.income).toBe(265704);
    expect(account.expenses.council_tax).toBe(21494);
    expect(account.apr?.toString()).toBe('19.9');
    expect(account.pay).toEqual({ frequency: 'four-weekly', nextPayDate: '2026-01-10' });
  });

  it('reads the last day of a Breathing Space, when the row records one', () => {
    expect((read({ breathing_space_end: '2026-03-01' }) as Account).breathingSpaceEnd).toBe('2026-03-01');
    expect((read() as Account).breathingSpaceEnd).toBeUndefined();
  });

  it('rejects a Breathing Space end that is not a date, naming the field', () => {
    const rejection = rejected({ breathing_space_end: '01/03/2026' });
    expect(rejection).toMatchObject({ field: 'breathing_space_end', code: 'invalid-date' });
  });

  it('treats a blank or nil APR as none recorded', () => {
    expect((read({ apr: '' }) as Account).apr).toBeUndefined();
    expect((read({ apr: '0.00' }) as Account).apr).toBeUndefined();
  });

  // The code a script filters on; the sentence too where its wording is what a person needs (a suggestion, a question).
  it.each([
    [{ balance: '' }, 'balance', 'missing-value'],
    [{ food: 'lots' }, 'food', 'invalid-amount'],
    [{ balance: '-50.00' }, 'balance', 'negative-amount'],
    [{ housing: '-1' }, 'housing', 'negative-amount'],
    [{ balance: '0.00' }, 'balance', 'nil-balance'],
    [{ transport: '12.345' }, 'transport', 'invalid-amount'],
    [{ apr: 'high' }, 'apr', 'invalid-apr'],
    [{ apr: '250' }, 'apr', 'invalid-apr'],
    [{ pay_frequency: 'montly' }, 'pay_frequency', 'invalid-frequency', 'pay_frequency "montly" is not a frequency; did you mean "monthly"?'],
    [{ pay_frequency: 'annual' }, 'pay_frequency', 'invalid-frequency'],
    [{ next_pay_date: '2026-02-30' }, 'next_pay_date', 'invalid-date'],
    [{ next_pay_date: '10/01/2026' }, 'next_pay_date', 'invalid-date'],
    [{ next_pay_date: '9999-12-31' }, 'next_pay_date', 'invalid-date'],
    [{ pay_frequency: 'biweekly' }, 'pay_frequency', 'invalid-frequency', 'pay_frequency "biweekly" is ambiguous: every two weeks, or twice a week?'],
    [{ monthly_income: '$2,000.00' }, 'monthly_income', 'invalid-amount', 'monthly_income "$2,000.00" is in dollars, but the amounts here are in pounds'],
    [{ account_id: ' ' }, 'account_id', 'missing-value'],
  ])('rejects %j, naming the field, with its code', (changes, field, code, said?: string) => {
    const rejection = rejected(changes);
    expect(rejection).toMatchObject({ line: 7, field, code });
    if (said !== undefined) expect(rejection.reason).toContain(said);
    expect(rejection.cells).toEqual(row(changes));
  });

  it('names the account when it has one', () => {
    expect(rejected({ balance: '' }).accountId).toBe('ACC1');
    expect(rejected({ account_id: '' }).accountId).toBeUndefined();
  });

  it('rejects an id a spreadsheet would run as a formula, rather than writing it changed; a signed number is an id like any other', () => {
    for (const id of ['=HYPERLINK("http://x")', '+A1', '-A1', '@SUM(A1)']) {
      expect(rejected({ account_id: id })).toMatchObject({ accountId: id, field: 'account_id', code: 'formula-id' });
    }
    for (const id of ['-1200', '+447700900123', 'ACC-1', 'A=B']) expect((read({ account_id: id }) as Account).id).toBe(id);
  });

  it('rejects a row with the wrong number of fields as a whole, keeping it as it was', () => {
    const cells = ['ACC1', 'Mary Jones', '100.00'];
    const rejection = readAccount(cells, layout, 9) as Rejection;
    expect(rejection).toEqual({ line: 9, accountId: 'ACC1', reason: 'the row has 3 fields; the header has 15', code: 'wrong-field-count', cells });
  });
});
