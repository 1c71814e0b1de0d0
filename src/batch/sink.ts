/**
 * Where a batch writes: a file that appears whole or not at all (openAtomic), or stdout. Lines are
 * gathered into chunks and written with back-pressure, so a slow disk slows the run rather than
 * filling memory.
 */
import { once } from 'node:events';
import { FairplanError } from '../core/errors.js';
import { openAtomic, type AtomicWriter } from '../io/atomic-file.js';
import type { Output } from '../cli/io.js';

const CHUNK = 64 * 1024;

export class Sink {
  private buffer = '';
  /** Text and bytes waiting to be written, in order; `buffer` is the text after them. */
  private queued: (string | Uint8Array)[] = [];
  private queuedBytes = 0;
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
  push(text: string | Uint8Array): boolean {
    if (typeof text === 'string') {
      this.buffer += text;
    } else if (text.length > 0) {
      if (this.buffer) this.queued.push(this.buffer);
      this.buffer = '';
      this.queued.push(text);
      this.queuedBytes += text.length;
    }
    return this.buffer.length + this.queuedBytes >= CHUNK;
  }

  async flush(): Promise<void> {
    if (this.failure && this.file) {
      throw new FairplanError('io', `cannot write ${this.file.target}: ${this.failure.message}`, { file: this.file.target });
    }
    if (this.buffer) this.queued.push(this.buffer);
    const chunks = this.queued;
    this.buffer = '';
    this.queued = [];
    this.queuedBytes = 0;
    const stream = this.output as Output & Partial<NodeJS.EventEmitter>;
    let ready = true;
    for (const chunk of chunks) if (stream.write(chunk) === false) ready = false;
    if (!ready && typeof stream.once === 'function') await once(stream as NodeJS.EventEmitter, 'drain');
  }

  /** Writes what is left; a file then takes its name. */
  async commit(): Promise<void> {
    await this.flush();
    await this.file?.commit();
  }

  /** A file is removed, never left half-written; stdout keeps what it was already sent. */
  async abort(): Promise<void> {
    this.buffer = '';
    this.queued = [];
    this.queuedBytes = 0;
    this.failure = undefined;
    await this.file?.abort();
  }
}
