/**
 * Payments against a balance with interest frozen (frozen.ts), the closed form the plan engine and the
 * batch both lay out plans with, held to an independent computation: the payments walked one at a
 * time in BigInt pence, each paying its planned amount or exactly what is left. Balances reach £500
 * billion, past Number's exact integers once multiplied, and the fixed-term payment is held to what
 * it must be: the smallest whole-pence payment the walk shows repays within the term.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../../src/core/date.js';
import { PAYMENT_FREQUENCIES } from '../../../src/core/frequency.js';
import { fromPence, toFixed2 } from '../../../src/core/money.js';
import { frozenInstalment, layFrozen, type PenceRun } from '../../../src/core/plan/frozen.js';
import { instalmentsIn, summarisePlans } from '../../../src/core/plan/index.js';

/** The instalments of `runs` against `principal`, one at a time: the independent computation. */
function walked(principal: bigint, runs: readonly PenceRun[], limit: number): bigint[] {
  const paid: bigint[] = [];
  let owed = principal;
  runs.forEach((run, i) => {
    const open = i === runs.length - 1;
    for (let k = 0; (open || k < run.count) && paid.length < limit && owed > 0n; k++) {
      const amount = run.amount < owed ? run.amount : owed;
      paid.push(amount);
      owed -= amount;
    }
  });
  return paid;
}

const sum = (amounts: readonly bigint[]) => amounts.reduce((a, b) => a + b, 0n);

/** The walk's instalments as runs of one amount. */
function runsOf(amounts: readonly bigint[]): PenceRun[] {
  const runs: PenceRun[] = [];
  for (const amount of amounts) {
    const last = runs[runs.length - 1];
    if (last && last.amount === amount) runs[runs.length - 1] = { count: last.count + 1, amount };
    else runs.push({ count: 1, amount });
  }
  return runs;
}

describe('layFrozen: payments against a balance with interest frozen', () => {
  it('pays each run in turn and repeats the last: £100.00 as 2 × £5.00 then £30.00s is 2 × 5 + 2 × 30 + 30', () => {
    const laid = layFrozen(10_000n, [
      { count: 2, amount: 500n },
      { count: 1, amount: 3_000n },
    ], 600);
    expect(laid).toEqual({
      count: 5,
      totalPaid: 10_000n,
      totalInterest: 0n,
      largest: 3_000n,
      finalAmount: 3_000n,
      balanceAfter: 0n,
      pattern: [
        { count: 2, amount: 500n },
        { count: 3, amount: 3_000n },
      ],
      nextInterest: 0n,
    });
  });

  it('puts the remainder in the last instalment: £1,000.00 at £300.00 is 3 × 300 then 100', () => {
    expect(layFrozen(100_000n, [{ count: 1, amount: 30_000n }], 600)).toMatchObject({ count: 4, largest: 30_000n, finalAmount: 10_000n, balanceAfter: 0n });
  });

  it('stops at the limit and leaves what is still owed: £1.00 a month for 3 months against £50.00 leaves £47.00', () => {
    expect(layFrozen(5_000n, [{ count: 3, amount: 100n }], 3)).toMatchObject({ count: 3, totalPaid: 300n, finalAmount: 100n, balanceAfter: 4_700n });
  });

  it('gives the figures of the payments walked one at a time, for balances past 2^53 pence once multiplied (property)', () => {
    const amount = fc.oneof(fc.bigInt({ min: 1n, max: 500n }), fc.bigInt({ min: 1n, max: 5_000_000n }), fc.bigInt({ min: 1n, max: 50_000_000_000_000n }));
    const plan = fc.record({
      principal: fc.oneof(fc.bigInt({ min: 1n, max: 100_000n }), fc.bigInt({ min: 1n, max: 50_000_000_000_000n })),
      runs: fc.array(fc.record({ count: fc.integer({ min: 0, max: 40 }), amount }), { minLength: 1, maxLength: 4 }),
      limit: fc.integer({ min: 1, max: 2_600 }),
    });
    fc.assert(
      fc.property(plan, ({ principal, runs, limit }) => {
        // The walk is as long as the plan: keep it to plans a test can walk.
        fc.pre(walked(principal, runs, Math.min(limit, 3_000)).length < 3_000);
        const paid = walked(principal, runs, limit);
        const laid = layFrozen(principal, runs, limit);
        expect(laid.count).toBe(paid.length);
        expect(laid.pattern).toEqual(runsOf(paid));
        expect(laid.totalPaid).toBe(sum(paid));
        expect(laid.balanceAfter).toBe(principal - sum(paid));
        expect(laid.finalAmount).toBe(paid.at(-1) ?? 0n);
        expect(laid.largest).toBe(paid.reduce((a, b) => (b > a ? b : a), 0n));
      }),
      { seed: 2026_12_07, numRuns: 500 },
    );
  });

  it('gives the figures of the payments walked one at a time on both sides of 2^53 pence, where it stops working in Number (property)', () => {
    // Balances and payments within a few thousand pence of 2^53 − 1 (the largest safe integer), either
    // side, and payments small enough beside them that products and remainders are near 2^53 too.
    const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
    const near = fc.bigInt({ min: SAFE - 5_000n, max: SAFE + 5_000n });
    const amount = fc.oneof(near, fc.bigInt({ min: SAFE / 3_000n, max: SAFE / 1_000n }), fc.bigInt({ min: 1n, max: SAFE / 2n }));
    const plan = fc.record({
      principal: fc.oneof(near, fc.bigInt({ min: 1n, max: SAFE })),
      runs: fc.array(fc.record({ count: fc.integer({ min: 0, max: 40 }), amount }), { minLength: 1, maxLength: 4 }),
      limit: fc.integer({ min: 1, max: 2_600 }),
    });
    fc.assert(
      fc.property(plan, ({ principal, runs, limit }) => {
        fc.pre(walked(principal, runs, Math.min(limit, 3_000)).length < 3_000);
        const paid = walked(principal, runs, limit);
        expect(layFrozen(principal, runs, limit)).toEqual({
          count: paid.length,
          totalPaid: sum(paid),
          totalInterest: 0n,
          largest: paid.reduce((a, b) => (b > a ? b : a), 0n),
          finalAmount: paid.at(-1) ?? 0n,
          balanceAfter: principal - sum(paid),
          pattern: runsOf(paid),
          nextInterest: 0n,
        });
      }),
      { seed: 2026_12_08, numRuns: 1_000 },
    );
  });
});

describe('frozenInstalment: the payment that keeps a fixed term', () => {
  it('is £83.34 for £1,000.00 over 12 months (11 × 83.34 + 83.26)', () => {
    expect(frozenInstalment(100_000n, 12)).toBe(8_334n);
    expect(walked(100_000n, [{ count: 1, amount: 8_334n }], 12).at(-1)).toBe(8_326n);
  });

  it('is the smallest whole-pence payment that the walk shows repays within the term (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 50_000_000_000_000n }), fc.integer({ min: 1, max: 2_600 }), (principal, count) => {
        const payment = frozenInstalment(principal, count);
        // Repays in `count`: the walk's last balance is nil; a penny less leaves something owed. Checked
        // by multiplication, as the walk of a £500 billion balance at a penny short is too long to run.
        expect(payment * BigInt(count) >= principal).toBe(true);
        expect((payment - 1n) * BigInt(count) < principal).toBe(true);
        if (count <= 60) {
          expect(sum(walked(principal, [{ count: 1, amount: payment }], count))).toBe(principal);
          if (payment > 1n) expect(sum(walked(principal, [{ count: 1, amount: payment - 1n }], count)) < principal).toBe(true);
        }
      }),
      { seed: 2026_12_07, numRuns: 500 },
    );
  });

  it('is ceil(principal ÷ count) on both sides of 2^53 pence, where it stops working in Number (property)', () => {
    const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
    const principal = fc.oneof(fc.bigInt({ min: SAFE - 5_000n, max: SAFE + 5_000n }), fc.bigInt({ min: 0n, max: SAFE }));
    fc.assert(
      fc.property(principal, fc.integer({ min: 1, max: 2_600 }), (principal, count) => {
        const payment = frozenInstalment(principal, count);
        // The smallest payment whose `count` instalments come to the principal: checked by multiplication in BigInt.
        expect(payment * BigInt(count) >= principal).toBe(true);
        expect(payment === 0n || (payment - 1n) * BigInt(count) < principal).toBe(true);
      }),
      { seed: 2026_12_08, numRuns: 2_000 },
    );
  });
});

describe("the plan engine's options with interest frozen, against the payments walked one at a time", () => {
  it('pays the affordable amount until repaid, each fixed term at the smallest payment that keeps it, and £1.00 a month until a review (property)', () => {
    const account = fc.record({
      balance: fc.oneof(fc.bigInt({ min: 1n, max: 500n }), fc.bigInt({ min: 1n, max: 5_000_000n }), fc.bigInt({ min: 1n, max: 50_000_000_000_000n })),
      // Monthly pence; the instalment is monthly × 12 ÷ payments a year, rounded down (hand rule, docs/money.md).
      monthly: fc.oneof(fc.integer({ min: -20_000, max: 300 }), fc.integer({ min: 1, max: 300_000 })),
      frequency: fc.constantFrom(...PAYMENT_FREQUENCIES),
    });
    const perYear = { weekly: 52n, fortnightly: 26n, 'four-weekly': 13n, monthly: 12n } as const;
    const start = parseIsoDate('2027-03-01');
    // The smallest payment that repays within the term: balance ÷ instalments, rounded up (by hand).
    const withinTerm = (balance: bigint, count: number): [bigint, number] => [(balance + BigInt(count) - 1n) / BigInt(count), count];
    fc.assert(
      fc.property(account, ({ balance, monthly, frequency }) => {
        const summary = summarisePlans({ balance: fromPence(balance), affordableMonthly: fromPence(BigInt(monthly)), frequency, start, asOf: start });
        const perInstalment = monthly > 0 ? (BigInt(monthly) * 12n) / perYear[frequency] : 0n;
        const horizon = Number(50n * perYear[frequency]);
        for (const option of summary.options) {
          const [payment, limit] =
            option.kind === 'affordable'
              ? [perInstalment, horizon]
              : option.kind === 'fixed-term'
                ? withinTerm(balance, instalmentsIn(option.termMonths, frequency))
                : [100n, 3];
          // A plan past the 50-year horizon is shown for its first year; others are walked in full.
          const count = (balance + payment - 1n) / payment;
          if (option.kind === 'affordable' && count > BigInt(horizon)) {
            expect(option.outcome.kind).toBe('never-repays');
            continue;
          }
          if (count > 3_000n && option.kind !== 'token') continue;
          const paid = walked(balance, [{ count: 1, amount: payment }], limit);
          expect([option.kind, option.instalmentCount, toFixed2(option.instalmentAmount), toFixed2(option.finalAmount), toFixed2(option.totalPaid), toFixed2(option.balanceAfter)]).toEqual([
            option.kind,
            paid.length,
            toFixed2(fromPence(paid.length > 1 ? payment : (paid[0] as bigint))),
            toFixed2(fromPence(paid.at(-1) as bigint)),
            toFixed2(fromPence(sum(paid))),
            toFixed2(fromPence(balance - sum(paid))),
          ]);
          expect(option.outcome.kind).toBe(sum(paid) === balance ? 'repaid' : 'review');
        }
      }),
      { seed: 2026_12_07, numRuns: 300 },
    );
  }, 60_000);
});
