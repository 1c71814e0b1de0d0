import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frozenShares, sharingWeights, type SharedRun } from '../../../src/core/plan/sharing.js';

/** The runs written out payment by payment: each creditor's part of each payment. */
const byPayment = (runs: readonly SharedRun[]): bigint[][] => runs.flatMap((run) => Array.from({ length: run.count }, () => [...run.parts]));

/**
 * The rule written independently, one payment at a time in exact fractions: what is left of a payment
 * is shared among the creditors still open in proportion to their weights, each given the whole
 * pence below their exact share and the pence left over going one each by the largest fraction cut
 * off (ties to the creditor listed first); a creditor given at least what they are owed gets exactly
 * that and is closed, and what they were given beyond it is shared again among the others.
 */
function oracle(balances: readonly bigint[], weights: readonly bigint[], runs: readonly { count: number; amount: bigint }[], limit: number): bigint[][] {
  const owed = [...balances];
  const payments: bigint[][] = [];
  const paymentAt = (k: number): bigint => {
    let end = 0;
    for (const run of runs) {
      end += run.count;
      if (k < end) return run.amount;
    }
    return (runs[runs.length - 1] as { amount: bigint }).amount;
  };
  for (let k = 0; k < limit; k++) {
    const due = owed.reduce((a, b) => a + b, 0n);
    if (due === 0n) break;
    let left = paymentAt(k) < due ? paymentAt(k) : due;
    const given = owed.map(() => 0n);
    const open = owed.map((o) => o > 0n);
    while (left > 0n) {
      const total = weights.reduce((sum, w, i) => (open[i] ? sum + w : sum), 0n);
      // Exact share of creditor i: left × w / total, as a whole part and a fraction (num / total).
      const exact = weights.map((w, i) => (open[i] ? { whole: (left * w) / total, num: (left * w) % total } : { whole: 0n, num: -1n }));
      let spare = left - exact.reduce((sum, e) => sum + e.whole, 0n);
      const order = exact.map((_, i) => i);
      order.sort((a, b) => {
        const na = (exact[a] as { num: bigint }).num;
        const nb = (exact[b] as { num: bigint }).num;
        return na === nb ? a - b : na > nb ? -1 : 1;
      });
      const parts = exact.map((e) => e.whole);
      for (const i of order) {
        if (spare === 0n) break;
        if (!open[i]) continue;
        parts[i] = (parts[i] as bigint) + 1n;
        spare--;
      }
      left = 0n;
      parts.forEach((part, i) => {
        if (!open[i]) return;
        const room = (owed[i] as bigint) - (given[i] as bigint);
        if (part >= room) {
          given[i] = owed[i] as bigint;
          left += part - room;
          open[i] = false;
        } else given[i] = (given[i] as bigint) + part;
      });
    }
    given.forEach((g, i) => {
      owed[i] = (owed[i] as bigint) - g;
    });
    payments.push(given);
  }
  return payments;
}

describe('sharing payments among several creditors, interest frozen (frozenShares)', () => {
  it('shares a token payment equally, and a small balance repaid early leaves its share to the others', () => {
    // £1.00 a month to each of three creditors owed £1.50, £100.00 and £100.00, for three months:
    // £1.00 each; then the 50p left of the small one, its other 50p going 25p to each of the others; then £1.50 each.
    const balances = [150n, 10_000n, 10_000n];
    const runs = frozenShares(balances, sharingWeights(balances, 'equal'), [{ count: 3, amount: 300n }], 3);
    expect(runs).toEqual([
      { from: 0, count: 1, parts: [100n, 100n, 100n], owed: [true, true, true] },
      { from: 1, count: 1, parts: [50n, 125n, 125n], owed: [true, true, true] },
      { from: 2, count: 1, parts: [0n, 150n, 150n], owed: [false, true, true] },
    ]);
  });

  it('shares a payment pro rata to what each is owed, as one run when no one is repaid early', () => {
    // £600.00 a month against £1,200.00 and £3,600.00: £150.00 and £450.00, eight payments each.
    const balances = [120_000n, 360_000n];
    expect(frozenShares(balances, sharingWeights(balances, 'balance'), [{ count: 8, amount: 60_000n }], 8)).toEqual([
      { from: 0, count: 8, parts: [15_000n, 45_000n], owed: [true, true] },
    ]);
  });

  it('gives the penny left over to the creditor listed first, and caps a share at what is left owing', () => {
    // £1.00 among three creditors owed £1.00 each: 34p, 33p, 33p twice; then the first is owed 32p
    // and the others 34p: 32p, and its 2p over shared 1p each, so the last payment is 32p, 34p, 34p.
    const balances = [100n, 100n, 100n];
    expect(frozenShares(balances, sharingWeights(balances, 'balance'), [{ count: 1, amount: 100n }], 10)).toEqual([
      { from: 0, count: 2, parts: [34n, 33n, 33n], owed: [true, true, true] },
      { from: 2, count: 1, parts: [32n, 34n, 34n], owed: [true, true, true] },
    ]);
  });

  it('follows the payments of each run of a stepped plan, the last repeated, and pays only what is left', () => {
    // Two payments of £1.00, then £3.00 on, against £2.00 and £4.00: 33⅓p and 66⅔p give 33p and 67p
    // (the larger fraction gets the penny); then £1.00 and £2.00. £1.00 is left (34p and 66p), so the
    // fourth payment is £1.00: 33p and 67p again, the 67p cut to 66p and its penny going to the first.
    const balances = [200n, 400n];
    const shared = byPayment(frozenShares(balances, sharingWeights(balances, 'balance'), [{ count: 2, amount: 100n }, { count: 1, amount: 300n }], 10));
    expect(shared).toEqual([
      [33n, 67n],
      [33n, 67n],
      [100n, 200n],
      [34n, 66n],
    ]);
  });

  it('agrees with the rule worked one payment at a time in exact fractions, adding up exactly, none negative or above the payment or what is owed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 0n, max: 500_000n }), { minLength: 1, maxLength: 6 }).filter((b) => b.some((x) => x > 0n)),
        fc.constantFrom('balance' as const, 'equal' as const),
        fc.array(fc.record({ count: fc.integer({ min: 0, max: 40 }), amount: fc.bigInt({ min: 1n, max: 100_000n }) }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 400 }),
        (balances, by, runs, limit) => {
          const weights = sharingWeights(balances, by);
          const shared = frozenShares(balances, weights, runs, limit);
          const payments = byPayment(shared);
          expect(payments).toEqual(oracle(balances, weights, runs, limit));
          const paid = balances.map(() => 0n);
          let k = 0;
          for (const run of shared) {
            expect(run.from).toBe(k);
            expect(run.count).toBeGreaterThan(0);
            k += run.count;
          }
          expect(payments.length).toBeLessThanOrEqual(limit);
          payments.forEach((parts, n) => {
            let end = 0;
            const planned = runs.find((run) => n < (end += run.count))?.amount ?? (runs[runs.length - 1] as { amount: bigint }).amount;
            const total = parts.reduce((a, b) => a + b, 0n);
            const due = balances.reduce((a, b) => a + b, 0n) - paid.reduce((a, b) => a + b, 0n);
            // Each payment is the planned one, or what is left when that is less, in parts adding up to it exactly.
            expect(total).toBe(planned < due ? planned : due);
            parts.forEach((part, i) => {
              expect(part >= 0n && part <= total).toBe(true);
              paid[i] = (paid[i] as bigint) + part;
              expect(paid[i] as bigint).toBeLessThanOrEqual(balances[i] as bigint);
            });
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
