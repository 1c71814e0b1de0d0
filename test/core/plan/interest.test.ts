import { describe, expect, it } from 'vitest';
import { parseIsoDate as d } from '../../../src/core/date.js';
import { D } from '../../../src/core/money.js';
import { firstPeriodRate, interestPence, periodRate } from '../../../src/core/plan/interest.js';

// 26% a year paid weekly: 26 / 5200 = 0.5% a week, so £1,000.00 owes £5.00 a full week.
const weekly = periodRate({ kind: 'continuing', annualRatePercent: new D('26') }, 'weekly');

describe('the first period after a Breathing Space', () => {
  it('is charged only for its days from the day interest accrues again', () => {
    // The week before Friday 9 April runs from 2 April; interest accrues again from 6 April: 4 of its 7 days.
    const rate = firstPeriodRate(weekly, { anchor: d('2027-04-09'), frequency: 'weekly', interestFrom: d('2027-04-06') });
    expect(interestPence(100_000n, rate)).toBe(285n); // 500p × 4/7 = 285.7p, rounded down
  });

  it('is charged in full when it began after the moratorium, or when nothing was paused', () => {
    expect(firstPeriodRate(weekly, { anchor: d('2027-04-09'), frequency: 'weekly', interestFrom: d('2027-04-03') })).toEqual(weekly);
    expect(firstPeriodRate(weekly, { anchor: d('2027-04-09'), frequency: 'weekly' })).toEqual(weekly);
  });

  it('counts a monthly period back to the same day of the month before', () => {
    const monthly = periodRate({ kind: 'continuing', annualRatePercent: new D('12') }, 'monthly');
    // From 28 February to 31 March is 31 days, of which 30 and 31 March are after a moratorium ending 29 March: 1000p × 2/31.
    const rate = firstPeriodRate(monthly, { anchor: d('2027-03-31'), frequency: 'monthly', interestFrom: d('2027-03-30') });
    expect(interestPence(100_000n, rate)).toBe(64n);
  });
});
