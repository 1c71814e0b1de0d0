import { describe, expect, it } from 'vitest';
import { duration, progressLine } from '../../src/cli/progress-bar.js';

// 412,500 of 1,000,000 bytes (41.25%) and 412,000 rows in 8 s: 51,500 rows/s; the 587,500 bytes
// left at 412,500 bytes per 8 s take 11.39 s, shown rounded up as 12 s.
const FILE = { rows: 412_000, bytes: 412_500, totalBytes: 1_000_000, elapsedMs: 8_000 };
const TAIL = '  41%  412,000 rows  51,500 rows/s  ~12 s left';

describe('the progress line for a file (size known)', () => {
  it('is a bar by bytes read with percent, rows, rows/s and time left, three columns short of the terminal', () => {
    // 80 columns: 77 for the line; the text after the bar is 46, the brackets 2, so the bar has 29
    // cells, of which 41.25% is 11.96: 11 filled.
    const line = progressLine({ ...FILE, columns: 80 });
    expect(line).toBe(`[${'#'.repeat(11)}${'-'.repeat(18)}]${TAIL}`);
    expect(line).toHaveLength(77);
  });

  it('stops widening the bar at 40 cells on a wide terminal', () => {
    // 41.25% of 40 cells is 16.5: 16 filled.
    expect(progressLine({ ...FILE, columns: 200 })).toBe(`[${'#'.repeat(16)}${'-'.repeat(24)}]${TAIL}`);
  });

  it('drops the estimate, then rows/s, then rows, to keep a bar of at least 10 cells on a narrow terminal', () => {
    // 62 columns: 59 − 2 − 46 = 11 cells, 4.54 filled.
    expect(progressLine({ ...FILE, columns: 62 })).toBe(`[####-------]${TAIL}`);
    // 52 columns: 49 − 2 − 46 leaves 1 cell; without the estimate the text is 34, leaving 13.
    expect(progressLine({ ...FILE, columns: 52 })).toBe('[#####--------]  41%  412,000 rows  51,500 rows/s');
    // 42 columns: without rows/s the text is 19, leaving 39 − 2 − 19 = 18 cells, 7.43 filled.
    expect(progressLine({ ...FILE, columns: 42 })).toBe('[#######-----------]  41%  412,000 rows');
    // 22 columns: the percent alone is 5, leaving 19 − 2 − 5 = 12 cells, 4.95 filled.
    expect(progressLine({ ...FILE, columns: 22 })).toBe('[####--------]  41%');
  });

  it('is the percent alone when there is no room for a bar at all', () => {
    expect(progressLine({ ...FILE, columns: 14 })).toBe('41%');
  });

  it('pads the percent to the width of 100%, and fills the whole bar at the end', () => {
    const start = progressLine({ rows: 0, bytes: 0, totalBytes: 1_000, elapsedMs: 0, columns: 42 });
    // Nothing read and no time passed: no rate and no estimate; 39 − 2 − 13 = 24 cells, none filled.
    expect(start).toBe(`[${'-'.repeat(24)}]   0%  0 rows`);
    // 1,000 rows in 2 s is 500 rows/s; nothing is left; 77 − 2 − 40 = 35 cells, all filled.
    const end = progressLine({ rows: 1_000, bytes: 1_000, totalBytes: 1_000, elapsedMs: 2_000, columns: 80 });
    expect(end).toBe(`[${'#'.repeat(35)}] 100%  1,000 rows  500 rows/s  ~0 s left`);
  });

  it('counts a file that grew while it was read as complete rather than past 100%', () => {
    // 42 columns: with the estimate (~0 s left) the text leaves 1 cell; without it, 39 − 2 − 25 = 12.
    expect(progressLine({ rows: 10, bytes: 1_500, totalBytes: 1_000, elapsedMs: 1_000, columns: 42 })).toBe(
      '[############] 100%  10 rows  10 rows/s',
    );
  });

  it('gives a long estimate in minutes and seconds', () => {
    // 1% of the file in 3 s: the other 99% take 297 s, 4 min 57 s.
    const line = progressLine({ rows: 2_000, bytes: 10_000, totalBytes: 1_000_000, elapsedMs: 3_000, columns: 80 });
    expect(line).toMatch(/\]   1%  2,000 rows  667 rows\/s  ~4 min 57 s left$/);
  });
});

describe('the progress line for stdin (size unknown)', () => {
  it('shows rows, rows/s and the time taken, with no bar and no percent', () => {
    expect(progressLine({ rows: 412_000, bytes: 0, elapsedMs: 8_000, columns: 80 })).toBe(
      '412,000 rows  51,500 rows/s  8 s elapsed',
    );
  });

  it('treats an empty size (a file being written) as unknown', () => {
    expect(progressLine({ rows: 1_000, bytes: 500, totalBytes: 0, elapsedMs: 125_400, columns: 80 })).toBe(
      '1,000 rows  8 rows/s  2 min 05 s elapsed',
    );
  });

  it('drops the time, then rows/s, on a narrow terminal, and cuts what is left to fit', () => {
    expect(progressLine({ rows: 412_000, bytes: 0, elapsedMs: 8_000, columns: 32 })).toBe('412,000 rows  51,500 rows/s');
    expect(progressLine({ rows: 412_000, bytes: 0, elapsedMs: 8_000, columns: 22 })).toBe('412,000 rows');
    expect(progressLine({ rows: 412_000, bytes: 0, elapsedMs: 8_000, columns: 12 })).toBe('412,000 r');
  });
});

describe('durations', () => {
  it('are seconds under a minute, minutes and seconds under an hour, then hours and minutes', () => {
    expect(duration(0)).toBe('0 s');
    expect(duration(59)).toBe('59 s');
    expect(duration(60)).toBe('1 min 00 s');
    expect(duration(3_599)).toBe('59 min 59 s');
    // 3,725 s = 1 h 2 min 5 s.
    expect(duration(3_725)).toBe('1 h 02 min');
  });
});
