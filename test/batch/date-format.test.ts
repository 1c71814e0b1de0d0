import { describe, expect, it } from 'vitest';
import { dateReader, formatsReadingAll, parseDateFormat, wrongDateFormat } from '../../src/batch/date-format.js';
import { isFairplanError } from '../../src/core/errors.js';

const refusal = (read: () => unknown): string => {
  try {
    read();
  } catch (error) {
    if (isFairplanError(error)) return error.message;
    throw error;
  }
  throw new Error('accepted');
};

describe('dates as an export writes them', () => {
  it('reads DD/MM/YYYY, MM/DD/YYYY and the other orders and separators to YYYY-MM-DD', () => {
    expect(dateReader('DD/MM/YYYY')('16/01/2026')).toBe('2026-01-16');
    expect(dateReader('DD/MM/YYYY')(' 5/1/2026 ')).toBe('2026-01-05');
    expect(dateReader('MM/DD/YYYY')('01/16/2026')).toBe('2026-01-16');
    expect(dateReader('DD.MM.YYYY')('29.02.2028')).toBe('2028-02-29');
    expect(dateReader('YYYY-MM-DD')('2026-01-16')).toBe('2026-01-16');
  });

  it('refuses a date in another form or one that does not exist, quoting it as written', () => {
    expect(refusal(() => dateReader('DD/MM/YYYY')('2026-01-16'))).toBe('"2026-01-16" is not a date (expected DD/MM/YYYY, e.g. 25/01/2026)');
    expect(refusal(() => dateReader('DD/MM/YYYY')('31/02/2026'))).toBe('"31/02/2026" is not a date that exists');
    expect(refusal(() => dateReader('DD/MM/YYYY')('16/01/26'))).toMatch(/is not a date/);
  });

  it('accepts only the formats it can read', () => {
    expect(parseDateFormat('dd/mm/yyyy')).toBe('DD/MM/YYYY');
    expect(refusal(() => parseDateFormat('D/M/YY'))).toMatch(/^"D\/M\/YY" is not a date format fairplan reads; expected one of DD\/MM\/YYYY/);
  });

  it('knows a date that proves day and month the wrong way round, and the format that reads it', () => {
    expect(wrongDateFormat('MM/DD/YYYY', '25/03/2026')).toEqual({ format: 'DD/MM/YYYY', because: 'there is no month 25' });
    expect(wrongDateFormat('DD.MM.YYYY', '12.31.2026')).toEqual({ format: 'MM.DD.YYYY', because: 'there is no month 31' });
    // Read as given, or read by neither order (no 31 February), or not day-and-month at all: no proof.
    for (const [format, text] of [['MM/DD/YYYY', '03/25/2026'], ['MM/DD/YYYY', '31/02/2026'], ['MM/DD/YYYY', '2026-03-25'], ['YYYY-MM-DD', '25/03/2026']]) {
      expect(wrongDateFormat(format as string, text as string), `${format} ${text}`).toBeUndefined();
    }
  });

  it('names every format that reads a set of dates: both orders when no day is past the 12th', () => {
    expect(formatsReadingAll(['16/01/2026', '09/01/2026'])).toEqual(['DD/MM/YYYY']);
    expect(formatsReadingAll(['01/02/2026', '12/11/2026'])).toEqual(['DD/MM/YYYY', 'MM/DD/YYYY']);
    expect(formatsReadingAll(['2026-01-16'])).toEqual(['YYYY-MM-DD']);
    expect(formatsReadingAll([])).toEqual([]);
  });
});
