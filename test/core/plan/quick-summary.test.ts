/**
 * The quick summary gives the figures of `summarisePlans`: over random balances (up to beyond what
 * the closed forms take), affordable amounts (nil, negative, below the token), frequencies, start
 * dates (the 29th to the 31st, around bank holidays, year ends), calendars, terms, token settings
 * and interest (frozen, or continuing, which goes to the engine), every figure a batch prints is
 * the same, and so is the recommendation; the recommended option's instalments are the engine's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVERY_DAY } from '../../../src/core/calendar/index.js';
import { addDays, parseIsoDate, type IsoDate } from '../../../src/core/date.js';
import { PAYMENT_FREQUENCIES } from '../../../src/core/frequency.js';
import { D, fromPence, money, toFixed2 } from '../../../src/core/money.js';
import {
  proposePlans,
  quickInstalments,
  quickSummary,
  quickTerms,
  summarisePlans,
  type Instalment,
  type OptionBrief,
  type PlanRequest,
  type QuickAccount,
  type QuickInstalment,
  type QuickOption,
} from '../../../src/core/plan/index.js';
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
    balance: fc.oneof(pence(1, 500), pence(1, 5_000_000), pence(1, 50_000_000_000), pence(1, 50_000_000_000_000)),
    affordableMonthly: fc.oneof(pence(-20_000, 300), pence(-20_000, 300_000), pence(0, 50_000_000_000_000)),
    frequency: fc.constantFrom(...PAYMENT_FREQUENCIES),
    start: startDate,
    calendar: fc.constantFrom(...calendars),
    interest: fc.oneof(
      { weight: 4, arbitrary: fc.constant({ kind: 'frozen' } as const) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 3000 }).map((bp) => ({ kind: 'continuing', annualRatePercent: new D(bp).div(100) }) as const) },
    ),
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

/** The quick summary of a request: its terms, and the account's figures in pence. */
function quick(planRequest: PlanRequest) {
  const { balance, affordableMonthly, frequency, start, ...terms } = planRequest;
  const account: QuickAccount = {
    balance: Number(balance.times(100).toFixed(0)),
    affordableMonthly: Number(affordableMonthly.times(100).toFixed(0)),
    frequency,
    start,
  };
  return { terms: quickTerms(terms), proposal: quickSummary(quickTerms(terms), account) };
}

const text = (value: bigint | number) => toFixed2(fromPence(BigInt(value)));

const instalmentText = (instalment: Instalment) => ({
  n: instalment.n,
  due: instalment.due,
  movedFrom: instalment.movedFrom,
  amount: toFixed2(instalment.amount),
  interest: toFixed2(instalment.interest),
  principal: toFixed2(instalment.principal),
  balanceAfter: toFixed2(instalment.balanceAfter),
});

const quickInstalmentText = (instalment: QuickInstalment): ReturnType<typeof instalmentText> => ({
  n: instalment.n,
  due: instalment.due,
  movedFrom: instalment.movedFrom,
  amount: text(instalment.amount),
  interest: text(instalment.interest),
  principal: text(instalment.principal),
  balanceAfter: text(instalment.balanceAfter),
});

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
  firstDate: option.firstDate,
  lastDate: option.lastDate,
  totalPaid: toFixed2(option.totalPaid),
  totalInterest: toFixed2(option.totalInterest),
  balanceAfter: toFixed2(option.balanceAfter),
  outcome: option.outcome.kind,
});

const quickFigures = (option: QuickOption): ReturnType<typeof figures> => ({
  kind: option.kind,
  termMonths: option.kind === 'fixed-term' ? option.termMonths : undefined,
  affordable: option.affordable,
  frequency: option.frequency,
  interest: option.interest.kind,
  amountToRepay: text(option.amountToRepay),
  anchorDate: option.anchorDate,
  instalmentCount: option.instalmentCount,
  instalmentAmount: text(option.instalmentAmount),
  finalAmount: text(option.finalAmount),
  firstDate: option.firstDate,
  lastDate: option.lastDate,
  totalPaid: text(option.totalPaid),
  totalInterest: text(option.totalInterest),
  balanceAfter: text(option.balanceAfter),
  outcome: option.outcome.kind,
});

describe('quickSummary', () => {
  it('gives the figures and the recommendation of summarisePlans, and the same instalments', () => {
    fc.assert(
      fc.property(request, (planRequest) => {
        const { terms, proposal } = quick(planRequest);
        const full = summarisePlans(planRequest);
        expect(proposal.options.map(quickFigures)).toEqual(full.options.map(figures));
        expect(proposal.recommended).toEqual(full.recommended);
        const recommended = proposal.options[proposal.recommended.index] as QuickOption;
        // Laying out a 50-year weekly plan is slow; the short ones show the instalments agree.
        if (recommended.instalmentCount <= 60) {
          const schedule = proposePlans(planRequest).options[full.recommended.index]?.instalments;
          expect(quickInstalments(recommended, terms).map(quickInstalmentText)).toEqual(schedule?.map(instalmentText));
        }
      }),
      { numRuns: 400 },
    );
    // The engine walks continuing interest instalment by instalment, for balances up to £500 billion.
  }, 60_000);

  it("lays out every option's instalments as its figures say, however long the plan", () => {
    fc.assert(
      fc.property(request, (planRequest) => {
        const { terms, proposal } = quick(planRequest);
        for (const option of proposal.options) {
          const instalments = quickInstalments(option, terms);
          expect(instalments).toHaveLength(option.instalmentCount);
          expect(instalments.map((i) => i.n)).toEqual(instalments.map((_, k) => k + 1));
          expect(instalments[0]?.due).toBe(option.firstDate);
          expect(instalments.at(-1)?.due).toBe(option.lastDate);
          expect(instalments.at(-1)?.amount).toBe(option.finalAmount);
          expect(instalments.at(-1)?.balanceAfter).toBe(option.balanceAfter);
          expect(instalments.reduce((sum, i) => sum + i.amount, 0)).toBe(option.totalPaid);
          expect(instalments.reduce((sum, i) => sum + i.interest, 0)).toBe(option.totalInterest);
          instalments.forEach((instalment, k) => {
            expect(instalment.amount).toBeGreaterThan(0);
            expect(instalment.amount).toBeLessThanOrEqual(option.instalmentAmount);
            expect(instalment.amount).toBe(instalment.interest + instalment.principal);
            if (k > 0) expect(instalment.due > (instalments[k - 1]?.due ?? '')).toBe(true);
          });
        }
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it('refuses the terms summarisePlans refuses, with the same error', () => {
    const terms = { asOf: parseIsoDate('2026-01-05'), token: { amount: money('0.005'), reviewAfterMonths: 3 } };
    expect(() => quickTerms(terms)).toThrow('the token payment must be in whole pence (got 0.005)');
  });

  it('works out a monthly plan on the 31st by hand: £1,000.00 at £300.00 a month', () => {
    const day = parseIsoDate('2027-01-31');
    const proposal = quickSummary(quickTerms({ asOf: day, calendar: EVERY_DAY }), {
      balance: 100_000,
      affordableMonthly: 30_000,
      frequency: 'monthly',
      start: day,
    });
    const affordable = proposal.options[0] as QuickOption;
    // ceil(1000 ÷ 300) = 4 instalments, the last 1000 − 3 × 300 = 100; 31 Jan + 3 months is 30 April.
    expect(quickFigures(affordable)).toMatchObject({
      kind: 'affordable',
      instalmentCount: 4,
      instalmentAmount: '300.00',
      finalAmount: '100.00',
      firstDate: '2027-01-31',
      lastDate: '2027-04-30',
      totalPaid: '1000.00',
      outcome: 'repaid',
    });
    expect(proposal.recommended.kind).toBe('affordable');
  });
});
