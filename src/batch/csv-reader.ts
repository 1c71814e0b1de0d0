/**
 * A strict RFC 4180 reader working on bytes, a chunk at a time: records in file order, each with the
 * line it starts on (the header is line 1). It guarantees that an account is never merged into
 * another, swallowed or re-labelled:
 *
 * - A quote opens a quoted field only at the field's start; `""` inside it is a quote; after the
 *   closing quote only the delimiter or a line end may follow. Anything else rejects that row (to the
 *   end of its line), and reading goes on at the next line.
 * - CRLF, LF and a lone CR each end a line, wherever they are and however they are mixed.
 * - A quote left open does not swallow what follows. Once a quoted field has run over a line end,
 *   the row is rejected, from its start to the end of the line where that quote opened, and reading
 *   resumes at the next line, when: a line it runs into is a complete record on its own (the header's
 *   number of fields, its quotes closed); the file ends; the field runs past the size limit; or text
 *   follows what would close it.
 *   A line inside a quoted field crossed in this way holds an even number of quotes, so read again it
 *   cannot open another: each byte is read a bounded number of times.
 * - Text is UTF-8: a row with bytes that are not is rejected with the byte's offset in the file, never
 *   changed. A UTF-16 or UTF-32 file is refused as a whole. Control characters (all but tab; CR and
 *   LF inside quotes) reject their row.
 * - A field above `limits.field` bytes or a record above `limits.record` bytes is rejected, and what
 *   is kept of the input at any time is bounded by the limits and one chunk.
 */
import { FairplanError } from '../core/errors.js';
import { parseDelimiter } from './delimiter.js';
import { notUtf8, utf8Length } from './text-encoding.js';

export type InputRecord =
  | { readonly kind: 'row'; readonly line: number; readonly cells: string[] }
  /**
   * A record that cannot be used as it is: its cells when it could be split into them, otherwise its
   * text as it was; the field at fault and the account when a row was refused for one of its cells.
   */
  | {
      readonly kind: 'unreadable';
      readonly line: number;
      readonly reason: string;
      readonly cells: string[];
      readonly field?: string;
      readonly accountId?: string;
      /** The rejection's code (see Rejection in account.ts); `unreadable-row` when not given: the reader could not split it. */
      readonly code?: string;
    };

export interface CsvLimits {
  /** Bytes in one field. */
  readonly field: number;
  /** Bytes in one record. */
  readonly record: number;
}

export const CSV_LIMITS: CsvLimits = { field: 64 * 1024, record: 1024 * 1024 };

const LF = 10;
const CR = 13;
const QUOTE = 34;
const TAB = 9;

// Byte classes.
const PLAIN = 0;
const DELIMITER = 1;
const QUOTE_BYTE = 2;
const LINE_END = 3;
const CONTROL = 4;
const HIGH = 5;

// Reader states.
const RECORD_START = 0;
const FIELD_START = 1;
const UNQUOTED = 2;
const QUOTED = 3;
/** A quote in a quoted field: its end, or the first of a doubled quote. */
const QUOTE_IN_QUOTED = 4;
/** A row already rejected for its structure: its text up to the line end is kept for the rejected rows. */
const TO_LINE_END = 5;
/** The same, past the record limit: the rest of the line is passed over and not kept. */
const PAST_LINE = 6;

// Field flags.
const DOUBLED_QUOTES = 1;
const NOT_ASCII = 2;

const size = (bytes: number): string =>
  bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} bytes`;
const codePoint = (code: number): string => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** The delimiter as the one byte the reader splits on (parseDelimiter's rule). */
const delimiterByte = (delimiter: string): number => parseDelimiter(delimiter).charCodeAt(0);

function byteClasses(delimiter: number): Uint8Array {
  const classes = new Uint8Array(256);
  for (let b = 0; b < 32; b++) classes[b] = CONTROL;
  classes[TAB] = PLAIN;
  classes[127] = CONTROL;
  for (let b = 128; b < 256; b++) classes[b] = HIGH;
  classes[LF] = LINE_END;
  classes[CR] = LINE_END;
  classes[QUOTE] = QUOTE_BYTE;
  classes[delimiter] = DELIMITER;
  return classes;
}

export class CsvReader {
  private readonly classes: Uint8Array;
  /** Input not yet read past; `base` is the file offset of its first byte. */
  private buf: Buffer = Buffer.alloc(0);
  private base = 0;
  /** The input as Latin-1 text, made once per buffer: an ASCII field is a slice of it. */
  private text: string | undefined;
  private started = false;
  private ended = false;
  private out: InputRecord[] = [];
  /** The header's fields, once read. */
  private header: string[] | undefined;

  private pos = 0;
  private state = RECORD_START;
  /** The line the byte at `pos` is on. */
  private line = 1;
  private recordStart = 0;
  private recordLine = 1;
  private fieldStart = 0;
  private fieldFlags = 0;
  /** Start and end of each field read so far in this record, and its flags. */
  private bounds: number[] = [];
  private flags: number[] = [];
  /** The first problem with the record's content (it is read on, so that its end is found). */
  private problem: string | undefined;
  /** Where the quoted field open now opened, and whether it has run over a line end. */
  private quoteLine = 0;
  private fieldCrossed = false;
  /**
   * The last quoted field of the record to run over a line end: the line it opened on, where that
   * line ends and where the next begins. A record that fails after this is cut back to that line.
   */
  private crossLine = 0;
  private crossEnd = -1;
  private crossResume = -1;

  constructor(
    delimiter: string,
    private readonly limits: CsvLimits = CSV_LIMITS,
  ) {
    this.classes = byteClasses(delimiterByte(delimiter));
  }

  /** The records completed by `chunk`. */
  push(chunk: Uint8Array): InputRecord[] {
    this.append(chunk);
    if (!this.started && !this.start()) return [];
    this.read();
    return this.take();
  }

  /** The records left at the end of the input. */
  end(): InputRecord[] {
    this.ended = true;
    if (!this.started && !this.start()) return [];
    this.read();
    return this.take();
  }

  private take(): InputRecord[] {
    const out = this.out;
    this.out = [];
    return out;
  }

  /** Adds `chunk` to what is kept of the input: the record being read, from its start. */
  private append(chunk: Uint8Array): void {
    const keep = this.state === PAST_LINE ? this.pos : this.recordStart;
    const rest = this.buf.subarray(keep);
    this.buf = rest.length === 0 ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength) : Buffer.concat([rest, chunk]);
    this.text = undefined;
    this.base += keep;
    this.pos -= keep;
    this.recordStart -= keep;
    this.fieldStart -= keep;
    for (let k = 0; k < this.bounds.length; k++) this.bounds[k] = (this.bounds[k] ?? 0) - keep;
    if (this.crossEnd >= 0) {
      this.crossEnd -= keep;
      this.crossResume -= keep;
    }
  }

  /** Checks the encoding and passes a UTF-8 byte-order mark, once four bytes (or the whole input) are in. */
  private start(): boolean {
    const { buf } = this;
    if (buf.length < 4 && !this.ended) return false;
    this.started = true;
    const encoding = notUtf8(buf);
    if (encoding) {
      throw new FairplanError(
        'invalid-argument',
        `the file is ${encoding.name} text; fairplan reads UTF-8: save it as "CSV UTF-8" (or convert it, e.g. iconv -f ${encoding.iconv} -t UTF-8)`,
      );
    }
    if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
      this.pos = 3;
      this.recordStart = 3;
    }
    return true;
  }

  private latin1(): string {
    this.text ??= this.buf.toString('latin1');
    return this.text;
  }

  private fieldName(index: number): string {
    const name = this.header?.[index];
    return name ? `field ${index + 1} ("${name}")` : `field ${index + 1}`;
  }

  private newRecord(at: number): void {
    this.state = RECORD_START;
    this.recordStart = at;
    this.recordLine = this.line;
    this.fieldStart = at;
    this.fieldFlags = 0;
    this.bounds.length = 0;
    this.flags.length = 0;
    this.problem = undefined;
    this.fieldCrossed = false;
    this.crossEnd = -1;
    this.crossResume = -1;
  }

  private note(problem: string): void {
    this.problem ??= problem;
  }

  private endField(end: number): void {
    if (end - this.fieldStart > this.limits.field) this.note(`${this.fieldName(this.flags.length)} is longer than ${size(this.limits.field)}`);
    this.bounds.push(this.fieldStart, end);
    this.flags.push(this.fieldFlags);
    this.fieldFlags = 0;
    this.fieldCrossed = false;
  }

  /** The bytes from `start` to `end` as text, as they were (bytes that are not UTF-8 show as U+FFFD). */
  private raw(start: number, end: number): string {
    return this.buf.toString('utf8', start, Math.min(end, start + this.limits.record));
  }

  private unreadable(reason: string, cells: string[]): void {
    this.out.push({ kind: 'unreadable', line: this.recordLine, reason, cells });
  }

  /** The record ends at `end` (its line end, or the end of the input). */
  private endRecord(end: number): void {
    if (end - this.recordStart > this.limits.record) this.note(`the row is longer than ${size(this.limits.record)}`);
    const cells = this.cells();
    if (this.problem !== undefined) this.unreadable(this.problem, cells);
    else {
      this.out.push({ kind: 'row', line: this.recordLine, cells });
      this.header ??= cells;
    }
  }

  private cells(): string[] {
    const { buf, bounds, flags } = this;
    const cells = new Array<string>(flags.length);
    for (let k = 0; k < flags.length; k++) {
      const start = bounds[2 * k] ?? 0;
      const end = bounds[2 * k + 1] ?? 0;
      const flag = flags[k] ?? 0;
      let cell = flag & NOT_ASCII ? buf.toString('utf8', start, end) : this.latin1().slice(start, end);
      if (flag & DOUBLED_QUOTES) cell = cell.replaceAll('""', '"');
      cells[k] = cell;
    }
    return cells;
  }

  /**
   * The record ran over a line end inside quotes and then failed: it is rejected from its start to
   * the end of the line where that quote opened, and reading resumes on the next line.
   */
  private cutBack(detail: string): void {
    const where = this.crossLine === this.recordLine ? 'here' : `on line ${this.crossLine}`;
    this.unreadable(`quote opened ${where} and never closed${detail ? ` ${detail}` : ''}`, [this.raw(this.recordStart, this.crossEnd)]);
    this.line = this.crossLine + 1;
    this.pos = this.crossResume;
    this.newRecord(this.pos);
  }

  /** A row broken in its structure at `at`: rejected, with its text to the end of its line. */
  private broken(reason: string, at: number): void {
    if (this.crossEnd >= 0) {
      this.cutBack(`(${reason} on line ${this.line})`);
      return;
    }
    this.problem = reason;
    this.state = TO_LINE_END;
    this.pos = at;
  }

  /** The length of the line end at `i` (CRLF is one), or 0 if the input may still bring its LF. */
  private lineEnd(i: number): number {
    if (this.buf[i] === LF) return 1;
    if (i + 1 < this.buf.length) return this.buf[i + 1] === LF ? 2 : 1;
    return this.ended ? 1 : 0;
  }

  /**
   * Whether the line from `start` is a complete record on its own: the header's number of fields,
   * its quotes closed by its end. Undefined when the input may still bring the rest of it.
   */
  private completeLine(start: number): boolean | undefined {
    const expected = this.header?.length;
    if (expected === undefined) return false;
    const { buf, classes } = this;
    const end = Math.min(buf.length, start + this.limits.record);
    let fields = 1;
    let quoted = false;
    let atFieldStart = true;
    let afterQuote = false;
    for (let i = start; i < end; i++) {
      const kind = classes[buf[i] ?? 0];
      if (quoted) {
        // Its quote runs on past its end: not a record on its own.
        if (kind === LINE_END) return false;
        if (kind === QUOTE_BYTE) {
          if (buf[i + 1] === QUOTE) i++;
          else if (i + 1 < buf.length || this.ended) {
            quoted = false;
            afterQuote = true;
          } else return undefined;
        }
        continue;
      }
      if (kind === LINE_END) return i > start && fields === expected;
      if (kind === DELIMITER) {
        fields++;
        atFieldStart = true;
        afterQuote = false;
        continue;
      }
      if (afterQuote) return false;
      if (kind === QUOTE_BYTE) {
        if (!atFieldStart) return false;
        quoted = true;
      }
      atFieldStart = false;
    }
    if (end < buf.length || end - start >= this.limits.record) return false;
    if (!this.ended) return undefined;
    return !quoted && end > start && fields === expected;
  }

  /** A quoted field meets the line end at `i`, `length` bytes long: where to cut the record back to, should it fail. */
  private crossLineInQuotes(i: number, length: number): void {
    if (this.fieldCrossed) return;
    this.fieldCrossed = true;
    this.crossLine = this.quoteLine;
    this.crossEnd = i;
    this.crossResume = i + length;
  }

  /** Stops at `i` until more input comes. True when a record past its limit was cut back instead, and reading goes on from `pos`. */
  private wait(i: number): boolean {
    this.pos = i;
    return this.checkSize();
  }

  /** Reads as far as the input allows. */
  private read(): void {
    const { buf, classes } = this;
    const len = buf.length;
    let i = this.pos;
    while (true) {
      const state = this.state;
      if (i >= len) {
        if (!this.ended) {
          if (!this.wait(i)) return;
        } else {
          this.pos = i;
          if (!this.endOfInput()) return;
        }
        i = this.pos;
        continue;
      }
      switch (state) {
        case RECORD_START: {
          const b = buf[i]!;
          if (b === LF || b === CR) {
            // A blank line is passed over.
            const length = this.lineEnd(i);
            if (length === 0) {
              if (!this.wait(i)) return;
              i = this.pos;
              continue;
            }
            i += length;
            this.line++;
            this.newRecord(i);
            continue;
          }
          this.state = FIELD_START;
          continue;
        }
        case FIELD_START: {
          if (buf[i] === QUOTE) {
            this.state = QUOTED;
            this.quoteLine = this.line;
            this.fieldStart = i + 1;
            i++;
          } else {
            this.state = UNQUOTED;
            this.fieldStart = i;
          }
          continue;
        }
        case UNQUOTED:
        case QUOTE_IN_QUOTED: {
          if (state === UNQUOTED) {
            // The hot loop: the plain bytes of an unquoted field.
            while (i < len && classes[buf[i]!] === PLAIN) i++;
            if (i >= len) continue;
          }
          const kind = classes[buf[i]!]!;
          const end = state === QUOTE_IN_QUOTED ? i - 1 : i;
          if (kind === DELIMITER) {
            this.endField(end);
            this.state = FIELD_START;
            i++;
            continue;
          }
          if (kind === LINE_END) {
            const length = this.lineEnd(i);
            if (length === 0) {
              if (!this.wait(i)) return;
              i = this.pos;
              continue;
            }
            this.endField(end);
            this.endRecord(i);
            i += length;
            this.line++;
            this.newRecord(i);
            continue;
          }
          if (state === QUOTE_IN_QUOTED && kind === QUOTE_BYTE) {
            this.fieldFlags |= DOUBLED_QUOTES;
            this.state = QUOTED;
            i++;
            continue;
          }
          if (state === QUOTE_IN_QUOTED) {
            this.broken(`text after the closing quote of ${this.fieldName(this.flags.length)}`, i);
            i = this.pos;
            continue;
          }
          if (kind === QUOTE_BYTE) {
            this.broken(
              `a quote inside ${this.fieldName(this.flags.length)}, which does not start with one (a field with quotes in it is quoted whole, its quotes doubled: "say ""hi""")`,
              i,
            );
            i = this.pos;
            continue;
          }
          i = this.content(i, kind);
          if (i < 0) return;
          continue;
        }
        case QUOTED: {
          let kind = PLAIN;
          // The delimiter is plain text here too.
          while (i < len && (kind = classes[buf[i]!]!) <= DELIMITER) i++;
          if (i >= len) continue;
          if (kind === QUOTE_BYTE) {
            this.state = QUOTE_IN_QUOTED;
            i++;
            continue;
          }
          if (kind === LINE_END) {
            const length = this.lineEnd(i);
            const complete = length === 0 ? undefined : this.completeLine(i + length);
            if (complete === undefined) {
              if (!this.wait(i)) return;
              i = this.pos;
              continue;
            }
            this.crossLineInQuotes(i, length);
            if (complete) {
              this.cutBack('');
              i = this.pos;
              continue;
            }
            i += length;
            this.line++;
            continue;
          }
          i = this.content(i, kind);
          if (i < 0) return;
          continue;
        }
        default: {
          // TO_LINE_END, PAST_LINE: the rest of a rejected row's line.
          while (i < len && buf[i] !== LF && buf[i] !== CR) i++;
          if (i >= len) continue;
          const length = this.lineEnd(i);
          if (length === 0) {
            if (!this.wait(i)) return;
            i = this.pos;
            continue;
          }
          if (state === TO_LINE_END) this.unreadable(this.problem ?? '', [this.raw(this.recordStart, i)]);
          i += length;
          this.line++;
          this.newRecord(i);
        }
      }
    }
  }

  /**
   * A control character or a byte above ASCII at `i`, inside a field: checked, and passed. Returns
   * where reading goes on, or -1 when it waits for the input to bring the rest of a character.
   */
  private content(i: number, kind: number): number {
    const { buf } = this;
    const b = buf[i] ?? 0;
    if (kind === CONTROL) {
      this.note(`${this.fieldName(this.flags.length)} holds a control character (${codePoint(b)})`);
      return i + 1;
    }
    this.fieldFlags |= NOT_ASCII;
    const length = utf8Length(buf, i, buf.length);
    if (length < 0 && !this.ended) return this.wait(i) ? this.pos : -1;
    if (length <= 0) {
      this.note(`not valid UTF-8 (byte offset ${this.base + i} in the file)`);
      return i + 1;
    }
    // C1 controls (U+0080 to U+009F) are two bytes, C2 80 to C2 9F.
    if (b === 0xc2 && (buf[i + 1] ?? 0) < 0xa0) this.note(`${this.fieldName(this.flags.length)} holds a control character (${codePoint(buf[i + 1] ?? 0)})`);
    return i + length;
  }

  /**
   * At the end of what has come in: a record or field past its limit is rejected rather than kept.
   * True when it was cut back, and reading goes on from `pos`.
   */
  private checkSize(): boolean {
    const { pos, state } = this;
    if (state === RECORD_START || state === PAST_LINE) return false;
    const inField = state !== TO_LINE_END && state !== FIELD_START;
    const fieldTooLong = inField && pos - this.fieldStart > this.limits.field;
    const recordTooLong = pos - this.recordStart > this.limits.record;
    if (!fieldTooLong && !recordTooLong) return false;
    const what = fieldTooLong ? `${this.fieldName(this.flags.length)} runs past ${size(this.limits.field)}` : `the row runs past ${size(this.limits.record)}`;
    if (this.crossEnd >= 0 && state !== TO_LINE_END) {
      this.cutBack(`(${what})`);
      return true;
    }
    this.unreadable(this.problem ?? what, [this.raw(this.recordStart, pos)]);
    this.state = PAST_LINE;
    this.recordStart = pos;
    return false;
  }

  /** The input has ended inside a record. Returns false when reading is over. */
  private endOfInput(): boolean {
    const { state } = this;
    const end = this.buf.length;
    switch (state) {
      case RECORD_START:
      case PAST_LINE:
        return false;
      case TO_LINE_END:
        this.unreadable(this.problem ?? '', [this.raw(this.recordStart, end)]);
        this.newRecord(end);
        return false;
      case QUOTED:
        if (this.crossEnd >= 0) {
          this.cutBack('');
          return true;
        }
        this.unreadable(this.quoteLine === this.recordLine ? 'quote opened here and never closed' : `quote opened on line ${this.quoteLine} and never closed`, [
          this.raw(this.recordStart, end),
        ]);
        this.newRecord(end);
        return false;
      default: {
        // FIELD_START (after a delimiter), UNQUOTED, QUOTE_IN_QUOTED: the last record has no line end.
        if (state === FIELD_START) this.fieldStart = end;
        this.endField(state === QUOTE_IN_QUOTED ? end - 1 : end);
        this.endRecord(end);
        this.newRecord(end);
        return false;
      }
    }
  }
}
