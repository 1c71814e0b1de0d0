/**
 * Records from a CSV stream, in file order, each with the line it starts on. Streaming: one record
 * at a time, whatever the size of the file.
 *
 * Tolerates what real exports do: a byte-order mark, CRLF or LF, blank lines, quoted fields with the
 * delimiter, quotes and line breaks in them, stray quotes inside unquoted fields. Rows with the wrong
 * number of fields are passed on (the caller rejects them with a reason); a record the parser cannot
 * read at all (a quote never closed) comes out as `unreadable`, in its place, rather than stopping the run.
 */
import type { Readable, TransformOptions } from 'node:stream';
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
};

/**
 * csv-parse, giving each record with the line it starts on, and the records of each chunk of input
 * together as one array: a promise per record, or csv-parse's `on_record` context (two object copies
 * per record), cost a batch run more than the parsing does. The line is worked out when the parser
 * hands a record on, from its own counts at that moment.
 *
 * The text of a record the parser cannot read goes to the rejected rows as it was: the input from
 * the end of the last record read is kept until the next one is read (csv-parse's `raw` option would
 * keep a copy of every record's text instead).
 */
class NumberedParser extends Parser {
  private records: InputRecord[] = [];
  /** Input not yet read past, from byte `inputStart` of the file; a record that cannot be read starts at `recordStart`. */
  private input: Buffer[] = [];
  private inputStart = 0;
  private recordStart = 0;
  // csv-parse counts a CRLF inside a quoted field as two lines; `overcount` undoes that.
  private overcount = 0;
  private endLine = 0;
  private emptyLines = 0;

  constructor(delimiter: string) {
    // Two chunks' records at most wait to be read: with the stream's default of sixteen, a run that
    // waits on its worker held ten thousand records, and its peak memory grew by a fifth.
    const options: Options & Pick<TransformOptions, 'readableHighWaterMark'> = { ...SETTINGS, delimiter, readableHighWaterMark: 2 };
    super(options);
    // Emitted as the parser skips the record, so it takes its place among the others.
    this.on('skip', (error: CsvError | undefined) => {
      // Blank lines before the record are skipped, not part of it.
      const line = this.endLine + 1 + (this.info.empty_lines - this.emptyLines);
      this.emptyLines = this.info.empty_lines;
      this.endLine = Number(error?.lines ?? line) - this.overcount;
      const read = Buffer.concat(this.input).subarray(this.recordStart - this.inputStart).toString('utf8');
      const text = read.replace(/^(?:\r?\n)+/, '');
      this.records.push({ kind: 'unreadable', line, reason: error?.message ?? 'the record cannot be read', cells: [text] });
    });
  }

  override push(chunk: unknown): boolean {
    if (chunk === null) {
      this.pushRecords();
      return super.push(null);
    }
    const cells = chunk as string[];
    // The parser's byte count is at the end of this record (after its line end) when it hands it on.
    this.recordStart = this.info.bytes;
    const line = this.endLine + 1 + (this.info.empty_lines - this.emptyLines);
    this.emptyLines = this.info.empty_lines;
    this.overcount += countCrlf(cells);
    this.endLine = this.info.lines - this.overcount;
    this.records.push({ kind: 'row', line, cells });
    return true;
  }

  override _transform(chunk: Buffer, encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.input.push(chunk);
    super._transform(chunk, encoding, (error?: Error | null) => {
      this.pushRecords();
      this.forgetReadInput();
      callback(error);
    });
  }

  private forgetReadInput(): void {
    for (let first = this.input[0]; first && this.inputStart + first.length <= this.recordStart; first = this.input[0]) {
      this.inputStart += first.length;
      this.input.shift();
    }
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
