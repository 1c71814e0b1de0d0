/**
 * PMT and NPER against figures worked out independently of fairplan: each expected value is written
 * out with its arithmetic, and a floating-point closed form in this file checks the full-precision
 * Decimal result to ten significant figures.
 */
import { describe, expect, it } from 'vitest';
import { D } from '../../../src/core/money.js';
import { instalmentsIn, nper, pmt, ratePerPeriod } from '../../../src/core/plan/finance.js';

// Closed forms, in plain floating point, as a spreadsheet would compute them.
const pmtClosedForm = (r: number, n: number, pv: number) => (r === 0 ? -pv / n : (-pv * r) / (1 - (1 + r) ** -n));
const nperClosedForm = (r: number, p: number, pv: number) => (r === 0 ? -pv / p : Math.log(p / (p + pv * r)) / Math.log(1 + r));

const toPenny = (x: { toFixed(n: number): string }) => x.toFixed(2);

describe('pmt (spreadsheet PMT)', () => {
  it.each([
    // r = 0.199/12 = 0.0165833…; (1+r)^24 = 1.483992…; 1000 × r × 1.483992 / 0.483992 = 50.84696…
    ['0.199', 12, 24, '-1000', '50.85', 'a £1,000 card debt at 19.9% over 2 years'],
    // r = 0.05/12; the textbook 30-year mortgage: 100000 × r / (1 − (1+r)^−360) = 536.8216…
    ['0.05', 12, 360, '-100000', '536.82', 'a £100,000 mortgage at 5% over 30 years'],
    // r = 0.005; (1.005)^60 = 1.348850…; 20000 × 0.005 × 1.348850 / 0.348850 = 386.656…
    ['0.06', 12, 60, '-20000', '386.66', 'a £20,000 loan at 6% over 5 years'],
    // r = 0.199/52 = 0.0038269…; 104 weeks: 2500 × r / (1 − (1+r)^−104) = 29.18396…
    ['0.199', 52, 104, '-2500', '29.18', 'weekly over 2 years'],
    // r = 0.299/26 = 0.0115; 52 fortnights: 750 × 0.0115 / (1 − 1.0115^−52) = 19.24321…
    ['0.299', 26, 52, '-750', '19.24', 'fortnightly over 2 years'],
    // r = 0.10/13 = 0.0076923…; 39 four-week periods: 3000 × r / (1 − (1+r)^−39) = 89.33088…
    ['0.10', 13, 39, '-3000', '89.33', 'four-weekly over 3 years'],
    // r = 0.01; 1.01^−12 = 0.887449…; 1000 × 0.01 / 0.112551 = 88.8488; positive pv gives a negative payment
    ['0.12', 12, 12, '1000', '-88.85', 'the sign follows the spreadsheet convention'],
    // no interest: 1000 / 12 = 83.333…
    ['0', 12, 12, '-1000', '83.33', 'no interest'],
  ])('PMT(%s/%i, %i, %s) = %s: %s', (annual, perYear, n, pv, expected) => {
    const rate = new D(annual).div(perYear);
    const result = pmt(rate, n, new D(pv));
    expect(toPenny(result)).toBe(expected);
    const float = pmtClosedForm(Number(annual) / perYear, n, Number(pv));
    expect(Number(result.toSignificantDigits(10).toString())).toBeCloseTo(Number(float.toPrecision(10)), 6);
  });

  it('keeps full precision (no rounding inside)', () => {
    expect(pmt(new D(0), 3, new D(-100)).toString()).toBe(new D(100).div(3).toString());
    expect(pmt(new D('0.199').div(12), 24, new D(-1000)).toFixed(10)).toBe('50.8469641476');
  });
});

describe('nper (spreadsheet NPER)', () => {
  it.each([
    // (1.01)^n = 100 / (100 − 10) = 1.1111…; n = ln 1.1111 / ln 1.01 = 10.58864…
    ['0.01', '-100', '1000', '10.5886'],
    // r = 0.199/12; (1+r)^n = 50 / (50 − 16.5833) = 1.49626…; n = 24.50052…
    [new D('0.199').div(12).toString(), '-50', '1000', '24.5005'],
    // r = 0.10/52; (1+r)^n = 25 / (25 − 5.76923) = 1.3; n = ln 1.3 / ln(1+r) = 136.5606…
    [new D('0.10').div(52).toString(), '-25', '3000', '136.5606'],
    // no interest: 1000 / 50
    ['0', '-50', '1000', '20.0000'],
  ])('NPER(%s, %s, %s) = %s', (rate, payment, pv, expected) => {
    const result = nper(new D(rate), new D(payment), new D(pv));
    expect(result?.toFixed(4)).toBe(expected);
    expect(Number(result?.toFixed(8))).toBeCloseTo(nperClosedForm(Number(rate), Number(payment), Number(pv)), 6);
  });

  it('is undefined when the payment only covers the interest (£20 a month on £1,000 at 2% a month)', () => {
    expect(nper(new D('0.02'), new D(-20), new D(1000))).toBeUndefined();
  });
  it('is undefined when the payment does not cover the interest', () => {
    expect(nper(new D('0.02'), new D(-10), new D(1000))).toBeUndefined();
  });
  it('is undefined for no payment', () => expect(nper(new D('0.01'), new D(0), new D(1000))).toBeUndefined());
  it('inverts pmt: NPER(r, PMT(r, 36, pv), pv) = 36', () => {
    const rate = new D('0.199').div(12);
    expect(nper(rate, pmt(rate, 36, new D(-4321)), new D(-4321))?.toDecimalPlaces(20).toString()).toBe('36');
  });
});

describe('ratePerPeriod', () => {
  it('divides the nominal annual rate by periods a year (52, 26, 13, 12)', () => {
    const interest = { kind: 'continuing', annualRatePercent: new D('19.9') } as const;
    expect(ratePerPeriod(interest, 'weekly').toString()).toBe(new D('0.199').div(52).toString());
    expect(ratePerPeriod(interest, 'fortnightly').toString()).toBe(new D('0.199').div(26).toString());
    expect(ratePerPeriod(interest, 'four-weekly').toString()).toBe(new D('0.199').div(13).toString());
    expect(ratePerPeriod(interest, 'monthly').toString()).toBe(new D('0.199').div(12).toString());
  });
  it('is nil when interest is frozen', () => expect(ratePerPeriod({ kind: 'frozen' }, 'weekly').isZero()).toBe(true));
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
