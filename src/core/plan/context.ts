/** What every option builder needs from a resolved request, worked out once. */
import { addDays, type IsoDate } from '../date.js';
import { fromMonthly, PER_YEAR, type PaymentFrequency } from '../frequency.js';
import { D, type Dec, fromPence, type Money, multiply, penceOf, safePence } from '../money.js';
import type { StreamSharing } from './creditors.js';
import { instalmentsIn, penceUp, pmt, ratePerPeriod } from './finance.js';
import { HORIZON_YEARS, horizonInstalments } from './request.js';
import { frozenInstalment } from './frozen.js';
import { firstAndLast, isFrozen, layStream, periodRate, type Laid, type PeriodRate, type Stream } from './schedule.js';
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
  /** The token payment a month altogether: the token amount to each creditor. */
  readonly tokenTotal: Money;
  /** After a Breathing Space, the day interest accrues from again, for every stream (see `firstPeriodRate`). */
  readonly accrual: { readonly interestFrom?: IsoDate };
  /** Where every stream's due dates count from: the start, and the payday when it is not the start's day. */
  readonly anchor: { readonly anchor: IsoDate; readonly payDay?: number };
}

export function planContext(request: ResolvedPlanRequest): PlanContext {
  const perInstalment = fromPence(fromMonthly(safePence(request.affordableMonthly), request.frequency));
  const owed = request.creditors?.filter((creditor) => creditor.balance.gt(0)).length ?? 1;
  // Several creditors: the lowest of their rates, as no smaller payment could repay them all.
  const rates = (request.creditors ?? [request]).map((debt) => ratePerPeriod(debt.interest, request.frequency));
  return {
    request,
    words: wordsFor(request.currencySymbol),
    perInstalment,
    annuityRate: D.min(...rates),
    interestRate: periodRate(request.interest, request.frequency),
    horizon: horizonInstalments(PER_YEAR[request.frequency]),
    tokenTotal: multiply(request.token.amount, Math.max(1, owed)),
    accrual: request.pausedUntil ? { interestFrom: addDays(request.pausedUntil, 1) } : {},
    anchor: { anchor: request.start, ...(request.payDay === undefined ? {} : { payDay: request.payDay }) },
  };
}

/** How a stream repaying the request's balance is shared among its creditors, if it has several. */
export function sharingOf(context: PlanContext, by: StreamSharing['by'] = 'balance', redistribute = context.request.redistribute): { sharing?: StreamSharing } {
  const { creditors } = context.request;
  return creditors ? { sharing: { creditors, by, redistribute } } : {};
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
    ...(stream.payDay === undefined ? {} : { payDay: stream.payDay }),
    ...(stream.interestFrom ? { interestFrom: stream.interestFrom } : {}),
    instalmentCount: laid.count,
    instalmentAmount: laid.largest,
    finalAmount: laid.finalAmount,
    pattern: laid.pattern,
    firstDate: first,
    lastDate: last,
    totalPaid: laid.totalPaid,
    totalInterest: laid.totalInterest,
    balanceAfter: laid.balanceAfter,
    ...(stream.sharing ? { sharing: { ...stream.sharing, planned: stream.runs } } : {}),
  };
}

/**
 * The instalment that repays the balance in `count` instalments at the pay frequency: PMT rounded
 * UP to the penny, so the term is kept and the last instalment is the smaller.
 */
export function paymentWithin(context: PlanContext, count: number): { instalment: Money; stream: Stream; laid: Laid } {
  const { request } = context;
  const stream = (amount: Money): Stream => ({
    ...context.anchor,
    frequency: request.frequency,
    principal: request.balance,
    rate: context.interestRate,
    ...context.accrual,
    runs: [{ count, amount }],
    limit: count,
    ...sharingOf(context),
  });
  // Interest frozen: the closed form (frozen.ts) gives the smallest payment that keeps the term.
  const closed = stream(fromPence(frozenInstalment(penceOf(request.balance), count)));
  if (isFrozen(closed)) return { instalment: (closed.runs[0] as PaymentRun).amount, stream: closed, laid: layStream(closed) };
  const clears = (pence: bigint) => {
    const laid = layStream(stream(fromPence(pence)));
    return laid.balanceAfter.isZero() ? laid : undefined;
  };
  // The smallest payment from PMT up that clears the balance in the term. PMT runs on a 40-digit rate
  // (19.9% ÷ 12 does not terminate), and several creditors' rates differ, so PMT may fall short: steps
  // up find a payment that clears, and halving the gap finds the smallest.
  const seed = penceOf(penceUp(pmt(context.annuityRate, count, request.balance.neg())));
  let short = seed - 1n;
  let step = 1n;
  let laid = clears(seed);
  while (!laid) {
    short += step;
    // A penny at a time at first (PMT is usually at most a penny short), then doubling.
    if (short > seed) step *= 2n;
    laid = clears(short + step);
  }
  let enough = short + step;
  // When `enough` takes the whole term, a penny less makes each payment but the last a penny smaller
  // and the interest no smaller, so the last would have to pay at least its amount now and count − 1
  // pence more: when that is more than a payment, `enough` is the smallest. (One balance only: among
  // creditors at different rates a smaller payment may shift its shares, and the interest, between them.)
  const smallest = !request.creditors && laid.count === count && penceOf(laid.finalAmount) + BigInt(count - 1) > enough - 1n;
  if (smallest) short = enough - 1n;
  // Otherwise PMT rounded up may be a penny more than needed (interest is rounded down each period),
  // and after a Breathing Space the first period is charged less than PMT assumes: steps down,
  // doubling, find a payment that does not clear, so the term shows the smallest that keeps it.
  for (step = 1n; !smallest && short > 0n; step *= 2n) {
    const found = clears(short);
    if (!found) break;
    [enough, laid] = [short, found];
    short = short > step ? short - step : 0n;
  }
  while (enough - short > 1n) {
    const middle = (short + enough) / 2n;
    const found = clears(middle);
    if (found) [enough, laid] = [middle, found];
    else short = middle;
  }
  return { instalment: fromPence(enough), stream: stream(fromPence(enough)), laid };
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
    ...context.anchor,
    frequency: request.frequency,
    principal: request.balance,
    rate: interestRate,
    ...context.accrual,
    runs,
    limit: context.horizon,
    ...sharingOf(context),
  };
  const laid = layStream(stream);
  if (laid.balanceAfter.isZero()) return { stream, laid, outcome: { kind: 'repaid' } };

  const finalRun = runs[runs.length - 1] as PaymentRun;
  const beforeFinalRun = runs.slice(0, -1).reduce((n, run) => n + run.count, 0);
  const then = layStream({ ...stream, limit: beforeFinalRun });
  const [owedThen, interestThen] = [then.balanceAfter, then.nextInterest];
  const cause = finalRun.amount.lte(laid.nextInterest) ? 'interest' : 'horizon';
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
