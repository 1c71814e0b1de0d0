import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, ratiosOf } from '../../src/core/allocate.js';
import { money } from '../../src/core/money.js';

describe('allocate: whole units shared in proportion, largest remainder', () => {
  it('shares 10000p over 500, 1000, 233 and 200 as the offers worked example does', () => {
    expect(allocate(10_000n, [500n, 1000n, 233n, 200n])).toEqual([2587n, 5173n, 1205n, 1035n]);
  });

  it('gives a unit left over to the part listed first when the fractions tie', () => {
    expect(allocate(1000n, [1n, 1n, 1n])).toEqual([334n, 333n, 333n]);
    expect(allocate(2n, [1n, 1n, 1n])).toEqual([1n, 1n, 0n]);
  });

  it('gives a nil ratio nothing, and nothing when there is nothing to share', () => {
    expect(allocate(101n, [0n, 1n, 0n, 1n])).toEqual([0n, 51n, 0n, 50n]);
    expect(allocate(0n, [3n, 4n])).toEqual([0n, 0n]);
  });

  it('refuses a negative amount or ratios that are all nil', () => {
    expect(() => allocate(-1n, [1n])).toThrow();
    expect(() => allocate(5n, [0n, 0n])).toThrow();
  });

  it('always adds up to the amount, each part within one unit of its exact share, the larger fraction never the smaller part', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 10n }), { minLength: 1, maxLength: 12 }).filter((r) => r.some((x) => x > 0n)),
        (amount, ratios) => {
          const parts = allocate(amount, ratios);
          const total = ratios.reduce((a, b) => a + b, 0n);
          expect(parts.reduce((a, b) => a + b, 0n)).toBe(amount);
          parts.forEach((part, i) => {
            const exactTimesTotal = amount * (ratios[i] as bigint);
            // part × total is within one total of the exact share × total, and never below its floor.
            expect(part * total <= exactTimesTotal + total).toBe(true);
            expect(part * total > exactTimesTotal - total).toBe(true);
            if (ratios[i] === 0n) expect(part).toBe(0n);
          });
        },
      ),
      { seed: 13 },
    );
  });
});

describe('ratiosOf: amounts as whole-number ratios', () => {
  it('keeps fractions of a penny in proportion', () => {
    expect(ratiosOf([money('10.5'), money('2'), money('0.125')])).toEqual([10500n, 2000n, 125n]);
  });
});
