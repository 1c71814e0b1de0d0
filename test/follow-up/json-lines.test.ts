import { describe, expect, it } from 'vitest';
import { jsonLines, type JsonLine } from '../../src/follow-up/json-lines.js';

async function all(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, limit = 16): Promise<JsonLine[]> {
  const found: JsonLine[] = [];
  for await (const lines of jsonLines((async function* () { yield* chunks; })(), limit)) found.push(...lines);
  return found;
}
const bytes = (...texts: string[]) => texts.map((text) => Buffer.from(text));

describe('jsonLines', () => {
  it('numbers the lines that LF, CRLF and a lone CR end, however the chunks fall, and keeps a last line with no line end', async () => {
    const expected = [{ line: 1, text: '{"a":1}' }, { line: 2, text: '' }, { line: 3, text: '{"b":2}' }, { line: 4, text: '{"c":3}' }, { line: 5, text: 'é' }];
    const text = '{"a":1}\r\n\n{"b":2}\r{"c":3}\né';
    expect(await all(bytes(text))).toEqual(expected);
    // Every split into two chunks, a CRLF and a two-byte letter among them.
    const whole = Buffer.from(text);
    for (let at = 0; at <= whole.length; at++) expect(await all([whole.subarray(0, at), whole.subarray(at)])).toEqual(expected);
  });

  it('passes over a line longer than the limit, keeping none of it, and goes on at the next', async () => {
    expect(await all(bytes('{"a":1}\n', 'x'.repeat(10), 'x'.repeat(10), '\n{"b":2}\n'))).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 2, tooLong: true },
      { line: 3, text: '{"b":2}' },
    ]);
  });

  it('refuses a line of 256 MiB with no line end at all quickly, holding no more than the limit of it', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const before = process.memoryUsage().arrayBuffers;
    let most = 0;
    async function* endless() {
      yield Buffer.from('{"a":1}\n');
      for (let i = 0; i < 4096; i++) {
        most = Math.max(most, process.memoryUsage().arrayBuffers - before);
        yield chunk;
      }
    }
    const started = performance.now();
    expect(await all(endless(), 1024 * 1024)).toEqual([{ line: 1, text: '{"a":1}' }, { line: 2, tooLong: true }]);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(most).toBeLessThan(8 * 1024 * 1024);
  });
});
