/**
 * Files that appear whole or not at all: each output has its own temporary file, with a name no one
 * can guess or share, in the target's folder, which is never created for it.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { abandonTemporaryFiles, openAtomic, publish, writeFileAtomic, writeFilesAtomic, writeNewFilesAtomic } from '../../src/io/atomic-file.js';
import { mountSmallDisk, noSmallDisk, type SmallDisk } from '../helpers/small-disk.js';

const scratch = () => mkdtempSync(path.join(tmpdir(), 'fairplan-atomic-'));

describe('openAtomic', () => {
  it('gives outputs opened at the same moment a temporary file each, so none writes into another', async () => {
    const dir = scratch();
    const targets = Array.from({ length: 20 }, (_, i) => path.join(dir, i % 2 === 0 ? 'a.csv' : 'b.csv'));
    const writers = await Promise.all(targets.map((target) => openAtomic(target)));
    expect(new Set(readdirSync(dir)).size).toBe(20);
    writers.forEach((writer, i) => writer.stream.write(`writer ${i}\n`));
    await Promise.all(writers.map((writer) => writer.finish()));
    // Published one after another, each target ends with the last writer's file, whole.
    publish(writers);
    expect(readdirSync(dir).sort()).toEqual(['a.csv', 'b.csv']);
    expect(readFileSync(path.join(dir, 'a.csv'), 'utf8')).toBe('writer 18\n');
    expect(readFileSync(path.join(dir, 'b.csv'), 'utf8')).toBe('writer 19\n');
  });

  it('does not create a folder that does not exist, and says so plainly', async () => {
    const dir = scratch();
    const target = path.join(dir, 'missing', 'results.csv');
    await expect(openAtomic(target)).rejects.toMatchObject({ message: 'no such folder', context: { file: target } });
    expect(existsSync(path.join(dir, 'missing'))).toBe(false);
  });

  it('leaves the previous file as it was when the run is abandoned, and removes its temporary file', async () => {
    const dir = scratch();
    const target = path.join(dir, 'results.csv');
    writeFileSync(target, 'yesterday\n');
    const writer = await openAtomic(target);
    writer.stream.write('half of today');
    expect(abandonTemporaryFiles()).toBe(true);
    expect(readdirSync(dir)).toEqual(['results.csv']);
    expect(readFileSync(target, 'utf8')).toBe('yesterday\n');
    expect(abandonTemporaryFiles()).toBe(false);
    await writer.abort();
  });
});

describe('an output that is a named pipe or a device (/dev/null)', () => {
  it('is written to where it is, never replaced by a file', async () => {
    const dir = scratch();
    const pipe = path.join(dir, 'results.pipe');
    execFileSync('mkfifo', [pipe]);
    const received = new Promise<string>((resolve) => {
      let text = '';
      createReadStream(pipe, 'utf8').on('data', (chunk) => (text += chunk)).on('end', () => resolve(text));
    });
    const writer = await openAtomic(pipe);
    writer.stream.write('ACC1,2000.00\n');
    await writer.finish();
    publish([writer]);
    expect(await received).toBe('ACC1,2000.00\n');
    expect(statSync(pipe).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['results.pipe']);
  });
});

describe('writeFileAtomic', () => {
  it('refuses a target that is a folder in plain words, leaving nothing behind', async () => {
    const dir = scratch();
    mkdirSync(path.join(dir, 'out'));
    const error = await writeFileAtomic(path.join(dir, 'out'), 'text').catch((e: unknown) => e);
    expect(error).toMatchObject({ message: 'is a folder' });
    expect(readdirSync(dir)).toEqual(['out']);
    expect(readdirSync(path.join(dir, 'out'))).toEqual([]);
  });
});

describe('writeFilesAtomic', () => {
  it('publishes no file unless every file can be written', async () => {
    const dir = scratch();
    writeFileSync(path.join(dir, 'statement.json'), 'before\n');
    mkdirSync(path.join(dir, 'letter.txt'));
    const files = [
      { target: path.join(dir, 'statement.json'), content: 'after\n' },
      { target: path.join(dir, 'letter.txt'), content: 'Dear customer\n' },
    ];
    await expect(writeFilesAtomic(files)).rejects.toMatchObject({ message: 'is a folder' });
    expect(readdirSync(dir).sort()).toEqual(['letter.txt', 'statement.json']);
    expect(readFileSync(path.join(dir, 'statement.json'), 'utf8')).toBe('before\n');
  });
});

describe.skipIf(noSmallDisk)(`on a disk that fills up${noSmallDisk ? `: skipped, ${noSmallDisk}` : ''}`, () => {
  let disk: SmallDisk;
  beforeAll(() => {
    disk = mountSmallDisk(64);
  });
  afterAll(() => disk.unmount());

  it('publishes no file that did not fit, leaves the previous ones as they were and no temporary file, and says the disk is full', async () => {
    const ics = path.join(disk.folder, 'plan.ics');
    const letters = [path.join(disk.folder, 'letter-1.txt'), path.join(disk.folder, 'letter-2.txt')];
    writeFileSync(ics, 'yesterday\n');
    const failed = await writeFileAtomic(ics, 'x'.repeat(200 * 1024)).catch((error: unknown) => error);
    expect(failed).toMatchObject({ code: 'no-space', context: { file: ics } });
    expect(readFileSync(ics, 'utf8')).toBe('yesterday\n');
    // The first letter fits, the second does not: neither takes its name.
    const together = await writeFilesAtomic([
      { target: letters[0] ?? '', content: 'Dear creditor\n' },
      { target: letters[1] ?? '', content: 'y'.repeat(200 * 1024) },
    ]).catch((error: unknown) => error);
    expect(together).toMatchObject({ code: 'no-space', context: { file: letters[1] } });
    expect(readdirSync(disk.folder)).toEqual(['plan.ics']);
  });
});

describe('writeNewFilesAtomic', () => {
  it('writes new files whole, with the mode asked for, and leaves no temporary file', async () => {
    const dir = scratch();
    await writeNewFilesAtomic([
      { target: path.join(dir, 'statement.yaml'), content: 'household: {}\n', mode: 0o600 },
      { target: path.join(dir, 'notes.txt'), content: 'notes\n' },
    ]);
    expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'statement.yaml']);
    expect(readFileSync(path.join(dir, 'statement.yaml'), 'utf8')).toBe('household: {}\n');
    expect(statSync(path.join(dir, 'statement.yaml')).mode & 0o777).toBe(0o600);
  });

  it('never writes over a file that exists, and then writes none of the others', async () => {
    const dir = scratch();
    writeFileSync(path.join(dir, 'b.yaml'), 'the advisor\'s own\n');
    const writing = writeNewFilesAtomic(['a.yaml', 'b.yaml', 'c.yaml'].map((name) => ({ target: path.join(dir, name), content: 'new\n' })));
    await expect(writing).rejects.toMatchObject({ code: 'io', message: 'exists already: name another file, or delete this one first', context: { file: path.join(dir, 'b.yaml') } });
    expect(readdirSync(dir)).toEqual(['b.yaml']);
    expect(readFileSync(path.join(dir, 'b.yaml'), 'utf8')).toBe('the advisor\'s own\n');
  });

  it('says a missing folder plainly', async () => {
    const target = path.join(scratch(), 'missing', 'statement.yaml');
    await expect(writeNewFilesAtomic([{ target, content: 'x' }])).rejects.toMatchObject({ message: 'no such folder', context: { file: target } });
  });
});
