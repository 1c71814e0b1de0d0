import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMoney, penceOf, toFixed2 } from '../../src/core/money.js';
import { formatPence, parsePence } from '../../src/core/pence.js';

const outcome = <T>(read: () => T): { value: T } | { error: true } => {
  try {
    return { value: read() };
  } catch {
    return { error: true };
  }
};

// Amount-like text: digits, separators, symbols, signs and spaces in any order, plus well-formed amounts.
const messyAmount = fc.oneof(
  fc.stringMatching(/^[ +-]?[£$€]?[0-9,]{0,9}(\.[0-9]{0,4})?$/),
  // Plain amounts, up to past the largest a whole number of pence can hold.
  fc.stringMatching(/^[0-9]{1,17}(\.[0-9]{0,3})?$/),
  fc.string({ unit: fc.constantFrom('1', '0', '9', ',', '.', '£', '-', ' ', 'a'), maxLength: 10 }),
  fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).map((p) => formatPence(Number(p))),
);

describe('amounts in whole pence', () => {
  it('reads exactly what parseMoney reads, as the same number of pence, and refuses what it refuses', () => {
    fc.assert(
      fc.property(messyAmount, (text) => {
        const money = outcome(() => parseMoney(text));
        const pence = outcome(() => parsePence(text));
        if ('error' in money) {
          expect(pence).toEqual({ error: true });
        } else if (money.value.decimalPlaces() <= 2) {
          expect(pence).toEqual({ value: Number(penceOf(money.value)) });
        } else {
          // Fractions of a penny are refused, never rounded.
          expect(pence).toEqual({ error: true });
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the spellings real exports use', () => {
    expect(parsePence('1234.5')).toBe(123450);
    expect(parsePence('£1,234.50')).toBe(123450);
    expect(parsePence(' 12 ')).toBe(1200);
    expect(parsePence('-5.01')).toBe(-501);
    expect(parsePence('12.500')).toBe(1250);
    expect(() => parsePence('12,34')).toThrow(expect.objectContaining({ code: 'invalid-amount' }));
    expect(() => parsePence('12.345')).toThrow(expect.objectContaining({ code: 'invalid-amount' }));
  });

  it('writes pence as toFixed2 writes the same amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (pence) => {
        expect(formatPence(pence)).toBe(toFixed2(parseMoney(formatPence(pence))));
      }),
    );
    expect(formatPence(-5)).toBe('-0.05');
    expect(formatPence(123456)).toBe('1234.56');
  });
});

describe('amounts in pounds', () => {
  it.each([
    ['$12.50', '"$12.50" is in dollars, but the amounts here are in pounds (write 12.50 or £12.50)'],
    ['€12.50', '"€12.50" is in euros, but the amounts here are in pounds (write 12.50 or £12.50)'],
  ])('refuses %s in a run, which is in pounds, rather than reading it as pounds', (text, message) => {
    expect(() => parsePence(text)).toThrow(expect.objectContaining({ code: 'invalid-amount', message }));
  });

  it('reads £12.50 and 12.50 alike', () => {
    expect([parsePence('£12.50'), parsePence('12.50')]).toEqual([1250, 1250]);
  });
});
