/**
 * Draws `fairplan batch`'s progress line on a terminal, in place, and takes it away again, so that
 * messages and the summary never land after a half-drawn bar. Redraws at most every REDRAW_MS,
 * however often it is told of progress: a terminal repainted per row would cost more than the rows.
 */
import type { Output } from '../io/streams.js';
import { progressLine } from './progress-bar.js';

const REDRAW_MS = 100;
const FALLBACK_COLUMNS = 80;
/** Back to the start of the line and erase it. */
const CLEAR_LINE = '\r\x1b[K';

export interface ProgressDisplayOptions {
  readonly stream: Output;
  /** Milliseconds from a fixed point (the caller's clock). */
  readonly now: () => number;
  /** The input's size in bytes, when it is known. */
  readonly totalBytes?: number;
}

export class ProgressDisplay {
  private readonly started: number;
  private lastDrawn = Number.NEGATIVE_INFINITY;
  private shown = false;

  constructor(private readonly options: ProgressDisplayOptions) {
    this.started = options.now();
  }

  update(rows: number, bytes: number): void {
    const now = this.options.now();
    if (now - this.lastDrawn < REDRAW_MS) return;
    this.lastDrawn = now;
    const { stream, totalBytes } = this.options;
    const line = progressLine({
      rows,
      bytes,
      ...(totalBytes === undefined ? {} : { totalBytes }),
      elapsedMs: now - this.started,
      // Read at each redraw, so a resized window is followed.
      columns: stream.columns || FALLBACK_COLUMNS,
    });
    // Erasing after the text, not before, so the line never flickers empty between redraws.
    stream.write(`\r${line}\x1b[K`);
    this.shown = true;
  }

  /** Takes the line away, if one is shown; a later update draws it again. */
  clear(): void {
    if (!this.shown) return;
    this.options.stream.write(CLEAR_LINE);
    this.shown = false;
  }
}
