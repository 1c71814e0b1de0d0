import { describe, expect, it } from 'vitest';
import { ProgressDisplay } from '../../src/cli/progress-display.js';

/** A terminal that records what is written to it, and a clock the test moves by hand. */
function terminal(columns?: number) {
  const writes: string[] = [];
  let time = 5_000;
  const stream = { isTTY: true, write: (text: string) => writes.push(text), ...(columns === undefined ? {} : { columns }) };
  return { stream, writes, now: () => time, advance: (ms: number) => (time += ms) };
}

describe('the progress display', () => {
  it('draws the line in place: back to the start of the line, the text, then erase what an older line left', () => {
    const t = terminal(40);
    const display = new ProgressDisplay({ stream: t.stream, now: t.now });
    t.advance(2_000);
    display.update(1_000, 0);
    expect(t.writes).toEqual(['\r1,000 rows  500 rows/s  2 s elapsed\x1b[K']);
  });

  it('redraws at most ten times a second, however often it is told of progress', () => {
    const t = terminal(80);
    const display = new ProgressDisplay({ stream: t.stream, now: t.now, totalBytes: 10_000 });
    display.update(1_000, 1_000);
    t.advance(60);
    display.update(2_000, 2_000);
    t.advance(39);
    display.update(3_000, 3_000);
    expect(t.writes).toHaveLength(1);
    t.advance(1);
    display.update(4_000, 4_000);
    expect(t.writes).toHaveLength(2);
    // 4,000 of 10,000 bytes in 0.1 s: the other 6,000 take 0.15 s, shown as 1 s. The text after the
    // bar is 43 columns, leaving 77 − 2 − 43 = 32 cells, 40% of them 12.8: 12 filled.
    expect(t.writes[1]).toBe(`\r[${'#'.repeat(12)}${'-'.repeat(20)}]  40%  4,000 rows  40,000 rows/s  ~1 s left\x1b[K`);
  });

  it('fits an 80-column terminal when the stream does not say its width', () => {
    const t = terminal();
    const display = new ProgressDisplay({ stream: t.stream, now: t.now, totalBytes: 1_000 });
    t.advance(1_000);
    display.update(500, 500);
    // 77 columns: the text after the bar is "  50%  500 rows  500 rows/s  ~1 s left" (38), so 37 cells.
    expect(t.writes).toEqual([`\r[${'#'.repeat(18)}${'-'.repeat(19)}]  50%  500 rows  500 rows/s  ~1 s left\x1b[K`]);
  });

  it('erases the line once when cleared, and writes nothing when there is no line to clear', () => {
    const t = terminal(40);
    const display = new ProgressDisplay({ stream: t.stream, now: t.now });
    display.clear();
    expect(t.writes).toEqual([]);
    display.update(1_000, 0);
    display.clear();
    display.clear();
    expect(t.writes.slice(1)).toEqual(['\r\x1b[K']);
  });

  it('draws the line again after a clear, at the next redraw', () => {
    const t = terminal(40);
    const display = new ProgressDisplay({ stream: t.stream, now: t.now });
    display.update(1_000, 0);
    display.clear();
    t.advance(100);
    display.update(2_000, 0);
    expect(t.writes).toHaveLength(3);
    expect(t.writes[2]).toMatch(/^\r2,000 rows/);
  });
});
