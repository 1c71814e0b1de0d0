/**
 * Dates after which something recorded should no longer be relied on without a person: a budget
 * taken too long ago, and a debt whose last payment is old enough for it to be statute-barred.
 */
import { addMonths, compareDates, type IsoDate } from './date.js';

/** A budget taken more than this many months before the as-of date is stale (by default: `--stale-after`). */
export const STATEMENT_STALE_MONTHS = 12;

/**
 * Limitation Act 1980 (England, Wales and Northern Ireland): most unsecured debts are statute-barred
 * six years after the last payment or written acknowledgement (CONC 7.15).
 */
export const LIMITATION_YEARS = 6;

/** Whether `on` is more than `months` months before `asOf`. */
const moreThanMonthsBefore = (on: IsoDate, months: number, asOf: IsoDate): boolean => compareDates(addMonths(on, months), asOf) < 0;

export const isStale = (takenOn: IsoDate, asOf: IsoDate, months = STATEMENT_STALE_MONTHS): boolean => moreThanMonthsBefore(takenOn, months, asOf);

/**
 * The day a budget should be reviewed with the customer: the day it turns stale, `months` after it
 * was taken (after `asOf` when the statement does not say when), or `asOf` itself once that has passed.
 */
export function budgetReviewOn(takenOn: IsoDate | undefined, asOf: IsoDate, months = STATEMENT_STALE_MONTHS): IsoDate {
  const due = addMonths(takenOn ?? asOf, months);
  return compareDates(due, asOf) < 0 ? asOf : due;
}

export const mayBeStatuteBarred = (lastPaymentOn: IsoDate, asOf: IsoDate): boolean =>
  moreThanMonthsBefore(lastPaymentOn, LIMITATION_YEARS * 12, asOf);
