/**
 * Where one agreed plan stands on a given day. Payments received are applied to the oldest unpaid
 * instalment first; a part payment leaves the rest of that instalment due, and an overpayment goes
 * on to the next; a refund or a returned payment (a negative amount) takes back what it returns.
 * Payments made before the plan began are not counted toward it. All money is whole pence, every
 * sum within what a JavaScript number holds exactly.
 */
import { STANDARD_BREATHING_SPACE_DAYS, type BreathingSpaceKind } from '../breathing-space.js';
import { addDays, compareDates, daysBetween, type IsoDate } from '../date.js';
import { FairplanError } from '../errors.js';
import { formatMoney, fromPence } from '../money.js';
import type { FollowUpRules } from './rules.js';

export interface Instalment {
  readonly n: number;
  readonly due: IsoDate;
  /** Pence. */
  readonly amount: number;
}

export interface Payment {
  readonly paidOn: IsoDate;
  /** Pence; negative for a refund, a chargeback or a returned direct debit. */
  readonly amount: number;
}

/**
 * A debt respite moratorium: a standard one has an end date; a mental health crisis one lasts while
 * the crisis treatment does, plus 30 days, so its end may not be known yet.
 */
export interface BreathingSpace {
  readonly kind: BreathingSpaceKind;
  /** The last day, when known. */
  readonly end?: IsoDate;
  /**
   * Why the record cannot be read exactly (`breathing_space_end: "31/02"`): the account is then
   * taken to be in a Breathing Space with no end known, until a person checks it.
   */
  readonly unreadable?: string;
}

export const STATUSES = ['on-track', 'ahead', 'behind', 'missed', 'broken', 'completed', 'paused', 'review-due'] as const;
export type Status = (typeof STATUSES)[number];

export interface Arrangement {
  readonly accountId: string;
  /** In order of due date. */
  readonly instalments: readonly Instalment[];
  /** Payments in any order; those after the day looked at, or before the plan began (planBegins), are not counted. */
  readonly payments: readonly Payment[];
  /** The day the plan was agreed, when known. */
  readonly agreedOn?: IsoDate;
  /** A Breathing Space moratorium the customer is or was in. */
  readonly breathingSpace?: BreathingSpace;
  /** The day the plan is due for review (a token payment's review date, say). */
  readonly reviewOn?: IsoDate;
}

export interface ArrangementStatus {
  readonly accountId: string;
  readonly status: Status;
  /** Pence of the instalments due on or before the day. */
  readonly dueToDate: number;
  /** Pence received on or before the day. */
  readonly paidToDate: number;
  /** Pence of what was due that has not been paid. */
  readonly arrears: number;
  /** Instalments past their grace days and not covered, in a row up to the day. */
  readonly missedInARow: number;
  /** The oldest instalment not yet paid in full, and what is left of it. */
  readonly next?: { readonly n: number; readonly due: IsoDate; readonly amount: number };
  /** The first instalment counted as missed, when there is one. */
  readonly firstMissed?: number;
  readonly balanceRemaining: number;
  readonly lastPaidOn?: IsoDate;
  readonly reviewOn?: IsoDate;
  /** Instalments moved after a Breathing Space: from which one, and by how many days. */
  readonly resumed?: { readonly from: number; readonly days: number };
  readonly reason: string;
}

export const pounds = (pence: number): string => formatMoney(fromPence(BigInt(pence)));

/** A plan of one instalment has no interval of its own: it is given a month's. */
const ONE_INSTALMENT_INTERVAL_DAYS = 30;

/** Days between the plan's first two due dates (at least one), or a month's for a plan of one instalment. */
function planInterval(instalments: readonly Instalment[]): number {
  const [first, second] = instalments;
  if (!first || !second) return ONE_INSTALMENT_INTERVAL_DAYS;
  return Math.max(1, daysBetween(first.due, second.due));
}

/**
 * The first day a payment counts toward the plan: the day it was agreed, or, when that is not
 * known, the day its first instalment's period began (one interval before the first due date), so
 * a payment toward an earlier arrangement is not taken as paying this one.
 */
export function planBegins(instalments: readonly Instalment[], agreedOn?: IsoDate): IsoDate | undefined {
  if (agreedOn) return agreedOn;
  const first = instalments[0];
  return first && addDays(first.due, -planInterval(instalments));
}

/** The most pence a JavaScript number holds exactly (£90,071,992,547,409.91). */
export const MOST_PENCE = Number.MAX_SAFE_INTEGER;

/**
 * Why the plan's sums would not be exact, if they would not: its instalments, or its payments
 * (refunds counted apart), add up to more than MOST_PENCE. Every figure of a status is within these.
 */
export function tooLargeToAdd(instalments: readonly Instalment[], payments: readonly Payment[]): string | undefined {
  // Each amount is at most MOST_PENCE, so a sum past it is still above it once rounded: checking
  // after each addition is exact.
  let due = 0;
  for (const instalment of instalments) {
    due += instalment.amount;
    if (due > MOST_PENCE) return `its instalments add up to more than ${pounds(MOST_PENCE)}, the most fairplan adds exactly`;
  }
  let paid = 0;
  let returned = 0;
  for (const { amount } of payments) {
    if (amount >= 0) paid += amount;
    else returned -= amount;
    if (paid > MOST_PENCE || returned > MOST_PENCE) return `its payments add up to more than ${pounds(MOST_PENCE)}, the most fairplan adds exactly`;
  }
  return undefined;
}

/**
 * The plan as it continues after a Breathing Space. No payment may be asked for during one, so
 * an instalment that fell due in it and is not paid is not missed: it, and every instalment after
 * it, moves later by the same number of days, the first of them to one plan interval after the
 * moratorium's last day. The plan keeps its order and its interval, never asks for two payments at
 * once, and gives the customer a whole period after the moratorium before the next payment.
 *
 * The customers file records a moratorium by its end: a standard one is taken to have begun 60
 * days before it (the longest one lasts), a mental health crisis one, which has no set length, to
 * cover every instalment still unpaid when it ends. A plan unpaid before that keeps those misses.
 * What was unpaid is judged by the payments made by its end (`paidBy`), so that paying the moved
 * instalments later does not move them back.
 */
function resumedAfter(
  instalments: readonly Instalment[],
  paidBy: (day: IsoDate) => number,
  pause: BreathingSpace | undefined,
): { instalments: readonly Instalment[]; moved?: ArrangementStatus['resumed'] } {
  const end = pause?.end;
  // A record that cannot be read is taken to be in force with no end: nothing to resume from.
  if (!end || pause.unreadable) return { instalments };
  const began = pause.kind === 'standard' ? addDays(end, -STANDARD_BREATHING_SPACE_DAYS) : undefined;
  let covered = paidBy(end);
  const k = instalments.findIndex((instalment) => {
    covered -= instalment.amount;
    return covered < 0 && (!began || compareDates(instalment.due, began) >= 0);
  });
  const first = instalments[k];
  if (!first || compareDates(first.due, end) > 0) return { instalments };
  const days = daysBetween(first.due, addDays(end, planInterval(instalments)));
  return {
    instalments: instalments.map((instalment, i) => (i < k ? instalment : { ...instalment, due: addDays(instalment.due, days) })),
    moved: { from: first.n, days },
  };
}

export function arrangementStatus(arrangement: Arrangement, asOf: IsoDate, rules: FollowUpRules): ArrangementStatus {
  const tooLarge = tooLargeToAdd(arrangement.instalments, arrangement.payments);
  if (tooLarge) throw new FairplanError('invalid-amount', `account ${arrangement.accountId}: ${tooLarge}`, { field: 'amount' });
  const begins = planBegins(arrangement.instalments, arrangement.agreedOn);
  const counted = arrangement.payments.filter((payment) => compareDates(payment.paidOn, asOf) <= 0 && !(begins && compareDates(payment.paidOn, begins) < 0));
  // Refunds of more than was paid here (of a payment before the plan, say) leave nothing paid, not less.
  const paidBy = (day: IsoDate): number => Math.max(0, counted.reduce((sum, p) => (compareDates(p.paidOn, day) <= 0 ? sum + p.amount : sum), 0));
  const paidToDate = paidBy(asOf);
  let lastPaidOn: IsoDate | undefined;
  for (const payment of counted) {
    if (payment.amount > 0 && (!lastPaidOn || compareDates(payment.paidOn, lastPaidOn) > 0)) lastPaidOn = payment.paidOn;
  }
  const resumed = resumedAfter(arrangement.instalments, paidBy, arrangement.breathingSpace);
  let total = 0;
  let dueToDate = 0;
  let unapplied = paidToDate;
  let missedInARow = 0;
  let firstMissed: number | undefined;
  let next: ArrangementStatus['next'];
  const missedBy = addDays(asOf, -rules.graceDays);
  for (const instalment of resumed.instalments) {
    total += instalment.amount;
    const isDue = compareDates(instalment.due, asOf) <= 0;
    if (isDue) dueToDate += instalment.amount;
    const applied = Math.min(unapplied, instalment.amount);
    unapplied -= applied;
    if (applied === instalment.amount) continue;
    next ??= { n: instalment.n, due: instalment.due, amount: instalment.amount - applied };
    // Oldest first: once one instalment is short, every later one is unpaid, so those past their
    // grace days are the run of misses.
    if (compareDates(instalment.due, missedBy) < 0) {
      missedInARow++;
      firstMissed ??= instalment.n;
    }
  }
  const arrears = Math.max(0, dueToDate - paidToDate);
  const balanceRemaining = Math.max(0, total - paidToDate);
  const base = {
    accountId: arrangement.accountId,
    dueToDate,
    paidToDate,
    arrears,
    missedInARow,
    ...(next ? { next } : {}),
    ...(firstMissed === undefined ? {} : { firstMissed }),
    balanceRemaining,
    ...(lastPaidOn ? { lastPaidOn } : {}),
    ...(arrangement.reviewOn ? { reviewOn: arrangement.reviewOn } : {}),
    ...(resumed.moved ? { resumed: resumed.moved } : {}),
  };
  const [status, reason] = judge();
  const { moved } = resumed;
  const after = moved ? `; after Breathing Space ending on ${arrangement.breathingSpace?.end}, instalment ${moved.from} and those after it are due ${moved.days} days later than planned` : '';
  return { ...base, status, reason: `${reason}${after}` };

  function judge(): [Status, string] {
    const pause = arrangement.breathingSpace;
    if (pause && (!pause.end || compareDates(asOf, pause.end) <= 0)) {
      if (pause.unreadable) return ['paused', `a Breathing Space is recorded but ${pause.unreadable}: taken to be in force until a person checks it; no reminders or check-ins`];
      const which = pause.kind === 'mental-health-crisis' ? 'a mental health crisis Breathing Space' : 'Breathing Space';
      return ['paused', `in ${which} ${pause.end ? `until ${pause.end}` : 'with no end date yet'}: no reminders or check-ins`];
    }
    if (total > 0 && balanceRemaining === 0) return ['completed', 'every instalment has been paid'];
    if (missedInARow >= rules.brokenAfter) return ['broken', `${missedInARow} instalments missed in a row: time to talk and review the plan`];
    if (missedInARow > 0) return ['missed', `instalment ${firstMissed} was not paid within ${rules.graceDays} days of its due date`];
    const review = arrangement.reviewOn;
    if (review && compareDates(review, asOf) <= 0) return ['review-due', `the plan was due for review on ${review}`];
    if (arrears > 0) return ['behind', `${pounds(arrears)} due is not yet paid, within the ${rules.graceDays} days' grace`];
    if (paidToDate > dueToDate) return ['ahead', `${pounds(paidToDate - dueToDate)} paid ahead of the plan`];
    return ['on-track', 'every instalment due has been paid'];
  }
}

/** What the collections team does next, for each status: never escalation. */
export const ACTIONS: Readonly<Record<Status, string>> = {
  'on-track': 'none',
  ahead: 'none',
  behind: 'wait for the payment',
  missed: 'check in with the customer',
  broken: 'talk with the customer and review the plan',
  completed: 'close the plan and say thank you',
  paused: 'no contact until Breathing Space ends',
  'review-due': 'review the plan with the customer',
};
