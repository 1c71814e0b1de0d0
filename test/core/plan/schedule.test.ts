import { describe, expect, it } from 'vitest';
import { EVERY_DAY } from '../../../src/core/calendar/index.js';
import { parseIsoDate as d } from '../../../src/core/date.js';
import { D, fromPence, toFixed2 } from '../../../src/core/money.js';
import { instalmentsOfStream, interestPence, layStream, NO_INTEREST, periodRate } from '../../../src/core/plan/schedule.js';

const continuing = (percent: string) => ({ kind: 'continuing', annualRatePercent: new D(percent) }) as const;

describe('periodRate: the rate per payment period as an exact fraction', () => {
  it.each([
    ['19.9', 'monthly', 199n, 12_000n], // 19.9 / 100 / 12 = 199 / 12000
    ['19.9', 'weekly', 199n, 52_000n],
    ['29.95', 'four-weekly', 2995n, 130_000n], // 29.95 / 100 / 13
    ['12', 'fortnightly', 12n, 2600n],
  ] as const)('%s%% a year paid %s is %i/%i', (percent, frequency, numerator, denominator) => {
    expect(periodRate(continuing(percent), frequency)).toEqual({ numerator, denominator });
  });
  it('is nil when interest is frozen or the rate is 0%', () => {
    expect(periodRate({ kind: 'frozen' }, 'monthly')).toBe(NO_INTEREST);
    expect(periodRate(continuing('0'), 'monthly')).toBe(NO_INTEREST);
  });
});

describe('interestPence: one period of interest, rounded down to the penny', () => {
  it('charges exactly £1.99 on £120.00 at 19.9% monthly (12000p × 199 / 12000 = 199p, no rounding of the rate)', () => {
    expect(interestPence(12_000n, periodRate(continuing('19.9'), 'monthly'))).toBe(199n);
  });
  it('rounds down: £1,000 at 19.9% monthly is 16.583… → £16.58', () => {
    expect(interestPence(100_000n, periodRate(continuing('19.9'), 'monthly'))).toBe(1658n);
  });
});

describe('a stream of runs', () => {
  const stream = {
    anchor: d('2027-01-01'),
    frequency: 'monthly',
    principal: 10_000n,
    rate: NO_INTEREST,
    runs: [
      { count: 2, amount: 500n },
      { count: 1, amount: 3_000n },
    ],
    limit: 600,
  } as const;

  it('pays each run in turn and repeats the last: 5 + 5 + 30 + 30 + 30 = 100', () => {
    const laid = layStream(stream);
    expect(laid.pattern.map((r) => `${r.count}×${toFixed2(fromPence(r.amount))}`)).toEqual(['2×5.00', '3×30.00']);
    expect(laid.count).toBe(5);
  });

  it('stops at the limit and reports what is still owed', () => {
    const laid = layStream({ ...stream, limit: 3 });
    expect(laid.balanceAfter).toBe(6_000n);
    expect(instalmentsOfStream({ ...stream, limit: 3 }, EVERY_DAY).map((i) => i.due)).toEqual([
      '2027-01-01',
      '2027-02-01',
      '2027-03-01',
    ]);
  });

  it('refuses a stream with no positive payment (a fault in fairplan, not in the input)', () => {
    expect(() => layStream({ ...stream, runs: [{ count: 1, amount: 0n }] })).toThrow(/positive payments/);
  });
});
