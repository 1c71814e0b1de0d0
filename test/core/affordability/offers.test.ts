import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proRataOffers } from '../../../src/core/affordability/offers.js';
import { fromPence, money, toFixed2 } from '../../../src/core/money.js';
import type { Debt } from '../../../src/core/statement.js';

const debt = (creditor: string, balance: string): Debt => ({ creditor, balance: money(balance) });
// Available in whole pence, as the affordability check gives it.
const offers = (availablePence: number, ...balances: string[]) =>
  proRataOffers(fromPence(availablePence), balances.map((b, i) => debt(`Creditor ${i + 1}`, b))).map((o) => toFixed2(o.offer));

describe('pro-rata offers', () => {
  it('share £100 over 500, 1000, 233 and 200 as the worked example does: 25.87, 51.73, 12.05, 10.35', () => {
    // Exact shares: 25.866…, 51.733…, 12.053…, 10.346…; rounded down they make 99.98, and the two
    // pennies left go to the largest fractions cut off (.66 and .46 of a penny).
    expect(offers(10_000, '500', '1000', '233', '200')).toEqual(['25.87', '51.73', '12.05', '10.35']);
  });

  it('give a penny left over to the creditor listed first when the fractions tie', () => {
    // £10.00 over three equal balances: 3.333… each; 3.33 × 3 = 9.99, one penny left.
    expect(offers(1_000, '100', '100', '100')).toEqual(['3.34', '3.33', '3.33']);
  });

  it('offer nothing when nothing is available, or less than nothing', () => {
    expect(offers(0, '500', '700')).toEqual(['0.00', '0.00']);
    expect(offers(-4_510, '500', '700')).toEqual(['0.00', '0.00']);
  });

  it('give one creditor everything available', () => {
    expect(offers(12_345, '9000')).toEqual(['123.45']);
  });

  describe('creditors owed nothing', () => {
    it('get no offer: the others share everything available', () => {
      // £100 over 0, 300 and 0 and 100: 75.00 and 25.00.
      expect(offers(10_000, '0', '300', '0', '100')).toEqual(['0.00', '75.00', '0.00', '25.00']);
      // £10.00 over 0 and three equal balances: the penny left goes to the first creditor owed something.
      expect(offers(1_000, '0.00', '100', '100', '100')).toEqual(['0.00', '3.34', '3.33', '3.33']);
    });

    it('get nothing when nobody is owed anything, and are given no share', () => {
      const result = proRataOffers(fromPence(10_000), [debt('A', '0'), debt('B', '0.00')]);
      expect(result.map((o) => [toFixed2(o.offer), o.share.toString()])).toEqual([['0.00', '0'], ['0.00', '0']]);
    });

    it('get nothing when nothing is available either', () => {
      expect(offers(0, '0', '0')).toEqual(['0.00', '0.00']);
      expect(offers(-100, '0', '250')).toEqual(['0.00', '0.00']);
    });
  });

  it('always add up to exactly the whole pence available, each within a penny of its exact share', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10_000_000n }),
        fc.array(fc.bigInt({ min: 1n, max: 100_000_000n }), { minLength: 1, maxLength: 12 }),
        (availablePence, balancesPence) => {
          const debts = balancesPence.map((p, i) => ({ creditor: `C${i}`, balance: fromPence(p) }));
          const result = proRataOffers(fromPence(availablePence), debts);
          const totalOffered = result.reduce((t, o) => t + BigInt(o.offer.times(100).toFixed(0)), 0n);
          expect(totalOffered).toBe(availablePence);
          const totalBalance = balancesPence.reduce((a, b) => a + b, 0n);
          for (const [i, o] of result.entries()) {
            const exactPence = Number(availablePence * (balancesPence[i] ?? 0n)) / Number(totalBalance);
            expect(Math.abs(Number(o.offer.times(100).toFixed(0)) - exactPence)).toBeLessThan(1.000001);
            expect(o.offer.isNeg()).toBe(false);
          }
        },
      ),
    );
  });
});
