import { describe, expect, it } from 'vitest';
import { ukDayOf } from '../../../src/core/calendar/uk-day.js';
import { parseIsoDate, toDayNumber } from '../../../src/core/date.js';

/** The UK day of hh:mm UTC on `day`. */
const at = (day: string, time: string) => {
  const [h = 0, m = 0] = time.split(':').map(Number);
  return ukDayOf(toDayNumber(parseIsoDate(day)), h * 60 + m);
};

describe('the UK day of a moment', () => {
  it('is the UTC day in winter, however late', () => {
    expect(at('2026-01-14', '23:59')).toBe('2026-01-14');
    expect(at('2026-03-29', '00:59')).toBe('2026-03-29');
  });

  it('is an hour ahead from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October', () => {
    // 2026: summer time from Sunday 29 March to Sunday 25 October.
    expect(at('2026-03-29', '23:00')).toBe('2026-03-30');
    expect(at('2026-06-14', '23:30')).toBe('2026-06-15');
    expect(at('2026-06-14', '22:59')).toBe('2026-06-14');
    expect(at('2026-10-24', '23:30')).toBe('2026-10-25');
    expect(at('2026-10-25', '23:30')).toBe('2026-10-25');
    expect(at('2027-03-27', '23:30')).toBe('2027-03-27');
    expect(at('2027-03-28', '23:30')).toBe('2027-03-29');
  });

  it('takes minutes before midnight or past a day, as a zone offset leaves them', () => {
    // 00:30 at +02:00 is 22:30 UTC the day before; in June that is 23:30 in the UK.
    expect(ukDayOf(toDayNumber(parseIsoDate('2026-06-15')), 30 - 120)).toBe('2026-06-14');
    expect(ukDayOf(toDayNumber(parseIsoDate('2026-01-14')), 24 * 60 + 5)).toBe('2026-01-15');
  });
});
