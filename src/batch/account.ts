/**
 * One account row, read and checked. A row that cannot be used becomes a Rejection naming its line,
 * account, field and reason; it is never dropped or half-read.
 */
import { parseIsoDate, type IsoDate } from '../core/date.js';
import { isFairplanError } from '../core/errors.js';
import { parseFrequency, PAYMENT_FREQUENCIES, toMonthlyPence, type PaymentFrequency } from '../core/frequency.js';
import type { PaySchedule } from '../core/statement.js';
import { parsePercentText } from '../core/percent.js';
import { HOUSEHOLD_FIELDS, type ExpenseField, type Field, type HouseholdField } from './fields.js';
import { HOUSEHOLD_DEFAULTS, HOUSEHOLD_READERS, householdWithDefaults, valueKey, type RecordedHousehold, type RowHousehold } from './household-fields.js';
import { dateReader, ISO_FORMAT, WRONG_DATE_FORMAT, wrongDateFormat } from './date-format.js';
import type { ColumnLayout, Source } from './mapping.js';
import { parsePence } from '../core/pence.js';
import { wouldRunAsFormula } from '../io/csv.js';

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
  /** Who the budget is for and where they live, as the row records them or by default. */
  readonly household: RowHousehold;
  /** The day of the last payment or written acknowledgement, for the limitation check, when the row records one. */
  readonly lastPaymentOn?: IsoDate;
  /** The carried columns' cells, in the layout's order. */
  readonly carried: readonly string[];
  /** Household values not understood, each field taken by default instead (named in household.defaulted). */
  readonly unknownValues?: readonly UnknownValue[];
}

/** A household cell fairplan does not understand: the export's column and the value as written. */
export interface UnknownValue {
  readonly column: string;
  readonly value: string;
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
  /**
   * Why, in a word that stays the same from run to run and export to export (`rejected_code`):
   * `missing-value`, `invalid-amount`, `invalid-date`, `invalid-frequency`… (docs/batch-mapping.md lists them).
   */
  readonly code: string;
  /** The row as it was in the file. */
  readonly cells: readonly string[];
}

export const isRejection = (row: Account | Rejection): row is Rejection => 'reason' in row;

class RowProblem extends Error {
  constructor(
    /** The export's column, as its header spells it. */
    readonly column: string,
    /** The rejection's code (see Rejection). */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Runs a parser on a column's cell, turning its complaint into a RowProblem for that column, with `code`. */
function checked<T>(column: string, code: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (isFairplanError(error)) throw new RowProblem(column, code, error.message);
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
  if (!text) throw new RowProblem(columnOf(layout, field), MISSING, 'is missing');
  return text;
}

/** One column's amount, in whole pence as written (at the column's own frequency). */
function sourceAmount(cells: readonly string[], source: Source): number {
  const text = (cells[source.index] ?? '').trim();
  if (!text) throw new RowProblem(source.header, MISSING, 'is missing');
  // As `checked` does, without making a closure for each of the ten or so amounts of every row.
  let pence: number;
  try {
    pence = parsePence(text);
  } catch (error) {
    if (isFairplanError(error)) throw new RowProblem(source.header, 'invalid-amount', error.message);
    throw error;
  }
  if (pence < 0) throw new RowProblem(source.header, 'negative-amount', `is negative (${text})`);
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
    if (!Number.isSafeInteger(total)) throw new RowProblem(source.header, 'invalid-amount', 'makes too large an amount');
  }
  return total;
}

// Runs for every row of a file, so it makes no Decimal (the APR stays text until a plan uses it).
export function readAccount(cells: readonly string[], layout: ColumnLayout, line: number): Account | Rejection {
  const id = cellOf(cells, layout, 'account_id');
  const rejection = (reason: string, code: string, field?: string): Rejection => ({
    line,
    ...(id ? { accountId: id } : {}),
    ...(field ? { field } : {}),
    reason,
    code,
    cells,
  });
  if (cells.length !== layout.headers.length) {
    return rejection(`the row has ${cells.length} field${cells.length === 1 ? '' : 's'}; the header has ${layout.headers.length}`, 'wrong-field-count');
  }
  try {
    if (!id) throw new RowProblem(columnOf(layout, 'account_id'), MISSING, 'is missing');
    if (wouldRunAsFormula(id)) {
      throw new RowProblem(columnOf(layout, 'account_id'), 'formula-id', 'would run as a spreadsheet formula (it starts with =, +, -, @, a tab or a carriage return); fairplan does not change an id the results are matched on: correct it at its source');
    }
    const balance = amount(cells, layout, 'balance');
    if (balance === 0) throw new RowProblem(columnOf(layout, 'balance'), 'nil-balance', 'is nil: there is nothing to repay');
    const aprText = cellOf(cells, layout, 'apr');
    const apr = aprText ? checked(columnOf(layout, 'apr'), 'invalid-apr', () => parsePercentText(aprText)) : '';
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
    const frequency = checked(columnOf(layout, 'pay_frequency'), 'invalid-frequency', () => parseFrequency(frequencyText, PAYMENT_FREQUENCIES) as PaymentFrequency);
    const readDate = layout.dateFormat === undefined || layout.dateFormat === ISO_FORMAT ? parseIsoDate : readerOf(layout.dateFormat);
    const dateText = required(cells, layout, 'next_pay_date');
    const nextPayDate = dateCell(layout, 'next_pay_date', dateText, readDate);
    const endText = cellOf(cells, layout, 'breathing_space_end');
    const breathingSpaceEnd = endText ? dateCell(layout, 'breathing_space_end', endText, readDate) : undefined;
    const lastText = cellOf(cells, layout, 'last_payment_date');
    const lastPaymentOn = lastText ? dateCell(layout, 'last_payment_date', lastText, readDate) : undefined;
    const unknown: UnknownValue[] = [];
    return {
      line,
      id,
      balance,
      apr: /[1-9]/.test(apr) ? apr : undefined,
      income,
      expenses,
      pay: { frequency, nextPayDate },
      breathingSpaceEnd,
      household: householdOf(cells, layout, unknown),
      ...(lastPaymentOn ? { lastPaymentOn } : {}),
      carried: layout.carried.length === 0 ? NOTHING_CARRIED : layout.carried.map((c) => cells[c.index] ?? ''),
      ...(unknown.length > 0 ? { unknownValues: unknown } : {}),
    };
  } catch (error) {
    if (error instanceof RowProblem) return rejection(`${error.column} ${error.message}`, error.code, error.column);
    throw error;
  }
}

/**
 * A date cell read by `read`; one the run's format cannot read but the other order of day and month
 * can is coded WRONG_DATE_FORMAT, for the run to stop at (see sample-dates.ts).
 */
function dateCell(layout: ColumnLayout, field: Field, text: string, read: (text: string) => IsoDate): IsoDate {
  const column = columnOf(layout, field);
  try {
    return read(text);
  } catch (error) {
    if (!isFairplanError(error)) throw error;
    // Looked into only for a date that fails, so a run of good rows pays nothing for it.
    const wrong = layout.dateFormat === undefined ? undefined : wrongDateFormat(layout.dateFormat, text);
    if (wrong) throw new RowProblem(column, WRONG_DATE_FORMAT, `"${text}" cannot be ${layout.dateFormat} (${wrong.because}): the export writes ${wrong.format}`);
    throw new RowProblem(column, 'invalid-date', error.message);
  }
}

const NOTHING_CARRIED: readonly string[] = [];
const MISSING = 'missing-value';

/**
 * A household field's cell, by the mapping's values for its column first, then as fairplan reads
 * it; undefined when blank. A value not understood is not the row's rejection: the field takes the
 * run's default (and says so, in defaults_used), and the value goes into `unknown` to be counted.
 */
function householdCell<F extends HouseholdField>(cells: readonly string[], layout: ColumnLayout, field: F, unknown: UnknownValue[]): RowHousehold[F] | undefined {
  const text = cellOf(cells, layout, field);
  if (!text) return undefined;
  const meant = layout.sources[field][0]?.values?.[valueKey(text)];
  try {
    return HOUSEHOLD_READERS[field](meant ?? text);
  } catch (error) {
    if (!isFairplanError(error)) throw error;
    unknown.push({ column: columnOf(layout, field), value: text });
    return undefined;
  }
}

// Most exports record no household: their rows share one, made once for each layout.
const defaultHouseholds = new WeakMap<ColumnLayout, RowHousehold>();

/** The household the row records, each field it leaves blank, has no column for or writes a value not understood from the run's defaults. */
function householdOf(cells: readonly string[], layout: ColumnLayout, unknown: UnknownValue[]): RowHousehold {
  const defaults = layout.householdDefaults ?? HOUSEHOLD_DEFAULTS;
  const row: RecordedHousehold = {
    adults: householdCell(cells, layout, 'adults', unknown),
    children: householdCell(cells, layout, 'children', unknown),
    tenure: householdCell(cells, layout, 'tenure', unknown),
    jurisdiction: householdCell(cells, layout, 'jurisdiction', unknown),
  };
  if (HOUSEHOLD_FIELDS.some((field) => row[field] !== undefined)) return householdWithDefaults(row, defaults);
  let household = defaultHouseholds.get(layout);
  if (!household) defaultHouseholds.set(layout, (household = householdWithDefaults({}, defaults)));
  return household;
}

// A worker is given the layout as data: its date reader is made once, on the first row.
const readers = new Map<string, (text: string) => IsoDate>();
function readerOf(format: string): (text: string) => IsoDate {
  let reader = readers.get(format);
  if (!reader) readers.set(format, (reader = dateReader(format)));
  return reader;
}
