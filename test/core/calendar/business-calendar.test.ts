import { describe, expect, it } from 'vitest';
import {
  EVERY_DAY,
  calendarFor,
  fixedCalendar,
  nextWorkingDay,
  parseCalendarRegion,
} from '../../../src/core/calendar/index.js';
import { parseIsoDate as d } from '../../../src/core/date.js';

const englandWales = calendarFor('england-wales');
const scotland = calendarFor('scotland');
const northernIreland = calendarFor('northern-ireland');

describe('England and Wales bank holidays (the default calendar)', () => {
  it.each([
    ['2026-12-25', 'Christmas Day, a Friday'],
    ['2026-12-28', 'Monday substitute for Boxing Day, which falls on a Saturday'],
    ['2027-12-27', 'Monday substitute for Christmas Day, which falls on a Saturday'],
    ['2027-12-28', 'Tuesday substitute for Boxing Day, which falls on a Sunday'],
    ['2027-03-26', 'Good Friday'],
    ['2027-03-29', 'Easter Monday'],
    ['2027-08-30', 'Summer bank holiday (last Monday in August)'],
    ['2023-05-08', 'a one-off holiday (the coronation)'],
  ])('%s is not a working day: %s', (date) => {
    expect(englandWales.isWorkingDay(d(date))).toBe(false);
  });

  it.each([
    ['2027-12-29', 'the Wednesday after Christmas'],
    ['2027-01-04', 'the Monday after 2 January (a holiday only in Scotland)'],
    ['2027-11-30', "St Andrew's Day (a holiday only in Scotland)"],
  ])('%s is a working day: %s', (date) => {
    expect(englandWales.isWorkingDay(d(date))).toBe(true);
  });

  it('treats Saturdays and Sundays as non-working', () => {
    expect(englandWales.isWorkingDay(d('2027-01-09'))).toBe(false);
    expect(englandWales.isWorkingDay(d('2027-01-10'))).toBe(false);
    expect(englandWales.isWorkingDay(d('2027-01-11'))).toBe(true);
  });
});

describe('Scotland and Northern Ireland differ', () => {
  it('Scotland has 2 January (substituted to Monday 4 January 2027) and St Andrew’s Day, not Easter Monday', () => {
    expect(scotland.isWorkingDay(d('2027-01-04'))).toBe(false);
    expect(scotland.isWorkingDay(d('2027-11-30'))).toBe(false);
    expect(scotland.isWorkingDay(d('2027-03-29'))).toBe(true);
    expect(scotland.isWorkingDay(d('2027-08-02'))).toBe(false); // summer holiday is the first Monday
    expect(scotland.isWorkingDay(d('2027-08-30'))).toBe(true);
  });
  it('Northern Ireland has St Patrick’s Day and the Twelfth (substituted to Monday 13 July 2026)', () => {
    expect(northernIreland.isWorkingDay(d('2027-03-17'))).toBe(false);
    expect(northernIreland.isWorkingDay(d('2026-07-13'))).toBe(false);
    expect(englandWales.isWorkingDay(d('2026-07-13'))).toBe(true);
  });
});

describe('nextWorkingDay', () => {
  it('keeps a working day', () => expect(nextWorkingDay(englandWales, d('2027-01-11'))).toBe('2027-01-11'));
  it('moves Christmas Day 2027 (Saturday) past both substitute days to Wednesday 29th', () => {
    expect(nextWorkingDay(englandWales, d('2027-12-25'))).toBe('2027-12-29');
  });
  it('moves Good Friday 2027 past Easter Monday to Tuesday', () => {
    expect(nextWorkingDay(englandWales, d('2027-03-26'))).toBe('2027-03-30');
  });
  it('moves nothing with the "none" calendar', () => {
    expect(calendarFor('none')).toBe(EVERY_DAY);
    expect(nextWorkingDay(EVERY_DAY, d('2027-12-25'))).toBe('2027-12-25');
  });
  it('refuses a calendar with no working day at all', () => {
    const closed = { name: 'always closed', isWorkingDay: () => false };
    expect(() => nextWorkingDay(closed, d('2027-01-01'))).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
  });
});

describe('fixedCalendar', () => {
  it('closes weekends and the listed days only', () => {
    const calendar = fixedCalendar([d('2027-01-13')]);
    expect(calendar.isWorkingDay(d('2027-01-13'))).toBe(false);
    expect(calendar.isWorkingDay(d('2027-01-14'))).toBe(true);
    expect(calendar.isWorkingDay(d('2027-01-16'))).toBe(false);
  });
});

describe('parseCalendarRegion', () => {
  it.each([
    ['England & Wales', 'england-wales'],
    ['england and wales', 'england-wales'],
    ['Scotland', 'scotland'],
    ['NI', 'northern-ireland'],
    ['none', 'none'],
  ] as const)('reads %j as %s', (text, region) => expect(parseCalendarRegion(text)).toBe(region));
  it('suggests the nearest region on a typo', () => {
    expect(() => parseCalendarRegion('scotlnd')).toThrow('did you mean "scotland"?');
  });
});
