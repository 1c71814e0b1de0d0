import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Account } from '../../src/batch/account.js';
import { householdWithDefaults } from '../../src/batch/household-fields.js';
import { budgetDisagreement, planHousehold } from '../../src/batch/household.js';
import type { PlanSettings } from '../../src/batch/plan.js';
import { parseIsoDate } from '../../src/core/date.js';
import { PAYMENT_FREQUENCIES } from '../../src/core/frequency.js';
import { penceTerms, resolvePlanTerms, type OptionFigures } from '../../src/core/plan/index.js';

const asOf = parseIsoDate('2026-01-05');
const terms = (on: typeof asOf) => penceTerms(resolvePlanTerms({ asOf: on }));
const settings: PlanSettings = { terms: terms(asOf), interest: 'frozen', schedules: true };

const account = (line: number, balance: number, changes: Partial<Account> = {}): Account => ({
  line,
  id: `ACC${line}`,
  balance,
  income: 210_000,
  expenses: { housing: 70_000, council_tax: 12_000, utilities: 15_000, food: 30_000, transport: 10_000, other_expenses: 13_000 },
  pay: { frequency: 'monthly', nextPayDate: parseIsoDate('2026-01-25') },
  household: householdWithDefaults({}),
  carried: [],
  ...changes,
});

describe("a household's accounts planned together", () => {
  it('shares what the household can pay between its accounts, pro rata to their balances', () => {
    const [card, loan] = planHousehold([account(2, 120_000), account(3, 360_000)], settings);
    // £600.00 available a month: £150.00 to the card, £450.00 to the loan, both repaid in 8 months.
    expect(card?.affordability.available).toBe(60_000);
    expect(loan?.affordability.available).toBe(60_000);
    expect([card?.recommended.instalmentAmount, loan?.recommended.instalmentAmount]).toEqual([15_000n, 45_000n]);
    expect([card?.recommended.totalPaid, loan?.recommended.totalPaid]).toEqual([120_000n, 360_000n]);
    expect(card?.recommended.lastDate).toBe(loan?.recommended.lastDate);
  });

  it('gives every account its part of each payment, never negative, repaying each account in full (property)', () => {
    const household = fc.record({
      balances: fc.array(fc.integer({ min: 1, max: 2_000_000 }), { minLength: 1, maxLength: 5 }),
      income: fc.integer({ min: 150_000, max: 600_000 }),
      frequency: fc.constantFrom(...PAYMENT_FREQUENCIES),
    });
    fc.assert(
      fc.property(household, ({ balances, income, frequency }) => {
        const accounts = balances.map((balance, i) => account(i + 2, balance, { income, pay: { frequency, nextPayDate: parseIsoDate('2026-01-20') } }));
        const results = planHousehold(accounts, settings);
        const paidAt = new Map<number, bigint>();
        results.forEach((result, i) => {
          const instalments = result.instalments ?? [];
          for (const instalment of instalments) {
            expect(instalment.amount >= 0n).toBe(true);
            expect(instalment.balanceAfter >= 0n).toBe(true);
            paidAt.set(instalment.n, (paidAt.get(instalment.n) ?? 0n) + instalment.amount);
          }
          if (result.recommended.outcome.kind === 'repaid') {
            expect(instalments[instalments.length - 1]?.balanceAfter).toBe(0n);
            expect(result.recommended.totalPaid).toBe(BigInt(balances[i] as number));
          }
        });
        // Redistribution keeps the household's payment the same until the last one; a token goes
        // only to the accounts still owed, so it may fall, never rise.
        const payments = [...paidAt.entries()].sort(([a], [b]) => a - b).map(([, pence]) => pence);
        const token = results[0]?.recommended.kind === 'token';
        for (const payment of payments.slice(0, -1)) expect(token ? payment <= (payments[0] as bigint) : payment === payments[0]).toBe(true);
      }),
      { seed: 13, numRuns: 60 },
    );
  });

  it("gives, with interest frozen, each account's part of every option as a payment-by-payment walk worked out here (property)", () => {
    // Balances from a penny (repaid by the first payment, its share going to the others) to £50,000;
    // incomes from short of the costs (£1,500.00 a month), through a few pence or pounds over them
    // (token payments, £1.00 a month to each account), to ample; every pay frequency and payday.
    const household = fc.record({
      balances: fc.array(fc.oneof(fc.integer({ min: 1, max: 5_000 }), fc.integer({ min: 1, max: 5_000_000 })), { minLength: 1, maxLength: 6 }),
      income: fc.oneof(fc.integer({ min: 149_000, max: 151_500 }), fc.integer({ min: 150_000, max: 700_000 })),
      frequency: fc.constantFrom(...PAYMENT_FREQUENCIES),
      payday: fc.integer({ min: 0, max: 60 }),
    });
    const kinds = new Set<string>();
    fc.assert(
      fc.property(household, ({ balances, income, frequency, payday }) => {
        const pay = { frequency, nextPayDate: parseIsoDate(`2026-${payday < 31 ? '01' : '02'}-${String((payday % 28) + 1).padStart(2, '0')}`) };
        const accounts = balances.map((balance, i) => account(i + 2, balance, { income, pay }));
        const results = planHousehold(accounts, settings);
        const options = results[0]?.proposal.options ?? [];
        options.forEach((option, k) => {
          kinds.add(option.kind);
          // Long plans take long to walk; one that does not repay within 50 years is shown for a year.
          if (option.outcome.kind === 'never-repays' || results.some((result) => (result.proposal.options[k]?.instalmentCount ?? 0) > 1000)) return;
          const parts = walkShares(balances.map(BigInt), option);
          results.forEach((result, i) => {
            const own = result.proposal.options[k] as OptionFigures;
            const part = parts[i] as (typeof parts)[number];
            expect({ count: own.instalmentCount, share: own.instalmentAmount, final: own.finalAmount, paid: own.totalPaid, after: own.balanceAfter }).toEqual(part);
            // Only a token, until its review, leaves an account owed here.
            expect(own.outcome.kind).toBe(part.after === 0n ? 'repaid' : 'review');
          });
        });
        const recommended = options[results[0]?.proposal.recommended.index ?? 0] as OptionFigures;
        if (recommended.outcome.kind !== 'never-repays' && results.every((result) => result.recommended.instalmentCount <= 1000)) {
          const parts = walkShares(balances.map(BigInt), recommended);
          results.forEach((result, i) => expect(result.instalments?.reduce((sum, instalment) => sum + instalment.amount, 0n)).toBe(parts[i]?.paid));
        }
      }),
      { seed: 20261130, numRuns: 300 },
    );
    // Every kind of option a batch offers was compared.
    expect(kinds).toEqual(new Set(['affordable', 'fixed-term', 'token']));
  });

  it("refuses an account whose budget is not its household's, naming the field and both lines", () => {
    const first = account(2, 100_000);
    expect(budgetDisagreement(first, account(3, 50_000), 'C1')).toBeUndefined();
    expect(budgetDisagreement(first, account(5, 50_000, { pay: { frequency: 'weekly', nextPayDate: parseIsoDate('2026-01-25') } }), 'C1')).toEqual({
      field: 'pay_frequency',
      reason: "pay_frequency is weekly on line 5 but monthly on line 2, an account of the same customer C1: a customer's accounts share one budget",
    });
  });

  it("refuses an account whose Breathing Space is not its household's: a moratorium covers the customer's debts", () => {
    const first = account(2, 100_000, { breathingSpaceEnd: parseIsoDate('2026-03-01') });
    expect(budgetDisagreement(first, account(3, 50_000, { breathingSpaceEnd: parseIsoDate('2026-03-01') }), 'C1')).toBeUndefined();
    expect(budgetDisagreement(first, account(4, 50_000), 'C1')).toEqual({
      field: 'breathing_space_end',
      reason: "breathing_space_end is blank on line 4 but 2026-03-01 on line 2, an account of the same customer C1: a customer's accounts share one budget",
    });
  });

  it('asks a household in Breathing Space for nothing before it ends, and flags it for review', () => {
    const end = parseIsoDate('2026-03-01');
    const results = planHousehold([account(2, 120_000, { breathingSpaceEnd: end }), account(3, 360_000, { breathingSpaceEnd: end })], settings);
    for (const result of results) {
      expect(result.affordability.flags).toContain('breathing-space');
      expect(result.review).toBe(true);
      // Paid on the 25th: the first payday after 1 March.
      expect(result.recommended.firstDate).toBe('2026-03-25');
      for (const instalment of result.instalments ?? []) expect(instalment.due > end).toBe(true);
    }
  });
});

describe('a household paid on the 31st, planned on 15 February 2027 (batch --group-by --schedules)', () => {
  const february: PlanSettings = { terms: terms(parseIsoDate('2027-02-15')), interest: 'frozen', schedules: true };
  const pay = { frequency: 'monthly', nextPayDate: parseIsoDate('2027-01-31') } as const;

  it('gives every account the paydays on the 31st (or the last day of a shorter month), moved off weekends and bank holidays', () => {
    const accounts = [account(2, 120_000, { pay }), account(3, 240_000, { pay })];
    // Six payments of £600.00: nominal 28 Feb (a Sunday), 31 Mar, 30 Apr, 31 May (Spring bank
    // holiday), 30 Jun, 31 Jul (a Saturday), worked out by hand from the 2027 calendar.
    const expected = ['2027-03-01', '2027-03-31', '2027-04-30', '2027-06-01', '2027-06-30', '2027-08-02'];
    for (const result of planHousehold(accounts, february)) expect(result.instalments?.map((i) => i.due)).toEqual(expected);
  });
});

describe('a household with nothing to spare, one of whose accounts is small (batch --group-by)', () => {
  it('pays each account still owed £1.00 a month until the review: the small one is repaid, and its £1.00 is not passed on', () => {
    // £1,500.00 in, £1,500.00 out: nothing available, so the token payment, £1.00 to each account.
    const accounts = [account(2, 150, { income: 150_000 }), account(3, 10_000, { income: 150_000 }), account(4, 10_000, { income: 150_000 })];
    const plans = planHousehold(accounts, settings);
    expect(plans.map((result) => result.recommended.kind)).toEqual(['token', 'token', 'token']);
    // Month 1: £1.00 each (the £1.50 account then owes 50p); month 2: its last 50p and £1.00 to the others; month 3: £1.00 to each of the two.
    expect(plans.map((result) => result.instalments?.map((i) => i.amount))).toEqual([[100n, 50n], [100n, 100n, 100n], [100n, 100n, 100n]]);
    expect(plans.map((result) => result.recommended.outcome.kind)).toEqual(['repaid', 'review', 'review']);
  });
});

describe("each account's outcome is its own (batch --group-by)", () => {
  it('a £10.00 account beside a £5,000.00 one at 40% is repaid by its own share, though the household plan never repays', () => {
    // £100.00 a month available; £5,000.00 at 40% adds £166.66 a month, so the plan never repays the household.
    const apr: PlanSettings = { ...settings, interest: 'apr' };
    const [small, large] = planHousehold([account(2, 1_000, { income: 160_000 }), account(3, 500_000, { income: 160_000, apr: '40' })], apr);
    const affordable = (result: typeof small) => result?.proposal.options.find((option) => option.kind === 'affordable');
    // £100.00 shared pro rata: 10000 × 1000 ÷ 501000 = 19.96p, so 19p and the penny left by the largest
    // remainder (0.96 against 0.04): 20p a month, £10.00 repaid by the 50th payment.
    expect(affordable(small)).toMatchObject({ outcome: { kind: 'repaid' }, instalmentAmount: 20n, instalmentCount: 50, totalPaid: 1_000n, balanceAfter: 0n });
    expect(affordable(large)).toMatchObject({ outcome: { kind: 'never-repays' }, instalmentAmount: 9_980n });
  });
});

/**
 * `amount` pence among those with room (`owed`), pro rata to `weights`, worked out here: floor of each
 * share, the pence left to the largest remainders (ties to the first listed); a share above what an
 * account is owed is cut to it and the rest shared among the others again.
 */
function shareOut(amount: bigint, weights: readonly bigint[], owed: readonly bigint[]): bigint[] {
  const shares = owed.map(() => 0n);
  const open = owed.map((balance) => balance > 0n);
  let left = amount;
  while (left > 0n) {
    const w = weights.map((weight, i) => (open[i] ? weight : 0n));
    const total = w.reduce((a, b) => a + b, 0n);
    const floors = w.map((weight) => (left * weight) / total);
    let spare = left - floors.reduce((a, b) => a + b, 0n);
    const order = w.map((weight, i) => ({ i, rest: (left * weight) % total })).sort((a, b) => (a.rest === b.rest ? a.i - b.i : a.rest > b.rest ? -1 : 1));
    for (const { i } of order) {
      if (spare === 0n) break;
      if ((w[i] as bigint) === 0n) continue;
      floors[i] = (floors[i] as bigint) + 1n;
      spare--;
    }
    left = 0n;
    floors.forEach((part, i) => {
      const room = (owed[i] as bigint) - (shares[i] as bigint);
      if (open[i] && part >= room) {
        shares[i] = owed[i] as bigint;
        left += part - room;
        open[i] = false;
      } else shares[i] = (shares[i] as bigint) + part;
    });
  }
  return shares;
}

/**
 * Each account's part of a household option's payments, interest frozen, walked payment by payment:
 * pro rata to the balances, a repaid account's share passed on; a token is the same to each account
 * still owed, and not passed on.
 */
function walkShares(balances: readonly bigint[], option: OptionFigures) {
  const owed = [...balances];
  const token = option.kind === 'token';
  // The household's payment, and how many are planned (an affordable payment until all is repaid).
  const { amount: planned, count } = option.sharing?.planned[0] ?? { amount: 0n, count: 0 };
  const parts = balances.map(() => ({ count: 0, share: 0n, final: 0n, paid: 0n, after: 0n }));
  for (let k = 0; option.kind === 'affordable' || k < count; k++) {
    const due = owed.reduce((a, b) => a + b, 0n);
    if (due === 0n) break;
    const amounts = token
      ? owed.map((balance) => (balance <= 0n ? 0n : balance < planned / BigInt(balances.length) ? balance : planned / BigInt(balances.length)))
      : shareOut(planned < due ? planned : due, balances, owed);
    amounts.forEach((amount, i) => {
      if ((owed[i] as bigint) <= 0n) return;
      const part = parts[i] as (typeof parts)[number];
      if (part.count === 0) part.share = amount;
      part.count++;
      part.final = amount;
      part.paid += amount;
      owed[i] = (owed[i] as bigint) - amount;
    });
  }
  return parts.map((part, i) => ({ ...part, after: owed[i] as bigint }));
}
