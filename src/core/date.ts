/**
 * Calendar dates without times or time zones. A due date is a day, not an instant: carrying
 * `Date` objects would let the machine's time zone move a payment by a day. Dates are ISO strings
 * (`2027-01-15`) branded as `IsoDate`; arithmetic goes through date-fns on UTC dates.
 */
import { UTCDate } from '@date-fns/utc';
import { addDays as dfAddDays, addMonths as dfAddMonths, getDay, isValid, lastDayOfMonth } from 'date-fns';
import { FairplanError } from './errors.js';

declare const isoDateBrand: unique symbol;
export type IsoDate = string & { readonly [isoDateBrand]: true };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Reads `YYYY-MM-DD`, refusing dates that do not exist (`2027-02-30`). */
export function parseIsoDate(text: string): IsoDate {
  const match = ISO.exec(text.trim());
  if (match) {
    const [, y, m, d] = match.map(Number) as [number, number, number, number];
    const date = new UTCDate(y, m - 1, d);
    if (isValid(date) && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d) {
      return text.trim() as IsoDate;
    }
    throw new FairplanError('invalid-date', `"${text}" is not a date that exists`);
  }
  throw new FairplanError('invalid-date', `"${text}" is not a date (expected YYYY-MM-DD, e.g. 2027-01-15)`);
}

function toUtc(date: IsoDate): UTCDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new UTCDate(y, m - 1, d);
}

function fromUtc(date: Date): IsoDate {
  const y = String(date.getUTCFullYear()).padStart(4, '0');
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  const d = String(date.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}` as IsoDate;
}

export const addDays = (date: IsoDate, days: number): IsoDate => fromUtc(dfAddDays(toUtc(date), days));

/**
 * `months` calendar months after `date`, on `dayOfMonth` (default: the day of `date`), or on the
 * last day of a month too short for it. Counting every date from the same anchor is what makes a
 * plan on the 31st fall on 30 April and return to 31 May.
 */
export function addMonths(date: IsoDate, months: number, dayOfMonth = toUtc(date).getUTCDate()): IsoDate {
  const firstOfTarget = dfAddMonths(new UTCDate(toUtc(date).getUTCFullYear(), toUtc(date).getUTCMonth(), 1), months);
  const last = lastDayOfMonth(firstOfTarget).getUTCDate();
  return fromUtc(new UTCDate(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth(), Math.min(dayOfMonth, last)));
}

/** 0 = Sunday … 6 = Saturday. */
export const dayOfWeek = (date: IsoDate): number => getDay(toUtc(date));

export const dayOfMonth = (date: IsoDate): number => toUtc(date).getUTCDate();

export const compareDates = (a: IsoDate, b: IsoDate): number => (a < b ? -1 : a > b ? 1 : 0);

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / 86_400_000);
}
