/**
 * Reading an export: every record with the line it starts on, and a record the parser cannot read
 * kept in its place with its text as it was in the file.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readRecords, type InputRecord } from '../../src/batch/read.js';

async function records(text: string, chunkSize = 7): Promise<InputRecord[]> {
  // Small chunks, so records and line ends fall across the pieces the parser is given.
  const bytes = Buffer.from(text, 'utf8');
  const pieces = Array.from({ length: Math.ceil(bytes.length / chunkSize) }, (_, i) => bytes.subarray(i * chunkSize, (i + 1) * chunkSize));
  const all: InputRecord[] = [];
  for await (const batch of readRecords(Readable.from(pieces), ',', 'test.csv')) all.push(...batch);
  return all;
}

describe('reading records', () => {
  it('numbers each record by the line it starts on, across CRLF, blank lines and quoted line breaks', async () => {
    const text = '\uFEFFid,note\r\nA1,plain\r\n\r\nA2,"two\r\nlines"\r\n\r\n\r\nA3,last\r\n';
    expect((await records(text)).map((r) => [r.line, r.cells[0]])).toEqual([
      [1, 'id'],
      [2, 'A1'],
      [4, 'A2'],
      [8, 'A3'],
    ]);
  });

  it('keeps a record whose quote is never closed, in its place, with its text from where it starts', async () => {
    const text = 'id,note\nA1,plain\n\nA2,"never closed, £5\nA3,swallowed\n';
    const read = await records(text);
    expect(read.map((r) => [r.kind, r.line])).toEqual([
      ['row', 1],
      ['row', 2],
      ['unreadable', 4],
    ]);
    const unreadable = read[2];
    expect(unreadable?.kind === 'unreadable' && unreadable.reason).toMatch(/Quote Not Closed/);
    expect(unreadable?.cells).toEqual(['A2,"never closed, £5\nA3,swallowed\n']);
  });
});
