/** What every option builder needs from a resolved request, worked out once, in whole pence. */
import { addDays, type IsoDate } from '../date.js';
import { fromMonthly, PER_YEAR } from '../frequency.js';
import type { StreamSharing } from './creditors.js';
import type { NeverRepaysFigures, OpenOutcome, NotOfferedFigures, OptionFigures, OptionFiguresBase, PenceRepaying, PenceRequest } from './figures.js';
import { dueDatesOn } from './dates.js';
import { instalmentsIn, pmtPenceUp } from './finance.js';
import { horizonInstalments } from './request.js';
import { frozenInstalment, type PenceRun } from './frozen.js';
import { isFrozen, layStream, periodRate, type Laid, type PeriodRate, type Stream } from './schedule.js';
import type { InterestTreatment, PlanKind } from './types.js';

export interface PlanContext {
  readonly request: PenceRequest;
  /** The affordable monthly amount at the pay frequency, rounded down to the penny (nil if none). */
  readonly perInstalment: bigint;
  /** Interest per pay period, exactly, for laying out instalments. */
  readonly interestRate: PeriodRate;
  /** Instalments in 50 years at the pay frequency. */
  readonly horizon: number;
  /** The token payment a month altogether: the token amount to each creditor. */
  readonly tokenTotal: bigint;
  /** After a Breathing Space, the day interest accrues from again, for every stream (see `firstPeriodRate`). */
  readonly accrual: { readonly interestFrom?: IsoDate };
  /** Where every stream's due dates count from: the start, and the payday when it is not the start's day. */
  readonly anchor: { readonly anchor: IsoDate; readonly payDay?: number };
  /** How a payment against the balance is shared among the creditors, if there are several. */
  readonly sharing: StreamSharing | undefined;
  /** The k-th due date (0-based) of a stream at the request's frequency from its anchor, remembered (see DueDates). */
  readonly due: (k: number) => IsoDate;
}

export function planContext(request: PenceRequest): PlanContext {
  const perInstalment = fromMonthly(request.affordableMonthly, request.frequency);
  const owed = request.creditors?.filter((creditor) => creditor.balance > 0n).length ?? 1;
  return {
    request,
    perInstalment,
    interestRate: periodRate(request.interest, request.frequency),
    horizon: horizonInstalments(PER_YEAR[request.frequency]),
    tokenTotal: request.token.amount * BigInt(Math.max(1, owed)),
    accrual: request.pausedUntil ? { interestFrom: addDays(request.pausedUntil, 1) } : {},
    anchor: { anchor: request.start, payDay: request.payDay },
    sharing: request.creditors ? { creditors: request.creditors, by: 'balance', redistribute: request.redistribute } : undefined,
    // Looked up once for the request, not once for each option: a batch plans every account.
    due: dueDatesOn(request.calendar).of(request.start, request.frequency, request.payDay),
  };
}

/** How a stream repaying the request's balance is shared among its creditors, if it has several. */
export function sharingOf(context: PlanContext, by: StreamSharing['by'] = 'balance', redistribute = context.request.redistribute): { sharing?: StreamSharing } {
  const { creditors } = context.request;
  return creditors ? { sharing: { creditors, by, redistribute } } : {};
}

/**
 * A stream of payments against the request's balance from its anchor (after a Breathing Space,
 * interest accruing from the day after it), shared as `sharingOf` says. Built field by field, with
 * no spreading: a batch makes several for every account.
 */
export function streamOf(context: PlanContext, runs: readonly PenceRun[], limit: number, sharing = context.sharing): Stream {
  const { request } = context;
  return {
    anchor: request.start,
    payDay: request.payDay,
    frequency: request.frequency,
    principal: request.balance,
    rate: context.interestRate,
    interestFrom: context.accrual.interestFrom,
    runs,
    limit,
    sharing,
  };
}

export type Built = { readonly option: OptionFigures } | { readonly notOffered: NotOfferedFigures };

/**
 * An option's figures, from its stream laid out: the figures every option shares, in one object
 * literal. Spreading them into each option's own literal cost about a third of the engine's time (a
 * batch makes several options for every account); a kind's own figures are assigned onto it.
 */
export function optionFigures<K extends PlanKind, O extends OptionFiguresBase<PlanKind>['outcome']>(
  context: PlanContext,
  head: { readonly kind: K; readonly affordable: boolean; readonly outcome: O },
  stream: Stream,
  interest: InterestTreatment,
  laid: Laid = layStream(stream),
): OptionFiguresBase<K, O> {
  const { request } = context;
  // Every stream counts from the request's anchor; only the token's is monthly whatever the pay frequency.
  const due = stream.frequency === request.frequency ? context.due : dueDatesOn(request.calendar).of(stream.anchor, stream.frequency, stream.payDay);
  const first = due(0);
  const { sharing } = stream;
  return {
    kind: head.kind,
    affordable: head.affordable,
    frequency: stream.frequency,
    interest,
    amountToRepay: stream.principal,
    anchorDate: stream.anchor,
    payDay: stream.payDay,
    interestFrom: stream.interestFrom,
    instalmentCount: laid.count,
    instalmentAmount: laid.largest,
    finalAmount: laid.finalAmount,
    pattern: laid.pattern,
    firstDate: first,
    lastDate: laid.count <= 1 ? first : due(laid.count - 1),
    totalPaid: laid.totalPaid,
    totalInterest: laid.totalInterest,
    balanceAfter: laid.balanceAfter,
    outcome: head.outcome,
    sharing: sharing && { creditors: sharing.creditors, by: sharing.by, redistribute: sharing.redistribute, planned: stream.runs },
  };
}

/** The lowest of several exact rates. */
const lowest = (rates: readonly PeriodRate[]): PeriodRate =>
  rates.reduce((low, rate) => (rate.numerator * low.denominator < low.numerator * rate.denominator ? rate : low));

/**
 * The instalment that repays the balance in `count` instalments at the pay frequency: PMT rounded
 * UP to the penny, so the term is kept and the last instalment is the smaller.
 */
export function paymentWithin(context: PlanContext, count: number): { instalment: bigint; stream: Stream; laid: Laid } {
  const { request } = context;
  // Interest frozen: the closed form (frozen.ts) gives the smallest payment that keeps the term.
  const closed = streamOf(context, [{ count, amount: frozenInstalment(request.balance, count) }], count);
  if (isFrozen(closed)) return { instalment: (closed.runs[0] as PenceRun).amount, stream: closed, laid: layStream(closed) };
  // Made only when interest continues, as a batch finds the payment of several terms for every account.
  const stream = (amount: bigint): Stream => streamOf(context, [{ count, amount }], count);
  const clears = (pence: bigint) => {
    const laid = layStream(stream(pence));
    return laid.balanceAfter === 0n ? laid : undefined;
  };
  // The smallest payment from PMT up that clears the balance in the term. Interest is rounded down
  // each period and several creditors' rates differ (PMT takes the lowest, as no smaller payment could
  // repay them all), so PMT may miss: steps up find a payment that clears, and halving the gap finds the smallest.
  const rates = (request.creditors ?? [request]).map((debt) => periodRate(debt.interest, request.frequency));
  const seed = pmtPenceUp(request.balance, lowest(rates), count);
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
  const smallest = !request.creditors && laid.count === count && laid.finalAmount + BigInt(count - 1) > enough - 1n;
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
  return { instalment: enough, stream: stream(enough), laid };
}

/** The payment that repays the balance within the reasonable term, at the pay frequency. */
export function repayingPayment(context: PlanContext): PenceRepaying {
  const { request } = context;
  const termMonths = request.reasonableTermMonths;
  const instalments = instalmentsIn(termMonths, request.frequency);
  return { termMonths, frequency: request.frequency, instalments, amount: paymentWithin(context, instalments).instalment };
}

export interface OpenEnded {
  readonly stream: Stream;
  readonly laid: Laid;
  readonly outcome: OpenOutcome;
}

/**
 * Runs payments against the balance until it is repaid, up to the 50-year horizon. A stream that
 * does not repay by then is cut to its first year for display, with an outcome that says why and
 * what payment would repay it.
 */
export function openEnded(context: PlanContext, runs: readonly PenceRun[]): OpenEnded {
  const { request } = context;
  const stream = streamOf(context, runs, context.horizon);
  const laid = layStream(stream);
  if (laid.balanceAfter === 0n) return { stream, laid, outcome: REPAID };

  const finalRun = runs[runs.length - 1] as PenceRun;
  const beforeFinalRun = runs.slice(0, -1).reduce((n, run) => n + run.count, 0);
  const then = layStream({ ...stream, limit: beforeFinalRun });
  const cause = finalRun.amount <= laid.nextInterest ? 'interest' : 'horizon';
  const outcome: NeverRepaysFigures = {
    kind: 'never-repays',
    cause,
    repayingPayment: repayingPayment(context),
    payment: finalRun.amount,
    owedThen: then.balanceAfter,
    interestThen: then.nextInterest,
  };
  const shown: Stream = { ...stream, limit: Math.min(context.horizon, PER_YEAR[request.frequency]) };
  return { stream: shown, laid: layStream(shown), outcome };
}

export const REPAID = { kind: 'repaid' } as const;
