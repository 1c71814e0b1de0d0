/**
 * One of follow-up's CSV inputs, read with the strict reader that `batch` uses: its header names the
 * columns, a row that cannot be read is rejected with its line and reason, and a missing column
 * stops the run before anything is written.
 */
import { open } from 'node:fs/promises';
import { FairplanError } from '../core/errors.js';
import { readRecords } from '../batch/read.js';

/** A row that cannot be used: reported with its file and line, and the run goes on. */
export interface FollowUpRejection {
  readonly file: string;
  readonly line: number;
  readonly accountId?: string;
  readonly reason: string;
}

export interface Row {
  readonly line: number;
  /** The cell of a column named in the header; '' for an optional column the file does not have. */
  get(column: string): string;
}

export interface Table {
  readonly file: string;
  readonly headers: readonly string[];
}

/**
 * Calls `onRow` for every readable row of `file`, in file order; `reject` hears of the others. The
 * header must have every `required` column.
 */
export async function readTable(
  file: string,
  required: readonly string[],
  onHeader: (table: Table) => void,
  onRow: (row: Row) => void,
  reject: (rejection: FollowUpRejection) => void,
): Promise<void> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw new FairplanError('io', `cannot be read: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'it cannot be opened'}`, { file });
  }
  let index: Map<string, number> | undefined;
  try {
    for await (const records of readRecords(handle.createReadStream(), ',', file)) {
      for (const record of records) {
        if (!index) {
          if (record.kind === 'unreadable') throw new FairplanError('invalid-argument', `the header row cannot be read: ${record.reason}`, { file, line: record.line });
          index = new Map(record.cells.map((name, i) => [name.trim(), i]));
          const missing = required.filter((column) => !index?.has(column));
          if (missing.length > 0) {
            throw new FairplanError('invalid-argument', `has no ${missing.join(', ')} column${missing.length === 1 ? '' : 's'} (expected ${required.join(', ')})`, { file });
          }
          onHeader({ file, headers: [...index.keys()] });
          continue;
        }
        if (record.kind === 'unreadable') {
          reject({ file, line: record.line, reason: record.reason });
          continue;
        }
        const { cells, line } = record;
        const columns = index;
        onRow({ line, get: (column) => (cells[columns.get(column) ?? -1] ?? '').trim() });
      }
    }
  } finally {
    await handle.close();
  }
  if (!index) throw new FairplanError('invalid-argument', 'the file is empty: there is no header row', { file });
}
