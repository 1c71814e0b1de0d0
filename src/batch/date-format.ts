/**
 * Dates as an export writes them (`batch --date-format DD/MM/YYYY`): the day, month and four-digit
 * year in the order and with the separators the format gives, read to the YYYY-MM-DD fairplan
 * works in and then checked by the one date rule (parseIsoDate). Without a format, YYYY-MM-DD.
 */
import { parseIsoDate, type IsoDate } from '../core/date.js';
import { FairplanError } from '../core/errors.js';

export const ISO_FORMAT = 'YYYY-MM-DD';

/** The formats offered: the three orders, each with `/`, `-` or `.` between the parts. */
const ORDERS = [
  ['DD', 'MM', 'YYYY'],
  ['MM', 'DD', 'YYYY'],
  ['YYYY', 'MM', 'DD'],
];
const DATE_FORMATS: readonly string[] = ORDERS.flatMap((order) => ['/', '-', '.'].map((sep) => order.join(sep)));

/** Refuses a format that is not one of DATE_FORMATS, naming them. */
export function parseDateFormat(text: string): string {
  const format = text.trim().toUpperCase();
  if (!DATE_FORMATS.includes(format)) {
    throw new FairplanError('invalid-argument', `"${text}" is not a date format fairplan reads; expected one of ${DATE_FORMATS.join(', ')}`, {
      field: '--date-format',
    });
  }
  return format;
}

/** A reader of dates in `format` (one of DATE_FORMATS). */
export function dateReader(format: string): (text: string) => IsoDate {
  if (format === ISO_FORMAT) return parseIsoDate;
  const separator = format.charAt(format.search(/[^DMY]/));
  const parts = format.split(separator);
  const expected = `expected ${format}, e.g. ${parts.map((p) => ({ DD: '25', MM: '01', YYYY: '2026' })[p]).join(separator)}`;
  return (text: string): IsoDate => {
    const given = text.trim().split(separator);
    const value = (part: string): string => given[parts.indexOf(part)] ?? '';
    const [day, month, year] = [value('DD'), value('MM'), value('YYYY')];
    if (given.length !== 3 || !/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) {
      throw new FairplanError('invalid-date', `"${text}" is not a date (${expected})`);
    }
    try {
      return parseIsoDate(`${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`);
    } catch (error) {
      // The date as the export wrote it, not as fairplan rewrote it.
      if (error instanceof FairplanError) throw new FairplanError(error.code, error.message.replace(/^"[^"]*"/, `"${text}"`));
      throw error;
    }
  };
}

const reads = (format: string, text: string): boolean => {
  try {
    dateReader(format)(text);
    return true;
  } catch (error) {
    if (error instanceof FairplanError) return false;
    throw error;
  }
};

/** The formats of DATE_FORMATS that read every one of `texts` (none for no texts). */
export const formatsReadingAll = (texts: readonly string[]): string[] =>
  texts.length === 0 ? [] : DATE_FORMATS.filter((format) => texts.every((text) => reads(format, text)));

/**
 * How `text` proves `format` wrong, when it does: `format` puts the day and month one way round
 * (DD/MM or MM/DD), cannot read `text`, and the other way round can (25/03/2026 read as MM/DD/YYYY
 * has a month 25). Such a value is the only sign that every other date, a day of 12 or under, was
 * read with its day and month swapped. Undefined when `text` proves nothing.
 */
export function wrongDateFormat(format: string, text: string): { readonly format: string; readonly because: string } | undefined {
  const separator = format.charAt(format.search(/[^DMY]/));
  const order = format.split(separator);
  if (order[2] !== 'YYYY' || reads(format, text)) return undefined;
  const swapped = [order[1], order[0], 'YYYY'].join(separator);
  if (!reads(swapped, text)) return undefined;
  const month = text.trim().split(separator)[order.indexOf('MM')] ?? '';
  return { format: swapped, because: `there is no month ${Number(month)}` };
}

/** Whether `format` reads `text`. */
export const readsAs = (format: string, text: string): boolean => reads(format, text);

/**
 * The code of a row whose date proves the run's format wrong (see wrongDateFormat): the run stops
 * at it, so it is never written among the rejected rows.
 */
export const WRONG_DATE_FORMAT = 'wrong-date-format';
