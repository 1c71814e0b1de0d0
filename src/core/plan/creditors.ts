/**
 * Plans across several creditors: each payment of an option shared among the creditors still owed.
 *
 * Rules (docs/plans.md, "Plans across several creditors"):
 * - Each payment is shared pro rata to what each creditor was owed when the plan started (token
 *   payments: the same to each), in whole pence that add up to the payment exactly, by `allocate`
 *   (largest remainder, ties to the creditor listed first).
 * - Each creditor is charged their own interest on their own balance, by THE interest rule
 *   (`interestPence`), and never receives more than they are owed.
 * - When a creditor is repaid, their share goes to those still owed, pro rata again, so the payment
 *   stays the same and the plan ends sooner; without redistribution each share stays fixed and the
 *   payment falls as creditors are repaid (a settlement sum is always shared out in full, as it must
 *   be paid within the instalments the creditors allow).
 * One creditor is the single-balance plan: a property test holds the two to the same figures.
 */
import { allocate } from '../allocate.js';
import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { fromPence, type Money, penceOf, ZERO } from '../money.js';
import { dueDate } from './dates.js';
import { firstPeriodRate, interestPence, periodRate, type PeriodRate } from './interest.js';
import type { Laid, Stream } from './schedule.js';
import { frozenShares, shareAmongOwed, sharingWeights } from './sharing.js';
import { Tally } from './tally.js';
import type { CreditorSharing, Instalment, ResolvedCreditor } from './types.js';

/** How a stream's payments are shared: the creditors with what this stream repays each. */
export type StreamSharing = Omit<CreditorSharing, 'planned'>;

/** One creditor's part of one payment, in pence. */
export interface SharedPart {
  /** They were owed something when the payment fell due. */
  readonly owed: boolean;
  readonly amount: bigint;
  readonly interest: bigint;
  readonly balanceAfter: bigint;
}

export type SharedVisitor = (k: number, parts: readonly SharedPart[]) => void;

/** A payment's amount, interest, principal and balance after, over every creditor. */
export function totalOf(parts: readonly SharedPart[]): [bigint, bigint, bigint, bigint] {
  let amount = 0n;
  let interest = 0n;
  let balanceAfter = 0n;
  for (const part of parts) {
    amount += part.amount;
    interest += part.interest;
    balanceAfter += part.balanceAfter;
  }
  return [amount, interest, amount - interest, balanceAfter];
}

/** No creditor is charged interest at the stream's frequency. */
export function sharedFrozen(stream: Stream, sharing: StreamSharing): boolean {
  return sharing.creditors.every((creditor) => periodRate(creditor.interest, stream.frequency).numerator === 0n);
}

interface Walker {
  readonly rates: readonly PeriodRate[];
  readonly balances: bigint[];
}

function walkerFor(stream: Stream, sharing: StreamSharing): Walker & { weights: bigint[] } {
  const balances = sharing.creditors.map((creditor) => penceOf(creditor.balance));
  return {
    rates: sharing.creditors.map((creditor) => periodRate(creditor.interest, stream.frequency)),
    balances,
    weights: sharingWeights(balances, sharing.by),
  };
}

/** Walks every payment of a stream across its creditors (see the rules above). */
export function walkShared(stream: Stream, sharing: StreamSharing, visit?: SharedVisitor): Laid {
  const { rates, balances, weights } = walkerFor(stream, sharing);
  if (sharing.redistribute && sharedFrozen(stream, sharing)) return walkFrozen(stream, { rates, balances, weights }, visit);
  const firstRates = rates.map((rate) => firstPeriodRate(rate, stream));
  const runs = stream.runs.map((run) => ({ count: run.count, amount: penceOf(run.amount) }));
  // Without redistribution, each creditor's share of a planned payment is fixed from the start.
  const fixedShares = new Map<bigint, bigint[]>();
  const tally = new Tally();
  let runIndex = 0;
  let runEnd = runs[0]?.count ?? 0;
  const owedNow = (): boolean => balances.some((balance) => balance > 0n);
  while (tally.count < stream.limit && owedNow()) {
    while (tally.count >= runEnd && runIndex < runs.length - 1) runEnd += runs[++runIndex]?.count ?? 0;
    const plan = (runs[runIndex] as { amount: bigint }).amount;
    const periodRates = tally.count === 0 ? firstRates : rates;
    const interest = balances.map((balance, i) => interestPence(balance, periodRates[i] as PeriodRate));
    const owed = balances.map((balance, i) => balance + (interest[i] as bigint));
    const due = owed.reduce((a, b) => a + b, 0n);
    let amounts: bigint[];
    if (sharing.redistribute) {
      amounts = shareAmongOwed(plan < due ? plan : due, weights, owed);
    } else {
      const shares = fixedShares.get(plan) ?? allocate(plan, weights);
      fixedShares.set(plan, shares);
      amounts = shares.map((share, i) => (share < (owed[i] as bigint) ? share : (owed[i] as bigint)));
      // A share too small to round to a penny would leave its creditor unpaid for ever: once every
      // creditor with a share is repaid, those left share the payment as with redistribution.
      if (amounts.every((amount) => amount === 0n)) amounts = shareAmongOwed(plan < due ? plan : due, weights, owed);
    }
    const parts = amounts.map((amount, i) => {
      const owedBefore = (balances[i] as bigint) > 0n;
      balances[i] = (owed[i] as bigint) - amount;
      return { owed: owedBefore, amount, interest: interest[i] as bigint, balanceAfter: balances[i] as bigint };
    });
    visit?.(tally.count, parts);
    const [amount, charged] = totalOf(parts);
    tally.add(amount, charged);
  }
  const owedAfter = balances.reduce((a, b) => a + b, 0n);
  return tally.laid(owedAfter, () => balances.reduce((total, balance, i) => total + interestPence(balance, rates[i] as PeriodRate), 0n));
}

/** `walkShared` with no interest charged and a repaid creditor's share going to the others: a run of payments shared alike at a time (see `frozenShares`). */
function walkFrozen(stream: Stream, { rates, balances, weights }: Walker & { weights: bigint[] }, visit?: SharedVisitor): Laid {
  const runs = stream.runs.map((run) => ({ count: run.count, amount: penceOf(run.amount) }));
  const tally = new Tally();
  for (const run of frozenShares(balances, weights, runs, stream.limit)) {
    const amount = run.parts.reduce((a, b) => a + b, 0n);
    for (let j = 0; j < run.count; j++) {
      if (visit) {
        visit(
          run.from + j,
          run.parts.map((part, i) => ({ owed: run.owed[i] as boolean, amount: part, interest: 0n, balanceAfter: (balances[i] as bigint) - part * BigInt(j + 1) })),
        );
      }
      tally.add(amount, 0n);
    }
    run.parts.forEach((part, i) => {
      balances[i] = (balances[i] as bigint) - part * BigInt(run.count);
    });
  }
  const owedAfter = balances.reduce((a, b) => a + b, 0n);
  return tally.laid(owedAfter, () => balances.reduce((total, balance, i) => total + interestPence(balance, rates[i] as PeriodRate), 0n));
}

/** One creditor's payments, and the interest their next period would add. */
export interface CreditorLaid {
  readonly creditor: ResolvedCreditor;
  readonly instalments: readonly Instalment[];
  readonly nextInterest: Money;
}

/** Each creditor's payments of a stream, with the stream's numbers and due dates under `calendar`. */
export function instalmentsByCreditor(stream: Stream, sharing: StreamSharing, calendar: BusinessCalendar): CreditorLaid[] {
  const byCreditor: Instalment[][] = sharing.creditors.map(() => []);
  walkShared(stream, sharing, (k, parts) => {
    const { due, movedFrom } = dueDate(calendar, stream.anchor, stream.frequency, k, stream.payDay);
    parts.forEach((part, i) => {
      if (!part.owed) return;
      byCreditor[i]?.push({
        n: k + 1,
        due,
        ...(movedFrom === undefined ? {} : { movedFrom }),
        amount: fromPence(part.amount),
        interest: fromPence(part.interest),
        principal: fromPence(part.amount - part.interest),
        balanceAfter: fromPence(part.balanceAfter),
      });
    });
  });
  return sharing.creditors.map((creditor, i) => {
    const instalments = byCreditor[i] ?? [];
    const balance = instalments.length === 0 ? creditor.balance : (instalments[instalments.length - 1] as Instalment).balanceAfter;
    const rate = periodRate(creditor.interest, stream.frequency);
    return { creditor, instalments, nextInterest: balance.isZero() ? ZERO : fromPence(interestPence(penceOf(balance), rate)) };
  });
}
