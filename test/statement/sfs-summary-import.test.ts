import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { assessAffordability } from '../../src/core/affordability/assess.js';
import { parseIsoDate } from '../../src/core/date.js';
import { FairplanError } from '../../src/core/errors.js';
import { toFixed2 } from '../../src/core/money.js';
import { loadStatement, loadStatementDocument, parseRawText, parseStatementDocument } from '../../src/statement/load.js';
import type { RawValue } from '../../src/statement/raw.js';
import { isSfsSummary } from '../../src/statement/sfs-summary-import.js';
import { fixture } from '../helpers/cli.js';

const summary = (name: string) => fixture('statements', 'sfs', name);
const totalsOf = async (path: string) => {
  const { totals, offers } = assessAffordability(await loadStatement(path), { asOf: parseIsoDate('2027-01-04') });
  return {
    income: toFixed2(totals.income),
    fixed: toFixed2(totals.fixed),
    flexible: toFixed2(totals.flexible),
    available: toFixed2(totals.available),
    priorityPayments: toFixed2(totals.priorityPayments),
    offers: offers.map((o) => [o.debt.creditor, toFixed2(o.debt.balance), toFixed2(o.offer)]),
  };
};

describe('reading an SFS summary', () => {
  it('is told from a data-entry document by its shape, and gives the figures of the household it summarises', async () => {
    // sfs-summary.json summarises the data-entry document sfs-household.json.
    const { warnings } = await loadStatementDocument(summary('sfs-summary.json'));
    expect(warnings).toEqual([]);
    expect(await totalsOf(summary('sfs-summary.json'))).toEqual(await totalsOf(summary('sfs-household.json')));
    expect((await totalsOf(summary('sfs-summary.json'))).available).toBe('164.66');
  });

  it('reads the named lines as lines, and each other section from its total', async () => {
    const { statement } = await loadStatementDocument(summary('sfs-summary.json'));
    const line = (label: string) => statement.expenditure.find((l) => l.label === label);
    expect(line('rent')).toMatchObject({ category: 'home', frequency: 'monthly' });
    expect(toFixed2(line('rent')?.amount ?? statement.income[0]!.amount)).toBe('540.00');
    expect(statement.expenditure.filter((l) => l.category === 'water').map((l) => toFixed2(l.amount))).toEqual(['44.60']);
    expect(statement.income.map((l) => [l.category, toFixed2(l.amount)])).toEqual([['earnings', '2030.50'], ['benefits', '299.30']]);
  });

  it('brings its priority and non-priority debts across as debts, with balances and offers', async () => {
    const { statement } = await loadStatementDocument(summary('sfs-summary.json'));
    expect(statement.priorityDebts.map((d) => [d.creditor, toFixed2(d.balance), toFixed2(d.payment), d.frequency])).toEqual([
      ['Eastvale Council', '286.00', '25.00', 'monthly'],
      ['Clearwater Water', '142.30', '10.00', 'monthly'],
    ]);
    expect(statement.debts.map((d) => [d.creditor, toFixed2(d.balance), d.ccj])).toEqual([
      ['Harbour Bank (credit card)', '3200.50', false],
      ['Lumen Shopping (catalogue)', '845.00', false],
      ['Quickline Loans', '1100.00', true],
    ]);
    expect(statement.debts[2]?.note).toBe('CCJ from 2025');
  });

  it('names each stated total that disagrees with its figures, with both values, and goes on with the computed ones', async () => {
    // Three totals of sfs-summary.json changed by hand: fixed costs, what is available, what is owed.
    const { warnings } = await loadStatementDocument(summary('sfs-summary-wrong-totals.json'));
    expect(warnings.map((w) => [w.code, w.path, toFixed2(w.stated!), toFixed2(w.computed!)])).toEqual([
      ['sfs-figure-differs', 'monthly-outgoings.fixed-costs.total-fixed-costs', '1302.14', '1312.14'],
      ['sfs-figure-differs', 'overview.total-available-for-non-priority-debts', '174.66', '164.66'],
      ['sfs-figure-differs', 'debts.total-non-priority-debts', '5045.50', '5145.50'],
    ]);
    expect(warnings[0]?.message).toBe('states 1,302.14 but the fixed costs add up to 1,312.14');
    expect(await totalsOf(summary('sfs-summary-wrong-totals.json'))).toEqual(await totalsOf(summary('sfs-summary.json')));
  });

  it('works out the overview from the summary: income − outgoings − savings − fee − priority offers', async () => {
    const text = (await readFile(summary('sfs-summary.json'), 'utf8')).replace('"savings-contribution": 10.00', '"savings-contribution": 20.00');
    const { warnings } = parseStatementDocument(text, 'summary.json');
    // 2,329.80 − 2,120.14 − 20.00 − 0.00 = 189.66; less 35.00 of priority offers, 154.66.
    expect(warnings.map((w) => [w.path, toFixed2(w.computed!)])).toEqual([
      ['overview.total-available-for-priority-debts', '189.66'],
      ['overview.total-available-for-non-priority-debts', '154.66'],
    ]);
  });

  it('is not mistaken for a fairplan statement or a data-entry document', async () => {
    expect(isSfsSummary({ household: {}, confirmations: {} } as unknown as RawValue)).toBe(false);
    const dataEntry = parseRawText(await readFile(summary('sfs-household.json'), 'utf8'), 'household.json');
    expect([isSfsSummary(dataEntry), isSfsSummary(parseRawText(await readFile(summary('sfs-summary.json'), 'utf8'), 's.json'))]).toEqual([false, true]);
  });

  it('reads a document as a summary when told to, naming the fields a summary does not have', async () => {
    const text = await readFile(summary('sfs-household.json'), 'utf8');
    const error = (() => {
      try {
        return parseStatementDocument(text, 'household.json', 'sfs-summary');
      } catch (e) {
        return e;
      }
    })() as FairplanError;
    expect(error).toBeInstanceOf(FairplanError);
    expect(error.context.problems?.find((p) => p.path === 'monthly-income')?.message).toContain(
      '"earnings" is not a field of the SFS summary monthly income (expected total-earnings,',
    );
  });

  it('refuses a figure in fractions of a penny rather than rounding it away', async () => {
    const text = (await readFile(summary('sfs-summary.json'), 'utf8')).replace('"rent": 540.00', '"rent": "12.345"');
    const error = (() => {
      try {
        return parseStatementDocument(text, 'summary.json', 'sfs-summary');
      } catch (e) {
        return e;
      }
    })() as FairplanError;
    expect(error).toBeInstanceOf(FairplanError);
    expect(error.context.problems).toContainEqual({ path: 'monthly-outgoings.fixed-costs.rent', message: '12.345 is not in whole pence: an SFS figure is in pounds and pence' });
  });
});
