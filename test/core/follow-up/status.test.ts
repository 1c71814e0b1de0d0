import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, parseIsoDate, type IsoDate } from '../../../src/core/date.js';
import { DEFAULT_RULES } from '../../../src/core/follow-up/rules.js';
import { arrangementStatus, type Arrangement, type Instalment } from '../../../src/core/follow-up/status.js';

const d = (text: string): IsoDate => parseIsoDate(text);
/** Four monthly instalments of £50.00 from 1 March 2026. */
const PLAN: Instalment[] = [
  { n: 1, due: d('2026-03-01'), amount: 5000 },
  { n: 2, due: d('2026-04-01'), amount: 5000 },
  { n: 3, due: d('2026-05-01'), amount: 5000 },
  { n: 4, due: d('2026-06-01'), amount: 5000 },
];
const plan = (payments: [string, number][], extra: Partial<Arrangement> = {}): Arrangement => ({
  accountId: 'A1',
  instalments: PLAN,
  payments: payments.map(([paidOn, amount]) => ({ paidOn: d(paidOn), amount })),
  ...extra,
});
const on = (arrangement: Arrangement, asOf: string) => arrangementStatus(arrangement, d(asOf), DEFAULT_RULES);

describe('arrangementStatus', () => {
  it('is on track when every instalment due has been paid', () => {
    const s = on(plan([['2026-03-01', 5000], ['2026-04-02', 5000]]), '2026-04-10');
    expect(s).toMatchObject({ status: 'on-track', dueToDate: 10000, paidToDate: 10000, arrears: 0, missedInARow: 0, balanceRemaining: 10000 });
    expect(s.next).toEqual({ n: 3, due: '2026-05-01', amount: 5000 });
    expect(s.lastPaidOn).toBe('2026-04-02');
  });

  it('is ahead when more has been paid than was due, the overpayment carried to the next instalment', () => {
    const s = on(plan([['2026-03-01', 7000]]), '2026-03-10');
    expect(s).toMatchObject({ status: 'ahead', dueToDate: 5000, paidToDate: 7000, arrears: 0 });
    expect(s.next).toEqual({ n: 2, due: '2026-04-01', amount: 3000 });
  });

  it('is behind while an unpaid instalment is within its grace days, a part payment leaving the rest due', () => {
    const s = on(plan([['2026-03-01', 5000], ['2026-04-01', 2000]]), '2026-04-06');
    expect(s).toMatchObject({ status: 'behind', arrears: 3000, missedInARow: 0 });
    expect(s.next).toEqual({ n: 2, due: '2026-04-01', amount: 3000 });
  });

  it('counts an instalment as missed once its grace days have passed', () => {
    const s = on(plan([['2026-03-01', 5000]]), '2026-04-07');
    expect(s).toMatchObject({ status: 'missed', arrears: 5000, missedInARow: 1, firstMissed: 2 });
  });

  it('is broken after two instalments missed in a row, and a late payment that covers one mends it', () => {
    const broken = on(plan([]), '2026-04-07');
    expect(broken).toMatchObject({ status: 'broken', missedInARow: 2, firstMissed: 1, arrears: 10000 });
    expect(broken.reason).toContain('review the plan');
    expect(on(plan([['2026-04-07', 5000]]), '2026-04-07')).toMatchObject({ status: 'missed', missedInARow: 1, firstMissed: 2 });
  });

  it('is completed once every instalment has been paid, early or not', () => {
    expect(on(plan([['2026-03-01', 20000]]), '2026-03-02')).toMatchObject({ status: 'completed', balanceRemaining: 0 });
  });

  it('is paused in Breathing Space, whatever was missed, and not after it ends', () => {
    const resting = plan([], { breathingSpace: { kind: 'standard', end: d('2026-05-15') } });
    expect(on(resting, '2026-05-15').status).toBe('paused');
    expect(on(resting, '2026-05-16').status).toBe('broken');
  });

  it('stays paused through a mental health crisis Breathing Space whose end is not yet known', () => {
    const crisis = on(plan([], { breathingSpace: { kind: 'mental-health-crisis' } }), '2027-01-01');
    expect(crisis).toMatchObject({ status: 'paused', reason: 'in a mental health crisis Breathing Space with no end date yet: no reminders or check-ins' });
  });

  it('is due for review once its review date is reached, unless payments have been missed', () => {
    const token = plan([['2026-03-01', 5000]], { reviewOn: d('2026-03-15') });
    expect(on(token, '2026-03-14').status).toBe('on-track');
    expect(on(token, '2026-03-15')).toMatchObject({ status: 'review-due', reviewOn: '2026-03-15' });
  });

  it('does not count payments received after the day looked at', () => {
    expect(on(plan([['2026-03-04', 5000]]), '2026-03-03')).toMatchObject({ paidToDate: 0, status: 'behind' });
  });

  it('applies payments so that what was applied to instalments due plus the arrears is what was due', () => {
    // An independent reckoning: walk the plan a penny bucket at a time, in due order.
    const instalments = fc
      .array(fc.integer({ min: 1, max: 500_000 }), { minLength: 1, maxLength: 24 })
      .map((amounts) => amounts.map((amount, i) => ({ n: i + 1, due: addDays(d('2026-01-01'), 30 * i), amount })));
    const payments = fc.array(fc.record({ day: fc.integer({ min: -10, max: 800 }), amount: fc.integer({ min: 1, max: 600_000 }) }), { maxLength: 30 });
    fc.assert(
      fc.property(instalments, payments, fc.integer({ min: 0, max: 800 }), (plan, paid, asOfDay) => {
        const asOf = addDays(d('2026-01-01'), asOfDay);
        const s = arrangementStatus(
          { accountId: 'P', instalments: plan, payments: paid.map((p) => ({ paidOn: addDays(d('2026-01-01'), p.day), amount: p.amount })) },
          asOf,
          DEFAULT_RULES,
        );
        const due = plan.filter((i) => i.due <= asOf).reduce((t, i) => t + i.amount, 0);
        const received = paid.filter((p) => p.day <= asOfDay).reduce((t, p) => t + p.amount, 0);
        let left = received;
        let appliedToDue = 0;
        for (const i of plan) {
          const take = Math.min(left, i.amount);
          left -= take;
          if (i.due <= asOf) appliedToDue += take;
        }
        expect(s.dueToDate).toBe(due);
        expect(s.paidToDate).toBe(received);
        expect(appliedToDue + s.arrears).toBe(due);
        expect(s.balanceRemaining).toBe(Math.max(0, plan.reduce((t, i) => t + i.amount, 0) - received));
      }),
      { seed: 15, numRuns: 300 },
    );
  });
});
