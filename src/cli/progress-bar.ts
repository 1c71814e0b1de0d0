/**
 * The text of `fairplan batch`'s progress line on a terminal, from figures the caller measured:
 * pure, so it can be specified by hand. With the input's size known (a file) it is a bar by bytes
 * read with the percent, rows, rows/s and an estimate of the time left; with it unknown (stdin),
 * rows, rows/s and the time taken so far.
 */

export interface Progress {
  readonly rows: number;
  readonly bytes: number;
  /** The input's size in bytes, when it is known. */
  readonly totalBytes?: number;
  readonly elapsedMs: number;
  /** The terminal's width. */
  readonly columns: number;
}

// Narrower than this a bar says too little to be worth its brackets; wider only stretches it.
const MIN_BAR = 10;
const MAX_BAR = 40;
const GAP = '  ';
// Columns left free at the end of the line: a terminal wraps a line that reaches its last column
// (and `\r` would then redraw only the wrapped part), and Ctrl-C echoes "^C" after the bar, which
// must stay on the bar's line to be cleared with it.
const RESERVED = 3;

const count = (n: number): string => n.toLocaleString('en-GB');

/** "12 s", "2 min 05 s", "1 h 02 min". */
export function duration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const pad = (n: number): string => String(n).padStart(2, '0');
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${pad(seconds % 60)} s`;
  return `${Math.floor(seconds / 3600)} h ${pad(Math.floor((seconds % 3600) / 60))} min`;
}

/** Rows a second over the whole run so far; none before any time has passed. */
function rate({ rows, elapsedMs }: Progress): string[] {
  return elapsedMs > 0 ? [`${count(Math.round((rows * 1000) / elapsedMs))} rows/s`] : [];
}

/** The time left if the rest of the input goes as fast as what was read, rounded up. */
function estimate({ bytes, totalBytes = 0, elapsedMs }: Progress): string[] {
  if (bytes <= 0 || elapsedMs <= 0) return [];
  const left = Math.max(0, totalBytes - bytes);
  return [`~${duration(Math.ceil((left * elapsedMs) / bytes / 1000))} left`];
}

/**
 * The first of `candidates` (tried in order, each shorter than the one before) that fits in `width`,
 * else the last one cut to fit.
 */
function fit(candidates: readonly string[], width: number): string {
  return candidates.find((line) => line.length <= width) ?? (candidates.at(-1) ?? '').slice(0, width);
}

/** The pieces of text after the bar, and the shorter forms to fall back on, least useful dropped first. */
function shortenings(pieces: readonly string[]): string[][] {
  return pieces.map((_, i) => pieces.slice(0, pieces.length - i));
}

/** One line, at most `columns - 3` characters. */
export function progressLine(progress: Progress): string {
  const width = Math.max(1, progress.columns - RESERVED);
  const rows = `${count(progress.rows)} rows`;
  if (progress.totalBytes === undefined || progress.totalBytes <= 0) {
    const elapsed = `${duration(Math.floor(progress.elapsedMs / 1000))} elapsed`;
    return fit(shortenings([rows, ...rate(progress), elapsed]).map((pieces) => pieces.join(GAP)), width);
  }
  const fraction = Math.min(1, progress.bytes / progress.totalBytes);
  // Padded to "100%", so the figures after it move only when the rows outgrow their digits.
  const percent = `${String(Math.floor(fraction * 100)).padStart(3)}%`;
  const tails = shortenings([percent, rows, ...rate(progress), ...estimate(progress)]).map((pieces) => ` ${pieces.join(GAP)}`);
  for (const tail of tails) {
    const cells = Math.min(MAX_BAR, width - '[]'.length - tail.length);
    if (cells >= MIN_BAR) {
      const filled = Math.floor(fraction * cells);
      return `[${'#'.repeat(filled)}${'-'.repeat(cells - filled)}]${tail}`;
    }
  }
  return fit(tails.map((tail) => tail.trimStart()), width);
}
