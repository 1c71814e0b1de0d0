/** The calendars property tests run plans against: the UK ones, none, and a deliberately busy one. */
import { calendarFor, EVERY_DAY, fixedCalendar, type BusinessCalendar } from '../../src/core/calendar/index.js';
import type { IsoDate } from '../../src/core/date.js';

export const TEST_CALENDARS: readonly BusinessCalendar[] = [
  calendarFor('england-wales'),
  calendarFor('scotland'),
  calendarFor('northern-ireland'),
  EVERY_DAY,
  // Weekends and the 1st, 15th, 30th and 31st of every month closed: runs of up to four closed days
  // (a whole closed week is refused, see dates.test.ts).
  {
    name: 'made-up',
    isWorkingDay: (date: IsoDate) => fixedCalendar([]).isWorkingDay(date) && !['01', '15', '30', '31'].includes(date.slice(8)),
  },
];
