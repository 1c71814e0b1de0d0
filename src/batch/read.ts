/**
 * Records from a CSV stream, in file order, each with the line it starts on. Streaming: one record
 * at a time, whatever the size of the file.
 *
 * Tolerates what real exports do: a byte-order mark, CRLF or LF, blank lines, quoted fields with the
 * delimiter, quotes and line breaks in them, stray quotes inside unquoted fields. Rows with the wrong
 * number of fields are passed on (the caller rejects them with a reason); a record the parser cannot
 * read at all (a quote never closed) comes out as `unreadable`, in its place, rather than stopping the run.
 */
import type { Readable } from 'node:stream';
import { Parser, type CsvError, type Options } from 'csv-parse';
import { FairplanError } from '../core/errors.js';

export type InputRecord =
  | { readonly kind: 'row'; readonly line: number; readonly cells: string[] }
  | { readonly kind: 'unreadable'; readonly line: number; readonly reason: string; readonly cells: string[] };

const countCrlf = (cells: readonly string[]): number => {
  let count = 0;
  for (const cell of cells) {
    for (let i = cell.indexOf('\r\n'); i >= 0; i = cell.indexOf('\r\n', i + 2)) count++;
  }
  return count;
};

const SETTINGS: Options = {
  bom: true,
  relax_column_count: true,
  relax_quotes: true,
  skip_empty_lines: true,
  skip_records_with_error: true,
  // The text of a record the parser cannot read, for the rejected rows; records come as { record, raw }.
  raw: true,
};

/**
 * csv-parse, giving each record with the line it starts on, and the records of each chunk of input
 * together as one array: a promise per record, or csv-parse's `on_record` context (two object copies
 * per record), cost a batch run more than the parsing does. The line is worked out when the parser
 * hands a record on, from its own counts at that moment.
 */
class NumberedParser extends Parser {
  private records: InputRecord[] = [];
  // csv-parse counts a CRLF inside a quoted field as two lines; `overcount` undoes that.
  private overcount = 0;
  private endLine = 0;
  private emptyLines = 0;

  constructor(delimiter: string) {
    super({ ...SETTINGS, delimiter });
    // Emitted as the parser skips the record, so it takes its place among the others.
    this.on('skip', (error: CsvError | undefined, raw: string | undefined) => {
      const line = this.endLine + 1;
      this.endLine = Number(error?.lines ?? line) - this.overcount;
      this.records.push({ kind: 'unreadable', line, reason: error?.message ?? 'the record cannot be read', cells: [raw ?? ''] });
    });
  }

  override push(chunk: unknown): boolean {
    if (chunk === null) {
      this.pushRecords();
      return super.push(null);
    }
    const cells = (chunk as { record: string[] }).record;
    const line = this.endLine + 1 + (this.info.empty_lines - this.emptyLines);
    this.emptyLines = this.info.empty_lines;
    this.overcount += countCrlf(cells);
    this.endLine = this.info.lines - this.overcount;
    this.records.push({ kind: 'row', line, cells });
    return true;
  }

  override _transform(chunk: Buffer, encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    super._transform(chunk, encoding, (error?: Error | null) => {
      this.pushRecords();
      callback(error);
    });
  }

  override _flush(callback: (error?: Error | null) => void): void {
    super._flush((error?: Error | null) => {
      this.pushRecords();
      callback(error);
    });
  }

  private pushRecords(): void {
    if (this.records.length === 0) return;
    const records = this.records;
    this.records = [];
    super.push(records);
  }
}

/** The records of `input`, a chunk of the file at a time, in file order. `name` is the input as the user named it. */
export async function* readRecords(input: Readable, delimiter: string, name: string): AsyncGenerator<InputRecord[]> {
  const parser = new NumberedParser(delimiter);
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  try {
    yield* parser as AsyncIterable<InputRecord[]>;
  } catch (error) {
    throw new FairplanError('io', `cannot read ${name}: ${(error as Error).message}`, { file: name });
  }
}
