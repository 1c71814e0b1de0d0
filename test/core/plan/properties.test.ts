/**
 * The promises every schedule keeps, over random balances, affordable amounts, rates, frequencies,
 * start dates and calendars:
 * - instalments sum exactly to the total paid; principal parts sum to what was repaid; each amount
 *   is its interest plus its principal, and each balance follows from the one before;
 * - amounts are whole pence and positive; the last absorbs the remainder and is never the larger;
 * - an option marked affordable never asks for more than the affordable amount;
 * - due dates strictly increase, fall on working days and start on or after the start date;
 * - with interest frozen, a plan that repays pays exactly the balance;
 * - the cheap summary equals the laid-out schedule.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../../../src/core/calendar/index.js';
import { addDays, parseIsoDate, type IsoDate } from '../../../src/core/date.js';
import { PAYMENT_FREQUENCIES, PER_YEAR } from '../../../src/core/frequency.js';
import { D, fromPence, type Money, money, toPence } from '../../../src/core/money.js';
import {
  instalmentsIn,
  instalmentsOf,
  proposePlans,
  summarisePlans,
  type PlanOption,
  type PlanRequest,
} from '../../../src/core/plan/index.js';
import { TEST_CALENDARS } from '../../helpers/calendars.js';

const epoch = parseIsoDate('2026-01-01');

const calendars = TEST_CALENDARS;

const pence = (min: number, max: number) => fc.bigInt({ min: BigInt(min), max: BigInt(max) }).map(fromPence);

// Affordable amounts are monthly figures from the affordability core: whole pence, at times nil or less.
const affordableMonthly = pence(-20_000, 300_000);

const request: fc.Arbitrary<PlanRequest> = fc
  .record({
    balance: pence(1, 5_000_000),
    affordableMonthly,
    frequency: fc.constantFrom(...PAYMENT_FREQUENCIES),
    startOffset: fc.integer({ min: 0, max: 5 * 365 }),
    waited: fc.integer({ min: 0, max: 40 }),
    rate: fc.option(fc.integer({ min: 0, max: 600 }).map((tenths) => new D(tenths).div(10)), { nil: undefined }),
    calendar: fc.constantFrom(...calendars),
    stepUp: fc.option(
      fc.record({
        periods: fc.integer({ min: 1, max: 30 }),
        laterAffordableMonthly: pence(0, 500_000),
        reducedPayment: fc.option(pence(1, 20_000), { nil: undefined }),
      }),
      { nil: undefined },
    ),
    settlement: fc.option(
      fc.record({ discountPercent: fc.integer({ min: 1, max: 90 }).map((p) => new D(p)), maxInstalments: fc.integer({ min: 1, max: 12 }) }),
      { nil: undefined },
    ),
  })
  .map(({ startOffset, waited, rate, stepUp, settlement, ...rest }) => {
    const start = addDays(epoch, startOffset);
    return {
      ...rest,
      start,
      asOf: addDays(start, -waited),
      interest: rate === undefined ? { kind: 'frozen' as const } : { kind: 'continuing' as const, annualRatePercent: rate },
      ...(stepUp ? { stepUp: { ...stepUp, reducedPayment: stepUp.reducedPayment } } : {}),
      ...(settlement ? { settlement } : {}),
    };
  })
  .map((r) => {
    // Leave out optional fields rather than pass `undefined`.
    if (r.stepUp && r.stepUp.reducedPayment === undefined) {
      const { reducedPayment: _, ...stepUp } = r.stepUp;
      return { ...r, stepUp };
    }
    return r;
  });

const sumOf = (xs: readonly Money[]) => xs.reduce((a, b) => a.plus(b), new D(0));
const isWholePence = (m: Money) => m.decimalPlaces() <= 2;

/** The largest amount `option` may ask for at instalment k and still be called affordable. */
function affordableCeiling(r: PlanRequest, option: PlanOption, k: number): Money {
  // monthly × 12 ÷ periods a year, rounded down to the penny, worked here in Decimal.
  const perInstalment = (monthly: Money) =>
    monthly.gt(0) ? toPence(money(monthly.times(12).div(PER_YEAR[option.frequency]))) : money('0');
  switch (option.kind) {
    case 'token':
      return r.affordableMonthly;
    case 'step-up':
      return k < option.reducedCount ? perInstalment(r.affordableMonthly) : perInstalment(r.stepUp?.laterAffordableMonthly ?? money('0'));
    default:
      return perInstalment(r.affordableMonthly);
  }
}

function checkOption(r: PlanRequest, option: PlanOption, calendar: BusinessCalendar): void {
  const { instalments } = option;
  expect(instalments.length).toBeGreaterThan(0);
  expect(instalments.length).toBe(option.instalmentCount);

  // Sums: exactly, to the last digit.
  const amounts = instalments.map((i) => i.amount);
  expect(sumOf(amounts).eq(option.totalPaid)).toBe(true);
  expect(sumOf(instalments.map((i) => i.interest)).eq(option.totalInterest)).toBe(true);
  expect(sumOf(instalments.map((i) => i.principal)).eq(option.amountToRepay.minus(option.balanceAfter))).toBe(true);
  let balance: Money = option.amountToRepay;
  for (const i of instalments) {
    expect(i.amount.eq(i.interest.plus(i.principal))).toBe(true);
    expect(i.balanceAfter.eq(balance.minus(i.principal))).toBe(true);
    balance = i.balanceAfter;
  }
  expect(balance.eq(option.balanceAfter)).toBe(true);

  // Amounts: whole pence, positive, the last never the larger, within the affordable amount when so marked.
  for (const [k, i] of instalments.entries()) {
    expect(isWholePence(i.amount) && isWholePence(i.interest)).toBe(true);
    expect(i.amount.gt(0)).toBe(true);
    if (option.affordable) expect(i.amount.lte(affordableCeiling(r, option, k))).toBe(true);
  }
  const last = instalments[instalments.length - 1];
  if (!last) throw new Error('no instalments');
  expect(last.amount.lte(option.instalmentAmount)).toBe(true);
  if (option.kind !== 'step-up') for (const i of instalments) expect(last.amount.lte(i.amount)).toBe(true);

  // Outcomes.
  if (option.outcome.kind === 'repaid') {
    expect(last.balanceAfter.isZero()).toBe(true);
    if (option.interest.kind === 'frozen') expect(option.totalPaid.eq(option.amountToRepay)).toBe(true);
  } else {
    expect(option.balanceAfter.gt(0)).toBe(true);
  }
  if (option.outcome.kind === 'never-repays') expect(instalments.length).toBeLessThanOrEqual(PER_YEAR[option.frequency]);
  if (option.kind === 'fixed-term') {
    expect(option.outcome.kind).toBe('repaid');
    expect(instalments.length).toBeLessThanOrEqual(instalmentsIn(option.termMonths, option.frequency));
  }
  if (option.kind === 'affordable' && option.outcome.kind === 'repaid') {
    expect(instalments.length).toBeLessThanOrEqual(50 * PER_YEAR[option.frequency]);
  }

  // Dates.
  expect(last.due >= r.start && (instalments[0] as { due: IsoDate }).due >= r.start).toBe(true);
  for (const [k, i] of instalments.entries()) {
    expect(calendar.isWorkingDay(i.due)).toBe(true);
    if (k > 0) expect(i.due > (instalments[k - 1]?.due as string)).toBe(true);
  }
  if (option.outcome.kind === 'review') expect(option.outcome.reviewDate > last.due).toBe(true);
}

describe('every option of every proposal keeps its promises', () => {
  it('holds for random requests', () => {
    fc.assert(
      fc.property(request, (r) => {
        const proposal = proposePlans(r);
        for (const option of proposal.options) checkOption(r, option, proposal.request.calendar);
        const chosen = proposal.options[proposal.recommended.index];
        expect(chosen?.kind).toBe(proposal.recommended.kind);
        expect(['settlement', 'step-up']).not.toContain(proposal.recommended.kind);
      }),
      { numRuns: 150 },
    );
  });

  it('offers a token payment whenever less than the token amount is available', () => {
    fc.assert(
      fc.property(request, (r) => {
        const proposal = summarisePlans(r);
        if (r.affordableMonthly.lt(1)) {
          expect(proposal.options.some((o) => o.kind === 'token')).toBe(true);
          expect(proposal.recommended.kind).toBe('token');
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('the summary without instalments equals the laid-out schedule', () => {
  it('holds for random requests, frozen interest (arithmetic) and continuing (walked) alike', () => {
    fc.assert(
      fc.property(request, (r) => {
        const summary = summarisePlans(r);
        for (const option of summary.options) {
          const instalments = instalmentsOf(option, summary.request.calendar);
          const amounts = instalments.map((i) => i.amount);
          expect(instalments.length).toBe(option.instalmentCount);
          expect(instalments[0]?.due).toBe(option.firstDate);
          expect(instalments.at(-1)?.due).toBe(option.lastDate);
          expect(sumOf(amounts).eq(option.totalPaid)).toBe(true);
          expect(sumOf(instalments.map((i) => i.interest)).eq(option.totalInterest)).toBe(true);
          expect(instalments.at(-1)?.amount.eq(option.finalAmount)).toBe(true);
          expect(instalments.at(-1)?.balanceAfter.eq(option.balanceAfter)).toBe(true);
          expect(amounts.reduce((a, b) => (b.gt(a) ? b : a)).eq(option.instalmentAmount)).toBe(true);
          // The pattern is the amounts, run by run.
          const expanded = option.pattern.flatMap((run) => Array<string>(run.count).fill(run.amount.toFixed(2)));
          expect(expanded).toEqual(amounts.map((a) => a.toFixed(2)));
        }
      }),
      { numRuns: 150 },
    );
  });
});
