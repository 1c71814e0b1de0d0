/** Reading one cell of an input row, or saying in one phrase why it cannot be used. */
import { ukDayOf } from '../core/calendar/uk-day.js';
import { parseIsoDate, toDayNumber, type IsoDate } from '../core/date.js';
import { isFairplanError } from '../core/errors.js';
import { parsePence } from '../core/pence.js';
import type { Row } from './table.js';

/** Why a cell cannot be used, thrown by the cell readers below and turned into a rejection. */
export class BadCell extends Error {}

export function cell<T>(row: Row, column: string, read: (text: string) => T, expected: string): T {
  const text = row.get(column);
  try {
    return read(text);
  } catch (error) {
    if (isFairplanError(error) || error instanceof BadCell) throw new BadCell(`${column}: "${text}" is not ${expected}`);
    throw error;
  }
}

export const date = (row: Row, column: string): IsoDate => cell(row, column, parseIsoDate, 'a date (YYYY-MM-DD)');
export const optionalDate = (row: Row, column: string): IsoDate | undefined => (row.get(column) === '' ? undefined : date(row, column));
export const positivePence = (row: Row, column: string): number =>
  cell(row, column, (text) => {
    const amount = parsePence(text);
    if (amount <= 0) throw new BadCell();
    return amount;
  }, 'an amount above £0.00');
/** A payment: a refund, chargeback or returned direct debit is negative; nothing paid is no payment. */
export const nonZeroPence = (row: Row, column: string): number =>
  cell(row, column, (text) => {
    const amount = parsePence(text);
    if (amount === 0) throw new BadCell();
    return amount;
  }, 'an amount in whole pence other than £0.00 (a refund or returned payment is negative)');
/** A creditor's part of a payment, which may be nothing while others' are not. */
export const partPence = (row: Row, column: string): number =>
  cell(row, column, (text) => {
    const amount = parsePence(text);
    if (amount < 0) throw new BadCell();
    return amount;
  }, 'an amount of £0.00 or more');
export const whole = (row: Row, column: string): number =>
  cell(row, column, (text) => {
    if (!/^\d{1,9}$/.test(text)) throw new BadCell();
    return Number(text);
  }, 'a whole number');
export const yesNo = (row: Row, column: string): boolean =>
  cell(row, column, (text) => {
    const value = text.toLowerCase();
    if (value === 'yes' || value === 'y' || value === 'true') return true;
    if (value === '' || value === 'no' || value === 'n' || value === 'false') return false;
    throw new BadCell();
  }, 'yes or no');

const MOMENT = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(?:\s?(Z|[+-]\d{2}(?::?\d{2})?))?)?$/i;

/**
 * The UK day a contact was made: a date, or an ISO 8601 date and time. With a zone (`Z`, `+01:00`)
 * the moment is placed on the UK calendar (src/core/calendar/uk-day.ts); without one it is taken as
 * UK time, so its own date is the day.
 */
export const contactDay = (row: Row, column: string): IsoDate =>
  cell(row, column, (text) => {
    const found = MOMENT.exec(text);
    if (!found) throw new BadCell();
    const [, day = '', hours, minutes, seconds = '00', zone] = found;
    const date = parseIsoDate(day);
    if (hours === undefined) return date;
    if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) throw new BadCell();
    if (zone === undefined) return date;
    const offset = zone.toUpperCase() === 'Z' ? 0 : zoneMinutes(zone);
    return ukDayOf(toDayNumber(date), Number(hours) * 60 + Number(minutes) - offset);
  }, 'a date (YYYY-MM-DD) or a date and time (2026-03-09T18:30:00Z)');

function zoneMinutes(zone: string): number {
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  if (Number(digits.slice(2) || '0') > 59 || minutes > 14 * 60) throw new BadCell();
  return zone.startsWith('-') ? -minutes : minutes;
}
