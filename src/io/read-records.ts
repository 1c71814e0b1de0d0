/**
 * Records from a CSV stream, in file order, a chunk of input at a time, each with the line it starts
 * on. Streaming: the next chunk is read only when the records of the last are taken, so memory stays
 * flat whatever the size of the file. How the bytes become records is csv-reader.ts.
 */
import type { Readable } from 'node:stream';
import { isFairplanError } from '../core/errors.js';
import { readFailure } from './read-failure.js';
import { CsvReader, type CsvLimits, type InputRecord } from './csv-reader.js';

export type { InputRecord } from './csv-reader.js';

/** The records of `input`, a chunk of the file at a time, in file order. `name` is the input as the user named it. */
export async function* readRecords(input: Readable, delimiter: string, name: string, limits?: CsvLimits): AsyncGenerator<InputRecord[]> {
  const reader = new CsvReader(delimiter, limits);
  try {
    for await (const chunk of input) {
      // A stream given an encoding yields text; a file or stdin yields bytes.
      const records = reader.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Uint8Array));
      if (records.length > 0) yield records;
    }
    const last = reader.end();
    if (last.length > 0) yield last;
  } catch (error) {
    if (isFairplanError(error)) throw error.inFile(name);
    throw readFailure(name, error);
  }
}
