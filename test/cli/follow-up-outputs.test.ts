/**
 * follow-up's outputs and exit codes, for the nightly job that runs it: an output never written over
 * an input (standard output included), and a code that tells "some rows rejected" from "nothing
 * usable", with --max-rejects as batch has it.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli, runCliErrors, runWithStdoutTo } from '../helpers/cli.js';

const BOOK = ['arrangements', 'payments', 'customers', 'contacts'].flatMap((name) => [`--${name}`, fixture('follow-up', `${name}.csv`)]);
const AS_OF = ['--as-of', '2026-03-09'];
const scratch = () => mkdtempSync(path.join(tmpdir(), 'fairplan-follow-up-outputs-'));

describe('follow-up refuses outputs that would overwrite its inputs or each other, before reading a row', () => {
  it('refuses standard output appended to the payments file (-o - >> payments.csv), leaving it as it was', async () => {
    const dir = scratch();
    const payments = path.join(dir, 'payments.csv');
    copyFileSync(fixture('follow-up', 'payments.csv'), payments);
    const before = readFileSync(payments, 'utf8');
    const { code, stderr } = await runWithStdoutTo(payments, ['follow-up', '--arrangements', fixture('follow-up', 'arrangements.csv'), '--payments', payments, '--no-contacts-log', ...AS_OF, '-o', '-']);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^fairplan: standard output: .*the payments file/)]);
    expect(readFileSync(payments, 'utf8')).toBe(before);
  });

  it('refuses two outputs on standard output, naming both options', async () => {
    const { code, stdout, stderr } = await runCli(['follow-up', ...BOOK, ...AS_OF, '-o', '-', '--messages', '-']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/-o and --messages/)]);
  });
});

describe('follow-up exit codes', () => {
  it('exits 3, nothing usable, when no arrangement can be read, though it writes the rejected rows', async () => {
    const dir = scratch();
    const arrangements = path.join(dir, 'arrangements.csv');
    writeFileSync(arrangements, 'account_id,n,due,amount\nFU-001,1,2026-02-30,25.00\nFU-002,1,2026-03-05,lots\n');
    const errors = path.join(dir, 'errors.csv');
    const { code } = await runCli(['follow-up', '--arrangements', arrangements, '--payments', fixture('follow-up', 'payments.csv'), '--no-contacts-log', ...AS_OF, '-o', path.join(dir, 'status.csv'), '--errors', errors, '-q']);
    expect(code).toBe(3);
    // Both arrangements left out, each at its line.
    const rejected = readFileSync(errors, 'utf8');
    expect(rejected).toMatch(/arrangements\.csv,2,FU-001,/);
    expect(rejected).toMatch(/arrangements\.csv,3,FU-002,/);
  });

  it('exits 1 when some rows are rejected and the plans are followed up', async () => {
    expect((await runCli(['follow-up', ...BOOK, ...AS_OF, '-o', path.join(scratch(), 'status.csv'), '-q'])).code).toBe(1);
  });
});

describe('follow-up --max-rejects N|P%', () => {
  // The fixture book rejects 3 of its 163 rows (101 instalments, 39 payments, 17 customers, 6 contacts): 1.84%.
  it.each([
    ['3', 1],
    ['2', 3],
    ['1.9%', 1],
    ['1.8%', 3],
  ])('--max-rejects %s exits %i', async (limit, expected) => {
    const dir = scratch();
    const status = path.join(dir, 'status.csv');
    writeFileSync(status, 'last night\n');
    const { code, stderr } = await runCli(['follow-up', ...BOOK, ...AS_OF, '-o', status, '--errors', path.join(dir, 'errors.csv'), '--max-rejects', limit, '-q']);
    expect(code).toBe(expected);
    if (expected === 3) {
      // Stopped: nothing written, last night's file as it was.
      expect(stderr).toContain('no output file was written');
      expect(readdirSync(dir)).toEqual(['status.csv']);
      expect(readFileSync(status, 'utf8')).toBe('last night\n');
    } else {
      expect(readdirSync(dir).sort()).toEqual(['errors.csv', 'status.csv']);
    }
  });

  it('refuses a limit that is neither a number of rows nor a percentage, as batch does', async () => {
    for (const command of [['follow-up', ...BOOK, ...AS_OF, '-o', '-'], ['batch', fixture('accounts', 'sample-accounts.csv'), ...AS_OF]]) {
      const { code, errors } = await runCliErrors([...command, '--max-rejects', 'ten']);
      expect(code).toBe(2);
      expect(errors).toEqual([expect.objectContaining({ code: 'usage', message: expect.stringContaining("'--max-rejects <n|p%>'") })]);
    }
  });
});
