/**
 * Where a batch writes: a file that appears whole or not at all (openAtomic), or stdout. Lines are
 * gathered into chunks and written one chunk at a time, so a slow disk slows the run rather than
 * filling memory.
 */
import { Writable } from 'node:stream';
import { openAtomic, publish, type AtomicWriter } from './atomic-file.js';
import { writeFailure } from './write-failure.js';
import type { Output } from './streams.js';

const CHUNK = 64 * 1024;
// The buffer a chunk with long schedules grew to is let go once written.
const LARGEST_KEPT = 1024 * 1024;

export class Sink {
  /**
   * What waits to be written. Pushed text and bytes are copied in, so the caller can reuse its
   * buffers at once (see buffer-pool.ts), and this one is written into again once written out.
   */
  private bytes = Buffer.allocUnsafe(2 * CHUNK);
  private length = 0;
  private failure: Error | undefined;

  private constructor(
    private readonly output: Output,
    private readonly file?: AtomicWriter,
  ) {
    // A write that fails (a full disk) is reported at the next flush, not thrown from an event.
    file?.stream.on('error', (error) => {
      this.failure ??= error;
    });
  }

  /** `-` is stdout. */
  static async open(target: string, stdout: Output): Promise<Sink> {
    if (target === '-') return new Sink(stdout);
    const file = await openAtomic(target);
    return new Sink(file.stream, file);
  }

  /** Adds text or UTF-8 bytes; returns true when a chunk is ready and the caller should `await flush()`. */
  push(chunk: string | Uint8Array): boolean {
    const size = typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    if (this.length + size > this.bytes.length) {
      const bigger = Buffer.allocUnsafe(Math.max(2 * this.bytes.length, this.length + size));
      this.bytes.copy(bigger, 0, 0, this.length);
      this.bytes = bigger;
    }
    if (typeof chunk === 'string') this.bytes.write(chunk, this.length);
    else this.bytes.set(chunk, this.length);
    this.length += size;
    return this.length >= CHUNK;
  }

  private check(): void {
    if (this.failure && this.file) throw writeFailure(this.file.target, this.failure);
  }

  async flush(): Promise<void> {
    this.check();
    if (this.length === 0) return;
    const pending = this.bytes.subarray(0, this.length);
    const { output } = this;
    if (output instanceof Writable) {
      // Waiting for the write to finish is the back-pressure, and frees the buffer to be reused.
      await new Promise<void>((resolve) => {
        output.write(pending, (error) => {
          if (error) this.failure ??= error;
          resolve();
        });
      });
    } else {
      // Anything else that takes output keeps what it is given.
      output.write(Buffer.from(pending));
    }
    this.length = 0;
    if (this.bytes.length > LARGEST_KEPT) this.bytes = Buffer.allocUnsafe(2 * CHUNK);
    this.check();
  }

  /** Writes what is left; a file is then ready to take its name (see publish). */
  async finish(): Promise<void> {
    await this.flush();
    await this.file?.finish();
  }

  /** Finished files take their names, in order, all at once: see publish in io/atomic-file.ts. */
  static publish(sinks: readonly Sink[]): void {
    publish(sinks.flatMap((sink) => (sink.file ? [sink.file] : [])));
  }

  /** A file is removed, never left half-written; stdout keeps what it was already sent. */
  async abort(): Promise<void> {
    this.length = 0;
    this.failure = undefined;
    await this.file?.abort();
  }
}
