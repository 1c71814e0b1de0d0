/**
 * Reading an export: every record with the line it starts on, and a record the parser cannot read
 * kept in its place with its text as it was in the file.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readRecords, type InputRecord } from '../../src/io/read-records.js';

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

  it('keeps a record whose quote is never closed in its place, with its text as it was, and reads the records after it', async () => {
    const text = 'id,note\nA1,plain\n\nA2,"never closed, £5\nA3,kept\n';
    const read = await records(text);
    expect(read).toEqual([
      { kind: 'row', line: 1, cells: ['id', 'note'] },
      { kind: 'row', line: 2, cells: ['A1', 'plain'] },
      { kind: 'unreadable', line: 4, reason: 'quote opened here and never closed', cells: ['A2,"never closed, £5'] },
      { kind: 'row', line: 5, cells: ['A3', 'kept'] },
    ]);
  });

  it('reads a stream of text as well as one of bytes', async () => {
    const read: InputRecord[] = [];
    for await (const batch of readRecords(Readable.from(['id,note\nA1,', 'Zoë\n']), ',', 'text.csv')) read.push(...batch);
    expect(read.map((r) => r.cells)).toEqual([['id', 'note'], ['A1', 'Zoë']]);
  });

  it('names the file when it is not UTF-8, and when it cannot be read', async () => {
    const utf16 = Readable.from([Buffer.from('\uFEFFid,note\n', 'utf16le')]);
    await expect(drain(readRecords(utf16, ',', 'export.csv'))).rejects.toMatchObject({
      message: expect.stringContaining('UTF-16 (little-endian)') as string,
      context: { file: 'export.csv' },
    });
    const failing = new Readable({ read: () => failing.destroy(new Error('disk gone')) });
    await expect(drain(readRecords(failing, ',', 'export.csv'))).rejects.toMatchObject({ message: 'cannot be read: disk gone', context: { file: 'export.csv' } });
  });
});

async function drain(batches: AsyncIterable<InputRecord[]>): Promise<void> {
  for await (const _ of batches) void _;
}
