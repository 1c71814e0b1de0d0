/**
 * Due dates. Every date is counted from the anchor (never from the previous date), so a monthly plan
 * on the 31st falls on 30 April and returns to 31 May, and a moved payment never drags the next one.
 * A monthly plan whose first payday fell in a short month (28 February for a customer paid on the
 * 31st) is counted from the payday's own day of the month (`payDay`), never from the shortened date.
 *
 * A date that is not a working day moves to the next working day. If a whole period has no working
 * day (only a contrived calendar does that) the payment moves back instead, to the last working day
 * after the previous payment, so due dates still strictly increase; if there is none, the calendar
 * is refused rather than two payments falling on one day.
 */
import { type BusinessCalendar } from '../calendar/business-calendar.js';
import { addDays, addMonths, compareDates, dayOfMonth, daysBetween, fromDayNumber, toDayNumber, type IsoDate } from '../date.js';
import { FairplanError } from '../errors.js';
import type { PaymentFrequency } from '../frequency.js';
import type { PaySchedule } from '../statement.js';

/** Days between payments at each frequency but monthly. */
const DAYS: Readonly<Record<Exclude<PaymentFrequency, 'monthly'>, number>> = {
  weekly: 7,
  fortnightly: 14,
  'four-weekly': 28,
};

/**
 * The k-th (0-based) date after `anchor` at `frequency`, before any move to a working day; monthly on
 * `payDay` (default: the anchor's day of the month), or the last day of a month too short for it.
 */
export function nominalDate(anchor: IsoDate, frequency: PaymentFrequency, k: number, payDay?: number): IsoDate {
  return frequency === 'monthly' ? addMonths(anchor, k, payDay) : addDays(anchor, k * DAYS[frequency]);
}

// A working day is found within a year of any date, or the calendar is refused (see dueDate).
const SEARCH_DAYS = 366;

/**
 * A calendar's working days on whole day numbers, with the first working day on or after each day,
 * and each day's date, remembered. Plans ask for the same few thousand days over and over (a batch
 * asks millions of times), and searching date strings each time was a tenth of a batch's time.
 */
class WorkingDays {
  private readonly firstOnOrAfter = new Map<number, number>();
  private readonly dates = new Map<number, IsoDate>();

  constructor(private readonly calendar: BusinessCalendar) {}

  dateOf(day: number): IsoDate {
    let date = this.dates.get(day);
    if (date === undefined) {
      date = fromDayNumber(day);
      this.dates.set(day, date);
    }
    return date;
  }

  /** The first working day in [from, before), if any. */
  firstIn(from: number, before: number): number | undefined {
    let found = this.firstOnOrAfter.get(from);
    if (found === undefined) {
      found = Infinity;
      for (let day = from; day < from + SEARCH_DAYS; day++) {
        if (this.calendar.isWorkingDay(this.dateOf(day))) {
          found = day;
          break;
        }
      }
      this.firstOnOrAfter.set(from, found);
    }
    return found < before ? found : undefined;
  }

  /** The last working day in (after, before), if any. */
  lastIn(after: number, before: number): number | undefined {
    for (let day = before - 1; day > after; day--) {
      if (this.calendar.isWorkingDay(this.dateOf(day))) return day;
    }
    return undefined;
  }
}

// Calendars never change, so one memory per calendar serves every plan made with it.
const remembered = new WeakMap<BusinessCalendar, WorkingDays>();

function workingDaysOf(calendar: BusinessCalendar): WorkingDays {
  let days = remembered.get(calendar);
  if (!days) {
    days = new WorkingDays(calendar);
    remembered.set(calendar, days);
  }
  return days;
}

/** The day number of the k-th (0-based) date after `anchor` at `frequency`, before any move. */
function nominalDay(anchor: IsoDate, frequency: PaymentFrequency, k: number, payDay?: number): number {
  return frequency === 'monthly' ? toDayNumber(addMonths(anchor, k, payDay)) : toDayNumber(anchor) + k * DAYS[frequency];
}

function noRoom(calendar: BusinessCalendar, days: WorkingDays, from: number, before: number): FairplanError {
  return new FairplanError(
    'invalid-argument',
    `the calendar "${calendar.name}" has no working day between ${days.dateOf(from)} and ${days.dateOf(before)} for a payment`,
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
export function dueDate(calendar: BusinessCalendar, anchor: IsoDate, frequency: PaymentFrequency, k: number, payDay?: number): DueDate {
  const days = workingDaysOf(calendar);
  const nominal = nominalDay(anchor, frequency, k, payDay);
  const next = nominalDay(anchor, frequency, k + 1, payDay);
  const forward = days.firstIn(nominal, next);
  if (forward !== undefined) return forward === nominal ? { due: days.dateOf(nominal) } : { due: days.dateOf(forward), movedFrom: days.dateOf(nominal) };
  if (k === 0) throw noRoom(calendar, days, nominal, next);
  const previousNominal = nominalDay(anchor, frequency, k - 1, payDay);
  const previous = days.firstIn(previousNominal, nominal);
  if (previous === undefined) throw noRoom(calendar, days, previousNominal, next);
  const back = days.lastIn(previous, nominal);
  if (back === undefined) throw noRoom(calendar, days, previous, next);
  return { due: days.dateOf(back), movedFrom: days.dateOf(nominal) };
}

// Past this many due dates given, the memory of them starts again, so it cannot grow with the file.
const REMEMBERED_DATES = 50_000;

/**
 * Due dates (dueDate) by frequency, anchor and k, remembered: most plans share their first and
 * fixed-term dates, and without this memory a batch took about 40% more CPU (dueDate reads its
 * anchor date and counts months afresh at each call).
 */
export class DueDates {
  private readonly given = new Map<PaymentFrequency, Map<string, Map<number, IsoDate>>>();
  private remembered = 0;

  constructor(private readonly calendar: BusinessCalendar) {}

  /** The k-th due date (0-based) of a schedule from `anchor` (on `payDay`) at `frequency`, by k, remembered. */
  of(anchor: IsoDate, frequency: PaymentFrequency, payDay?: number): (k: number) => IsoDate {
    const given = this.givenFor(payDay === undefined ? anchor : `${anchor}/${payDay}`, frequency);
    return (k) => {
      let date = given.get(k);
      if (date === undefined) {
        date = dueDate(this.calendar, anchor, frequency, k, payDay).due;
        if (++this.remembered > REMEMBERED_DATES) {
          this.given.clear();
          this.remembered = 1;
        }
        given.set(k, date);
      }
      return date;
    };
  }

  private givenFor(anchor: string, frequency: PaymentFrequency): Map<number, IsoDate> {
    let anchors = this.given.get(frequency);
    if (!anchors) {
      anchors = new Map();
      this.given.set(frequency, anchors);
    }
    let dates = anchors.get(anchor);
    if (!dates) {
      dates = new Map();
      anchors.set(anchor, dates);
    }
    return dates;
  }
}

const dueDatesRemembered = new WeakMap<BusinessCalendar, DueDates>();

/** The due dates under `calendar`, remembered for every plan made with it (calendars never change). */
export function dueDatesOn(calendar: BusinessCalendar): DueDates {
  let dates = dueDatesRemembered.get(calendar);
  if (!dates) {
    dates = new DueDates(calendar);
    dueDatesRemembered.set(calendar, dates);
  }
  return dates;
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

/**
 * The day of the month a monthly plan starting on `start` counts from, when it is not `start`'s own:
 * the customer's payday (its day of the month in `pay`), when a month too short for it put `start`
 * on its last day. Undefined otherwise.
 */
export function payDayFor(pay: PaySchedule | undefined, frequency: PaymentFrequency, start: IsoDate): number | undefined {
  if (pay?.frequency !== 'monthly' || frequency !== 'monthly') return undefined;
  const payDay = dayOfMonth(pay.nextPayDate);
  return payDay > dayOfMonth(start) && addMonths(start, 0, payDay) === start ? payDay : undefined;
}
