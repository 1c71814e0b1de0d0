/**
 * The header and the first rows of an export, for `batch --init-map` and `--dry-run`, which look at
 * the start of a file and write no results. Reading stops once they are in.
 */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { FairplanError } from '../core/errors.js';
import { readFailure } from '../io/read-failure.js';
import { readRecords, type InputRecord } from '../io/read-records.js';

export interface FirstRows {
  readonly headers: readonly string[];
  /** Up to the number asked for, unreadable ones included (they are rows of the file too). */
  readonly records: readonly InputRecord[];
}

export async function readFirstRows(input: string, stdin: Readable, delimiter: string, count: number): Promise<FirstRows> {
  const name = input === '-' ? 'stdin' : input;
  const stream = input === '-' ? stdin : createReadStream(input);
  const opened = new Promise<void>((resolve, reject) => {
    if (input === '-') resolve();
    stream.once('open', () => resolve()).once('error', (error: Error) => reject(readFailure(name, error)));
  });
  await opened;
  let headers: readonly string[] | undefined;
  const records: InputRecord[] = [];
  try {
    outer: for await (const chunk of readRecords(stream, delimiter, name)) {
      for (const record of chunk) {
        if (!headers) {
          if (record.kind === 'unreadable') throw new FairplanError('invalid-argument', `the header row cannot be read: ${record.reason}`, { file: name, line: record.line });
          headers = record.cells;
          continue;
        }
        if (records.length >= count) break outer;
        records.push(record);
      }
    }
  } finally {
    if (input !== '-') stream.destroy();
  }
  if (!headers) throw new FairplanError('invalid-argument', 'the file is empty: there is no header row', { file: name });
  return { headers, records };
}
