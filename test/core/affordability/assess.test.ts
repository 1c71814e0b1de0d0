import { describe, expect, it } from 'vitest';
import { assessAffordability } from '../../../src/core/affordability/assess.js';
import { parseIsoDate } from '../../../src/core/date.js';
import { money, toFixed2, type Money } from '../../../src/core/money.js';
import type { Statement } from '../../../src/core/statement.js';

const asOf = parseIsoDate('2026-11-25');
const m = (s: string): Money => money(s);

/** A single parent on weekly wages, renting privately. */
const household: Statement = {
  household: { adults: 1, children: 1, vehicles: 0, tenure: 'tenant-private' },
  income: [
    { category: 'earnings', label: 'Wages', amount: m('450'), frequency: 'weekly' },
    { category: 'benefits', label: 'Child Benefit', amount: m('102.40'), frequency: 'four-weekly' },
  ],
  expenditure: [
    { category: 'home', label: 'Rent', amount: m('700'), frequency: 'monthly' },
    { category: 'home', label: 'Council tax', amount: m('1500'), frequency: 'annual' },
    { category: 'utilities', label: 'Gas and electricity', amount: m('120'), frequency: 'monthly' },
    { category: 'water', label: 'Water', amount: m('90'), frequency: 'quarterly' },
    { category: 'food-housekeeping', label: 'Groceries', amount: m('80'), frequency: 'weekly' },
    { category: 'communications-leisure', label: 'Mobile', amount: m('25'), frequency: 'monthly' },
    { category: 'personal', label: 'Clothing', amount: m('40'), frequency: 'monthly' },
  ],
  priorityDebts: [
    { creditor: 'City Council', balance: m('480'), payment: m('20'), frequency: 'monthly' },
  ],
  debts: [
    { creditor: 'Acme Bank', balance: m('500') },
    { creditor: 'Northern Card', balance: m('1000') },
    { creditor: 'Catalogue Co', balance: m('233') },
    { creditor: 'Phone Ltd', balance: m('200') },
  ],
  savings: { amount: m('10'), frequency: 'monthly' },
  vulnerabilities: [],
  expectedChanges: [],
};

describe('assessAffordability', () => {
  const result = assessAffordability(household, { asOf });
  const t = result.totals;

  it('converts each line to a monthly figure rounded half up to the penny, once', () => {
    // 450 × 52 ÷ 12 = 1950; 102.40 × 13 ÷ 12 = 110.9333… → 110.93; 1500 ÷ 12 = 125; 90 × 4 ÷ 12 = 30;
    // 80 × 52 ÷ 12 = 346.666… → 346.67.
    expect(result.income.map((l) => l.monthly.toString())).toEqual(['1950', '110.93']);
    expect(toFixed2(result.expenditureBySection.home)).toBe('825.00');
    expect(toFixed2(result.expenditureBySection.water)).toBe('30.00');
    expect(result.expenditureBySection['food-housekeeping'].toString()).toBe('346.67');
    expect(toFixed2(result.expenditureBySection.school)).toBe('0.00');
  });

  it('totals income, fixed and flexible costs, and the surplus, by the SFS formulas, as sums of those pennies', () => {
    expect(t.income.toString()).toBe('2060.93'); // 1950 + 110.93
    expect(t.fixed.toString()).toBe('975'); // 700 + 125 + 120 + 30
    expect(t.flexible.toString()).toBe('411.67'); // 346.67 + 25 + 40
    expect(t.expenditure.toString()).toBe('1386.67');
    expect(t.surplus.toString()).toBe('674.26'); // not 674.27, the unrounded 2060.9333… − 1386.6666…
    expect(t.availableForPriority.toString()).toBe('664.26'); // less savings of 10
    expect(t.priorityPayments.toString()).toBe('20');
    expect(t.available.toString()).toBe('644.26'); // less the council's 20
  });

  it('shares the whole pence available (644.26) pro rata, pennies to the largest remainders', () => {
    // Exact shares in pence: 16664.77, 33329.54, 7765.78, 6665.91; floors make 64423, and the three
    // pennies left go to .91, .78 and .77.
    expect(result.offers.map((o) => [o.debt.creditor, toFixed2(o.offer)])).toEqual([
      ['Acme Bank', '166.65'],
      ['Northern Card', '333.29'],
      ['Catalogue Co', '77.66'],
      ['Phone Ltd', '66.66'],
    ]);
  });

  it('raises only the advice signpost for a budget with room to pay', () => {
    expect(result.flags.map((f) => f.code)).toEqual(['advice']);
  });
});

describe('flags', () => {
  const codes = (s: Statement) => assessAffordability(s, { asOf }).flags.map((f) => f.code);
  const withSpending = (extra: string): Statement => ({
    ...household,
    expenditure: [...household.expenditure, { category: 'other-essential', label: 'Other', amount: m(extra), frequency: 'monthly' }],
  });

  it('flags a deficit when less than nothing is available, with the shortfall in the reason', () => {
    const result = assessAffordability(withSpending('700'), { asOf }); // 644.26 − 700 = −55.74
    expect(result.flags.map((f) => f.code)).toEqual(['deficit', 'token-payment', 'dro-indicator', 'advice']);
    expect(result.flags[0]?.reason).toContain('£55.74 a month short');
    expect(result.offers.every((o) => o.offer.isZero())).toBe(true);
  });

  it('advises a token payment when less than £1.00 a creditor is available', () => {
    // 644.26 − 641 = 3.26: under £4.00 for four creditors.
    expect(codes(withSpending('641'))).toContain('token-payment');
    // 644.26 − 640.24 = 4.02: not below a threshold of 1.005 a creditor (4.02), below one of 1.0051 (4.0204).
    const at = (threshold: string) =>
      assessAffordability(withSpending('640.24'), { asOf, tokenThresholdPerCreditor: m(threshold) }).flags.map((f) => f.code);
    expect(at('1.005')).not.toContain('token-payment');
    expect(at('1.0051')).toContain('token-payment');
    // 644.26 − 640 = 4.26: over £4.00.
    expect(codes(withSpending('640'))).not.toContain('token-payment');
  });

  it('counts only the creditors still owed something when it sets the token threshold', () => {
    // 644.26 − 641 = 3.26: under £4.00 for four creditors, but one of them is owed nothing: £3.00 for three.
    const [first, ...others] = withSpending('641').debts;
    const settled = { ...withSpending('641'), debts: [{ ...first!, balance: m('0') }, ...others] };
    const result = assessAffordability(settled, { asOf });
    expect(result.flags.map((f) => f.code)).not.toContain('token-payment');
  });

  it('points to a Debt Relief Order only within the England and Wales limits and not for homeowners', () => {
    expect(codes(withSpending('570'))).toContain('dro-indicator'); // 74.26 available, 2,413 owed
    expect(codes(withSpending('569'))).not.toContain('dro-indicator'); // 75.26 available
    const owner = { ...withSpending('570'), household: { ...household.household, tenure: 'mortgage' as const } };
    expect(codes(owner)).not.toContain('dro-indicator');
    const bigDebt = { ...withSpending('570'), debts: [{ creditor: 'Loan', balance: m('49520.01') }] };
    expect(codes(bigDebt)).not.toContain('dro-indicator'); // 49,520.01 + 480 priority = 50,000.01
  });

  it('flags vulnerability markers for a person to review', () => {
    const flags = assessAffordability(
      { ...household, vulnerabilities: [{ driver: 'health', note: 'Long-term illness' }] },
      { asOf },
    ).flags;
    const flag = flags.find((f) => f.code === 'vulnerability');
    expect(flag?.review).toBe(true);
    expect(flag?.details).toEqual(['health: Long-term illness']);
  });
});

describe('dates a statement records after the as-of date', () => {
  it('are refused, naming the field: a budget not yet taken, a payment not yet made', () => {
    expect(() => assessAffordability({ ...household, takenOn: parseIsoDate('2026-11-26') }, { asOf })).toThrow(
      expect.objectContaining({ message: '2026-11-26 is after the as-of date 2026-11-25: a budget cannot be taken after the day it is used', context: { field: 'takenOn' } }),
    );
    const paidLater = { ...household, debts: household.debts.map((debt, i) => (i === 0 ? { ...debt, lastPaymentOn: parseIsoDate('2027-01-01') } : debt)) };
    expect(() => assessAffordability(paidLater, { asOf })).toThrow(expect.objectContaining({ context: { field: 'debts[0].lastPaymentOn' } }));
    expect(() => assessAffordability({ ...household, takenOn: asOf }, { asOf })).not.toThrow();
  });
});
