import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { hashedWhileRead, sha256File } from '../../src/io/hash.js';
import { fixture, ROOT } from '../helpers/cli.js';

const sha256sum = (file: string): string => execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0] ?? '';

describe('sha256File', () => {
  it('gives what sha256sum gives', async () => {
    const file = fixture('accounts', 'sample-accounts.csv');
    expect(await sha256File(file)).toBe(sha256sum(file));
  });

  it('reads a name relative to the folder given', async () => {
    expect(await sha256File('fixtures/accounts/bank-export.map.json', ROOT)).toBe(sha256sum(fixture('accounts', 'bank-export.map.json')));
  });

  it('says in a plain sentence that a file is missing, naming it', async () => {
    await expect(sha256File('no-such-statement.json', ROOT)).rejects.toMatchObject({ code: 'io', message: 'no such file', context: { file: 'no-such-statement.json' } });
  });
});

describe('hashedWhileRead', () => {
  it('passes the bytes on unchanged and hashes them as they go', async () => {
    const file = fixture('accounts', 'sample-accounts.csv');
    const bytes = readFileSync(file);
    const { stream, hash } = hashedWhileRead(Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]));
    const read: Buffer[] = [];
    for await (const chunk of stream) read.push(chunk as Buffer);
    expect(Buffer.concat(read).equals(bytes)).toBe(true);
    expect(hash.digest('hex')).toBe(sha256sum(file));
  });
});
