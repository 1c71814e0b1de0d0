/**
 * PMT in whole pence against figures worked out independently of fairplan: each expected value is
 * written out with its arithmetic, and a floating-point closed form in this file checks it.
 */
import { describe, expect, it } from 'vitest';
import { D } from '../../../src/core/money.js';
import { instalmentsIn, pmtPenceUp } from '../../../src/core/plan/finance.js';
import { periodRate } from '../../../src/core/plan/interest.js';

// The closed form, in plain floating point, as a spreadsheet would compute it.
const pmtClosedForm = (r: number, n: number, pv: number) => (r === 0 ? pv / n : (pv * r) / (1 - (1 + r) ** -n));

describe('pmtPenceUp (spreadsheet PMT, rounded up to the penny)', () => {
  it.each([
    // r = 0.199/12 = 0.0165833…; (1+r)^24 = 1.483992…; 1000 × r × 1.483992 / 0.483992 = 50.84696…
    ['19.9', 'monthly', 24, 100_000n, 5_085n, 'a £1,000 card debt at 19.9% over 2 years'],
    // r = 0.05/12; the textbook 30-year mortgage: 100000 × r / (1 − (1+r)^−360) = 536.8216…
    ['5', 'monthly', 360, 10_000_000n, 53_683n, 'a £100,000 mortgage at 5% over 30 years'],
    // r = 0.005; (1.005)^60 = 1.348850…; 20000 × 0.005 × 1.348850 / 0.348850 = 386.656…
    ['6', 'monthly', 60, 2_000_000n, 38_666n, 'a £20,000 loan at 6% over 5 years'],
    // r = 0.199/52 = 0.0038269…; 104 weeks: 2500 × r / (1 − (1+r)^−104) = 29.18396…
    ['19.9', 'weekly', 104, 250_000n, 2_919n, 'weekly over 2 years'],
    // r = 0.299/26 = 0.0115; 52 fortnights: 750 × 0.0115 / (1 − 1.0115^−52) = 19.24321…
    ['29.9', 'fortnightly', 52, 75_000n, 1_925n, 'fortnightly over 2 years'],
    // r = 0.10/13 = 0.0076923…; 39 four-week periods: 3000 × r / (1 − (1+r)^−39) = 89.33088…
    ['10', 'four-weekly', 39, 300_000n, 8_934n, 'four-weekly over 3 years'],
    // no interest: 1000 / 12 = 83.333…, up to 83.34
    ['0', 'monthly', 12, 100_000n, 8_334n, 'no interest'],
  ] as const)('PMT(%s%% %s, %i, %i p) = %i p: %s', (percent, frequency, n, balance, expected, _what) => {
    const result = pmtPenceUp(balance, periodRate({ kind: 'continuing', annualRatePercent: new D(percent) }, frequency), n);
    expect(result).toBe(expected);
    const perYear = { weekly: 52, fortnightly: 26, 'four-weekly': 13, monthly: 12 }[frequency];
    expect(Number(result)).toBe(Math.ceil(pmtClosedForm(Number(percent) / 100 / perYear, n, Number(balance))));
  });

  it('is exact: a payment that comes to whole pence is not rounded up a penny', () => {
    // 1% a period, one period: 10000 × 1.01 = 10100 exactly.
    expect(pmtPenceUp(10_000n, { numerator: 1n, denominator: 100n }, 1)).toBe(10_100n);
  });
});

describe('instalmentsIn', () => {
  it.each([
    [12, 'weekly', 52],
    [12, 'fortnightly', 26],
    [12, 'four-weekly', 13],
    [12, 'monthly', 12],
    [60, 'weekly', 260],
    [6, 'four-weekly', 6], // 6 × 13 / 12 = 6.5: only 6 fit within the term
    [1, 'weekly', 4], // 52 / 12 = 4.33
  ] as const)('%i months at %s is %i instalments', (months, frequency, expected) => {
    expect(instalmentsIn(months, frequency)).toBe(expected);
  });
});
