/**
 * Plans across several creditors. Each option's payments are shared among the creditors still owed,
 * pro rata to what each was owed at the start, in whole pence, each charged their own interest.
 * The properties are checked against figures the test works out for itself in BigInt pence.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVERY_DAY } from '../../../src/core/calendar/index.js';
import { addDays, parseIsoDate, type IsoDate } from '../../../src/core/date.js';
import { FairplanError } from '../../../src/core/errors.js';
import { PAYMENT_FREQUENCIES, PER_YEAR, type PaymentFrequency } from '../../../src/core/frequency.js';
import { D, fromPence, type Money, money, toFixed2 } from '../../../src/core/money.js';
import {
  proposePlans,
  type CreditorDebt,
  type CreditorSchedule,
  type PlanOption,
  type PlanRequest,
} from '../../../src/core/plan/index.js';
import { TEST_CALENDARS } from '../../helpers/calendars.js';

const epoch = parseIsoDate('2027-01-01');
const pence = (m: Money): bigint => BigInt(m.times(100).toFixed(0));
const plain = (amounts: readonly Money[]) => amounts.map(toFixed2);
const frozen = { kind: 'frozen' } as const;
const continuing = (rate: string) => ({ kind: 'continuing', annualRatePercent: new D(rate) }) as const;

const base = {
  affordableMonthly: money('100'),
  frequency: 'monthly',
  start: parseIsoDate('2027-01-28'),
  asOf: parseIsoDate('2027-01-10'),
  calendar: EVERY_DAY,
  fixedTermsMonths: [12],
} satisfies Partial<PlanRequest>;

function planFor(creditors: readonly CreditorDebt[], extra: Partial<PlanRequest> = {}) {
  const balance = creditors.reduce((total, c) => total.plus(c.balance), new D(0));
  return proposePlans({ ...base, balance: money(balance), creditors, ...extra });
}

const option = (options: readonly PlanOption[], kind: PlanOption['kind']): PlanOption => {
  const found = options.find((o) => o.kind === kind);
  if (!found) throw new Error(`no ${kind} option`);
  return found;
};
const paidAt = (creditor: CreditorSchedule, n: number): Money => creditor.instalments.find((i) => i.n === n)?.amount ?? money('0');

describe('sharing each payment among creditors', () => {
  // £100 a month over £1,000, £300 and £200 (owed £1,500): 66.666…, 20 and 13.333… a payment.
  const creditors = [
    { creditor: 'Harbour Bank', balance: money('1000') },
    { creditor: 'Lumen Shopping', balance: money('300') },
    { creditor: 'Quickline Loans', balance: money('200') },
  ];

  it('shares each payment pro rata in whole pence that add up to it, the odd penny to the largest fraction', () => {
    const affordable = option(planFor(creditors).options, 'affordable');
    const [harbour, lumen, quickline] = affordable.creditors ?? [];
    expect(plain([harbour, lumen, quickline].map((c) => (c as CreditorSchedule).share))).toEqual(['66.67', '20.00', '13.33']);
    expect(affordable.instalmentCount).toBe(15);
    expect(affordable.totalPaid.eq(1500)).toBe(true);
  });

  it('repays every creditor by the end of a plan that repays, each on their own last date', () => {
    const affordable = option(planFor(creditors).options, 'affordable');
    for (const c of affordable.creditors ?? []) {
      expect(c.outcome.kind).toBe('repaid');
      expect(c.totalPaid.eq(c.balance)).toBe(true);
      expect(c.lastDate).toBe(c.instalments.at(-1)?.due);
    }
  });

  // £100 a month over £1,000 frozen and £1,000 at 19.9%: £50 each. Harbour, with interest frozen, is
  // repaid with the 20th payment; Fairway, still charging interest, is then owed about £220.
  const owedTwo = [
    { creditor: 'Harbour Bank', balance: money('1000') },
    { creditor: 'Fairway Finance', balance: money('1000'), interest: continuing('19.9') },
  ];

  it('a balance repaid early frees its share for the others, so the payment stays the same and the plan ends sooner', () => {
    const affordable = option(planFor(owedTwo).options, 'affordable');
    const [harbour, fairway] = affordable.creditors as CreditorSchedule[];
    expect(harbour?.instalments.length).toBe(20);
    expect(plain([paidAt(harbour as CreditorSchedule, 20), paidAt(fairway as CreditorSchedule, 20)])).toEqual(['50.00', '50.00']);
    expect(plain([paidAt(harbour as CreditorSchedule, 21), paidAt(fairway as CreditorSchedule, 21)])).toEqual(['0.00', '100.00']);
    expect(toFixed2(affordable.instalments[20]?.amount as Money)).toBe('100.00');
    expect([affordable.instalmentCount, fairway?.lastDate]).toEqual([23, '2028-11-28']);
  });

  it('--no-redistribute keeps each share fixed: the payment falls once a creditor is repaid, and the plan is longer', () => {
    const fixed = option(planFor(owedTwo, { redistribute: false }).options, 'affordable');
    const [harbour, fairway] = fixed.creditors as CreditorSchedule[];
    expect(harbour?.instalments.length).toBe(20);
    expect(plain([paidAt(harbour as CreditorSchedule, 21), paidAt(fairway as CreditorSchedule, 21)])).toEqual(['0.00', '50.00']);
    expect(toFixed2(fixed.instalments[20]?.amount as Money)).toBe('50.00');
    expect([fixed.instalmentCount, fairway?.lastDate]).toEqual([25, '2029-01-28']);
    expect(fixed.creditors?.every((c) => c.outcome.kind === 'repaid')).toBe(true);
  });

  it('charges interest only to the creditor who keeps charging it, on their own balance', () => {
    const mixed = [creditors[0], { ...creditors[1], interest: continuing('24.9') }, creditors[2]] as CreditorDebt[];
    const affordable = option(planFor(mixed).options, 'affordable');
    const [harbour, lumen, quickline] = affordable.creditors as CreditorSchedule[];
    expect(harbour?.totalInterest.isZero() && quickline?.totalInterest.isZero()).toBe(true);
    // 300 × 24.9% ÷ 12 = 6.225, rounded down: 6.22 in the first month.
    expect(toFixed2(lumen?.instalments[0]?.interest as Money)).toBe('6.22');
    expect(affordable.totalInterest.eq(lumen?.totalInterest as Money)).toBe(true);
    expect(lumen?.outcome.kind).toBe('repaid');
  });

  it('names a creditor whose share does not cover their interest, with what they would need', () => {
    const mixed = [creditors[0], { creditor: 'Fairway Finance', balance: money('9000'), interest: continuing('29.9') }] as CreditorDebt[];
    const plan = planFor(mixed, { affordableMonthly: money('200'), redistribute: false });
    const fairway = option(plan.options, 'affordable').creditors?.[1];
    expect(fairway?.outcome.kind).toBe('never-repays');
    const message = fairway?.outcome.kind === 'never-repays' ? fairway.outcome.message : '';
    // Fairway's fixed share is 9000/10000 of £200, £180.00; its interest is 9000 × 29.9% ÷ 12, £224.25.
    expect(message).toContain("Fairway Finance's share, £180.00 a month, does not cover the interest");
    expect(message).toMatch(/£\d+\.\d\d a month would repay it within 5 years/);
  });

  it('gives each creditor the token payment, £1.00 each by default', () => {
    const plan = planFor(creditors, { affordableMonthly: money('2') });
    const token = option(plan.options, 'token');
    expect(toFixed2(token.instalmentAmount)).toBe('3.00');
    expect(token.label).toContain('£1.00 to each creditor');
    for (const c of token.creditors ?? []) expect(plain(c.instalments.map((i) => i.amount))).toEqual(['1.00', '1.00', '1.00']);
    expect(plan.recommended.kind).toBe('token');
  });

  it('shares a settlement sum pro rata: each creditor accepts their part', () => {
    const plan = planFor(creditors, { settlement: { discountPercent: new D(40), maxInstalments: 1 } });
    const settle = option(plan.options, 'settlement');
    expect(plain((settle.creditors ?? []).map((c) => c.balance))).toEqual(['600.00', '180.00', '120.00']);
  });

  it('takes a creditor’s own settlement discount: they accept less, the others are paid in full', () => {
    const plan = planFor(creditors, { settlement: { discountPercent: new D(0), byCreditor: [{ creditor: 'Lumen Shopping', discountPercent: new D(50) }], maxInstalments: 1 } });
    const settle = option(plan.options, 'settlement');
    expect(plain((settle.creditors ?? []).map((c) => c.balance))).toEqual(['1000.00', '150.00', '200.00']);
    expect(toFixed2(settle.amountToRepay)).toBe('1350.00');
    expect(settle.kind === 'settlement' && [toFixed2(settle.writtenOff), settle.discountPercent.toString()]).toEqual(['150.00', '10']);
    expect(() => planFor(creditors, { settlement: { discountPercent: new D(0), byCreditor: [{ creditor: 'Lumen Shoping', discountPercent: new D(50) }], maxInstalments: 1 } })).toThrow(
      '"Lumen Shoping" is not a creditor of the plan; did you mean "Lumen Shopping"? (expected one of Harbour Bank, Lumen Shopping, Quickline Loans)',
    );
  });

  it('refuses a creditor’s own settlement discount by a name two creditors share, naming both', () => {
    const twoHarbours = [...creditors, { creditor: 'Harbour Bank', balance: money('250') }];
    const settlement = { discountPercent: new D(0), byCreditor: [{ creditor: 'Harbour Bank', discountPercent: new D(30) }], maxInstalments: 1 };
    let thrown: unknown;
    try {
      planFor(twoHarbours, { settlement });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(FairplanError);
    expect((thrown as FairplanError).context.field).toBe('settlement.byCreditor[0]');
    expect((thrown as FairplanError).message).toContain('creditor 1, owed 1000.00 and creditor 4, owed 250.00');
  });

  it('refuses creditors who are not owed the balance together, naming the field', () => {
    expect(() => proposePlans({ ...base, balance: money('100'), creditors: [{ creditor: 'A', balance: money('99') }] })).toThrow(
      /creditors are owed 99 together, not the balance of 100/,
    );
    expect(() => planFor([{ creditor: 'A', balance: money('10'), interest: continuing('120') }])).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
  });
});

// ---- Properties over random creditors, rates, frequencies and calendars ---------------------------

interface Scenario {
  readonly request: PlanRequest;
  readonly creditors: readonly { readonly balance: bigint; readonly tenths?: number }[];
}

const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    creditors: fc.array(
      fc.record({
        balance: fc.oneof(fc.bigInt({ min: 1n, max: 20_000n }), fc.bigInt({ min: 1n, max: 2_000_000n })),
        tenths: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
      }),
      { minLength: 2, maxLength: 6 },
    ),
    affordable: fc.bigInt({ min: 0n, max: 200_000n }),
    frequency: fc.constantFrom(...PAYMENT_FREQUENCIES),
    startOffset: fc.integer({ min: 0, max: 3 * 365 }),
    calendar: fc.constantFrom(...TEST_CALENDARS),
    redistribute: fc.boolean(),
    settlement: fc.option(fc.integer({ min: 1, max: 90 }), { nil: undefined }),
  })
  .map(({ creditors, affordable, frequency, startOffset, calendar, redistribute, settlement }) => {
    const start = addDays(epoch, startOffset);
    const request: PlanRequest = {
      balance: fromPence(creditors.reduce((total, c) => total + c.balance, 0n)),
      creditors: creditors.map((c, i) => ({
        creditor: `Creditor ${i + 1}`,
        balance: fromPence(c.balance),
        ...(c.tenths === undefined ? {} : { interest: continuing(new D(c.tenths).div(10).toString()) }),
      })),
      redistribute,
      affordableMonthly: fromPence(affordable),
      frequency,
      start,
      asOf: start,
      calendar,
      fixedTermsMonths: [12, 36],
      ...(settlement === undefined ? {} : { settlement: { discountPercent: new D(settlement), maxInstalments: 3 } }),
    };
    return { request, creditors };
  });

/** One period's interest in pence, worked out here: balance × tenths ÷ (1000 × periods a year), down. */
const interestHere = (balance: bigint, tenths: number | undefined, frequency: PaymentFrequency): bigint =>
  tenths === undefined ? 0n : (balance * BigInt(tenths)) / (1000n * BigInt(PER_YEAR[frequency]));

/** Each creditor's amount at every payment of `option`, with nil where they receive nothing. */
const grid = (option: PlanOption): bigint[][] =>
  (option.creditors ?? []).map((c) => option.instalments.map((i) => pence(paidAt(c, i.n))));

function checkShares(s: Scenario, option: PlanOption): void {
  const creditors = option.creditors ?? [];
  expect(creditors.length).toBe(s.creditors.length);
  const amounts = grid(option);
  const settled = option.kind === 'settlement';
  const balances = creditors.map((c) => pence(c.balance));
  const starting = [...balances];
  const rates = s.creditors.map((c) => (settled ? undefined : c.tenths));
  const frequency = option.frequency;
  let everRepaid = false;

  option.instalments.forEach((instalment, k) => {
    // The creditors' amounts add up exactly to the payment.
    const paid = amounts.map((row) => row[k] as bigint);
    expect(paid.reduce((a, b) => a + b, 0n)).toBe(pence(instalment.amount));
    const owed = balances.map((b, i) => b + interestHere(b, rates[i], frequency));
    const open = owed.map((o) => o > 0n);
    paid.forEach((amount, i) => {
      // Never negative, never more than they are owed (with this period's interest).
      expect(amount >= 0n && amount <= (owed[i] as bigint)).toBe(true);
      if (!open[i]) expect(amount).toBe(0n);
    });
    if (option.kind !== 'token' && option.sharing?.redistribute) {
      // A creditor gets less than their pro-rata share of the creditors still owed only when it clears them.
      const weight = starting.reduce((total, w, i) => (open[i] ? total + w : total), 0n);
      paid.forEach((amount, i) => {
        if (!open[i]) return;
        const fair = pence(instalment.amount) * (starting[i] as bigint);
        expect(amount * weight > fair - weight || amount === owed[i]).toBe(true);
      });
      // Redistribution: once a creditor is repaid, the others take their share, so the payment is
      // still the planned one unless it clears everyone.
      const planned = option.sharing.planned;
      const plannedAt = pence(
        (planned.find((_, r) => planned.slice(0, r + 1).reduce((n, run) => n + run.count, 0) > k) ?? planned.at(-1))?.amount as Money,
      );
      const due = owed.reduce((a, b) => a + b, 0n);
      if (everRepaid) expect(pence(instalment.amount)).toBe(plannedAt < due ? plannedAt : due);
    }
    paid.forEach((amount, i) => {
      balances[i] = (owed[i] as bigint) - amount;
      if (open[i] && balances[i] === 0n) everRepaid = true;
    });
  });

  // Each creditor's own schedule: balances follow on, dates strictly increase, totals are theirs.
  creditors.forEach((c, i) => {
    expect(pence(c.balanceAfter)).toBe(balances[i]);
    c.instalments.forEach((instalment, k) => {
      if (k > 0) expect(instalment.due > (c.instalments[k - 1]?.due as IsoDate)).toBe(true);
      expect(instalment.amount.eq(instalment.interest.plus(instalment.principal))).toBe(true);
    });
    if (option.outcome.kind === 'repaid') {
      expect(c.outcome.kind).toBe('repaid');
      expect(c.balanceAfter.isZero()).toBe(true);
    }
  });
  if (option.kind === 'token') {
    // The same token, £1.00, to each creditor (or what they owe, if less); with redistribution a
    // creditor may also take the part another no longer needs.
    amounts.forEach((row, i) => {
      const first = row[0] as bigint;
      const owedFirst = pence(creditors[i]?.balance as Money) + interestHere(pence(creditors[i]?.balance as Money), rates[i], 'monthly');
      if (option.sharing?.redistribute) expect(first >= (owedFirst < 100n ? owedFirst : 100n)).toBe(true);
      else for (const amount of row) expect(amount <= 100n).toBe(true);
      if (!option.sharing?.redistribute) expect(first).toBe(owedFirst < 100n ? owedFirst : 100n);
    });
  }
}

describe('every option shared among creditors keeps its promises', () => {
  it('holds for random creditors, rates, frequencies, calendars and both ways of sharing', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const proposal = proposePlans(s.request);
        for (const option of proposal.options) checkShares(s, option);
      }),
      { numRuns: 40, seed: 13 },
    );
  });
});

describe('one creditor is the plan for one balance', () => {
  const single = fc.record({
    balance: fc.bigInt({ min: 1n, max: 3_000_000n }),
    affordable: fc.bigInt({ min: -5_000n, max: 200_000n }),
    frequency: fc.constantFrom(...PAYMENT_FREQUENCIES),
    tenths: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
    calendar: fc.constantFrom(...TEST_CALENDARS),
    stepUp: fc.option(fc.record({ periods: fc.integer({ min: 1, max: 20 }), later: fc.bigInt({ min: 0n, max: 300_000n }) }), { nil: undefined }),
    settlement: fc.option(fc.integer({ min: 1, max: 90 }), { nil: undefined }),
  });

  /** What a person or script reads of an option, without the creditor split. */
  const figures = ({ creditors: _c, sharing: _s, ...option }: PlanOption) => JSON.parse(JSON.stringify(option)) as unknown;

  it('gives the same figures, word for word, and the one creditor every payment', () => {
    fc.assert(
      fc.property(single, ({ balance, affordable, frequency, tenths, calendar, stepUp, settlement }) => {
        const request: PlanRequest = {
          balance: fromPence(balance),
          affordableMonthly: fromPence(affordable),
          frequency,
          start: epoch,
          asOf: epoch,
          calendar,
          interest: tenths === undefined ? frozen : continuing(new D(tenths).div(10).toString()),
          ...(stepUp ? { stepUp: { periods: stepUp.periods, laterAffordableMonthly: fromPence(stepUp.later) } } : {}),
          ...(settlement ? { settlement: { discountPercent: new D(settlement), maxInstalments: 3 } } : {}),
        };
        const alone = proposePlans(request);
        const shared = proposePlans({ ...request, creditors: [{ creditor: 'Only', balance: request.balance }] });
        expect(shared.recommended).toEqual(alone.recommended);
        expect(shared.notOffered).toEqual(alone.notOffered);
        expect(shared.options.map(figures)).toEqual(alone.options.map(figures));
        for (const option of shared.options) {
          const only = option.creditors?.[0];
          expect(only?.instalments.map((i) => JSON.stringify(i))).toEqual(option.instalments.map((i) => JSON.stringify(i)));
        }
      }),
      { numRuns: 80, seed: 13 },
    );
  });
});
