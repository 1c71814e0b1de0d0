/**
 * UK bank holidays from the date-holidays package (country GB), which knows the substitute days
 * (Christmas on a Saturday moves to Monday 27th and Boxing Day to Tuesday 28th) and one-off
 * holidays (coronations, state funerals) that hand-written rules would miss.
 * Only 'public' and 'bank' holidays close banks; observances such as Mother's Day do not.
 */
import { createRequire } from 'node:module';
import type HolidaysType from 'date-holidays';
import type { IsoDate } from '../date.js';
import { FairplanError } from '../errors.js';
import { closest } from '../suggest.js';
import { EVERY_DAY, isWeekend, type BusinessCalendar } from './business-calendar.js';

const CALENDAR_REGIONS = ['england-wales', 'scotland', 'northern-ireland', 'none'] as const;
export type CalendarRegion = (typeof CALENDAR_REGIONS)[number];

export const DEFAULT_CALENDAR_REGION: CalendarRegion = 'england-wales';

type UkRegion = Exclude<CalendarRegion, 'none'>;

// England and Wales share their bank holidays (Banking and Financial Dealings Act 1971).
const STATE: Readonly<Record<UkRegion, string>> = { 'england-wales': 'ENG', scotland: 'SCT', 'northern-ireland': 'NIR' };

const NAME: Readonly<Record<UkRegion, string>> = {
  'england-wales': 'England and Wales bank holidays',
  scotland: 'Scotland bank holidays',
  'northern-ireland': 'Northern Ireland bank holidays',
};

// The holiday rules are a large part of fairplan's start-up and many runs never need them, so they
// are loaded when the first bank-holiday calendar is made.
let holidays: typeof HolidaysType | undefined;
const loadHolidays = (): typeof HolidaysType =>
  (holidays ??= createRequire(import.meta.url)('date-holidays') as typeof HolidaysType);

function bankHolidayCalendar(region: UkRegion): BusinessCalendar {
  const Holidays = loadHolidays();
  const source = new Holidays('GB', STATE[region], { types: ['public', 'bank'] });
  // One lookup of date-holidays per year, not per date.
  const byYear = new Map<number, ReadonlySet<string>>();
  const holidaysIn = (year: number): ReadonlySet<string> => {
    let days = byYear.get(year);
    if (!days) {
      // `date` is the local calendar date ("2027-12-27 00:00:00"); `start` is an instant and can
      // fall on the previous day in UTC during British Summer Time.
      days = new Set(source.getHolidays(year).map((holiday) => holiday.date.slice(0, 10)));
      byYear.set(year, days);
    }
    return days;
  };
  // Batch runs ask about the same few thousand dates millions of times.
  const answers = new Map<string, boolean>();
  return {
    name: NAME[region],
    isWorkingDay: (date: IsoDate) => {
      let working = answers.get(date);
      if (working === undefined) {
        working = !isWeekend(date) && !holidaysIn(Number(date.slice(0, 4))).has(date);
        answers.set(date, working);
      }
      return working;
    },
  };
}

const calendars = new Map<CalendarRegion, BusinessCalendar>();

/** The working-day calendar for a region; 'none' turns working-day adjustment off. */
export function calendarFor(region: CalendarRegion): BusinessCalendar {
  let calendar = calendars.get(region);
  if (!calendar) {
    calendar = region === 'none' ? EVERY_DAY : bankHolidayCalendar(region);
    calendars.set(region, calendar);
  }
  return calendar;
}

const ALIASES: Readonly<Record<string, CalendarRegion>> = {
  'england-wales': 'england-wales',
  'england-and-wales': 'england-wales',
  england: 'england-wales',
  wales: 'england-wales',
  eng: 'england-wales',
  wls: 'england-wales',
  ew: 'england-wales',
  scotland: 'scotland',
  sct: 'scotland',
  'northern-ireland': 'northern-ireland',
  ni: 'northern-ireland',
  nir: 'northern-ireland',
  none: 'none',
  off: 'none',
};

/** Reads a region name (`scotland`, `NI`, `england and wales`, `none`), suggesting the nearest on a typo. */
export function parseCalendarRegion(text: string): CalendarRegion {
  const key = text.trim().toLowerCase().replace(/[\s_&]+/g, '-').replace(/-+/g, '-');
  const found = ALIASES[key];
  if (found) return found;
  const hint = closest(key, CALENDAR_REGIONS);
  throw new FairplanError(
    'invalid-argument',
    `"${text}" is not a calendar region; ${hint ? `did you mean "${hint}"?` : `expected one of ${CALENDAR_REGIONS.join(', ')}`}`,
    { field: 'calendar' },
  );
}
