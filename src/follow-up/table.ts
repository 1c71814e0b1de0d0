/**
 * One of follow-up's inputs, a CSV file read with the strict reader that `batch` uses (its header
 * names the columns) or, named `.ndjson` or `.jsonl`, a JSON record a line, as `batch --json`
 * writes them (numbers kept as written, never through a float). A row that cannot be read is
 * rejected with its line and reason; a missing column stops the run before anything is written.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { FairplanError, isFairplanError } from '../core/errors.js';
import { CSV_LIMITS } from '../io/csv-reader.js';
import { columnKey, columnsNamedTwice } from '../io/column-names.js';
import { readRecords } from '../io/read-records.js';
import { readFailure } from '../io/read-failure.js';
import { parseJsonExact } from '../statement/json-exact.js';
import { NumberLiteral } from '../statement/raw.js';
import { jsonLines } from './json-lines.js';

/**
 * Why a row was rejected, for a script to act on (the reason's wording may change; these do not
 * within a major format version). Listed with their meanings in docs/json-output.md.
 */
export const REJECTION_CODES = [
  /** The row itself cannot be read: broken quoting, a line too long, not a JSON object, a column named twice. */
  'unreadable-row',
  /** A cell holds something that is not what its column needs (an amount, a date, a yes or no); a payment's holds its account's messages. */
  'bad-value',
  'missing-account-id',
  /** A customers row whose protection cannot be read (or, naming its account, cannot be read at all): what it protects is kept, and messages are held. */
  'protection-unreadable',
  /** A second customers row for an account: read with the first, the way that protects the customer. */
  'repeated-customer-row',
  /** A contacts-log row that cannot be read: counted as a contact, and messages are held tonight. */
  'unreadable-contact',
  /** An instalment whose creditors' parts are all 0.00. */
  'empty-instalment',
  /** An account left out because a line of its plan cannot be read. */
  'plan-unreadable',
  /** An account left out because its amounts add up past what can be counted exactly. */
  'too-large',
  /** A payment whose reference the account has already paid with: counted once. */
  'repeated-payment',
  /** A payment made before the plan began: not counted toward it. */
  'payment-before-plan',
  /** A payment for an account with no arrangement. */
  'no-arrangement',
] as const;
type RejectionCode = (typeof REJECTION_CODES)[number];

/** A row that cannot be used: reported with its file and line, and the run goes on. */
export interface FollowUpRejection {
  readonly file: string;
  readonly line: number;
  readonly accountId?: string;
  readonly code: RejectionCode;
  readonly reason: string;
}

/** Hears of a row that cannot be used; waited for when it returns a promise (its line is being written). */
export type Reject = (rejection: FollowUpRejection) => void | Promise<void>;

/**
 * A row that cannot be used which is no line of a file: one the book holds, named by its table
 * (`book:payments`) and account, or a plan agreed from a plan JSON. Its line is null (docs/json-output.md).
 */
interface UnlinedRejection extends Omit<FollowUpRejection, 'line'> {
  readonly line: null;
}

export type Rejection = FollowUpRejection | UnlinedRejection;

/** Hears of a rejected row of a file or of the book. */
export type RejectAny = (rejection: Rejection) => void | Promise<void>;

export interface Row {
  readonly line: number;
  /**
   * The cell of a column, found by the one rule for column names (src/io/column-names.ts: any case,
   * spaces, `_` or `-`); '' for an optional column the file does not have.
   */
  get(column: string): string;
  /** Whether the row has the column at all (an NDJSON record may leave out a key the first one has). */
  has?(column: string): boolean;
}

export interface Table {
  readonly file: string;
  /** The columns as fairplan names them (`Breathing Space End` is `breathing_space_end`), in file order. */
  readonly headers: readonly string[];
  /** The same columns as the file writes them, to name them back to the user. */
  readonly written: readonly string[];
}

/** A column's position by its key; a name not yet in key form is put in it once. */
function lookup(index: ReadonlyMap<string, number>): (column: string) => number | undefined {
  const keys = new Map<string, string>();
  return (column) => {
    const found = index.get(column);
    if (found !== undefined) return found;
    let key = keys.get(column);
    if (key === undefined) keys.set(column, (key = columnKey(column)));
    return index.get(key);
  };
}

/** A header naming one column twice stops the run: which of the two protects the customer would be a guess. */
function refuseNamedTwice(file: string, headers: readonly string[]): void {
  const [twice] = columnsNamedTwice(headers);
  if (twice) {
    throw new FairplanError('invalid-argument', `the header names column "${twice.name}" twice (columns ${twice.first + 1} and ${twice.second + 1}): keep one`, { file, line: 1, field: twice.name });
  }
}

/**
 * Calls `onRow` for every readable row of `file`, in file order, waiting for it when it returns a
 * promise; `reject` hears of the others, and is waited for in the same way. The header must have every `required` column.
 */
export async function readTable(
  file: string,
  required: readonly string[],
  onHeader: (table: Table) => void,
  onRow: (row: Row) => void | Promise<void>,
  reject: Reject,
): Promise<void> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw new FairplanError('io', `cannot be read: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'it cannot be opened'}`, { file });
  }
  try {
    if (/\.(ndjson|jsonl)$/i.test(file)) await readJsonLines(handle, file, required, onHeader, onRow, reject);
    else await readCsv(handle, file, required, onHeader, onRow, reject);
  } finally {
    await handle.close();
  }
}

type Reader = (
  handle: FileHandle,
  file: string,
  required: readonly string[],
  onHeader: (table: Table) => void,
  onRow: (row: Row) => void | Promise<void>,
  reject: Reject,
) => Promise<void>;

const missingColumns = (file: string, required: readonly string[], missing: readonly string[]) =>
  new FairplanError('invalid-argument', `has no ${missing.join(', ')} column${missing.length === 1 ? '' : 's'} (expected ${required.join(', ')})`, { file });

const readCsv: Reader = async (handle, file, required, onHeader, onRow, reject) => {
  let index: Map<string, number> | undefined;
  let position: (column: string) => number | undefined = () => undefined;
  for await (const records of readRecords(handle.createReadStream(), ',', file)) {
    for (const record of records) {
      if (!index) {
        if (record.kind === 'unreadable') throw new FairplanError('invalid-argument', `the header row cannot be read: ${record.reason}`, { file, line: record.line });
        refuseNamedTwice(file, record.cells);
        const written = record.cells.map((name) => name.trim());
        index = new Map(written.map((name, i) => [columnKey(name), i]));
        const missing = required.filter((column) => !index?.has(column));
        if (missing.length > 0) throw missingColumns(file, required, missing);
        onHeader({ file, headers: [...index.keys()], written });
        position = lookup(index);
        continue;
      }
      if (record.kind === 'unreadable') {
        await reject({ file, line: record.line, code: 'unreadable-row', reason: record.reason });
        continue;
      }
      const { cells, line } = record;
      const pending = onRow({ line, get: (column) => (cells[position(column) ?? -1] ?? '').trim(), has: (column) => position(column) !== undefined });
      if (pending) await pending;
    }
  }
  if (!index) throw new FairplanError('invalid-argument', 'the file is empty: there is no header row', { file });
};

/**
 * A record's value as text, as a CSV cell would hold it: a number as written, `true` and `false` as
 * those words (so `"vulnerable": true` is vulnerable), `null` as empty.
 */
function text(value: unknown): string {
  if (value instanceof NumberLiteral) return value.source;
  if (typeof value === 'string') return value.trim();
  if (value === true || value === false) return String(value);
  return '';
}

/**
 * Why a record's value cannot be read as text, as the CSV reader refuses the same in a cell: a lone
 * surrogate (`"A\ud800"`, which no encoding can write, and which would come out as U+FFFD, the same
 * as `"A\ud801"`: two accounts made one) or a control character other than tab.
 */
function notText(record: Record<string, unknown>): string | undefined {
  for (const [column, value] of Object.entries(record)) {
    // A list or an object cannot be one cell: reading it as empty could drop a protection.
    if (typeof value === 'object' && value !== null && !(value instanceof NumberLiteral)) return `${column} holds ${Array.isArray(value) ? 'a list' : 'an object'}, where a single value is expected`;
    if (typeof value !== 'string') continue;
    const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.exec(value);
    if (lone) return `${column} holds a lone surrogate (${codePointOf(lone[0])}), which is not text`;
    const control = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/.exec(value);
    if (control) return `${column} holds a control character (${codePointOf(control[0])})`;
  }
  return undefined;
}

const codePointOf = (char: string): string => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** The account a rejected record is about, when that much can be read: its protections must still be kept. */
function accountIdOf(record: Record<string, unknown>): { accountId: string } | undefined {
  const ids = Object.keys(record).filter((name) => columnKey(name) === 'account_id');
  const id = ids.length === 1 ? record[ids[0] ?? ''] : undefined;
  return typeof id === 'string' && id.trim() !== '' && notText({ id }) === undefined ? { accountId: id.trim() } : undefined;
}

/** A JSON record a line, each no longer than a CSV row may be. */
const LINE_LIMIT = CSV_LIMITS.record;

/** The file's lines; a failure to read it said in words. */
async function* linesOf(handle: FileHandle, file: string) {
  try {
    yield* jsonLines(handle.createReadStream(), LINE_LIMIT);
  } catch (error) {
    throw readFailure(file, error);
  }
}

const readJsonLines: Reader = async (handle, file, required, onHeader, onRow, reject) => {
  let first = true;
  // A file whose every line was rejected is not empty: its rejections say what is wrong with it.
  let rejectedLines = 0;
  for await (const lines of linesOf(handle, file)) {
    for (const found of lines) {
      const { line } = found;
      if ('tooLong' in found) {
        rejectedLines++;
        await reject({ file, line, code: 'unreadable-row', reason: `the line is longer than ${LINE_LIMIT / (1024 * 1024)} MiB` });
        continue;
      }
      const source = found.text;
      if (source.trim() === '') continue;
      let record: Record<string, unknown>;
      try {
        const value = parseJsonExact(source);
        if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof NumberLiteral) throw new FairplanError('invalid-argument', 'not a JSON object');
        record = value as Record<string, unknown>;
      } catch (error) {
        if (!isFairplanError(error)) throw error;
        rejectedLines++;
        await reject({ file, line, code: 'unreadable-row', reason: `not a JSON record: ${error.message}` });
        continue;
      }
      const names = Object.keys(record);
      const [twice] = columnsNamedTwice(names);
      const why = twice ? `the record names column "${twice.name}" twice` : notText(record);
      if (why) {
        rejectedLines++;
        await reject({ file, line, code: 'unreadable-row', reason: why, ...(accountIdOf(record) ?? {}) });
        continue;
      }
      const values = new Map(names.map((name) => [columnKey(name), record[name]]));
      if (first) {
        first = false;
        // The first record stands for the header: a file with none of the columns is the wrong file.
        const missing = required.filter((column) => !values.has(column));
        if (missing.length === required.length) throw missingColumns(file, required, missing);
        onHeader({ file, headers: [...values.keys()], written: names });
      }
      const pending = onRow({ line, get: (column) => text(values.get(column) ?? values.get(columnKey(column))), has: (column) => values.has(column) || values.has(columnKey(column)) });
      if (pending) await pending;
    }
  }
  if (first && rejectedLines === 0) throw new FairplanError('invalid-argument', 'the file is empty: there is no record', { file });
};
