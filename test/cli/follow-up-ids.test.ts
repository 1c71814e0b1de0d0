/**
 * The ids a sender matches on (account_id in the status file, message_id and account_id in the
 * messages file) are never changed by the guard that keeps other cells from running as spreadsheet
 * formulas: a message_id given an apostrophe would not be found in the contacts log the next night,
 * and the message would go again. An id a spreadsheet would run is refused, and no message goes.
 * Spawns the built dist/ (`npm run build` first).
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli, runCliErrors } from '../helpers/cli.js';

const FILES = ['arrangements', 'payments', 'customers', 'contacts'];

/** The example book with FU-009's id (an account sent a reminder by text on 2026-03-09) changed to `id` in every file. */
function bookWithId(id: string): { dir: string; args: string[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'fairplan-follow-up-ids-'));
  const args = FILES.flatMap((name) => {
    const file = path.join(dir, `${name}.csv`);
    writeFileSync(file, readFileSync(fixture('follow-up', `${name}.csv`), 'utf8').replaceAll('FU-009', id));
    return [`--${name}`, file];
  });
  return { dir, args };
}

const run = (dir: string, args: string[], ...more: string[]) =>
  runCli(['follow-up', ...args, '--as-of', '2026-03-09', '-o', path.join(dir, 'status.csv'), '--messages', path.join(dir, 'messages.csv'), '-q', ...more]);
const runErrors = (dir: string, args: string[]) =>
  runCliErrors(['follow-up', ...args, '--as-of', '2026-03-09', '-o', path.join(dir, 'status.csv'), '--messages', path.join(dir, 'messages.csv'), '-q']);

describe('follow-up: ids a sender matches on', () => {
  it('are written as they are', async () => {
    const { dir, args } = bookWithId('1009');
    // The example book has rejected payment rows (exit 1), none of them this account's.
    const { code } = await run(dir, args);
    expect(code).toBe(1);
    expect(readFileSync(path.join(dir, 'messages.csv'), 'utf8')).toMatch(/^1009:reminder:3:sms,1009,sms,reminder,/m);
    expect(readFileSync(path.join(dir, 'status.csv'), 'utf8')).toMatch(/^1009,/m);
  });

  it('a message_id that would start with "-" is refused, not given an apostrophe that the contacts log would not match', async () => {
    const { dir, args } = bookWithId('-1009');
    const { code, errors } = await runErrors(dir, args);
    expect(code).toBe(2);
    expect(errors).toEqual([expect.objectContaining({ code: 'invalid-row', field: 'message_id' })]);
    expect(existsSync(path.join(dir, 'messages.csv'))).toBe(false);
  });

  it('one a spreadsheet would run is refused: exit 2, one sentence naming it, and no file published, so no message goes', async () => {
    const { dir, args } = bookWithId('=1+2');
    const { code, stdout, stderr } = await run(dir, args, '--errors', path.join(dir, 'errors.csv'));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^fairplan: .*the account id "=1\+2" would run as a spreadsheet formula/)]);
    expect(existsSync(path.join(dir, 'messages.csv'))).toBe(false);
    expect(existsSync(path.join(dir, 'status.csv'))).toBe(false);
  });

  it('in NDJSON (--json), which no spreadsheet runs, is written as it is', async () => {
    const { dir, args } = bookWithId('@FU-009');
    const { code } = await run(dir, args, '--json');
    expect(code).toBe(1);
    const messages = readFileSync(path.join(dir, 'messages.csv'), 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, string>);
    expect(messages.find((m) => m.account_id === '@FU-009')?.message_id).toBe('@FU-009:reminder:3:sms');
  });
});
