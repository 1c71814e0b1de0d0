import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FREQUENCIES, fromMonthly, parseFrequency, toMonthly } from '../../src/core/frequency.js';
import { money, toFixed2 } from '../../src/core/money.js';

describe('toMonthly', () => {
  // Worked by hand: 450 × 52 = 23,400 a year; ÷ 12 = 1,950.00 a month.
  it('converts weekly × 52 ÷ 12', () => expect(toMonthly(money('450'), 'weekly').toString()).toBe('1950'));
  // 100 × 26 = 2,600; ÷ 12 = 216.666…
  it('converts fortnightly × 26 ÷ 12 at full precision', () => {
    const monthly = toMonthly(money('100'), 'fortnightly');
    expect(monthly.toString().startsWith('216.6666666')).toBe(true);
    expect(toFixed2(monthly)).toBe('216.67');
  });
  // National Debtline's example: £50 four-weekly is £650 a year, £54.17 a month.
  it('converts four-weekly × 13 ÷ 12', () => expect(toFixed2(toMonthly(money('50'), 'four-weekly'))).toBe('54.17'));
  it('converts quarterly ÷ 3', () => expect(toMonthly(money('300'), 'quarterly').toString()).toBe('100'));
  it('converts annual ÷ 12', () => expect(toMonthly(money('1200'), 'annual').toString()).toBe('100'));
  it('leaves monthly alone', () => expect(toMonthly(money('12.34'), 'monthly').toString()).toBe('12.34'));

  it('is undone exactly by fromMonthly for every frequency', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 10n }), fc.constantFrom(...FREQUENCIES), (pence, frequency) => {
        const amount = money(pence).div(100) as ReturnType<typeof money>;
        const back = fromMonthly(toMonthly(amount, frequency), frequency);
        expect(back.toDecimalPlaces(20).eq(amount)).toBe(true);
      }),
    );
  });

  it('never counts fewer than 52 weeks a year', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 8n }), (pence) => {
        const weekly = money(pence).div(100) as ReturnType<typeof money>;
        expect(toMonthly(weekly, 'weekly').times(12).eq(weekly.times(52))).toBe(true);
      }),
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
    expect(() => parseFrequency('annual', ['weekly', 'monthly'])).toThrow(/not a frequency/);
  });
});
