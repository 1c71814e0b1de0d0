/**
 * A debt past the limitation period is left out of the offers by default, its share going to the
 * others (domain notes 2.9); a person can send the "time has run out" letter instead, or include it
 * with a reason. Figures worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { parseIsoDate as d, type IsoDate } from '../../../src/core/date.js';
import { isFairplanError } from '../../../src/core/errors.js';
import { parseMoney as m } from '../../../src/core/money.js';
import { planRequestFromStatement } from '../../../src/core/plan/from-statement.js';
import { proposePlans } from '../../../src/core/plan/propose.js';
import type { Jurisdiction, Statement } from '../../../src/core/statement.js';
import { pastLimitation, possiblyBarredDebts } from '../../../src/core/time-limits.js';

const AS_OF = d('2026-11-25');

const statement = (jurisdiction?: Jurisdiction): Statement => ({
  ...(jurisdiction ? { jurisdiction } : {}),
  household: { adults: 1, children: 0, vehicles: 0, tenure: 'tenant-private' },
  income: [],
  expenditure: [],
  priorityDebts: [],
  debts: [
    { creditor: 'Acme Bank', balance: m('1000.00'), lastPaymentOn: d('2026-10-01') },
    // Last paid seven years before the as-of date: past the period everywhere.
    { creditor: 'Old Loans', balance: m('3000.00'), lastPaymentOn: d('2019-11-25') },
    { creditor: 'Catalogue', balance: m('500.00') },
    // Five and a half years: past the period in Scotland only.
    { creditor: 'Store Card', balance: m('250.00'), lastPaymentOn: d('2021-05-25') },
  ],
  vulnerabilities: [],
  expectedChanges: [],
});

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (isFairplanError(error)) return { code: error.code, field: error.context.field, message: error.message };
    throw error;
  }
  throw new Error('not refused');
};

describe('the limitation period, on its boundary', () => {
  const on = (last: string, asOf: string, jurisdiction?: Jurisdiction) => pastLimitation(d(last) as IsoDate, d(asOf), jurisdiction);

  it('is past on the day after the sixth anniversary in England and Wales and Northern Ireland, not on it', () => {
    expect(on('2020-11-25', '2026-11-25')).toBe(false);
    expect(on('2020-11-25', '2026-11-26')).toBe(true);
    expect(on('2020-11-25', '2026-11-25', 'northern-ireland')).toBe(false);
    expect(on('2020-11-25', '2026-11-26', 'northern-ireland')).toBe(true);
  });

  it('is past on the day after the fifth anniversary in Scotland', () => {
    expect(on('2021-11-25', '2026-11-25', 'scotland')).toBe(false);
    expect(on('2021-11-25', '2026-11-26', 'scotland')).toBe(true);
    expect(on('2021-11-25', '2026-11-26', 'england-wales')).toBe(false);
  });

  it('takes the anniversary of a 29 February to be 28 February', () => {
    expect(on('2020-02-29', '2026-02-28')).toBe(false);
    expect(on('2020-02-29', '2026-03-01')).toBe(true);
    // Five years on from 29 February 2024 in Scotland: 28 February 2029.
    expect(on('2024-02-29', '2029-02-28', 'scotland')).toBe(false);
    expect(on('2024-02-29', '2029-03-01', 'scotland')).toBe(true);
    // A leap day as the as-of date: six years after 28 February 2018 is 28 February 2024.
    expect(on('2018-02-28', '2024-02-29')).toBe(true);
    expect(on('2018-03-01', '2024-02-29')).toBe(false);
  });

  it('is never past without a date of last payment', () => {
    expect(pastLimitation(undefined, AS_OF)).toBe(false);
  });
});

describe('a plan from a statement with a debt past the limitation period', () => {
  it('leaves it out by default: the balance and creditors are the others, who share all that is available', () => {
    const request = planRequestFromStatement(statement(), m('100.00'), AS_OF);
    // 1,000.00 + 500.00 + 250.00 = 1,750.00, without Old Loans' 3,000.00.
    expect(request.balance.toFixed(2)).toBe('1750.00');
    expect(request.creditors?.map((c) => c.creditor)).toEqual(['Acme Bank', 'Catalogue', 'Store Card']);
    expect(request.possiblyBarred?.map((p) => [p.debt.creditor, p.status])).toEqual([['Old Loans', 'unchecked']]);
    const affordable = proposePlans(request).options.find((o) => o.kind === 'affordable');
    // £100.00 = 10,000p shared 1,000 : 500 : 250 → 5,714.28…, 2,857.14…, 1,428.57…: 5,714, 2,857, 1,428
    // and the last penny to the largest remainder (Store Card, .57): 57.14 + 28.57 + 14.29 = 100.00.
    expect(affordable?.creditors?.map((c) => [c.creditor, c.share.toFixed(2)])).toEqual([
      ['Acme Bank', '57.14'],
      ['Catalogue', '28.57'],
      ['Store Card', '14.29'],
    ]);
  });

  it('counts five years in Scotland', () => {
    const request = planRequestFromStatement(statement('scotland'), m('100.00'), AS_OF);
    expect(request.creditors?.map((c) => c.creditor)).toEqual(['Acme Bank', 'Catalogue']);
    expect(request.possiblyBarred?.map((p) => p.debt.creditor)).toEqual(['Old Loans', 'Store Card']);
    // 10,000p shared 1,000 : 500 → 6,666.67 and 3,333.33: 66.67 and 33.33.
    const affordable = proposePlans(request).options.find((o) => o.kind === 'affordable');
    expect(affordable?.creditors?.map((c) => c.share.toFixed(2))).toEqual(['66.67', '33.33']);
  });

  it('leaves out a debt the person is reasonably sure time has run out on, recording that', () => {
    const request = planRequestFromStatement(statement(), m('100.00'), AS_OF, {}, { timeRunOut: ['Old Loans'] });
    expect(request.creditors?.map((c) => c.creditor)).not.toContain('Old Loans');
    expect(request.possiblyBarred?.[0]?.status).toBe('time-run-out');
  });

  it('includes it with the reason a person gives, sharing as before', () => {
    const reason = 'Customer paid this in 2023 by their own account';
    const request = planRequestFromStatement(statement(), m('100.00'), AS_OF, {}, { include: [{ creditor: 'Old Loans', reason }] });
    expect(request.balance.toFixed(2)).toBe('4750.00');
    expect(request.possiblyBarred).toEqual([expect.objectContaining({ status: 'included', reason })]);
    expect(request.creditors?.map((c) => c.creditor)).toContain('Old Loans');
  });

  it('refuses a choice naming no debt past the period, or both choices for one debt, naming the field', () => {
    expect(refusal(() => possiblyBarredDebts(statement(), AS_OF, { timeRunOut: ['Old Loan'] }))).toMatchObject({
      code: 'invalid-argument',
      field: 'timeRunOut[0]',
      message: expect.stringContaining('did you mean "Old Loans"?'),
    });
    expect(refusal(() => possiblyBarredDebts(statement(), AS_OF, { include: [{ creditor: 'Acme Bank', reason: 'x' }] }))).toMatchObject({ field: 'include[0]' });
    expect(
      refusal(() => possiblyBarredDebts(statement(), AS_OF, { timeRunOut: ['Old Loans'], include: [{ creditor: 'Old Loans', reason: 'Paid in 2023 by the customer' }] })),
    ).toMatchObject({ field: 'include[0]' });
  });

  it('refuses a plan when every debt is left out, as there is no one to offer anything to', () => {
    const only: Statement = { ...statement(), debts: [{ creditor: 'Old Loans', balance: m('3000.00'), lastPaymentOn: d('2019-11-25') }] };
    expect(refusal(() => planRequestFromStatement(only, m('100.00'), AS_OF))).toMatchObject({ code: 'invalid-argument', field: 'debts' });
  });
});

describe('the library', () => {
  it('takes the decisions about debts past the limitation period, refusing ones it cannot read with the argument named', async () => {
    const fairplan = await import('../../../src/index.js');
    const request = fairplan.planRequestFromStatement(statement(), m('100.00'), AS_OF, {}, { timeRunOut: ['Old Loans'] });
    expect(request.possiblyBarred?.[0]?.status).toBe('time-run-out');
    const loose = (value: unknown) => value as Parameters<typeof fairplan.planRequestFromStatement>[4];
    expect(refusal(() => fairplan.planRequestFromStatement(statement(), m('100.00'), AS_OF, {}, loose({ timeRunOut: 'Old Loans' })))).toMatchObject({
      code: 'invalid-argument',
      field: 'limitation.timeRunOut',
    });
    expect(refusal(() => fairplan.planRequestFromStatement(statement(), m('100.00'), AS_OF, {}, loose({ include: [{ creditor: 'Old Loans' }] })))).toMatchObject({
      field: 'limitation.include[0].reason',
    });
  });
});
