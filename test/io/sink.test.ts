/**
 * A sink keeps its own copy of what it is given (the buffers go back to be written into again),
 * writes it in order, and waits for each write: a file appears whole when published, or not at all.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Sink } from '../../src/io/sink.js';

/** A stdout that takes `delay` ms over each write, and records what it was sent. */
function slowOutput(delay: number) {
  const written: Buffer[] = [];
  let pending = 0;
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      pending++;
      setTimeout(() => {
        written.push(Buffer.from(chunk));
        pending--;
        callback();
      }, delay);
    },
  });
  return { stream, written, pending: () => pending };
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe('Sink', () => {
  it('writes what it was given even when the caller reuses its buffer at once', async () => {
    const output = slowOutput(1);
    const sink = await Sink.open('-', output.stream);
    const buffer = bytes('first line\n');
    sink.push(buffer);
    buffer.fill(0x58);
    sink.push('second line\n');
    await sink.finish();
    Sink.publish([sink]);
    expect(Buffer.concat(output.written).toString()).toBe('first line\nsecond line\n');
  });

  it('asks to be flushed after 64 KB, and a flush returns only once the write is done', async () => {
    const output = slowOutput(20);
    const sink = await Sink.open('-', output.stream);
    const line = 'x'.repeat(999) + '\n';
    let asked = false;
    for (let i = 0; i < 66 && !asked; i++) asked = sink.push(line);
    expect(asked).toBe(true);
    await sink.flush();
    expect(output.pending()).toBe(0);
    expect(Buffer.concat(output.written).length).toBeGreaterThanOrEqual(64 * 1024);
  });

  it('takes a chunk larger than its buffer whole, text and bytes in order', async () => {
    const output = slowOutput(0);
    const sink = await Sink.open('-', output.stream);
    const big = 'é'.repeat(700_000);
    sink.push('a');
    sink.push(big);
    sink.push(bytes('z'));
    await sink.finish();
    Sink.publish([sink]);
    expect(Buffer.concat(output.written).toString()).toBe(`a${big}z`);
  });

  it('writes a file that appears only when published, and not at all on abort', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fairplan-sink-'));
    const target = path.join(dir, 'results.csv');
    const sink = await Sink.open(target, { write: () => true });
    for (let i = 0; i < 5_000; i++) if (sink.push(`line ${i}\n`)) await sink.flush();
    expect(existsSync(target)).toBe(false);
    await sink.finish();
    Sink.publish([sink]);
    const lines = readFileSync(target, 'utf8').split('\n');
    expect(lines).toHaveLength(5_001);
    expect(lines[4_999]).toBe('line 4999');

    const aborted = path.join(dir, 'aborted.csv');
    const other = await Sink.open(aborted, { write: () => true });
    other.push('half a file');
    await other.flush();
    await other.abort();
    expect(existsSync(aborted)).toBe(false);
  });
});
