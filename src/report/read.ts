/**
 * Batch results and schedules, read a row at a time by the batch's own strict CSV reader. Columns
 * are found by name (src/io/column-names.ts: any case, spaces, `_` or `-`), so a results file with
 * carried columns before fairplan's, or newer columns beside them, is read the same. A row that is
 * not what batch writes stops the report, naming the file, line and column: figures made from a
 * guess would be wrong without a sign.
 */
import { createReadStream } from 'node:fs';
import { FairplanError } from '../core/errors.js';
import { isPaymentFrequency, type PaymentFrequency } from '../core/frequency.js';
import { closest } from '../core/suggest.js';
import { parsePence } from '../core/pence.js';
import type { ResultColumnName, ScheduleColumnName } from '../batch/format.js';
import { readRecords } from '../io/read-records.js';
import { columnKey, columnsNamedTwice, findHeader } from '../io/column-names.js';

/**
 * The columns of the results that the report needs: every batch since the first writes them. Named
 * by batch's own column names (format.ts), so a column batch renames cannot leave the report
 * reading one that is no longer written.
 */
const RESULT_COLUMNS = ['account_id', 'available', 'flags', 'review', 'plan', 'instalment', 'frequency', 'instalments', 'outcome'] as const satisfies readonly ResultColumnName[];
/** Used when there: `balance` (from a batch that writes it, or `--carry balance`), `plan_months`, `review_reasons`, `defaults_used`. */
const OPTIONAL_RESULT_COLUMNS = ['balance', 'plan_months', 'review_reasons', 'defaults_used'] as const satisfies readonly ResultColumnName[];
const SCHEDULE_COLUMNS = ['account_id', 'due', 'amount'] as const satisfies readonly ScheduleColumnName[];

/** Plans longer than this are not plans batch writes (it stops at 50 years). */
export const MOST_MONTHS = 1_200;

export interface ResultRow {
  readonly line: number;
  readonly id: string;
  readonly available: number;
  readonly flags: readonly string[];
  readonly review: boolean;
  readonly plan: string;
  readonly instalment: number;
  readonly frequency: PaymentFrequency;
  readonly instalments: number;
  readonly outcome: string;
  readonly balance: number | undefined;
  /** The `plan_months` cell, when the results have one and it is not blank. */
  readonly months: number | undefined;
  readonly reviewReasons: readonly string[] | undefined;
  /** The household fields batch took by default for the account (`defaults_used`), when the results have the column. */
  readonly defaultsUsed: readonly string[] | undefined;
  /** The cells of the `--by` columns, in their order. */
  readonly by: readonly string[];
}

export interface ScheduleRow {
  readonly line: number;
  readonly id: string;
  /** Year × 12 + month − 1 of the due date. */
  readonly month: number;
  readonly amount: number;
}

export interface ResultColumns {
  readonly balance: boolean;
  readonly months: boolean;
  readonly reviewReasons: boolean;
  readonly defaultsUsed: boolean;
}

type Records = AsyncGenerator<{ readonly line: number; readonly cells: string[] }[]>;

/**
 * The rows of a CSV file after its header, a chunk of the file at a time (a step of an async
 * generator for each of millions of rows would cost more than reading them), refusing a row the
 * reader could not split.
 */
async function* rows(file: string, onHeader: (header: string[]) => void): Records {
  if (/\.(nd)?jsonl?$/i.test(file)) {
    throw new FairplanError('invalid-argument', 'report reads the CSV that batch writes without --json', { file });
  }
  let header = true;
  for await (const records of readRecords(createReadStream(file), ',', file)) {
    const chunk: { line: number; cells: string[] }[] = [];
    for (const record of records) {
      if (record.kind === 'unreadable') throw new FairplanError('invalid-row', record.reason, { file, line: record.line });
      if (header) {
        onHeader(record.cells);
        header = false;
      } else chunk.push(record);
    }
    if (chunk.length > 0) yield chunk;
  }
  if (header) throw new FairplanError('invalid-row', 'the file is empty: expected a header row', { file });
}

/** The position of each column named, refusing a missing one (with the nearest header) or one named twice. */
function positions(file: string, header: readonly string[], wanted: readonly string[], what: string): number[] {
  const twice = columnsNamedTwice(header)[0];
  if (twice) throw new FairplanError('invalid-row', `the column "${twice.name}" is named twice`, { file, line: 1 });
  return wanted.map((name) => {
    const found = findHeader(header, name);
    if (found !== undefined) return found;
    const near = closest(columnKey(name), header.map(columnKey));
    throw new FairplanError(
      'invalid-row',
      `missing column "${name}"${near ? ` (did you mean "${header[header.map(columnKey).indexOf(near)]}"?)` : ''}: ${what}`,
      { file, line: 1 },
    );
  });
}

const badCell = (file: string, line: number, column: string, cell: string, expected: string): FairplanError =>
  new FairplanError('invalid-row', `"${cell}" is not ${expected}`, { file, line, field: column });

function pence(file: string, line: number, column: string, cell: string): number {
  try {
    return parsePence(cell);
  } catch {
    throw badCell(file, line, column, cell, 'an amount in pounds (1234.56)');
  }
}

function whole(file: string, line: number, column: string, cell: string, most: number): number {
  if (!/^\d{1,9}$/.test(cell) || Number(cell) > most) throw badCell(file, line, column, cell, `a whole number up to ${most.toLocaleString('en-GB')}`);
  return Number(cell);
}

const list = (cell: string): string[] => (cell === '' ? [] : cell.split(';').map((part) => part.trim()).filter((part) => part !== ''));

/** The rows of a results file, a chunk at a time; `columns` learns which optional columns it has once its header is read. */
export function readResults(file: string, by: readonly string[], columns: (found: ResultColumns) => void): AsyncGenerator<ResultRow[]> {
  let at: number[] = [];
  let optional: (number | undefined)[] = [];
  let byAt: number[] = [];
  const records = rows(file, (header) => {
    at = positions(file, header, RESULT_COLUMNS, 'expected the results of fairplan batch');
    byAt = positions(file, header, by, 'named by --by');
    optional = OPTIONAL_RESULT_COLUMNS.map((name) => findHeader(header, name));
    columns({ balance: optional[0] !== undefined, months: optional[1] !== undefined, reviewReasons: optional[2] !== undefined, defaultsUsed: optional[3] !== undefined });
  });
  const result = (line: number, cells: string[]): ResultRow => {
    const cell = (i: number | undefined): string => (i === undefined ? '' : (cells[i] ?? ''));
    const [id, available, flags, review, plan, instalment, frequency, instalments, outcome] = at.map(cell) as string[] as [
      string, string, string, string, string, string, string, string, string,
    ];
    if (review !== 'yes' && review !== 'no') throw badCell(file, line, 'review', review, 'yes or no');
    if (!isPaymentFrequency(frequency)) throw badCell(file, line, 'frequency', frequency, 'weekly, fortnightly, four-weekly or monthly');
    const [balance, months, reasons, defaults] = optional;
    const monthsCell = cell(months);
    return {
      line,
      id,
      available: pence(file, line, 'available', available),
      flags: list(flags),
      review: review === 'yes',
      plan,
      instalment: pence(file, line, 'instalment', instalment),
      frequency,
      instalments: whole(file, line, 'instalments', instalments, 100_000),
      outcome,
      balance: balance === undefined ? undefined : pence(file, line, 'balance', cell(balance)),
      months: monthsCell === '' ? undefined : whole(file, line, 'plan_months', monthsCell, MOST_MONTHS),
      reviewReasons: reasons === undefined ? undefined : list(cell(reasons)),
      defaultsUsed: defaults === undefined ? undefined : list(cell(defaults)),
      by: byAt.map(cell),
    };
  };
  return (async function* () {
    for await (const chunk of records) yield chunk.map(({ line, cells }) => result(line, cells));
  })();
}

/** The rows of a schedules file (batch --schedules), a chunk at a time: the account, the month each instalment is due, its amount. */
export async function* readSchedules(file: string): AsyncGenerator<ScheduleRow[]> {
  let at: number[] = [];
  const row = ({ line, cells }: { line: number; cells: string[] }): ScheduleRow => {
    const [id = '', due = '', amount = ''] = at.map((i) => cells[i] ?? '');
    const date = /^(\d{4})-(\d{2})-\d{2}$/.exec(due);
    const month = date ? Number(date[2]) : 0;
    if (!date || month < 1 || month > 12) throw badCell(file, line, 'due', due, 'a date (YYYY-MM-DD)');
    return { line, id, month: Number(date[1]) * 12 + month - 1, amount: pence(file, line, 'amount', amount) };
  };
  for await (const chunk of rows(file, (header) => {
    at = positions(file, header, SCHEDULE_COLUMNS, 'expected the schedules of fairplan batch (--schedules)');
  })) {
    yield chunk.map(row);
  }
}
