/**
 * Text kept for the whole run as UTF-8 bytes in large blocks, outside the garbage-collected heap: a
 * million short strings there would cost more in headers and collection than in characters.
 */
import { NumberColumn } from './number-column.js';

const BLOCK_BYTES = 4 * 1024 * 1024;

export class TextArena {
  private readonly blocks: Buffer[] = [];
  private used = BLOCK_BYTES;
  private readonly block = new NumberColumn(Int32Array);
  private readonly start = new NumberColumn(Int32Array);
  private readonly length = new NumberColumn(Int32Array);
  private size = 0;

  /** Keeps `text`; its handle gives it back. */
  add(text: string): number {
    const bytes = Buffer.byteLength(text);
    let current = this.blocks[this.blocks.length - 1];
    if (!current || this.used + bytes > current.length) {
      // A text longer than a block has a block of its own.
      current = Buffer.allocUnsafe(Math.max(BLOCK_BYTES, bytes));
      this.blocks.push(current);
      this.used = 0;
    }
    const handle = this.size++;
    this.block.set(handle, this.blocks.length - 1);
    this.start.set(handle, this.used);
    this.length.set(handle, current.write(text, this.used));
    this.used += bytes;
    return handle;
  }

  /** Whether the text of `handle` is the first `length` bytes of `bytes`. */
  holds(handle: number, bytes: Buffer, length: number): boolean {
    if (this.length.get(handle) !== length) return false;
    const start = this.start.get(handle);
    return (this.blocks[this.block.get(handle)] as Buffer).compare(bytes, 0, length, start, start + length) === 0;
  }

  /** The UTF-8 bytes of `handle`'s text, read in place (a view, not a copy). */
  bytes(handle: number): Buffer {
    const start = this.start.get(handle);
    return (this.blocks[this.block.get(handle)] as Buffer).subarray(start, start + this.length.get(handle));
  }

  get(handle: number): string {
    const start = this.start.get(handle);
    return (this.blocks[this.block.get(handle)] as Buffer).toString('utf8', start, start + this.length.get(handle));
  }
}
