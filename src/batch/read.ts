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
import { parse, type CsvError, type Options } from 'csv-parse';
import { FairplanError } from '../core/errors.js';

export type InputRecord =
  | { readonly kind: 'row'; readonly line: number; readonly cells: string[] }
  | { readonly kind: 'unreadable'; readonly line: number; readonly reason: string; readonly cells: string[] };

interface Parsed {
  readonly row: InputRecord;
  /** Records the parser could not read, found just before this one. */
  readonly unreadable: InputRecord[];
}

const countCrlf = (cells: readonly string[]): number => {
  let count = 0;
  for (const cell of cells) {
    for (let i = cell.indexOf('\r\n'); i >= 0; i = cell.indexOf('\r\n', i + 2)) count++;
  }
  return count;
};

/** `name` is the input as the user named it, for errors reading it. */
export async function* readRecords(input: Readable, delimiter: string, name: string): AsyncGenerator<InputRecord> {
  // csv-parse counts a CRLF inside a quoted field as two lines; `overcount` undoes that.
  let overcount = 0;
  let endLine = 0;
  let emptyLines = 0;
  let pending: InputRecord[] = [];
  const settings: Options<Parsed, { record: string[] }> = {
    bom: true,
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    raw: true,
    on_skip: (error: CsvError | undefined, raw: string | undefined) => {
      const line = endLine + 1;
      endLine = Number(error?.lines ?? line) - overcount;
      pending.push({ kind: 'unreadable', line, reason: error?.message ?? 'the record cannot be read', cells: [raw ?? ''] });
    },
    on_record: ({ record: cells }, context): Parsed => {
      const line = endLine + 1 + (context.empty_lines - emptyLines);
      emptyLines = context.empty_lines;
      overcount += countCrlf(cells);
      endLine = context.lines - overcount;
      const unreadable = pending;
      pending = [];
      return { row: { kind: 'row', line, cells }, unreadable };
    },
  };
  // csv-parse's overloads do not let on_record change the record type; `settings` is checked above.
  const parser = parse(settings as unknown as Options);
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  const parsed = parser[Symbol.asyncIterator]() as AsyncIterator<Parsed>;
  for (;;) {
    let next: IteratorResult<Parsed>;
    try {
      next = await parsed.next();
    } catch (error) {
      throw new FairplanError('io', `cannot read ${name}: ${(error as Error).message}`, { file: name });
    }
    if (next.done) break;
    yield* next.value.unreadable;
    yield next.value.row;
  }
  yield* pending;
}
