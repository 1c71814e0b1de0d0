/** Writing lines as UTF-8 bytes (short text a character at a time, long text natively) gives the bytes of the same text written as a string, in buffers from a pool. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BufferPool } from '../../src/batch/buffer-pool.js';
import { ByteLines } from '../../src/batch/byte-lines.js';
import { formatPence } from '../../src/core/pence.js';

const decoded = (out: ByteLines) => Buffer.from(out.take()).toString('utf8');

describe('lines written as bytes', () => {
  it('writes text in any script, amounts as formatPence does and whole numbers, in order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string({ unit: 'grapheme', maxLength: 12 }).map((t) => ({ text: t })),
            fc.string({ unit: 'grapheme', minLength: 60, maxLength: 200 }).map((t) => ({ text: t })),
            fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }).map((p) => ({ pence: p })),
            fc.nat().map((n) => ({ whole: n })),
          ),
          { maxLength: 40 },
        ),
        (pieces) => {
          const out = new ByteLines();
          let expected = '';
          for (const piece of pieces) {
            if ('text' in piece) {
              out.text(piece.text);
              expected += piece.text;
            } else if ('pence' in piece) {
              out.pence(piece.pence);
              expected += formatPence(piece.pence);
            } else {
              out.whole(piece.whole);
              expected += String(piece.whole);
            }
          }
          expect(decoded(out)).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('appends bytes encoded once, as many times as asked, between other writes', () => {
    const ending = new TextEncoder().encode(',"provenance":{"file":"Zoë.csv"}}\n');
    const out = new ByteLines();
    for (let i = 0; i < 1000; i++) {
      out.text('{"n":');
      out.whole(i);
      out.append(ending);
    }
    const lines = decoded(out).trimEnd().split('\n');
    expect(lines).toHaveLength(1000);
    expect(lines[999]).toBe('{"n":999,"provenance":{"file":"Zoë.csv"}}');
  });

  it('writes bytes it has written once more, from one mark to another, also when it grows in between', () => {
    const out = new ByteLines();
    out.text('a,');
    const start = out.mark();
    out.pence(123_456);
    const end = out.mark();
    // Past its first buffer, so the bytes to write again are in the one it grew into.
    out.text(`,${'x'.repeat(5000)},`);
    out.again(start, end);
    out.char(44);
    out.again(start, end);
    expect(decoded(out)).toBe(`a,1234.56,${'x'.repeat(5000)},1234.56,1234.56`);
  });

  it('grows past its first buffer and starts afresh after take', () => {
    const out = new ByteLines();
    const line = `${'£'.repeat(1000)}x\n`;
    for (let i = 0; i < 100; i++) out.text(line);
    expect(decoded(out)).toBe(line.repeat(100));
    out.pence(-105);
    out.char(44);
    out.whole(0);
    expect(decoded(out)).toBe('-1.05,0');
  });

  it("writes into its pool's buffers and hands them on without a copy", () => {
    const pool = new BufferPool();
    const spare = new ArrayBuffer(128 * 1024);
    pool.give(spare);
    const out = new ByteLines(pool);
    out.text('ACC1,12.00\n');
    const taken = out.take();
    expect(taken.buffer).toBe(spare);
    expect(Buffer.from(taken).toString()).toBe('ACC1,12.00\n');
  });
});
