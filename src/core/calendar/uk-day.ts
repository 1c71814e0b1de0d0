/**
 * The UK calendar day of a moment. A contacts log may record when a message went with its time and
 * zone (`2026-03-29T23:30:00Z`); contact limits count days as the customer lives them, and from the
 * last Sunday of March to the last Sunday of October the UK is an hour ahead of UTC (British Summer
 * Time, changing at 01:00 UTC). 23:30 UTC on a summer night is already the next day in the UK.
 */
import { dayOfWeek, fromDayNumber, parseIsoDate, toDayNumber, type IsoDate } from '../date.js';

const MINUTES_A_DAY = 24 * 60;

/** The day number of the last Sunday of `month` (1–12) in `year`. */
function lastSunday(year: number, month: number): number {
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  const lastDay = toDayNumber(parseIsoDate(next)) - 1;
  return lastDay - dayOfWeek(fromDayNumber(lastDay));
}

/**
 * The UK day of the moment `minutes` minutes after midnight UTC starting day number `utcDay`
 * (minutes may be negative or past a day, as a zone offset leaves them).
 */
export function ukDayOf(utcDay: number, minutes: number): IsoDate {
  const day = utcDay + Math.floor(minutes / MINUTES_A_DAY);
  const minute = minutes - Math.floor(minutes / MINUTES_A_DAY) * MINUTES_A_DAY;
  const year = Number(fromDayNumber(day).slice(0, 4));
  // Summer time starts and ends at 01:00 UTC on its Sunday.
  const start = lastSunday(year, 3) * MINUTES_A_DAY + 60;
  const end = lastSunday(year, 10) * MINUTES_A_DAY + 60;
  const moment = day * MINUTES_A_DAY + minute;
  const local = moment >= start && moment < end ? moment + 60 : moment;
  return fromDayNumber(Math.floor(local / MINUTES_A_DAY));
}
