import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarFor, EVERY_DAY, fixedCalendar, type BusinessCalendar } from '../../../src/core/calendar/index.js';
import { addDays, parseIsoDate as d, type IsoDate } from '../../../src/core/date.js';
import { PAYMENT_FREQUENCIES, type PaymentFrequency } from '../../../src/core/frequency.js';
import { dueDate, nextPayDate, nominalDate } from '../../../src/core/plan/dates.js';
import { TEST_CALENDARS } from '../../helpers/calendars.js';

const englandWales = calendarFor('england-wales');
const dates = (calendar: BusinessCalendar, anchor: string, frequency: PaymentFrequency, count: number) =>
  Array.from({ length: count }, (_, k) => dueDate(calendar, d(anchor), frequency, k));

describe('nominal dates count from the anchor', () => {
  it('monthly on the 31st falls on the last day of shorter months and returns to the 31st', () => {
    expect(Array.from({ length: 6 }, (_, k) => nominalDate(d('2027-01-31'), 'monthly', k))).toEqual([
      '2027-01-31',
      '2027-02-28',
      '2027-03-31',
      '2027-04-30',
      '2027-05-31',
      '2027-06-30',
    ]);
  });
  it('monthly on the 29th meets 29 February in a leap year', () => {
    expect(nominalDate(d('2027-12-29'), 'monthly', 2)).toBe('2028-02-29');
    expect(nominalDate(d('2028-01-30'), 'monthly', 1)).toBe('2028-02-29');
  });
  it.each([
    ['weekly', '2027-01-22'], // 8 January + 14 days
    ['fortnightly', '2027-02-05'], // 8 January + 28 days
    ['four-weekly', '2027-03-05'], // 8 January + 56 days
  ] as const)('%s: the third date from Friday 2027-01-08 is %s', (frequency, expected) => {
    expect(nominalDate(d('2027-01-08'), frequency, 2)).toBe(expected);
  });
});

describe('due dates move off weekends and bank holidays', () => {
  it('a monthly plan on the 25th moves Christmas 2027 (Saturday) past both substitute days to Wednesday 29th', () => {
    expect(dueDate(englandWales, d('2027-10-25'), 'monthly', 2)).toEqual({ due: '2027-12-29', movedFrom: '2027-12-25' });
  });
  it('a weekly plan on Fridays moves Good Friday 2027 to the Tuesday after Easter Monday, and the next stays on Friday', () => {
    expect(dates(englandWales, '2027-03-19', 'weekly', 3)).toEqual([
      { due: '2027-03-19' },
      { due: '2027-03-30', movedFrom: '2027-03-26' },
      { due: '2027-04-02' },
    ]);
  });
  it('a plan on the 28th moves 28 December 2026 (Boxing Day substitute) to the 29th', () => {
    expect(dueDate(englandWales, d('2026-11-28'), 'monthly', 1)).toEqual({ due: '2026-12-29', movedFrom: '2026-12-28' });
  });
  it('Scotland does not move a payment off Easter Monday', () => {
    expect(dueDate(calendarFor('scotland'), d('2027-03-29'), 'monthly', 0)).toEqual({ due: '2027-03-29' });
  });
  it('"none" moves nothing', () => {
    expect(dueDate(EVERY_DAY, d('2027-12-25'), 'monthly', 0)).toEqual({ due: '2027-12-25' });
  });
  it('a moved date never drags later ones: each is counted from the anchor', () => {
    // Sunday 2027-02-28 moves to Monday 1 March; 31 March stays on the 31st.
    expect(dates(englandWales, '2027-01-31', 'monthly', 3).map((x) => x.due)).toEqual(['2027-02-01', '2027-03-01', '2027-03-31']);
  });
});

describe('due dates strictly increase even when a whole period has no working day', () => {
  // A contrived calendar: Monday 11 to Friday 15 January 2027 are all holidays.
  const closedWeek = fixedCalendar(['2027-01-11', '2027-01-12', '2027-01-13', '2027-01-14', '2027-01-15'].map(d));

  it('moves the payment back to the last working day after the previous one', () => {
    // Weekly from Saturday 2 January (first payment Monday 4th). The week from Saturday 9 January has
    // no working day (a weekend, then five holidays), so that payment moves back to Friday 8th.
    const due = dates(closedWeek, '2027-01-02', 'weekly', 4).map((x) => x.due);
    expect(due).toEqual(['2027-01-04', '2027-01-08', '2027-01-18', '2027-01-25']);
    for (let i = 1; i < due.length; i++) expect((due[i] as string) > (due[i - 1] as string)).toBe(true);
  });

  it('refuses a calendar that leaves no room between two payments rather than put both on one day', () => {
    const closed = fixedCalendar(
      Array.from({ length: 14 }, (_, i) => `2027-01-${String(4 + i).padStart(2, '0')}` as IsoDate),
    );
    expect(() => dates(closed, '2027-01-04', 'weekly', 3)).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
  });
});

describe('nextPayDate', () => {
  it('keeps a pay date still to come', () => {
    expect(nextPayDate({ frequency: 'weekly', nextPayDate: d('2027-01-15') }, d('2027-01-10'))).toBe('2027-01-15');
  });
  it('rolls a stale weekly pay date forward in whole weeks', () => {
    expect(nextPayDate({ frequency: 'weekly', nextPayDate: d('2027-01-01') }, d('2027-01-20'))).toBe('2027-01-22');
  });
  it('rolls a stale four-weekly pay date forward in whole four-week periods', () => {
    expect(nextPayDate({ frequency: 'four-weekly', nextPayDate: d('2027-01-01') }, d('2027-01-30'))).toBe('2027-02-26');
  });
  it('keeps the day of the month for monthly pay, through a short month', () => {
    expect(nextPayDate({ frequency: 'monthly', nextPayDate: d('2027-01-31') }, d('2027-02-10'))).toBe('2027-02-28');
    expect(nextPayDate({ frequency: 'monthly', nextPayDate: d('2027-01-31') }, d('2027-03-01'))).toBe('2027-03-31');
  });
  it('is the day itself when payday is today', () => {
    expect(nextPayDate({ frequency: 'fortnightly', nextPayDate: d('2027-01-01') }, d('2027-01-15'))).toBe('2027-01-15');
  });
});

describe('every due date, whatever the calendar', () => {
  // Also weekends and the 8th to the 14th closed: a weekly payment's whole period can be closed.
  const closedWeeks: BusinessCalendar = {
    name: 'closed weeks',
    isWorkingDay: (date) => fixedCalendar([]).isWorkingDay(date) && !(date.slice(8) >= '08' && date.slice(8) <= '14'),
  };
  const anchor = fc.integer({ min: 0, max: 8 * 365 }).map((days) => addDays(d('2026-01-01'), days));
  const daysIn = (from: IsoDate, to: IsoDate) => {
    const days: IsoDate[] = [];
    for (let x = from; x < to; x = addDays(x, 1)) days.push(x);
    return days;
  };

  it('is the first working day from its nominal date, before the next one, moved from it when it differs, and later than the last', () => {
    // A first payment whose whole period is closed has nowhere to move back to: it is refused.
    const due = (calendar: BusinessCalendar, start: IsoDate, frequency: PaymentFrequency, k: number) => {
      try {
        return dueDate(calendar, start, frequency, k);
      } catch (error) {
        expect(k).toBe(0);
        expect(String(error)).toMatch(/has no working day between/);
        return undefined;
      }
    };
    fc.assert(
      fc.property(
        anchor,
        fc.constantFrom(...PAYMENT_FREQUENCIES),
        fc.integer({ min: 0, max: 2_600 }),
        fc.constantFrom(...TEST_CALENDARS, closedWeeks),
        (start, frequency, k, calendar) => {
          const nominal = nominalDate(start, frequency, k);
          const next = nominalDate(start, frequency, k + 1);
          const open = (from: IsoDate, to: IsoDate) => daysIn(from, to).some((x) => calendar.isWorkingDay(x));
          const found = due(calendar, start, frequency, k);
          if (!found) {
            expect(open(nominal, next)).toBe(false);
            return;
          }
          expect(calendar.isWorkingDay(found.due)).toBe(true);
          expect(found.movedFrom).toBe(found.due === nominal ? undefined : nominal);
          if (found.due >= nominal) {
            expect(found.due < next).toBe(true);
            expect(open(nominal, found.due)).toBe(false);
          } else {
            // Moved back: only when the whole period has no working day.
            expect(open(nominal, next)).toBe(false);
          }
          const previous = k > 0 ? due(calendar, start, frequency, k - 1) : undefined;
          if (previous) expect(previous.due < found.due).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
