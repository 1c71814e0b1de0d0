/** Proposals the renderer tests share, each described by the request that makes it. */
import { calendarFor, EVERY_DAY } from '../../../src/core/calendar/index.js';
import { parseIsoDate } from '../../../src/core/date.js';
import { D, money } from '../../../src/core/money.js';
import { proposePlans, type PlanProposal, type PlanRequest } from '../../../src/core/plan/index.js';

const base = {
  start: parseIsoDate('2027-01-15'),
  asOf: parseIsoDate('2027-01-10'),
  frequency: 'monthly',
  calendar: EVERY_DAY,
} as const satisfies Partial<PlanRequest>;

/**
 * £1,000 owed, £30 a month affordable, monthly from Friday 15 January 2027, interest frozen, no
 * working-day moves: 1000 ÷ 30 = 33 payments of £30.00 (£990.00) and a last one of £10.00, 34 in all.
 */
export const thousandAtThirty = (): PlanProposal => proposePlans({ ...base, balance: money('1000'), affordableMonthly: money('30') });

/** The same under England and Wales bank holidays: Saturday 15 May 2027 moves to Monday 17 May. */
export const thousandAtThirtyWorkingDays = (): PlanProposal =>
  proposePlans({ ...base, balance: money('1000'), affordableMonthly: money('30'), calendar: calendarFor('england-wales') });

/**
 * £100 owed at 12% a year (1% a month, charged on the balance owed at the end of each month, rounded
 * down to the penny), £50 a month: interest 1.00 → owes 101.00, pays 50, owes 51.00; interest 0.51 →
 * owes 51.51, pays 50, owes 1.51; interest 0.0151 → 0.01 → owes 1.52 and pays it. Interest £1.52, total £101.52.
 */
export const hundredAtTwelvePercent = (): PlanProposal =>
  proposePlans({
    ...base,
    balance: money('100'),
    affordableMonthly: money('50'),
    interest: { kind: 'continuing', annualRatePercent: new D('12') },
  });

/** Nothing affordable: a £1.00 token payment a month for 3 months (15 Jan, Feb, Mar), reviewed on 15 April 2027. */
export const nothingAffordable = (): PlanProposal => proposePlans({ ...base, balance: money('1000'), affordableMonthly: money('0') });

/** £30 a month now and £200 after 3 payments; and a 20% settlement over at most 3 payments. */
export const everyKind = (): PlanProposal =>
  proposePlans({
    ...base,
    balance: money('1000'),
    affordableMonthly: money('30'),
    stepUp: { periods: 3, laterAffordableMonthly: money('200'), note: 'new job from April' },
    settlement: { discountPercent: new D('20'), maxInstalments: 3 },
  });

/**
 * Three creditors sharing £100 a month, monthly from 15 January 2027: Harbour Bank £1,000 frozen,
 * Fairway Finance £1,000 at 19.9% (still charging), and Lumen Shopping £50 frozen. Each payment is
 * split 1000 : 1000 : 50 of what was owed at the start: £48.78, £48.78 and £2.44.
 */
export const threeCreditors = (extra: Partial<PlanRequest> = {}): PlanProposal =>
  proposePlans({
    ...base,
    balance: money('2050'),
    affordableMonthly: money('100'),
    fixedTermsMonths: [24],
    creditors: [
      { creditor: 'Harbour Bank (credit card)', balance: money('1000') },
      { creditor: 'Fairway Finance (personal loan)', balance: money('1000'), interest: { kind: 'continuing', annualRatePercent: new D('19.9') } },
      { creditor: 'Lumen Shopping (store card)', balance: money('50') },
    ],
    ...extra,
  });
