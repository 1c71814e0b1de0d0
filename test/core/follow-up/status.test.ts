import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, parseIsoDate, type IsoDate } from '../../../src/core/date.js';
import { DEFAULT_RULES } from '../../../src/core/follow-up/rules.js';
import { arrangementStatus, planBegins, tooLargeToAdd, type Arrangement, type Instalment } from '../../../src/core/follow-up/status.js';

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
    // Instalment 1 (1 March) fell due before the moratorium could have begun (60 days before 15 May): still missed.
    expect(on(resting, '2026-05-16')).toMatchObject({ status: 'missed', missedInARow: 1, firstMissed: 1, arrears: 5000 });
  });

  it('does not count missed the instalments that fell due in a standard Breathing Space: they and those after them move, the first to one interval after it ends', () => {
    const resting = plan([['2026-03-01', 5000]], { breathingSpace: { kind: 'standard', end: d('2026-05-15') } });
    // 1 April and 1 May fell in it: instalment 2 moves to 15 June (15 May and the plan's 31 days), 75 days later, and 3 and 4 with it.
    const after = on(resting, '2026-05-16');
    expect(after).toMatchObject({ status: 'on-track', dueToDate: 5000, arrears: 0, missedInARow: 0, resumed: { from: 2, days: 75 } });
    expect(after.next).toEqual({ n: 2, due: '2026-06-15', amount: 5000 });
    expect(after.reason).toContain('instalment 2 and those after it are due 75 days later than planned');
    expect(on(resting, '2026-06-20')).toMatchObject({ status: 'behind', arrears: 5000 });
    expect(on(resting, '2026-06-21')).toMatchObject({ status: 'missed', firstMissed: 2 });
    // 1 June moved to 15 August, after 1 May's 15 July: one payment at a time; paying the moved ones does not move them back.
    expect(on(plan([['2026-03-01', 5000], ['2026-06-15', 5000], ['2026-07-15', 5000]], { breathingSpace: { kind: 'standard', end: d('2026-05-15') } }), '2026-07-20').next).toEqual({
      n: 4,
      due: '2026-08-15',
      amount: 5000,
    });
  });

  it('moves every instalment unpaid when a mental health crisis Breathing Space ends, as its start is not recorded', () => {
    const crisis = on(plan([], { breathingSpace: { kind: 'mental-health-crisis', end: d('2026-04-10') } }), '2026-04-11');
    // Instalment 1 (1 March) moves to 11 May: 10 April and 31 days.
    expect(crisis).toMatchObject({ status: 'on-track', dueToDate: 0, resumed: { from: 1, days: 71 } });
    expect(crisis.next).toEqual({ n: 1, due: '2026-05-11', amount: 5000 });
  });

  it('moves nothing once a Breathing Space ended with every instalment due in it paid', () => {
    const paid = plan([['2026-03-01', 5000], ['2026-04-01', 5000], ['2026-05-01', 5000]], { breathingSpace: { kind: 'standard', end: d('2026-05-15') } });
    const s = on(paid, '2026-05-16');
    expect(s).toMatchObject({ status: 'on-track', dueToDate: 15000 });
    expect(s.resumed).toBeUndefined();
    expect(s.next?.due).toBe('2026-06-01');
  });

  it('takes back a refund or returned payment (a negative amount) from what was paid', () => {
    const returned = on(plan([['2026-03-01', 5000], ['2026-03-04', -5000]]), '2026-03-10');
    expect(returned).toMatchObject({ status: 'missed', paidToDate: 0, arrears: 5000, firstMissed: 1, lastPaidOn: '2026-03-01' });
    expect(on(plan([['2026-03-01', 7000], ['2026-03-05', -2000]]), '2026-03-10')).toMatchObject({ status: 'on-track', paidToDate: 5000 });
    // More refunded than was paid here leaves nothing paid, not less.
    expect(on(plan([['2026-03-01', -2000]]), '2026-03-02')).toMatchObject({ paidToDate: 0, arrears: 5000 });
  });

  it('does not count a payment made before the plan was agreed, or, with no agreed day, before its first instalment\'s period began', () => {
    // The first period began 31 days (the plan's interval) before 1 March: on 29 January.
    expect(planBegins(PLAN)).toBe('2026-01-29');
    expect(planBegins(PLAN, d('2026-02-15'))).toBe('2026-02-15');
    expect(planBegins([PLAN[0] as Instalment])).toBe('2026-01-30');
    expect(on(plan([['2026-01-28', 5000]]), '2026-03-02')).toMatchObject({ paidToDate: 0, status: 'behind' });
    expect(on(plan([['2026-01-29', 5000]]), '2026-03-02')).toMatchObject({ paidToDate: 5000, status: 'on-track' });
    const early = on(plan([['2026-02-14', 5000]], { agreedOn: d('2026-02-15') }), '2026-03-02');
    expect(early).toMatchObject({ paidToDate: 0, status: 'behind' });
    expect(early.lastPaidOn).toBeUndefined();
    expect(on(plan([['2026-02-15', 5000]], { agreedOn: d('2026-02-15') }), '2026-03-02')).toMatchObject({ paidToDate: 5000 });
  });

  it('refuses a plan whose instalments or payments add up past what a number holds exactly, rather than round', () => {
    const huge = Number.MAX_SAFE_INTEGER;
    const big = [{ n: 1, due: d('2026-03-01'), amount: huge }, { n: 2, due: d('2026-04-01'), amount: 1 }];
    expect(tooLargeToAdd(big, [])).toContain('its instalments add up to more than £90,071,992,547,409.91');
    expect(tooLargeToAdd(PLAN, [{ paidOn: d('2026-03-01'), amount: huge }, { paidOn: d('2026-03-02'), amount: 1 }])).toContain('its payments add up');
    // A refund does not make room for more: each direction is added apart.
    expect(tooLargeToAdd(PLAN, [{ paidOn: d('2026-03-01'), amount: huge }, { paidOn: d('2026-03-02'), amount: -huge }, { paidOn: d('2026-03-03'), amount: huge }])).toBeDefined();
    expect(tooLargeToAdd([{ n: 1, due: d('2026-03-01'), amount: huge }], [{ paidOn: d('2026-03-01'), amount: huge }])).toBeUndefined();
    expect(() => arrangementStatus({ accountId: 'BIG', instalments: big, payments: [] }, d('2026-03-02'), DEFAULT_RULES)).toThrow(
      expect.objectContaining({ code: 'invalid-amount' }),
    );
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
