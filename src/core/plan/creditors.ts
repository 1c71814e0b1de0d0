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
import { dueDate } from './dates.js';
import type { PenceCreditor, PenceInstalment, PenceSharing } from './figures.js';
import type { PenceRun } from './frozen.js';
import { firstPeriodRate, interestPence, periodRate, type PeriodRate } from './interest.js';
import type { Laid, Stream } from './schedule.js';
import { frozenShares, shareAmongOwed, sharingWeights } from './sharing.js';
import { Tally } from './tally.js';


/** How a stream's payments are shared: the creditors with what this stream repays each. */
export type StreamSharing = Omit<PenceSharing, 'planned'>;

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
  const balances = sharing.creditors.map((creditor) => creditor.balance);
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
  const { runs } = stream;
  // Without redistribution, each creditor's share of a planned payment is fixed from the start.
  const fixedShares = new Map<bigint, bigint[]>();
  const tally = new Tally();
  let runIndex = 0;
  let runEnd = runs[0]?.count ?? 0;
  const owedNow = (): boolean => balances.some((balance) => balance > 0n);
  while (tally.count < stream.limit && owedNow()) {
    while (tally.count >= runEnd && runIndex < runs.length - 1) runEnd += runs[++runIndex]?.count ?? 0;
    const plan = (runs[runIndex] as PenceRun).amount;
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
  const tally = new Tally();
  for (const run of frozenShares(balances, weights, stream.runs, stream.limit)) {
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
  readonly creditor: PenceCreditor;
  readonly instalments: readonly PenceInstalment[];
  readonly nextInterest: bigint;
}

/** Each creditor's payments of a stream, with the stream's numbers and due dates under `calendar`. */
export function instalmentsByCreditor(stream: Stream, sharing: StreamSharing, calendar: BusinessCalendar): CreditorLaid[] {
  const byCreditor: PenceInstalment[][] = sharing.creditors.map(() => []);
  walkShared(stream, sharing, (k, parts) => {
    const { due, movedFrom } = dueDate(calendar, stream.anchor, stream.frequency, k, stream.payDay);
    parts.forEach((part, i) => {
      if (!part.owed) return;
      byCreditor[i]?.push({
        n: k + 1,
        due,
        ...(movedFrom === undefined ? {} : { movedFrom }),
        amount: part.amount,
        interest: part.interest,
        principal: part.amount - part.interest,
        balanceAfter: part.balanceAfter,
      });
    });
  });
  return sharing.creditors.map((creditor, i) => {
    const instalments = byCreditor[i] ?? [];
    const balance = instalments.length === 0 ? creditor.balance : (instalments[instalments.length - 1] as PenceInstalment).balanceAfter;
    return { creditor, instalments, nextInterest: interestPence(balance, periodRate(creditor.interest, stream.frequency)) };
  });
}

/** One creditor's part of an option, in pence, without Money or words: what a batch writes for each account of a household. */
export interface CreditorPart {
  readonly creditor: PenceCreditor;
  /** The payments of the option made while they were owed, the first and last by their 0-based number. */
  readonly count: number;
  readonly first?: number;
  readonly last?: number;
  /** Their share of the first of those payments, and of the last. */
  readonly share: bigint;
  readonly finalAmount: bigint;
  readonly totalPaid: bigint;
  readonly totalInterest: bigint;
  readonly balanceAfter: bigint;
  /** The interest their next period would add to what they are still owed. */
  readonly nextInterest: bigint;
  /** Their instalments, numbered and dated as the option's, when asked for. */
  readonly instalments?: readonly PenceInstalment[];
}

/**
 * Each creditor's part of the payments of `stream`, with their instalments under `calendar` when
 * `calendar` is given. With interest frozen and a repaid creditor's share passed on, a run of
 * payments at a time (`frozenShares`); otherwise payment by payment (`walkShared`).
 */
export function creditorParts(stream: Stream, sharing: StreamSharing, calendar?: BusinessCalendar): CreditorPart[] {
  const parts = sharing.creditors.map((creditor) => ({
    creditor,
    count: 0,
    first: undefined as number | undefined,
    last: undefined as number | undefined,
    share: 0n,
    finalAmount: 0n,
    totalPaid: 0n,
    totalInterest: 0n,
    balanceAfter: creditor.balance,
    nextInterest: 0n,
    ...(calendar ? { instalments: [] as PenceInstalment[] } : {}),
  }));
  const paid = (i: number, k: number, count: number, amount: bigint, interest: bigint) => {
    const part = parts[i] as (typeof parts)[number];
    if (part.count === 0) [part.first, part.share] = [k, amount];
    part.count += count;
    part.last = k + count - 1;
    part.finalAmount = amount;
    part.totalPaid += amount * BigInt(count);
    part.totalInterest += interest;
    for (let j = 0; calendar && j < count; j++) {
      part.balanceAfter += interest - amount;
      const { due, movedFrom } = dueDate(calendar, stream.anchor, stream.frequency, k + j, stream.payDay);
      part.instalments?.push({ n: k + j + 1, due, ...(movedFrom === undefined ? {} : { movedFrom }), amount, interest, principal: amount - interest, balanceAfter: part.balanceAfter });
    }
    if (!calendar) part.balanceAfter += interest - amount * BigInt(count);
  };
  if (sharing.redistribute && sharedFrozen(stream, sharing)) {
    const balances = sharing.creditors.map((creditor) => creditor.balance);
    for (const run of frozenShares(balances, sharingWeights(balances, sharing.by), stream.runs, stream.limit)) {
      run.parts.forEach((amount, i) => {
        if (run.owed[i]) paid(i, run.from, run.count, amount, 0n);
      });
    }
  } else {
    walkShared(stream, sharing, (k, shared) =>
      shared.forEach((part, i) => {
        if (part.owed) paid(i, k, 1, part.amount, part.interest);
      }),
    );
  }
  return parts.map((part) => ({ ...part, nextInterest: interestPence(part.balanceAfter, periodRate(part.creditor.interest, stream.frequency)) }));
}
