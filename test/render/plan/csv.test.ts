import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { PlanProposal } from '../../../src/core/plan/types.js';
import { renderScheduleCsv, SCHEDULE_CSV_COLUMNS } from '../../../src/render/plan/csv.js';
import { thousandAtThirty, thousandAtThirtyWorkingDays, threeCreditors } from './proposals.js';

type Record = { [K in (typeof SCHEDULE_CSV_COLUMNS)[number]]: string };
const records = (csv: string): Record[] => parse(csv, { columns: true });

describe('schedules as CSV', () => {
  const proposal = thousandAtThirty();

  it('has one row per instalment per option, in long format', () => {
    const rows = records(renderScheduleCsv(proposal));
    // affordable 34 + fixed terms 12 + 24 + 36 + 60
    expect(rows).toHaveLength(34 + 12 + 24 + 36 + 60);
    expect(Object.keys(rows[0] ?? {})).toEqual([...SCHEDULE_CSV_COLUMNS]);
    expect(rows[0]).toEqual({
      option_kind: 'affordable',
      option_key: 'affordable',
      option_label: 'Affordable plan: £30.00 a month',
      affordable: 'true',
      n: '1',
      date: '2027-01-15',
      moved_from: '',
      amount: '30.00',
      interest: '0.00',
      principal: '30.00',
      balance: '970.00',
      creditor: '',
    });
    expect(rows[33]).toMatchObject({ n: '34', date: '2029-10-15', amount: '10.00', balance: '0.00' });
    // 12 months: 1000 ÷ 12 = 83.33…, rounded up to 83.34 so the term is kept; 11 × 83.34 = 916.74, last 83.26.
    expect(rows[34]).toMatchObject({ option_kind: 'fixed-term', option_key: 'fixed-term-12', affordable: 'false', amount: '83.34', balance: '916.66' });
    expect(rows[45]).toMatchObject({ option_key: 'fixed-term-12', n: '12', amount: '83.26', balance: '0.00' });
  });

  it('writes only the options asked for', () => {
    const rows = records(renderScheduleCsv(proposal, [3]));
    expect(new Set(rows.map((r) => r.option_key))).toEqual(new Set(['fixed-term-36']));
    expect(rows).toHaveLength(36);
  });

  it('has an override_reason column only for an agreed plan (the advise export), empty when none was needed', () => {
    const agreed = (reason: string) => parse(renderScheduleCsv(proposal, [1], reason), { columns: true }) as { override_reason: string }[];
    expect(Object.keys(agreed('')[0] ?? {})).toEqual([...SCHEDULE_CSV_COLUMNS, 'override_reason']);
    expect(new Set(agreed('').map((r) => r.override_reason))).toEqual(new Set(['']));
    expect(new Set(agreed('Partner pays half').map((r) => r.override_reason))).toEqual(new Set(['Partner pays half']));
  });

  it('notes a payment moved to the next working day', () => {
    const rows = records(renderScheduleCsv(thousandAtThirtyWorkingDays(), [0]));
    expect(rows[4]).toMatchObject({ n: '5', date: '2027-05-17', moved_from: '2027-05-15' });
  });

  it('cannot be made to run a formula in a spreadsheet: a label starting with = is quoted as text', () => {
    const hostile: PlanProposal = {
      ...proposal,
      options: proposal.options.slice(0, 1).map((option) => ({ ...option, label: '=HYPERLINK("http://x.invalid","pay")' })),
    };
    const rows = records(renderScheduleCsv(hostile));
    expect(rows[0]?.option_label).toBe('\'=HYPERLINK("http://x.invalid","pay")');
  });
});

describe('schedules as CSV across several creditors', () => {
  it('has one row per instalment per creditor, naming the creditor, with their part of it', () => {
    const rows = records(renderScheduleCsv(threeCreditors(), [0]));
    // Harbour and Lumen are repaid with the 21st payment, Fairway with the 23rd: 21 + 23 + 21 rows.
    expect(rows).toHaveLength(21 + 23 + 21);
    expect(rows.slice(0, 3).map((r) => [r.n, r.creditor, r.amount])).toEqual([
      ['1', 'Harbour Bank (credit card)', '48.78'],
      ['1', 'Fairway Finance (personal loan)', '48.78'],
      ['1', 'Lumen Shopping (store card)', '2.44'],
    ]);
    expect(rows.at(-1)).toMatchObject({ n: '23', creditor: 'Fairway Finance (personal loan)', balance: '0.00' });
  });
});
