/**
 * Where one agreed plan stands on a given day. Payments received are applied to the oldest unpaid
 * instalment first; a part payment leaves the rest of that instalment due, and an overpayment goes
 * on to the next. All money is whole pence.
 */
import type { BreathingSpaceKind } from '../breathing-space.js';
import { addDays, compareDates, type IsoDate } from '../date.js';
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
  /** Pence. */
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
  /** Payments in any order; those after the day looked at are not counted. */
  readonly payments: readonly Payment[];
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
  readonly reason: string;
}

export const pounds = (pence: number): string => formatMoney(fromPence(BigInt(pence)));

export function arrangementStatus(arrangement: Arrangement, asOf: IsoDate, rules: FollowUpRules): ArrangementStatus {
  let paidToDate = 0;
  let lastPaidOn: IsoDate | undefined;
  for (const payment of arrangement.payments) {
    if (compareDates(payment.paidOn, asOf) > 0) continue;
    paidToDate += payment.amount;
    if (!lastPaidOn || compareDates(payment.paidOn, lastPaidOn) > 0) lastPaidOn = payment.paidOn;
  }
  let total = 0;
  let dueToDate = 0;
  let unapplied = paidToDate;
  let missedInARow = 0;
  let firstMissed: number | undefined;
  let next: ArrangementStatus['next'];
  const missedBy = addDays(asOf, -rules.graceDays);
  for (const instalment of arrangement.instalments) {
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
  };
  const [status, reason] = judge();
  return { ...base, status, reason };

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
