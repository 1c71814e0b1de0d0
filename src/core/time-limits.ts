/**
 * Dates after which something recorded should no longer be relied on without a person: a budget
 * taken too long ago, and a debt whose last payment is old enough for it to be statute-barred.
 */
import { addMonths, compareDates, type IsoDate } from './date.js';

/** A budget taken more than this many months before the as-of date is stale. */
export const STATEMENT_STALE_MONTHS = 12;

/**
 * Limitation Act 1980 (England, Wales and Northern Ireland): most unsecured debts are statute-barred
 * six years after the last payment or written acknowledgement (CONC 7.15).
 */
export const LIMITATION_YEARS = 6;

/** Whether `on` is more than `months` months before `asOf`. */
const moreThanMonthsBefore = (on: IsoDate, months: number, asOf: IsoDate): boolean => compareDates(addMonths(on, months), asOf) < 0;

export const isStale = (takenOn: IsoDate, asOf: IsoDate): boolean => moreThanMonthsBefore(takenOn, STATEMENT_STALE_MONTHS, asOf);

export const mayBeStatuteBarred = (lastPaymentOn: IsoDate, asOf: IsoDate): boolean =>
  moreThanMonthsBefore(lastPaymentOn, LIMITATION_YEARS * 12, asOf);
