/**
 * Due dates. Every date is counted from the anchor (never from the previous date), so a monthly plan
 * on the 31st falls on 30 April and returns to 31 May, and a moved payment never drags the next one.
 *
 * A date that is not a working day moves to the next working day. If a whole period has no working
 * day (only a contrived calendar does that) the payment moves back instead, to the last working day
 * after the previous payment, so due dates still strictly increase; if there is none, the calendar
 * is refused rather than two payments falling on one day.
 */
import { type BusinessCalendar } from '../calendar/business-calendar.js';
import { addDays, addMonths, compareDates, daysBetween, type IsoDate } from '../date.js';
import { FairplanError } from '../errors.js';
import type { PaymentFrequency } from '../frequency.js';
import type { PaySchedule } from '../statement.js';

/** Days between payments at each frequency but monthly. */
export const DAYS: Readonly<Record<Exclude<PaymentFrequency, 'monthly'>, number>> = {
  weekly: 7,
  fortnightly: 14,
  'four-weekly': 28,
};

/** The k-th (0-based) date after `anchor` at `frequency`, before any move to a working day. */
export function nominalDate(anchor: IsoDate, frequency: PaymentFrequency, k: number): IsoDate {
  return frequency === 'monthly' ? addMonths(anchor, k) : addDays(anchor, k * DAYS[frequency]);
}

/** The first working day in [from, before), if any. */
function firstWorkingDay(calendar: BusinessCalendar, from: IsoDate, before: IsoDate): IsoDate | undefined {
  for (let day = from; compareDates(day, before) < 0; day = addDays(day, 1)) {
    if (calendar.isWorkingDay(day)) return day;
  }
  return undefined;
}

/** The last working day in (after, before), if any. */
function lastWorkingDay(calendar: BusinessCalendar, after: IsoDate, before: IsoDate): IsoDate | undefined {
  for (let day = addDays(before, -1); compareDates(day, after) > 0; day = addDays(day, -1)) {
    if (calendar.isWorkingDay(day)) return day;
  }
  return undefined;
}

function noRoom(calendar: BusinessCalendar, from: IsoDate, before: IsoDate): FairplanError {
  return new FairplanError(
    'invalid-argument',
    `the calendar "${calendar.name}" has no working day between ${from} and ${before} for a payment`,
    { field: 'calendar' },
  );
}

export interface DueDate {
  readonly due: IsoDate;
  /** The nominal date, when the payment was moved off it. */
  readonly movedFrom?: IsoDate;
}

/**
 * The k-th (0-based) due date of a schedule. Depends only on k and its neighbours, so the last date
 * of a long plan costs no more than the first.
 */
export function dueDate(calendar: BusinessCalendar, anchor: IsoDate, frequency: PaymentFrequency, k: number): DueDate {
  const nominal = nominalDate(anchor, frequency, k);
  if (calendar.isWorkingDay(nominal)) return { due: nominal };
  const next = nominalDate(anchor, frequency, k + 1);
  const forward = firstWorkingDay(calendar, nominal, next);
  if (forward !== undefined) return forward === nominal ? { due: nominal } : { due: forward, movedFrom: nominal };
  if (k === 0) throw noRoom(calendar, nominal, next);
  const previousNominal = nominalDate(anchor, frequency, k - 1);
  const previous = firstWorkingDay(calendar, previousNominal, nominal);
  if (previous === undefined) throw noRoom(calendar, previousNominal, next);
  const back = lastWorkingDay(calendar, previous, nominal);
  if (back === undefined) throw noRoom(calendar, previous, next);
  return { due: back, movedFrom: nominal };
}

/**
 * The customer's first payday on or after `onOrAfter`, rolling a stale `nextPayDate` forward by the
 * pay frequency (monthly paydays keep their day of the month).
 */
export function nextPayDate(pay: PaySchedule, onOrAfter: IsoDate): IsoDate {
  if (compareDates(pay.nextPayDate, onOrAfter) >= 0) return pay.nextPayDate;
  if (pay.frequency !== 'monthly') {
    const step = DAYS[pay.frequency];
    const periods = Math.ceil(daysBetween(pay.nextPayDate, onOrAfter) / step);
    return addDays(pay.nextPayDate, periods * step);
  }
  let k = 1;
  while (compareDates(addMonths(pay.nextPayDate, k), onOrAfter) < 0) k++;
  return addMonths(pay.nextPayDate, k);
}
