/** What every option builder needs from a resolved request, worked out once. */
import { fromMonthly, PER_YEAR, type PaymentFrequency } from '../frequency.js';
import { add, type Dec, fromPence, type Money, money, safePence } from '../money.js';
import { instalmentsIn, penceUp, pmt, ratePerPeriod } from './finance.js';
import { HORIZON_YEARS, horizonInstalments } from './request.js';
import { firstAndLast, interestOn, layStream, periodRate, type Laid, type PeriodRate, type Stream } from './schedule.js';
import type {
  InterestTreatment,
  NeverRepaysOutcome,
  NotOffered,
  PaymentRun,
  PlanOptionSummary,
  RepaidOutcome,
  RepayingPayment,
  ResolvedPlanRequest,
} from './types.js';
import { months, wordsFor, type Words } from './words.js';

export interface PlanContext {
  readonly request: ResolvedPlanRequest;
  readonly words: Words;
  /** The affordable monthly amount at the pay frequency, rounded down to the penny (nil if none). */
  readonly perInstalment: Money;
  /** Interest per pay period, for annuity arithmetic (PMT). */
  readonly annuityRate: Dec;
  /** Interest per pay period, exactly, for laying out instalments. */
  readonly interestRate: PeriodRate;
  /** Instalments in 50 years at the pay frequency. */
  readonly horizon: number;
}

export function planContext(request: ResolvedPlanRequest): PlanContext {
  const perInstalment = fromPence(fromMonthly(safePence(request.affordableMonthly), request.frequency));
  return {
    request,
    words: wordsFor(request.currencySymbol),
    perInstalment,
    annuityRate: ratePerPeriod(request.interest, request.frequency),
    interestRate: periodRate(request.interest, request.frequency),
    horizon: horizonInstalments(PER_YEAR[request.frequency]),
  };
}

export type Built = { readonly option: PlanOptionSummary } | { readonly notOffered: NotOffered };

/** The fields every option shares, from its stream laid out. */
export function summaryFields(context: PlanContext, stream: Stream, interest: InterestTreatment, laid: Laid = layStream(stream)) {
  const [first, last] = firstAndLast(stream, laid.count, context.request.calendar);
  return {
    frequency: stream.frequency,
    interest,
    amountToRepay: stream.principal,
    anchorDate: stream.anchor,
    instalmentCount: laid.count,
    instalmentAmount: laid.largest,
    finalAmount: laid.finalAmount,
    pattern: laid.pattern,
    firstDate: first.due,
    lastDate: last.due,
    totalPaid: laid.totalPaid,
    totalInterest: laid.totalInterest,
    balanceAfter: laid.balanceAfter,
  };
}

/**
 * The instalment that repays the balance in `count` instalments at the pay frequency: PMT rounded
 * UP to the penny, so the term is kept and the last instalment is the smaller.
 */
export function paymentWithin(context: PlanContext, count: number): { instalment: Money; stream: Stream; laid: Laid } {
  const { request } = context;
  const stream = (amount: Money): Stream => ({
    anchor: request.start,
    frequency: request.frequency,
    principal: request.balance,
    rate: context.interestRate,
    runs: [{ count, amount }],
    limit: count,
  });
  let instalment = penceUp(pmt(context.annuityRate, count, request.balance.neg()));
  let laid = layStream(stream(instalment));
  // PMT runs on a 40-digit rate (19.9% ÷ 12 does not terminate); should that leave the payment a hair
  // short of clearing the balance in the term, a penny more does.
  while (!laid.balanceAfter.isZero()) {
    instalment = add(instalment, money('0.01'));
    laid = layStream(stream(instalment));
  }
  return { instalment, stream: stream(instalment), laid };
}

/** The payment that repays the balance within the reasonable term, at the pay frequency. */
export function repayingPayment(context: PlanContext): RepayingPayment {
  const { request } = context;
  const termMonths = request.reasonableTermMonths;
  const instalments = instalmentsIn(termMonths, request.frequency);
  return { termMonths, frequency: request.frequency, instalments, amount: paymentWithin(context, instalments).instalment };
}

export interface OpenEnded {
  readonly stream: Stream;
  readonly laid: Laid;
  readonly outcome: RepaidOutcome | NeverRepaysOutcome;
}

/**
 * Runs payments against the balance until it is repaid, up to the 50-year horizon. A stream that
 * does not repay by then is cut to its first year for display, with an outcome that says why in
 * plain words and what payment would repay it.
 */
export function openEnded(context: PlanContext, runs: readonly PaymentRun[]): OpenEnded {
  const { request, words, interestRate } = context;
  const stream: Stream = {
    anchor: request.start,
    frequency: request.frequency,
    principal: request.balance,
    rate: interestRate,
    runs,
    limit: context.horizon,
  };
  const laid = layStream(stream);
  if (laid.balanceAfter.isZero()) return { stream, laid, outcome: { kind: 'repaid' } };

  const finalRun = runs[runs.length - 1] as PaymentRun;
  const beforeFinalRun = runs.slice(0, -1).reduce((n, run) => n + run.count, 0);
  const owedThen = beforeFinalRun === 0 ? request.balance : layStream({ ...stream, limit: beforeFinalRun }).balanceAfter;
  const interestThen = interestOn(owedThen, interestRate);
  const cause = finalRun.amount.lte(interestOn(laid.balanceAfter, interestRate)) ? 'interest' : 'horizon';
  const repaying = repayingPayment(context);
  const frequency: PaymentFrequency = request.frequency;
  const instead =
    `Paying ${words.rate(repaying.amount, frequency)} would repay it within ${months(repaying.termMonths)}. ` +
    'The schedule shows the first year only.';
  const message =
    cause === 'interest'
      ? `This payment never repays the balance: ${words.rate(finalRun.amount, frequency)} does not cover the interest ` +
        `(${words.rate(interestThen, frequency)} on ${words.money(owedThen)}). ${instead}`
      : `This payment does not repay the balance within ${HORIZON_YEARS} years. ${instead}`;
  const shown: Stream = { ...stream, limit: Math.min(context.horizon, PER_YEAR[request.frequency]) };
  return { stream: shown, laid: layStream(shown), outcome: { kind: 'never-repays', cause, message, repayingPayment: repaying } };
}
