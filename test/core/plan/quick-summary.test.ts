/**
 * The quick summary gives the figures of `summarisePlans`: over random balances, affordable amounts
 * (nil, negative, below the token, thirds of a penny), frequencies, start dates (the 29th to the
 * 31st, around bank holidays, year ends), calendars, terms and token settings, every figure a
 * batch prints (and those a schedule is laid out from) is the same, and so is the recommendation.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVERY_DAY } from '../../../src/core/calendar/index.js';
import { addDays, parseIsoDate, type IsoDate } from '../../../src/core/date.js';
import { PAYMENT_FREQUENCIES } from '../../../src/core/frequency.js';
import { D, fromPence, money, toFixed2 } from '../../../src/core/money.js';
import { quickSummary, summarisePlans, type OptionBrief, type PlanRequest } from '../../../src/core/plan/index.js';
import { TEST_CALENDARS } from '../../helpers/calendars.js';

const calendars = TEST_CALENDARS;

// Month ends, Christmas and Easter weeks and year ends, near and far.
const awkwardDays = ['01-29', '01-30', '01-31', '02-28', '03-31', '04-18', '05-31', '08-31', '12-24', '12-27', '12-31'];
const startDate: fc.Arbitrary<IsoDate> = fc.oneof(
  fc.integer({ min: 0, max: 6 * 365 }).map((days) => addDays(parseIsoDate('2026-01-01'), days)),
  fc.tuple(fc.integer({ min: 2026, max: 2032 }), fc.constantFrom(...awkwardDays)).map(([year, day]) => parseIsoDate(`${year}-${day}`)),
);

const pence = (min: number, max: number) => fc.bigInt({ min: BigInt(min), max: BigInt(max) }).map(fromPence);

const request: fc.Arbitrary<PlanRequest> = fc
  .record({
    balance: fc.oneof(pence(1, 500), pence(1, 5_000_000), pence(1, 50_000_000_000)),
    affordableMonthly: fc
      .tuple(fc.oneof(fc.integer({ min: -20_000, max: 300 }), fc.integer({ min: -20_000, max: 300_000 })), fc.constantFrom(1, 3, 7))
      .map(([p, by]) => money(new D(p).div(100).div(by))),
    frequency: fc.constantFrom(...PAYMENT_FREQUENCIES),
    start: startDate,
    calendar: fc.constantFrom(...calendars),
    fixedTermsMonths: fc.option(fc.array(fc.integer({ min: 1, max: 600 }), { minLength: 1, maxLength: 5 }), { nil: undefined }),
    token: fc.option(fc.record({ amount: pence(1, 2_000), reviewAfterMonths: fc.integer({ min: 1, max: 24 }) }), { nil: undefined }),
    reasonableTermMonths: fc.option(fc.integer({ min: 1, max: 600 }), { nil: undefined }),
  })
  .map(({ start, fixedTermsMonths, token, reasonableTermMonths, ...rest }) => ({
    ...rest,
    start,
    asOf: start,
    ...(fixedTermsMonths ? { fixedTermsMonths } : {}),
    ...(token ? { token } : {}),
    ...(reasonableTermMonths ? { reasonableTermMonths } : {}),
  }));

/** Every figure of an option that is not wording, money as machine text. */
const figures = (option: OptionBrief) => ({
  kind: option.kind,
  termMonths: option.kind === 'fixed-term' ? option.termMonths : undefined,
  affordable: option.affordable,
  frequency: option.frequency,
  interest: option.interest.kind,
  amountToRepay: toFixed2(option.amountToRepay),
  anchorDate: option.anchorDate,
  instalmentCount: option.instalmentCount,
  instalmentAmount: toFixed2(option.instalmentAmount),
  finalAmount: toFixed2(option.finalAmount),
  pattern: option.pattern.map((run) => `${run.count} x ${toFixed2(run.amount)}`),
  firstDate: option.firstDate,
  lastDate: option.lastDate,
  totalPaid: toFixed2(option.totalPaid),
  totalInterest: toFixed2(option.totalInterest),
  balanceAfter: toFixed2(option.balanceAfter),
  outcome: option.outcome.kind,
});

describe('quickSummary', () => {
  it('gives the figures and the recommendation of summarisePlans', () => {
    fc.assert(
      fc.property(request, (planRequest) => {
        const quick = quickSummary(planRequest);
        const full = summarisePlans(planRequest);
        expect(quick.options.map(figures)).toEqual(full.options.map(figures));
        expect(quick.recommended).toEqual(full.recommended);
      }),
      { numRuns: 1500 },
    );
  });

  it('refuses what summarisePlans refuses, with the same error', () => {
    const bad: PlanRequest = {
      balance: money('100.005'),
      affordableMonthly: money('50'),
      frequency: 'monthly',
      start: parseIsoDate('2026-01-05'),
      asOf: parseIsoDate('2026-01-05'),
    };
    expect(() => quickSummary(bad)).toThrow('the balance must be in whole pence (got 100.005)');
  });

  it('works out a monthly plan on the 31st by hand: £1,000.00 at £300.00 a month', () => {
    const quick = quickSummary({
      balance: money('1000.00'),
      affordableMonthly: money('300.00'),
      frequency: 'monthly',
      start: parseIsoDate('2027-01-31'),
      asOf: parseIsoDate('2027-01-31'),
      calendar: EVERY_DAY,
    });
    const affordable = quick.options[0] as OptionBrief;
    // ceil(1000 ÷ 300) = 4 instalments, the last 1000 − 3 × 300 = 100; 31 Jan + 3 months is 30 April.
    expect(figures(affordable)).toMatchObject({
      kind: 'affordable',
      instalmentCount: 4,
      instalmentAmount: '300.00',
      finalAmount: '100.00',
      firstDate: '2027-01-31',
      lastDate: '2027-04-30',
      totalPaid: '1000.00',
      outcome: 'repaid',
    });
    expect(quick.recommended.kind).toBe('affordable');
  });
});
