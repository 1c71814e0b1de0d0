import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FairplanError } from '../../src/core/errors.js';
import {
  add,
  formatMoney,
  money,
  multiply,
  negate,
  parseMoney,
  penceOf,
  penniesOf,
  pennyCeiling,
  safePence,
  safePenceOf,
  subtract,
  sum,
  toFixed2,
  toPence,
} from '../../src/core/money.js';

describe('parseMoney', () => {
  it.each([
    ['1234.56', '1234.56'],
    ['£1,234.56', '1234.56'],
    ['  12 ', '12'],
    ['-£5.10', '-5.1'],
    ['.5', '0.5'],
    ['1,000,000', '1000000'],
    ['0.001', '0.001'],
  ])('reads %s as %s', (text, expected) => {
    expect(parseMoney(text).toString()).toBe(expected);
  });

  it.each(['', 'abc', '12,34', '1.2.3', '£', '1,23.00', '1e5', 'NaN', '12 34'])('refuses %j with an invalid-amount error', (text) => {
    expect(() => parseMoney(text)).toThrow(FairplanError);
    try {
      parseMoney(text);
    } catch (error) {
      expect((error as FairplanError).code).toBe('invalid-amount');
      expect((error as FairplanError).message).toContain('is not an amount of money');
    }
  });

  it('reads the symbol of the currency it is given: dollars in a dollar amount', () => {
    expect(parseMoney('$1,234.56', '$').toString()).toBe('1234.56');
    expect(parseMoney('-$5', '$').toString()).toBe('-5');
  });

  it.each([
    ['$12.50', '£', '"$12.50" is in dollars, but the amounts here are in pounds (write 12.50 or £12.50)'],
    ['€12.50', '£', '"€12.50" is in euros, but the amounts here are in pounds (write 12.50 or £12.50)'],
    ['£1,200', '$', '"£1,200" is in pounds, but the amounts here are in dollars (write 1,200 or $1,200)'],
  ])('refuses %s among amounts in %s, rather than reading it as that currency', (text, symbol, message) => {
    expect(() => parseMoney(text, symbol)).toThrow(expect.objectContaining({ code: 'invalid-amount', message }));
  });

  it('keeps every digit it is given, with no float drift', () => {
    expect(add(parseMoney('0.1'), parseMoney('0.2')).toString()).toBe('0.3');
    expect(parseMoney('90071992547409.93').toString()).toBe('90071992547409.93');
  });
});

describe('rounding', () => {
  it('rounds money that is paid down to the penny', () => {
    expect(toPence(money('123.459')).toString()).toBe('123.45');
    expect(toPence(money('-1.239')).toString()).toBe('-1.23');
    expect(penceOf(money('10.999'))).toBe(1099n);
  });

  it('shows money half-up to two places', () => {
    expect(toFixed2(money('1.005'))).toBe('1.01');
    expect(toFixed2(money('1.004'))).toBe('1.00');
    expect(toFixed2(money('-0.001'))).toBe('0.00');
    expect(formatMoney(money('1234567.891'))).toBe('£1,234,567.89');
    expect(formatMoney(money('-5'), '$')).toBe('-$5.00');
  });

  it('never rounds a paid amount up', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 6 }), (units, scale) => {
        const amount = money(units).div(10 ** scale) as ReturnType<typeof money>;
        const paid = toPence(amount);
        expect(paid.lte(amount)).toBe(true);
        expect(subtract(amount, paid).lt(0.01)).toBe(true);
      }),
    );
  });
});

describe('pennies: figures in whole pence', () => {
  it('round once, half up (away from nil), exactly however long the quotient', () => {
    expect(penniesOf(money('1.005')).toString()).toBe('1.01');
    expect(penniesOf(money('1.0049999999999999999999999999999999')).toString()).toBe('1');
    expect(penniesOf(money('-1.005')).toString()).toBe('-1.01');
    // 0.03 × 26 ÷ 12 = 0.065 exactly; 1 ÷ 3 of a penny, and 2 ÷ 3.
    expect(penniesOf(money('0.03'), 26, 12).toString()).toBe('0.07');
    expect(penniesOf(money('0.01'), 1, 3).toString()).toBe('0');
    expect(penniesOf(money('0.02'), 1, 3).toString()).toBe('0.01');
  });

  it('are counted as safe integers up to £90,071,992,547,409.91 (2^53 − 1 pence), and refused beyond, saying so', () => {
    expect(safePence(penniesOf(money('90071992547409.91')))).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => safePence(penniesOf(money('90071992547409.92')))).toThrow(
      '£90,071,992,547,409.92 is too large an amount (fairplan counts up to £90,071,992,547,409.91)',
    );
    // An exact share held as a bigint is turned into a number by the same rule.
    expect(safePenceOf(9_007_199_254_740_991n)).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => safePenceOf(9_007_199_254_740_992n)).toThrow(expect.objectContaining({ code: 'invalid-amount' }));
  });

  it('give a limit to compare whole pence with, rounded up', () => {
    // 4.0204 is above 4.02: 402p is below it, as it is below 403p.
    expect(pennyCeiling(money('4.0204'))).toBe(403);
    expect(pennyCeiling(money('4.02'))).toBe(402);
    expect(pennyCeiling(money('0'))).toBe(0);
  });
});

describe('sum', () => {
  it('adds a list exactly and treats an empty list as zero', () => {
    expect(sum([money('0.10'), money('0.20'), money('0.30')]).toString()).toBe('0.6');
    expect(sum([]).toString()).toBe('0');
  });
});

describe('zero', () => {
  it('has no sign: negating nothing, or writing -0, is still plain zero', () => {
    expect(negate(money('0')).isNegative()).toBe(false);
    expect(money('-0').isNegative()).toBe(false);
    expect(money('-0.00').equals(money('0'))).toBe(true);
    expect(multiply(money('0'), '-1').isNegative()).toBe(false);
  });
});

describe('parseMoney of a signed zero', () => {
  it('reads "-0.00" as plain zero', () => {
    expect(parseMoney('-0.00').isNegative()).toBe(false);
  });
});
