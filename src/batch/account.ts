/**
 * One account row, read and checked. A row that cannot be used becomes a Rejection naming its line,
 * account, field and reason; it is never dropped or half-read.
 */
import { InvalidArgumentError } from 'commander';
import { parseIsoDate, type IsoDate } from '../core/date.js';
import { isFairplanError } from '../core/errors.js';
import { parseFrequency, PAYMENT_FREQUENCIES, toMonthlyPence, type PaymentFrequency } from '../core/frequency.js';
import { JURISDICTIONS, type Jurisdiction, type PaySchedule } from '../core/statement.js';
import { closest } from '../core/suggest.js';
import { percentText } from '../cli/options.js';
import type { ExpenseField, Field } from './fields.js';
import { dateReader, ISO_FORMAT } from './date-format.js';
import type { ColumnLayout, Source } from './mapping.js';
import { parsePence } from './pence.js';
import { wouldRunAsFormula } from './csv.js';

/** A usable account. Amounts are monthly, in whole pence. */
export interface Account {
  /** Line of the file the row starts on (1 is the header). */
  readonly line: number;
  readonly id: string;
  readonly balance: number;
  /** The account's annual rate in percent (exact text such as `19.9`), when one above nil is recorded. */
  readonly apr?: string;
  readonly income: number;
  readonly expenses: Readonly<Record<ExpenseField, number>>;
  readonly pay: PaySchedule;
  /** The last day of a Breathing Space moratorium, when the row records one (it may be over). */
  readonly breathingSpaceEnd?: IsoDate;
  /** The day of the last payment or written acknowledgement, for the limitation check, when the row records one. */
  readonly lastPaymentOn?: IsoDate;
  /** Where the customer lives, for the limitation period, when the row records it (England and Wales otherwise). */
  readonly jurisdiction?: Jurisdiction;
  /** The carried columns' cells, in the layout's order. */
  readonly carried: readonly string[];
}

export interface Rejection {
  readonly line: number;
  readonly accountId?: string;
  /**
   * The export's column at fault, as its header spells it (the field's name when the file has no
   * such column); absent when the row as a whole is (wrong number of fields, broken quoting).
   */
  readonly field?: string;
  readonly reason: string;
  /** The row as it was in the file. */
  readonly cells: readonly string[];
}

export const isRejection = (row: Account | Rejection): row is Rejection => 'reason' in row;

class RowProblem extends Error {
  constructor(
    /** The export's column, as its header spells it. */
    readonly column: string,
    message: string,
  ) {
    super(message);
  }
}

/** Runs a parser on a column's cell, turning its complaint into a RowProblem for that column. */
function checked<T>(column: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (isFairplanError(error) || error instanceof InvalidArgumentError) throw new RowProblem(column, error.message);
    throw error;
  }
}

/** The header of a field's (first) column, for a rejection; the field's name when the file has none. */
const columnOf = (layout: ColumnLayout, field: Field): string => layout.sources[field][0]?.header ?? field;

/** The trimmed cell of `field` ('' when the file has no such column). */
function cellOf(cells: readonly string[], layout: ColumnLayout, field: Field): string {
  const i = layout.index[field];
  return i === undefined ? '' : (cells[i] ?? '').trim();
}

function required(cells: readonly string[], layout: ColumnLayout, field: Field): string {
  const text = cellOf(cells, layout, field);
  if (!text) throw new RowProblem(columnOf(layout, field), 'is missing');
  return text;
}

/** One column's amount, in whole pence as written (at the column's own frequency). */
function sourceAmount(cells: readonly string[], source: Source): number {
  const text = (cells[source.index] ?? '').trim();
  if (!text) throw new RowProblem(source.header, 'is missing');
  const pence = checked(source.header, () => parsePence(text));
  if (pence < 0) throw new RowProblem(source.header, `is negative (${text})`);
  return pence;
}

/**
 * A field's amount a month, in whole pence: its one monthly column as written, or its columns each
 * made monthly and rounded half up to the penny once, then added (the footing rule).
 */
function amount(cells: readonly string[], layout: ColumnLayout, field: Field): number {
  const sources = layout.sources[field];
  const only = sources[0];
  if (sources.length === 1 && only && only.frequency === 'monthly') return sourceAmount(cells, only);
  let total = 0;
  for (const source of sources) {
    const monthly = toMonthlyPence(sourceAmount(cells, source), source.frequency);
    total += monthly ?? Number.NaN;
    if (!Number.isSafeInteger(total)) throw new RowProblem(source.header, 'makes too large an amount');
  }
  return total;
}

// Runs for every row of a file, so it makes no Decimal (the APR stays text until a plan uses it).
export function readAccount(cells: readonly string[], layout: ColumnLayout, line: number): Account | Rejection {
  const id = cellOf(cells, layout, 'account_id');
  const rejection = (reason: string, field?: string): Rejection => ({
    line,
    ...(id ? { accountId: id } : {}),
    ...(field ? { field } : {}),
    reason,
    cells,
  });
  if (cells.length !== layout.headers.length) {
    return rejection(`the row has ${cells.length} field${cells.length === 1 ? '' : 's'}; the header has ${layout.headers.length}`);
  }
  try {
    if (!id) throw new RowProblem(columnOf(layout, 'account_id'), 'is missing');
    if (wouldRunAsFormula(id)) {
      throw new RowProblem(columnOf(layout, 'account_id'), 'would run as a spreadsheet formula (it starts with =, +, -, @, a tab or a carriage return); fairplan does not change an id the results are matched on: correct it at its source');
    }
    const balance = amount(cells, layout, 'balance');
    if (balance === 0) throw new RowProblem(columnOf(layout, 'balance'), 'is nil: there is nothing to repay');
    const aprText = cellOf(cells, layout, 'apr');
    const apr = aprText ? checked(columnOf(layout, 'apr'), () => percentText(aprText)) : '';
    const income = amount(cells, layout, 'monthly_income');
    const expenses: Record<ExpenseField, number> = {
      housing: amount(cells, layout, 'housing'),
      council_tax: amount(cells, layout, 'council_tax'),
      utilities: amount(cells, layout, 'utilities'),
      food: amount(cells, layout, 'food'),
      transport: amount(cells, layout, 'transport'),
      other_expenses: amount(cells, layout, 'other_expenses'),
    };
    const frequencyText = required(cells, layout, 'pay_frequency');
    const frequency = checked(columnOf(layout, 'pay_frequency'), () => parseFrequency(frequencyText, PAYMENT_FREQUENCIES) as PaymentFrequency);
    const readDate = layout.dateFormat === undefined || layout.dateFormat === ISO_FORMAT ? parseIsoDate : readerOf(layout.dateFormat);
    const dateText = required(cells, layout, 'next_pay_date');
    const nextPayDate = checked(columnOf(layout, 'next_pay_date'), () => readDate(dateText));
    const endText = cellOf(cells, layout, 'breathing_space_end');
    const breathingSpaceEnd = endText ? checked(columnOf(layout, 'breathing_space_end'), () => readDate(endText)) : undefined;
    const lastText = cellOf(cells, layout, 'last_payment_date');
    const lastPaymentOn = lastText ? checked(columnOf(layout, 'last_payment_date'), () => readDate(lastText)) : undefined;
    const jurisdictionText = cellOf(cells, layout, 'jurisdiction');
    const jurisdiction = jurisdictionText ? jurisdictionOf(jurisdictionText, columnOf(layout, 'jurisdiction')) : undefined;
    return {
      line,
      id,
      balance,
      apr: /[1-9]/.test(apr) ? apr : undefined,
      income,
      expenses,
      pay: { frequency, nextPayDate },
      breathingSpaceEnd,
      ...(lastPaymentOn ? { lastPaymentOn } : {}),
      ...(jurisdiction ? { jurisdiction } : {}),
      carried: layout.carried.length === 0 ? NOTHING_CARRIED : layout.carried.map((c) => cells[c.index] ?? ''),
    };
  } catch (error) {
    if (error instanceof RowProblem) return rejection(`${error.column} ${error.message}`, error.column);
    throw error;
  }
}

const NOTHING_CARRIED: readonly string[] = [];

/** `england-wales`, `scotland` or `northern-ireland`, as the statement's jurisdiction is written. */
function jurisdictionOf(text: string, column: string): Jurisdiction {
  const wanted = text.toLowerCase().replace(/[\s_]+/g, '-');
  if ((JURISDICTIONS as readonly string[]).includes(wanted)) return wanted as Jurisdiction;
  const near = JURISDICTIONS.find((j) => j.startsWith(wanted)) ?? closest(wanted, JURISDICTIONS);
  throw new RowProblem(column, `"${text}" is not a jurisdiction${near ? `; did you mean "${near}"?` : ''} (expected ${JURISDICTIONS.join(', ')})`);
}

// A worker is given the layout as data: its date reader is made once, on the first row.
const readers = new Map<string, (text: string) => IsoDate>();
function readerOf(format: string): (text: string) => IsoDate {
  let reader = readers.get(format);
  if (!reader) readers.set(format, (reader = dateReader(format)));
  return reader;
}
