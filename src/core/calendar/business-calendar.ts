/**
 * Working days for due dates. A payment due on a weekend or bank holiday is collected on the next
 * working day, so the plan engine asks a `BusinessCalendar` rather than knowing any holidays itself:
 * the engine stays pure and tests can pass a calendar with exactly the holidays they need.
 */
import { addDays, dayOfWeek, type IsoDate } from '../date.js';
import { FairplanError } from '../errors.js';

export interface BusinessCalendar {
  /** Shown in plans and letters, e.g. "England and Wales bank holidays". */
  readonly name: string;
  isWorkingDay(date: IsoDate): boolean;
}

/** "No business days": every day is a working day and no payment is moved. */
export const EVERY_DAY: BusinessCalendar = { name: 'no working-day adjustment', isWorkingDay: () => true };

export const isWeekend = (date: IsoDate): boolean => {
  const day = dayOfWeek(date);
  return day === 0 || day === 6;
};

/** Monday to Friday, except the given holidays (for tests and for calendars loaded from a file). */
export function fixedCalendar(holidays: Iterable<IsoDate>, name = 'weekdays except listed holidays'): BusinessCalendar {
  const closed = new Set<string>(holidays);
  return { name, isWorkingDay: (date) => !isWeekend(date) && !closed.has(date) };
}

// A year without a working day means the calendar is broken, not that the payment should wait.
const SEARCH_LIMIT_DAYS = 366;

/** `date` if it is a working day, else the first working day after it. */
export function nextWorkingDay(calendar: BusinessCalendar, date: IsoDate): IsoDate {
  let day = date;
  for (let i = 0; i < SEARCH_LIMIT_DAYS; i++) {
    if (calendar.isWorkingDay(day)) return day;
    day = addDays(day, 1);
  }
  throw new FairplanError('invalid-argument', `the calendar "${calendar.name}" has no working day in the year from ${date}`, {
    field: 'calendar',
  });
}
