/**
 * Calendar dates without times or time zones. A due date is a day, not an instant: carrying
 * `Date` objects would let the machine's time zone move a payment by a day. Dates are ISO strings
 * (`2027-01-15`) branded as `IsoDate`; arithmetic is on whole day numbers.
 */
import { FairplanError } from './errors.js';

declare const isoDateBrand: unique symbol;
export type IsoDate = string & { readonly [isoDateBrand]: true };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The years a date read from input may fall in. Anything outside is a typo or a placeholder
 * (`9999-12-31`), and a plan or pay schedule worked out from it would be nonsense.
 */
const PLAUSIBLE_YEARS = { first: 1900, last: 2200 } as const;

/** Reads `YYYY-MM-DD`, refusing dates that do not exist (`2027-02-30`) or are implausible (`9999-12-31`). */
export function parseIsoDate(text: string): IsoDate {
  const match = ISO.exec(text.trim());
  if (!match) throw new FairplanError('invalid-date', `"${text}" is not a date (expected YYYY-MM-DD, e.g. 2027-01-15)`);
  const [year, month, day] = partsOf(text.trim() as IsoDate);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new FairplanError('invalid-date', `"${text}" is not a date that exists`);
  }
  if (year < PLAUSIBLE_YEARS.first || year > PLAUSIBLE_YEARS.last) {
    const side = year < PLAUSIBLE_YEARS.first ? `before ${PLAUSIBLE_YEARS.first}` : `after ${PLAUSIBLE_YEARS.last}`;
    throw new FairplanError('invalid-date', `"${text}" is ${side}: not a plausible date (fairplan takes years ${PLAUSIBLE_YEARS.first} to ${PLAUSIBLE_YEARS.last})`);
  }
  return text.trim() as IsoDate;
}

// Arithmetic on day numbers (days since 1970-01-01) rather than Date objects. Every number in this
// module counts calendar years, months or days, never money. A batch run works out
// millions of due dates, and a Date per step was a fifth of its time. The conversions are the
// civil-calendar algorithms of H. Hinnant (proleptic Gregorian, as Date is); a property test holds
// them to date-fns.

/** [year, month 1–12, day]; `date` is a valid IsoDate. */
function partsOf(date: IsoDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function isoOf(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}` as IsoDate;
}

/** The date `days` days after 1970-01-01. */
export function fromDayNumber(days: number): IsoDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return isoOf(yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

/** Days from 1970-01-01 to `date` (negative before it). */
export const toDayNumber = (date: IsoDate): number => dayNumber(...partsOf(date));

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

export const addDays = (date: IsoDate, days: number): IsoDate => fromDayNumber(toDayNumber(date) + days);

/**
 * `months` calendar months after `date`, on `dayOfMonth` (default: the day of `date`), or on the
 * last day of a month too short for it. Counting every date from the same anchor is what makes a
 * plan on the 31st fall on 30 April and return to 31 May.
 */
export function addMonths(date: IsoDate, months: number, dayOfMonth = partsOf(date)[2]): IsoDate {
  const [year, month] = partsOf(date);
  const index = year * 12 + month - 1 + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return isoOf(targetYear, targetMonth, Math.min(dayOfMonth, daysInMonth(targetYear, targetMonth)));
}

/** 0 = Sunday … 6 = Saturday. */
export const dayOfWeek = (date: IsoDate): number => {
  // 1970-01-01 was a Thursday.
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
};

export const dayOfMonth = (date: IsoDate): number => partsOf(date)[2];

export const compareDates = (a: IsoDate, b: IsoDate): number => (a < b ? -1 : a > b ? 1 : 0);

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}
