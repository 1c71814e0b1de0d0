import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Account } from '../../src/batch/account.js';
import { householdWithDefaults } from '../../src/batch/household-fields.js';
import { budgetDisagreement, planHousehold, planHouseholdByEngine } from '../../src/batch/household.js';
import type { PlanSettings } from '../../src/batch/plan.js';
import { parseIsoDate } from '../../src/core/date.js';
import { PAYMENT_FREQUENCIES } from '../../src/core/frequency.js';
import { quickCovers, quickTerms } from '../../src/core/plan/index.js';

const asOf = parseIsoDate('2026-01-05');
const settings: PlanSettings = { terms: quickTerms({ asOf }), interest: 'frozen', schedules: true };

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
    expect([card?.recommended.instalmentAmount, loan?.recommended.instalmentAmount]).toEqual([15_000, 45_000]);
    expect([card?.recommended.totalPaid, loan?.recommended.totalPaid]).toEqual([120_000, 360_000]);
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
        const paidAt = new Map<number, number>();
        results.forEach((result, i) => {
          const instalments = result.instalments ?? [];
          for (const instalment of instalments) {
            expect(instalment.amount).toBeGreaterThanOrEqual(0);
            expect(instalment.balanceAfter).toBeGreaterThanOrEqual(0);
            paidAt.set(instalment.n, (paidAt.get(instalment.n) ?? 0) + instalment.amount);
          }
          if (result.recommended.outcome.kind === 'repaid') {
            expect(instalments[instalments.length - 1]?.balanceAfter).toBe(0);
            expect(result.recommended.totalPaid).toBe(balances[i]);
          }
        });
        // Redistribution keeps the household's payment the same until the last one; a token goes
        // only to the accounts still owed, so it may fall, never rise.
        const payments = [...paidAt.entries()].sort(([a], [b]) => a - b).map(([, pence]) => pence);
        const token = results[0]?.recommended.kind === 'token';
        for (const payment of payments.slice(0, -1)) expect(token ? payment <= (payments[0] as number) : payment === payments[0]).toBe(true);
      }),
      { seed: 13, numRuns: 60 },
    );
  });

  it('gives, with interest frozen, the figures and payments the creditor engine gives, account by account (property)', () => {
    // Balances from a penny (repaid by the first payment, its share going to the others) to £50,000;
    // incomes from short of the costs (£1,500.00 a month), through a few pence or pounds over them
    // (token payments, £1.00 a month to each account), to ample; every pay frequency and payday.
    const household = fc.record({
      balances: fc.array(fc.oneof(fc.integer({ min: 1, max: 5_000 }), fc.integer({ min: 1, max: 5_000_000 })), { minLength: 1, maxLength: 6 }),
      income: fc.oneof(fc.integer({ min: 149_000, max: 151_500 }), fc.integer({ min: 150_000, max: 700_000 })),
      frequency: fc.constantFrom(...PAYMENT_FREQUENCIES),
      payday: fc.integer({ min: 0, max: 60 }),
    });
    let quick = 0;
    const kinds = new Set<string>();
    fc.assert(
      fc.property(household, ({ balances, income, frequency, payday }) => {
        const pay = { frequency, nextPayDate: parseIsoDate(`2026-${payday < 31 ? '01' : '02'}-${String((payday % 28) + 1).padStart(2, '0')}`) };
        const accounts = balances.map((balance, i) => account(i + 2, balance, { income, pay }));
        const results = planHousehold(accounts, settings);
        expect(results).toEqual(planHouseholdByEngine(accounts, settings));
        const available = results[0]?.affordability.available ?? 0;
        const total = balances.reduce((a, b) => a + b, 0);
        if (quickCovers(settings.terms, { balance: total, affordableMonthly: available, frequency, start: asOf })) quick++;
        for (const option of results[0]?.proposal.options ?? []) kinds.add(option.kind);
      }),
      { seed: 20261130, numRuns: 300 },
    );
    // Most households took the quick path (the rest, repaid past the horizon, the engine's).
    expect(quick).toBeGreaterThan(200);
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
  const february: PlanSettings = { terms: quickTerms({ asOf: parseIsoDate('2027-02-15') }), interest: 'frozen', schedules: true };
  const pay = { frequency: 'monthly', nextPayDate: parseIsoDate('2027-01-31') } as const;

  it('gives every account the paydays on the 31st (or the last day of a shorter month), moved off weekends and bank holidays', () => {
    const accounts = [account(2, 120_000, { pay }), account(3, 240_000, { pay })];
    // Six payments of £600.00: nominal 28 Feb (a Sunday), 31 Mar, 30 Apr, 31 May (Spring bank
    // holiday), 30 Jun, 31 Jul (a Saturday), worked out by hand from the 2027 calendar.
    const expected = ['2027-03-01', '2027-03-31', '2027-04-30', '2027-06-01', '2027-06-30', '2027-08-02'];
    for (const plans of [planHousehold(accounts, february), planHouseholdByEngine(accounts, february)]) {
      for (const result of plans) expect(result.instalments?.map((i) => i.due)).toEqual(expected);
    }
  });
});

describe('a household with nothing to spare, one of whose accounts is small (batch --group-by)', () => {
  it('pays each account still owed £1.00 a month until the review: the small one is repaid, and its £1.00 is not passed on', () => {
    // £1,500.00 in, £1,500.00 out: nothing available, so the token payment, £1.00 to each account.
    const accounts = [account(2, 150, { income: 150_000 }), account(3, 10_000, { income: 150_000 }), account(4, 10_000, { income: 150_000 })];
    for (const plans of [planHousehold(accounts, settings), planHouseholdByEngine(accounts, settings)]) {
      expect(plans.map((result) => result.recommended.kind)).toEqual(['token', 'token', 'token']);
      // Month 1: £1.00 each (the £1.50 account then owes 50p); month 2: its last 50p and £1.00 to the others; month 3: £1.00 to each of the two.
      expect(plans.map((result) => result.instalments?.map((i) => i.amount))).toEqual([[100, 50], [100, 100, 100], [100, 100, 100]]);
      expect(plans.map((result) => result.recommended.outcome.kind)).toEqual(['repaid', 'review', 'review']);
    }
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
    expect(affordable(small)).toMatchObject({ outcome: { kind: 'repaid' }, instalmentAmount: 20, instalmentCount: 50, totalPaid: 1_000, balanceAfter: 0 });
    expect(affordable(large)).toMatchObject({ outcome: { kind: 'never-repays' }, instalmentAmount: 9_980 });
  });
});
