/**
 * Output lines written straight into UTF-8 bytes. A result line is some forty pieces: built as a
 * string it was a chain of pieces to flatten and then encode, which cost a batch more than working
 * out the plans. Amounts and counts are written digit by digit, and short text that is ASCII
 * (nearly all of it) a character at a time; long text (a JSON record) and other text go through
 * TextEncoder.
 *
 * Buffers come from a pool (see buffer-pool.ts), and what is written is handed on without a copy.
 */
import { BufferPool } from './buffer-pool.js';

const MINUS = 45;
const POINT = 46;
const ZERO = 48;
const LONG_TEXT = 64;

export class ByteLines {
  private bytes = new Uint8Array(0);
  private length = 0;
  private readonly encoder = new TextEncoder();

  constructor(private readonly pool = new BufferPool()) {}

  /** Room for `count` more bytes. */
  private room(count: number): void {
    if (this.length + count <= this.bytes.length) return;
    let size = Math.max(this.bytes.length * 2, 1);
    while (size < this.length + count) size *= 2;
    const bigger = new Uint8Array(this.pool.take(size));
    bigger.set(this.bytes.subarray(0, this.length));
    if (this.bytes.length > 0) this.pool.give(this.bytes.buffer as ArrayBuffer);
    this.bytes = bigger;
  }

  char(code: number): void {
    this.room(1);
    this.bytes[this.length++] = code;
  }

  text(text: string): void {
    const n = text.length;
    // Three bytes a UTF-16 unit is the most UTF-8 takes.
    this.room(n * 3);
    // A long text (a JSON record) is encoded faster natively than a character at a time.
    if (n > LONG_TEXT) {
      this.length += this.encoder.encodeInto(text, this.bytes.subarray(this.length)).written;
      return;
    }
    const { bytes } = this;
    let at = this.length;
    for (let i = 0; i < n; i++) {
      const code = text.charCodeAt(i);
      if (code > 127) {
        at += this.encoder.encodeInto(text.slice(i), bytes.subarray(at)).written;
        break;
      }
      bytes[at++] = code;
    }
    this.length = at;
  }

  /** Bytes encoded once and written many times (the provenance every JSON record ends with). */
  append(encoded: Uint8Array): void {
    this.room(encoded.length);
    this.bytes.set(encoded, this.length);
    this.length += encoded.length;
  }

  /** Where the next byte goes: the start or end of bytes to write `again`. */
  mark(): number {
    return this.length;
  }

  /** The bytes from `start` to `end` (marks) written once more: a figure formatted once, written twice. */
  again(start: number, end: number): void {
    this.room(end - start);
    this.bytes.copyWithin(this.length, start, end);
    this.length += end - start;
  }

  /** A whole number (a safe integer). */
  whole(value: number): void {
    if (value < 0) {
      this.char(MINUS);
      this.whole(-value);
      return;
    }
    this.room(16);
    let digits = 1;
    for (let rest = value; rest >= 10; rest = (rest - (rest % 10)) / 10) digits++;
    let at = this.length + digits;
    this.length = at;
    let rest = value;
    do {
      const digit = rest % 10;
      this.bytes[--at] = ZERO + digit;
      rest = (rest - digit) / 10;
    } while (rest > 0);
  }

  /** Whole pence as formatPence writes them: `-1234.05`. */
  pence(pence: number): void {
    if (pence < 0) this.char(MINUS);
    const abs = pence < 0 ? -pence : pence;
    const odd = abs % 100;
    this.whole((abs - odd) / 100);
    this.room(3);
    this.bytes[this.length++] = POINT;
    this.bytes[this.length++] = ZERO + (odd - (odd % 10)) / 10;
    this.bytes[this.length++] = ZERO + (odd % 10);
  }

  /**
   * The bytes written so far (a view of a buffer that is now the caller's, to give back to the pool
   * once written out), and a fresh start.
   */
  take(): Uint8Array {
    const written = this.bytes.subarray(0, this.length);
    this.bytes = new Uint8Array(0);
    this.length = 0;
    return written;
  }
}
