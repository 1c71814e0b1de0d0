import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FREQUENCIES, fromMonthly, parseFrequency, PAYMENT_FREQUENCIES, PER_YEAR, toMonthly, toMonthlyPence } from '../../src/core/frequency.js';
import { fromPence, money } from '../../src/core/money.js';

describe('toMonthly', () => {
  // Worked by hand: 450 × 52 = 23,400 a year; ÷ 12 = 1,950.00 a month.
  it('converts weekly × 52 ÷ 12', () => expect(toMonthly(money('450'), 'weekly').toString()).toBe('1950'));
  // 100 × 26 = 2,600; ÷ 12 = 216.666…, rounded to the penny.
  it('converts fortnightly × 26 ÷ 12, rounded to the penny', () => {
    expect(toMonthly(money('100'), 'fortnightly').toString()).toBe('216.67');
  });
  // National Debtline's example: £50 four-weekly is £650 a year, £54.17 a month.
  it('converts four-weekly × 13 ÷ 12', () => expect(toMonthly(money('50'), 'four-weekly').toString()).toBe('54.17'));
  it('converts quarterly ÷ 3', () => expect(toMonthly(money('300'), 'quarterly').toString()).toBe('100'));
  it('converts annual ÷ 12', () => expect(toMonthly(money('1200'), 'annual').toString()).toBe('100'));
  it('leaves a monthly amount in whole pence alone', () => expect(toMonthly(money('12.34'), 'monthly').toString()).toBe('12.34'));

  it('rounds an exact half penny up: £0.03 fortnightly is 6.5p a month, £0.06 a year 0.5p', () => {
    expect(toMonthly(money('0.03'), 'fortnightly').toString()).toBe('0.07');
    expect(toMonthly(money('0.06'), 'annual').toString()).toBe('0.01');
    expect(toMonthly(money('12.345'), 'monthly').toString()).toBe('12.35');
  });

  it('rounds just below a half penny down: £4.00 a year is 33.33…p, £0.01 a week 4.33…p', () => {
    expect(toMonthly(money('4'), 'annual').toString()).toBe('0.33');
    expect(toMonthly(money('0.01'), 'weekly').toString()).toBe('0.04');
  });

  it('is the exact figure rounded half up to the penny, for every frequency', () => {
    // Worked in integers: p pence × n a year ÷ 12 = p·n/12 pence; half up is ⌊(2·p·n + 12) ÷ 24⌋.
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.constantFrom(...FREQUENCIES), (pence, frequency) => {
        const perYear = BigInt(PER_YEAR[frequency]);
        const expected = (2n * pence * perYear + 12n) / 24n;
        const monthly = toMonthly(fromPence(pence), frequency);
        expect(monthly.times(100).toString()).toBe(expected.toString());
      }),
      { numRuns: 2000 },
    );
  });
});

describe('fromMonthly', () => {
  it('gives the most a payment may be, monthly × 12 ÷ periods a year, rounded down to the penny', () => {
    // 948.61 × 12 ÷ 52 = 218.91 exactly; 100.00 × 12 ÷ 52 = 23.0769…; 50.00 × 12 ÷ 13 = 46.1538….
    expect(fromMonthly(94_861n, 'weekly')).toBe(21_891n);
    expect(fromMonthly(10_000n, 'weekly')).toBe(2_307n);
    expect(fromMonthly(5_000n, 'four-weekly')).toBe(4_615n);
    expect(fromMonthly(10_000n, 'fortnightly')).toBe(4_615n);
    expect(fromMonthly(12_345n, 'monthly')).toBe(12_345n);
  });

  it('gives nothing when nothing, or less than nothing, is available', () => {
    expect(fromMonthly(0n, 'weekly')).toBe(0n);
    expect(fromMonthly(-5_000n, 'monthly')).toBe(0n);
  });

  it('is the most whole pence a payment may be: a year of it fits within twelve months, a penny more would not', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 15n }), fc.constantFrom(...PAYMENT_FREQUENCIES), (monthly, frequency) => {
        const payment = fromMonthly(monthly, frequency);
        const perYear = BigInt(PER_YEAR[frequency]);
        expect(payment * perYear).toBeLessThanOrEqual(monthly * 12n);
        expect((payment + 1n) * perYear).toBeGreaterThan(monthly * 12n);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseFrequency', () => {
  it.each([
    ['weekly', 'weekly'],
    ['Four_Weekly', 'four-weekly'],
    ['4-weekly', 'four-weekly'],
    ['fortnight', 'fortnightly'],
    ['every 4 weeks', 'four-weekly'],
    ['Monthly ', 'monthly'],
    ['yearly', 'annual'],
  ])('reads %j as %s', (text, expected) => expect(parseFrequency(text)).toBe(expected));

  it.each(['biweekly', 'Bi-Weekly', 'bi weekly'])('refuses %j, which means every two weeks to some and twice a week to others', (text) => {
    expect(() => parseFrequency(text)).toThrow(
      `"${text}" is ambiguous: every two weeks, or twice a week? For every two weeks write "fortnightly"`,
    );
  });

  it.each([
    ['bimonthly', 'every two months, or twice a month?'],
    ['bi-annually', 'twice a year, or every two years?'],
  ])('refuses %j with the question it leaves open, not a guess', (text, question) => {
    expect(() => parseFrequency(text)).toThrow(`"${text}" is ambiguous: ${question}`);
  });

  it('refuses "semi-monthly" as a frequency fairplan has not, rather than suggesting "monthly"', () => {
    expect(() => parseFrequency('semi-monthly')).toThrow(
      '"semi-monthly" is twice a month, which fairplan has no frequency for: give the amount a month, "monthly"',
    );
  });

  it('suggests the nearest frequency for a typo', () => {
    expect(() => parseFrequency('monthy')).toThrow('"monthy" is not a frequency; did you mean "monthly"?');
  });

  it('lists the choices when nothing is close', () => {
    expect(() => parseFrequency('whenever')).toThrow(/expected one of weekly, fortnightly/);
  });

  it('can be limited to payment frequencies', () => {
    expect(() => parseFrequency('annual', ['weekly', 'monthly'])).toThrow(expect.objectContaining({ code: 'invalid-frequency' }));
  });
});

describe('toMonthlyPence', () => {
  it('is toMonthly in whole pence: rounded half up once, for every frequency', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), fc.constantFrom(...FREQUENCIES), (pence, frequency) => {
        expect(toMonthlyPence(pence, frequency)).toBe(Number(toMonthly(fromPence(pence), frequency).times(100).toString()));
      }),
    );
  });

  it('rounds a half penny up: 102.42 four-weekly is 110.955, so 110.96 a month', () => {
    expect(toMonthlyPence(10_242, 'four-weekly')).toBe(11_096);
    expect(toMonthlyPence(Number.MAX_SAFE_INTEGER, 'weekly')).toBeUndefined();
  });
});
