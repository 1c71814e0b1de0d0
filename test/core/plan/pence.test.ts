/**
 * The plan engine in whole pence (`proposeInPence`), against figures worked out here independently:
 * BigInt walks of every payment (interest floor(balance × rate) each period, the last instalment what
 * is left), ceilings and floors by hand, over random balances (up to £500 billion), affordable amounts
 * (nil, negative, below the token), frequencies, start dates, terms, token settings and interest
 * (frozen or continuing); and a monthly plan on the 31st worked by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVERY_DAY } from '../../../src/core/calendar/index.js';
import { addDays, parseIsoDate, type IsoDate } from '../../../src/core/date.js';
import { PAYMENT_FREQUENCIES, PER_YEAR, type PaymentFrequency } from '../../../src/core/frequency.js';
import { D } from '../../../src/core/money.js';
import { proposeInPence, type OptionFigures, type PenceRequest } from '../../../src/core/plan/index.js';
import { penceInstalmentsOfStream, scheduleStream } from '../../../src/core/plan/schedule.js';
import { TEST_CALENDARS } from '../../helpers/calendars.js';

const awkwardDays = ['01-29', '01-30', '01-31', '02-28', '03-31', '04-18', '05-31', '08-31', '12-24', '12-27', '12-31'];
const startDate: fc.Arbitrary<IsoDate> = fc.oneof(
  fc.integer({ min: 0, max: 6 * 365 }).map((days) => addDays(parseIsoDate('2026-01-01'), days)),
  fc.tuple(fc.integer({ min: 2026, max: 2032 }), fc.constantFrom(...awkwardDays)).map(([year, day]) => parseIsoDate(`${year}-${day}`)),
);
const pence = (min: number, max: number) => fc.bigInt({ min: BigInt(min), max: BigInt(max) });

/** Percent a year in hundredths (1990 is 19.9%), or frozen. */
const request = (interest: fc.Arbitrary<number | undefined>): fc.Arbitrary<PenceRequest & { readonly basisPoints?: number }> =>
  fc
    .record({
      balance: fc.oneof(pence(1, 500), pence(1, 5_000_000), pence(1, 50_000_000_000), pence(1, 50_000_000_000_000)),
      affordableMonthly: fc.oneof(pence(-20_000, 300), pence(-20_000, 300_000), pence(0, 5_000_000_000_000)),
      frequency: fc.constantFrom(...PAYMENT_FREQUENCIES),
      start: startDate,
      calendar: fc.constantFrom(...TEST_CALENDARS),
      basisPoints: interest,
      fixedTermsMonths: fc.uniqueArray(fc.integer({ min: 1, max: 600 }), { minLength: 1, maxLength: 4 }).map((terms) => terms.sort((a, b) => a - b)),
      token: fc.record({ amount: pence(1, 2_000), reviewAfterMonths: fc.integer({ min: 1, max: 24 }) }),
      reasonableTermMonths: fc.integer({ min: 1, max: 600 }),
    })
    .map(({ basisPoints, ...rest }) => ({
      ...rest,
      asOf: rest.start,
      redistribute: true,
      interest: basisPoints === undefined ? ({ kind: 'frozen' } as const) : ({ kind: 'continuing', annualRatePercent: new D(basisPoints).div(100) } as const),
      ...(basisPoints === undefined ? {} : { basisPoints }),
    }));

/** The figures of `payment` a period against `balance`, walked here one payment at a time. */
function walk(balance: bigint, payment: bigint, limit: number, basisPoints: number | undefined, perYear: number) {
  // basisPoints / 100 percent a year ÷ 100 ÷ perYear, exactly.
  const interestOn = (owed: bigint) => (basisPoints === undefined ? 0n : (owed * BigInt(basisPoints)) / (10_000n * BigInt(perYear)));
  let owed = balance;
  let [count, totalPaid, totalInterest, finalAmount, largest] = [0, 0n, 0n, 0n, 0n];
  while (owed > 0n && count < limit) {
    const interest = interestOn(owed);
    const amount = payment < owed + interest ? payment : owed + interest;
    owed += interest - amount;
    [count, totalPaid, totalInterest, finalAmount] = [count + 1, totalPaid + amount, totalInterest + interest, amount];
    if (amount > largest) largest = amount;
  }
  return { count, totalPaid, totalInterest, finalAmount, largest, balanceAfter: owed };
}

const perInstalmentOf = (monthly: bigint, frequency: PaymentFrequency) => (monthly <= 0n ? 0n : (monthly * 12n) / BigInt(PER_YEAR[frequency]));
const instalmentsIn = (months: number, frequency: PaymentFrequency) => Math.max(1, Math.floor((months * PER_YEAR[frequency]) / 12));
const figuresOf = (option: OptionFigures) => ({
  count: option.instalmentCount,
  totalPaid: option.totalPaid,
  totalInterest: option.totalInterest,
  finalAmount: option.finalAmount,
  largest: option.instalmentAmount,
  balanceAfter: option.balanceAfter,
});

describe('proposeInPence', () => {
  it('gives, for interest frozen or continuing, the figures of payments walked one by one', () => {
    fc.assert(
      fc.property(request(fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined, freq: 2 })), (r) => {
        const { options } = proposeInPence(r);
        const perYear = PER_YEAR[r.frequency];
        const horizon = 50 * perYear;
        const per = perInstalmentOf(r.affordableMonthly, r.frequency);
        const affordable = options.find((option) => option.kind === 'affordable');
        expect(affordable === undefined).toBe(per === 0n);
        if (affordable) {
          const walked = walk(r.balance, per, horizon, r.basisPoints, perYear);
          if (walked.balanceAfter === 0n) {
            expect(figuresOf(affordable)).toEqual(walked);
            expect(affordable.outcome.kind).toBe('repaid');
          } else {
            // Never repaid within 50 years: shown for its first year.
            expect(affordable.outcome.kind).toBe('never-repays');
            expect(figuresOf(affordable)).toEqual(walk(r.balance, per, perYear, r.basisPoints, perYear));
          }
        }
        const fixed = options.filter((option) => option.kind === 'fixed-term');
        expect(fixed.map((option) => option.termMonths)).toEqual(r.fixedTermsMonths);
        for (const option of fixed) {
          const count = instalmentsIn(option.termMonths, r.frequency);
          // The smallest payment that repays the balance within the term.
          const payment = option.pattern[0]?.amount ?? 0n;
          expect(figuresOf(option)).toEqual(walk(r.balance, payment, count, r.basisPoints, perYear));
          expect(option.balanceAfter).toBe(0n);
          if (payment > 1n) expect(walk(r.balance, payment - 1n, count, r.basisPoints, perYear).balanceAfter > 0n).toBe(true);
          if (r.basisPoints === undefined) expect(payment).toBe((r.balance + BigInt(count) - 1n) / BigInt(count));
          expect(option.affordable).toBe(payment <= per);
        }
        const token = options.find((option) => option.kind === 'token');
        const offered = r.affordableMonthly < r.token.amount || affordable === undefined || affordable.outcome.kind === 'never-repays';
        expect(token !== undefined).toBe(offered);
        if (token) {
          // Monthly, whatever the pay frequency, until the review.
          expect(figuresOf(token)).toEqual(walk(r.balance, r.token.amount, r.token.reviewAfterMonths, r.basisPoints, 12));
          expect(token.outcome.kind).toBe(token.balanceAfter === 0n ? 'repaid' : 'review');
          expect(token.affordable).toBe(r.token.amount <= r.affordableMonthly);
        }
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it("lays out every option's instalments as its figures say, however long the plan", () => {
    fc.assert(
      fc.property(request(fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined, freq: 3 })), (r) => {
        for (const option of proposeInPence(r).options) {
          if (option.instalmentCount > 700) continue;
          const instalments = penceInstalmentsOfStream(scheduleStream(option), r.calendar);
          expect(instalments).toHaveLength(option.instalmentCount);
          expect(instalments.map((i) => i.n)).toEqual(instalments.map((_, k) => k + 1));
          expect(instalments[0]?.due).toBe(option.firstDate);
          expect(instalments.at(-1)?.due).toBe(option.lastDate);
          expect(instalments.at(-1)?.amount).toBe(option.finalAmount);
          expect(instalments.at(-1)?.balanceAfter).toBe(option.balanceAfter);
          expect(instalments.reduce((sum, i) => sum + i.amount, 0n)).toBe(option.totalPaid);
          expect(instalments.reduce((sum, i) => sum + i.interest, 0n)).toBe(option.totalInterest);
          instalments.forEach((instalment, k) => {
            expect(instalment.amount > 0n).toBe(true);
            expect(instalment.amount <= option.instalmentAmount).toBe(true);
            expect(instalment.amount).toBe(instalment.interest + instalment.principal);
            if (k > 0) expect(instalment.due > (instalments[k - 1]?.due ?? '')).toBe(true);
          });
        }
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  it('works out a monthly plan on the 31st by hand: £1,000.00 at £300.00 a month', () => {
    const day = parseIsoDate('2027-01-31');
    const proposal = proposeInPence({
      asOf: day,
      interest: { kind: 'frozen' },
      redistribute: true,
      fixedTermsMonths: [12],
      token: { amount: 100n, reviewAfterMonths: 3 },
      reasonableTermMonths: 60,
      calendar: EVERY_DAY,
      balance: 100_000n,
      affordableMonthly: 30_000n,
      frequency: 'monthly',
      start: day,
    });
    // ceil(1000 ÷ 300) = 4 instalments, the last 1000 − 3 × 300 = 100; 31 Jan + 3 months is 30 April.
    expect(proposal.options[0]).toMatchObject({
      kind: 'affordable',
      instalmentCount: 4,
      instalmentAmount: 30_000n,
      finalAmount: 10_000n,
      firstDate: '2027-01-31',
      lastDate: '2027-04-30',
      totalPaid: 100_000n,
      outcome: { kind: 'repaid' },
    });
    // 12 months: ceil(100000 ÷ 12) = 8334p, the last 100000 − 11 × 8334 = 8326p.
    expect(proposal.options[1]).toMatchObject({ kind: 'fixed-term', termMonths: 12, instalmentAmount: 8_334n, finalAmount: 8_326n, lastDate: '2027-12-31' });
    expect(proposal.recommended.kind).toBe('affordable');
  });
});
