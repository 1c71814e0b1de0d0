import { UTCDate } from '@date-fns/utc';
import { addDays as dfAddDays, addMonths as dfAddMonths, getDay, lastDayOfMonth } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, dayOfWeek, parseIsoDate, type IsoDate } from '../../src/core/date.js';

const d = parseIsoDate;

describe('parseIsoDate', () => {
  it('accepts real dates, including 29 February in a leap year', () => {
    expect(d('2028-02-29')).toBe('2028-02-29');
  });
  it.each(['2027-02-29', '2027-02-30', '2027-13-01', '2027-04-31'])('refuses %s, which does not exist', (text) => {
    expect(() => d(text)).toThrow(expect.objectContaining({ code: 'invalid-date' }));
  });
  it.each(['15/01/2027', '2027-1-5', 'tomorrow', ''])('refuses %j, which is not YYYY-MM-DD', (text) => {
    expect(() => d(text)).toThrow(expect.objectContaining({ code: 'invalid-date' }));
  });
  it('accepts 1900-01-01 to 2200-12-31', () => {
    expect([d('1900-01-01'), d('2200-12-31')]).toEqual(['1900-01-01', '2200-12-31']);
  });
  it.each([
    ['9999-12-31', '"9999-12-31" is after 2200: not a plausible date (fairplan takes years 1900 to 2200)'],
    ['2201-01-01', '"2201-01-01" is after 2200: not a plausible date (fairplan takes years 1900 to 2200)'],
    ['1899-12-31', '"1899-12-31" is before 1900: not a plausible date (fairplan takes years 1900 to 2200)'],
    ['0000-01-01', '"0000-01-01" is before 1900: not a plausible date (fairplan takes years 1900 to 2200)'],
  ])('refuses %s as implausible, saying so', (text, message) => {
    expect(() => d(text)).toThrow(expect.objectContaining({ code: 'invalid-date', message }));
  });
});

describe('addMonths', () => {
  it('falls on the last day of shorter months and returns to the chosen day after', () => {
    const anchor = d('2027-01-31');
    expect([0, 1, 2, 3, 4].map((n) => addMonths(anchor, n))).toEqual([
      '2027-01-31',
      '2027-02-28',
      '2027-03-31',
      '2027-04-30',
      '2027-05-31',
    ]);
  });
  it('crosses year ends', () => expect(addMonths(d('2027-11-15'), 3)).toBe('2028-02-15'));
});

describe('day arithmetic', () => {
  it('adds days across a month end', () => expect(addDays(d('2027-01-30'), 3)).toBe('2027-02-02'));
  it('knows the weekday (2027-01-02 is a Saturday)', () => expect(dayOfWeek(d('2027-01-02'))).toBe(6));
  it('counts days between dates', () => expect(daysBetween(d('2027-01-01'), d('2028-01-01'))).toBe(365));
});

describe('date arithmetic on day numbers', () => {
  // date-fns on UTC dates is the reference the day-number arithmetic replaced.
  const two = (n: number) => String(n).padStart(2, '0');
  const iso = (date: Date) => `${String(date.getUTCFullYear()).padStart(4, '0')}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}`;
  const utc = (date: string) => {
    const [y, m, day] = date.split('-').map(Number) as [number, number, number];
    return new UTCDate(y, m - 1, day);
  };
  const date = fc
    .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2400, 11, 31)), noInvalidDate: true })
    // Arithmetic reaches past the years input may name (parseIsoDate's), so these are made directly.
    .map((t) => iso(t) as IsoDate);

  it('agrees with date-fns on days added, the day of the week and days between', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -40_000, max: 40_000 }), (from, days) => {
        expect(addDays(from, days)).toBe(iso(dfAddDays(utc(from), days)));
        expect(dayOfWeek(from)).toBe(getDay(utc(from)));
        expect(daysBetween(from, addDays(from, days))).toBe(days);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with date-fns on months added, clamped to the end of shorter months', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -1200, max: 1200 }), fc.integer({ min: 1, max: 31 }), (from, months, day) => {
        const first = dfAddMonths(new UTCDate(utc(from).getUTCFullYear(), utc(from).getUTCMonth(), 1), months);
        const last = lastDayOfMonth(first).getUTCDate();
        const expected = iso(new UTCDate(first.getUTCFullYear(), first.getUTCMonth(), Math.min(day, last)));
        expect(addMonths(from, months, day)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
