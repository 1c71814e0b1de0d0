/**
 * A customer paid on the 31st is asked to pay on the 31st (or the month's last day, moved off
 * weekends and bank holidays) whatever day the plan is made: the dates count from the payday's day
 * of the month, never from a first payday already shortened to 28 February. Every expected date is
 * worked out below by the test's own calendar, and interest by exact fractions in BigInt.
 */
import { describe, expect, it } from 'vitest';
import { calendarFor } from '../../../src/core/calendar/index.js';
import { parseIsoDate as d, type IsoDate } from '../../../src/core/date.js';
import { D, money } from '../../../src/core/money.js';
import { planRequestFromStatement, proposePlans, type PlanOption, type PlanProposal } from '../../../src/core/plan/index.js';
import type { Statement } from '../../../src/core/statement.js';

const englandWales = calendarFor('england-wales');

// The test's own calendar: days in a month, weekends, and England and Wales bank holidays 2027-2028.
const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const BANK_HOLIDAYS = new Set([
  '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28',
  '2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26',
]);
const working = (ms: number): boolean => ![0, 6].includes(new Date(ms).getUTCDay()) && !BANK_HOLIDAYS.has(iso(ms));
const DAY = 86_400_000;

/** Paid on `payDay`: the due date in each month from (year, month), moved forward to a working day. */
function paydays(payDay: number, year: number, month: number, count: number): { due: string; nominal: string }[] {
  return Array.from({ length: count }, (_, k) => {
    const y = year + Math.floor((month - 1 + k) / 12);
    const m = ((month - 1 + k) % 12) + 1;
    const nominal = Date.UTC(y, m - 1, Math.min(payDay, daysIn(y, m)));
    let due = nominal;
    while (!working(due)) due += DAY;
    return { due: iso(due), nominal: iso(nominal) };
  });
}

const statement = (changes: Partial<Statement> = {}): Statement => ({
  household: { adults: 1, children: 0, vehicles: 0, tenure: 'tenant-private' },
  income: [],
  expenditure: [],
  priorityDebts: [],
  debts: [{ creditor: 'Harbour Bank', balance: money('1200') }],
  vulnerabilities: [],
  expectedChanges: [],
  pay: { frequency: 'monthly', nextPayDate: d('2027-01-31') },
  ...changes,
});

const plan = (asOf: string, changes: Partial<Statement> = {}, available = '100'): PlanProposal =>
  proposePlans({ ...planRequestFromStatement(statement(changes), money(available), d(asOf)), calendar: englandWales });
const affordable = (proposal: PlanProposal): PlanOption => proposal.options.find((o) => o.kind === 'affordable') as PlanOption;
const dueDates = (option: PlanOption) => option.instalments.map((i) => ({ due: i.due, nominal: i.movedFrom ?? i.due }));

describe('paid on the 31st, a plan made on 15 February 2027', () => {
  const february = plan('2027-02-15');

  it('falls on the 31st, or the last day of a shorter month, moved to the next working day, every month', () => {
    // 12 payments of £100.00: the first on 28 February (a Sunday, so 1 March), then 31 March, not 28 March.
    expect(dueDates(affordable(february))).toEqual(paydays(31, 2027, 2, 12));
    expect(affordable(february).instalments[1]?.due).toBe('2027-03-31');
  });

  it('falls on the same days from March as a plan made in January', () => {
    const january = plan('2027-01-20');
    expect(affordable(january).instalments[0]?.due).toBe('2027-02-01'); // 31 January 2027 is a Sunday
    const fromMarch = (proposal: PlanProposal) => affordable(proposal).instalments.filter((i) => i.due >= '2027-03-02').map((i) => i.due).slice(0, 10);
    expect(fromMarch(february)).toEqual(fromMarch(january));
  });

  it('keeps the payday in every option: fixed terms, their last dates, and the token review', () => {
    for (const option of february.options) {
      expect(option.instalments.map((i) => i.movedFrom ?? i.due)).toEqual(paydays(31, 2027, 2, option.instalments.length).map((p) => p.nominal));
    }
    const token = plan('2027-02-15', {}, '0.50').options.find((o) => o.kind === 'token') as PlanOption;
    // Three token payments (February, March, April), reviewed at the fourth payday: 31 May 2027 is the Spring bank holiday.
    expect(token.outcome).toMatchObject({ kind: 'review', reviewDate: paydays(31, 2027, 5, 1)[0]?.due });
    expect(token.outcome).toMatchObject({ reviewDate: '2027-06-01' });
  });

  it('steps up on the payday: a change from 15 April 2027 raises the third payment, due 30 April', () => {
    const change = { from: d('2027-04-15'), monthlyChange: money('100'), note: 'new job' };
    const stepUp = plan('2027-02-15', { expectedChanges: [change] }, '50').options.find((o) => o.kind === 'step-up');
    // Nominal paydays 28 February and 31 March are before the change: two reduced payments.
    expect(stepUp).toMatchObject({ reducedCount: 2, stepDate: '2027-04-30' });
  });
});

describe('paid on the 31st, after a Breathing Space that ends on 10 February 2027', () => {
  const proposal = plan('2027-01-20', {
    breathingSpace: { kind: 'standard', start: d('2026-12-12'), end: d('2027-02-10') },
    debts: [{ creditor: 'Harbour Bank', balance: money('1200'), interest: { kind: 'continuing', annualRatePercent: new D('19.9') } }],
  });

  it('starts on the first payday after it and keeps to the 31st', () => {
    expect(dueDates(affordable(proposal))).toEqual(paydays(31, 2027, 2, affordable(proposal).instalments.length));
  });

  it('charges the first period interest for its days after the moratorium, the period counted from 31 January', () => {
    // The first period runs from 31 January to 28 February: 28 days, 18 of them (11 to 28 February)
    // after the moratorium. 19.9% a year monthly is 199/12000 a month: £1,200.00 × 199/12000 × 18/28.
    const expected = (120_000n * 199n * 18n) / (12_000n * 28n);
    expect(expected).toBe(1279n);
    expect(affordable(proposal).instalments[0]?.interest.times(100).toNumber()).toBe(Number(expected));
  });
});

describe('the payday a request names', () => {
  it('is refused when the first payment is not on it, naming the field', () => {
    const request = { balance: money('100'), affordableMonthly: money('10'), frequency: 'monthly', start: d('2027-02-27'), asOf: d('2027-02-01'), payDay: 31 } as const;
    expect(() => proposePlans(request)).toThrow(expect.objectContaining({ code: 'invalid-argument', context: { field: 'payDay' } }));
  });

  it('counts a start given on the last day of February from the statement payday, the 31st', () => {
    const request = planRequestFromStatement(statement(), money('100'), d('2027-02-15'), { start: d('2027-02-28') as IsoDate });
    expect(request.payDay).toBe(31);
  });
});
