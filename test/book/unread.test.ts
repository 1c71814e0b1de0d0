/**
 * What the book keeps though it cannot read it, the same specification for each backend (SQLite
 * always, PostgreSQL when FAIRPLAN_TEST_POSTGRES names a server; skipped, never faked, without one):
 * a sender's report and a payments row that cannot be read are exported and shown on the account's
 * timeline, and hold the customer's messages, as does a payment to an id that only looks like a
 * plan's. Figures from fixtures/book/nightly/ (see test/book/night.test.ts).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { BACKENDS, runCli } from '../helpers/book.js';
import { fixture, ROOT } from '../helpers/cli.js';

const NIGHTLY = (name: string) => fixture('book', 'nightly', name);
type Row = Record<string, string>;
const rows = (file: string): Row[] => parse(readFileSync(file, 'utf8'), { columns: true }) as Row[];
const schema = (name: string) => new Ajv2020({ allErrors: true }).compile(JSON.parse(readFileSync(path.join(ROOT, 'schema', `${name}.schema.json`), 'utf8')) as object);

describe.each(BACKENDS)('what the book cannot read, on $name', (backend) => {
  const scratch = () => mkdtempSync(path.join(tmpdir(), 'fairplan-unread-'));
  const book = (location: string, args: readonly string[]) => runCli(['book', ...args, '--book', location]);
  /** The night's messages as `message_id held_back` (held_back empty for one to send), with each one's reason. */
  const night = async (location: string, asOf: string, dir: string) => {
    const messages = path.join(dir, `messages-${asOf}.csv`);
    const run = await runCli(['follow-up', '--book', location, '--as-of', asOf, '-o', path.join(dir, `status-${asOf}.csv`), '--messages', messages]);
    expect(run.code, run.stderr).toBe(0);
    const written = rows(messages);
    return {
      held: Object.fromEntries(written.map((m) => [m.message_id, m.held_back])),
      reason: (id: string) => written.find((m) => m.message_id === id)?.reason ?? '',
    };
  };
  /** A book with the plans agreed on 1 May and the first night's payments and customers recorded. */
  const firstNight = async (): Promise<string> => {
    const location = await backend.fresh();
    expect((await book(location, ['agree', '--schedules', NIGHTLY('schedules.csv'), '--agreed-on', '2026-05-01'])).code).toBe(0);
    expect((await book(location, ['payments', NIGHTLY('payments-2026-06-01.csv')])).code).toBe(0);
    expect((await book(location, ['customers', NIGHTLY('customers-2026-06-01.csv')])).code).toBe(1);
    return location;
  };
  /** The 1 June night with nothing held but what the fixtures hold (see test/book/night.test.ts). */
  const PLAIN_NIGHT = { 'N-01:reminder:2:sms': '', 'N-02:reminder:2:email': '', 'N-06:reminder:2:sms': '', 'N-07:reminder:2:sms': 'daily-limit', 'N-10:reminder:2:sms': 'too-late' };

  describe.skipIf(backend.missing)('a sender\'s report that cannot be read', () => {
    it('is in book export, CSV and NDJSON, and on the account\'s timeline as text, JSON and HTML', async () => {
      const location = await firstNight();
      const dir = scratch();
      const report = path.join(dir, 'sent.csv');
      writeFileSync(report, 'account_id,message_id,sent_on,status\nN-07,OTHER-7,2026-06-01,queued\n');
      expect((await book(location, ['sent', report])).code).toBe(1);

      expect((await book(location, ['export', path.join(dir, 'csv')])).code).toBe(0);
      expect(rows(path.join(dir, 'csv', 'unread_reports.csv'))).toEqual([expect.objectContaining({ account_id: 'N-07', message_id: 'OTHER-7', sent_on: '2026-06-01', status: 'queued', line: '2' })]);
      expect((await book(location, ['export', path.join(dir, 'ndjson'), '--ndjson'])).code).toBe(0);
      const lines = readFileSync(path.join(dir, 'ndjson', 'unread_reports.ndjson'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines).toEqual([expect.objectContaining({ account_id: 'N-07', message_id: 'OTHER-7', status: 'queued' })]);
      const valid = schema('book-export-unread_reports');
      expect(valid(lines[0]), JSON.stringify(valid.errors)).toBe(true);

      // Placed on the day the book recorded it (the tests' clock: 1 June 2026), as its own day cannot be read.
      const text = await book(location, ['show', 'N-07']);
      expect(text.stdout).toMatch(/^2026-06-01 {2}unread-report .*OTHER-7.*queued/m);
      const shown = JSON.parse((await book(location, ['show', 'N-07', '--json'])).stdout) as { unreadReports: unknown[]; events: { kind: string }[] };
      expect(shown.unreadReports).toEqual([expect.objectContaining({ recordedOn: '2026-06-01', messageId: 'OTHER-7', sentOn: '2026-06-01', status: 'queued', file: report, line: 2 })]);
      expect(shown.events.map((event) => event.kind)).toContain('unread-report');
      const validShow = schema('book-show');
      expect(validShow(shown), JSON.stringify(validShow.errors)).toBe(true);
      expect((await book(location, ['show', 'N-07', '--html'])).stdout).toContain('<td>OTHER-7</td>');
    });

    it('is all the book holds of an account it shows: an account with no plan but a message the book issued', async () => {
      const location = await firstNight();
      const dir = scratch();
      await night(location, '2026-06-01', dir);
      const report = path.join(dir, 'sent.csv');
      // N-01's message, reported under an account the book holds nothing else of.
      writeFileSync(report, 'account_id,message_id,sent_on,status\nX-99,N-01:reminder:2:sms,2026-06-01,DELIVRD\n');
      expect((await book(location, ['sent', report])).code).toBe(1);
      const shown = await book(location, ['show', 'X-99', '--json']);
      expect(shown.code).toBe(0);
      expect((JSON.parse(shown.stdout) as { unreadReports: unknown[] }).unreadReports).toHaveLength(1);
    });
  });

  describe.skipIf(backend.missing)('a payments row that cannot be read', () => {
    const unreadable = 'account_id,paid_on,amount,reference\nN-01,2026-05-30,1.00 GBP,FIX-1\nN-06,31/05/2026,20.00,\nN-02,2026-05-30,20.00,OK-1\n';

    it('is rejected, named by its line and counted, and kept as written, once however often the file is given', async () => {
      const location = await firstNight();
      const dir = scratch();
      const file = path.join(dir, 'payments.csv');
      writeFileSync(file, unreadable);
      const run = await book(location, ['payments', file]);
      expect(run.code).toBe(1);
      const told = run.stderr.trim().split('\n');
      expect(told.filter((line) => line.startsWith(`fairplan: ${file}:line `)).map((line) => line.slice(`fairplan: ${file}:`.length).split(':')[0])).toEqual(['line 2', 'line 3']);
      expect(told).toContain('2 rows rejected');
      expect(run.stdout).toContain('1 payment read: 1 recorded');
      expect(run.stdout).toContain('2 that cannot be read kept');
      // Again: rejected again, kept once.
      expect((await book(location, ['payments', file])).code).toBe(1);
      expect((await book(location, ['export', path.join(dir, 'csv')])).code).toBe(0);
      expect(rows(path.join(dir, 'csv', 'unread_payments.csv')).map((r) => [r.account_id, r.paid_on, r.amount, r.reference, r.code, r.line, r.settled_by])).toEqual([
        ['N-01', '2026-05-30', '1.00 GBP', 'FIX-1', 'bad-value', '2', ''],
        ['N-06', '31/05/2026', '20.00', '', 'bad-value', '3', ''],
      ]);
      expect((await book(location, ['export', path.join(dir, 'ndjson'), '--ndjson'])).code).toBe(0);
      const valid = schema('book-export-unread_payments');
      for (const line of readFileSync(path.join(dir, 'ndjson', 'unread_payments.ndjson'), 'utf8').trim().split('\n')) expect(valid(JSON.parse(line)), JSON.stringify(valid.errors)).toBe(true);

      const shown = JSON.parse((await book(location, ['show', 'N-01', '--json'])).stdout) as { unreadPayments: unknown[]; events: { kind: string; text: string }[] };
      expect(shown.unreadPayments).toEqual([expect.objectContaining({ recordedOn: '2026-06-01', paidOn: '2026-05-30', amount: '1.00 GBP', reference: 'FIX-1', code: 'bad-value', file, line: 2, settledBy: null })]);
      expect(shown.events.find((event) => event.kind === 'unread-payment')?.text).toContain('1.00 GBP');
      const validShow = schema('book-show');
      expect(validShow(shown), JSON.stringify(validShow.errors)).toBe(true);
      expect((await book(location, ['show', 'N-01'])).stdout).toMatch(/^2026-06-01 {2}unread-payment .*line 2/m);
      expect((await book(location, ['show', 'N-01', '--html'])).stdout).toContain('<td>1.00 GBP</td>');
    });

    it('holds the account, and its person\'s, night after night, until a later run records it corrected: the same reference, or the same line of the same file', async () => {
      const location = await firstNight();
      const dir = scratch();
      const file = path.join(dir, 'payments.csv');
      writeFileSync(file, unreadable);
      expect((await book(location, ['payments', file])).code).toBe(1);
      const held = await night(location, '2026-06-01', dir);
      // N-01's payment cannot be read; N-06's neither, and N-07 is the same person. N-02's row was read.
      expect(held.held).toEqual({ ...PLAIN_NIGHT, 'N-01:reminder:2:sms': 'protection-unreadable', 'N-06:reminder:2:sms': 'protection-unreadable', 'N-07:reminder:2:sms': 'protection-unreadable' });
      expect(held.reason('N-01:reminder:2:sms')).toContain(`line 2 of ${file}`);
      expect(held.reason('N-07:reminder:2:sms')).toContain(`line 3 of ${file}`);
      // A later night is held too: nothing settled it.
      expect((await night(location, '2026-06-02', dir)).held['N-01:reminder:2:sms']).toBe('protection-unreadable');

      // N-01's row, corrected in another file, with its reference: settled. N-06's has no reference: another file's line 3 does not settle it.
      const other = path.join(dir, 'other.csv');
      writeFileSync(other, 'account_id,paid_on,amount,reference\nN-01,2026-05-30,1.00,FIX-1\nN-06,2026-05-31,20.00,\n');
      const fixed = await book(location, ['payments', other]);
      expect(fixed.code).toBe(0);
      expect(fixed.stdout).toContain('1 kept unread before now recorded corrected');
      expect((await night(location, '2026-06-02', dir)).held).toEqual({
        'N-01:reminder:2:sms': '',
        'N-02:reminder:2:email': 'already-sent',
        'N-06:reminder:2:sms': 'protection-unreadable',
        'N-07:reminder:2:sms': 'protection-unreadable',
      });

      // The same file, corrected: its line 3 now reads, and settles N-06's.
      writeFileSync(file, 'account_id,paid_on,amount,reference\nN-01,2026-05-30,1.00,FIX-1\nN-06,2026-05-31,20.00,\nN-02,2026-05-30,20.00,OK-1\n');
      expect((await book(location, ['payments', file])).stdout).toContain('1 kept unread before now recorded corrected');
      // The night run again writes what it had held (N-01's reminder went on the run before).
      expect((await night(location, '2026-06-02', dir)).held).toEqual({ 'N-02:reminder:2:email': 'already-sent', 'N-06:reminder:2:sms': '', 'N-07:reminder:2:sms': 'daily-limit' });
      expect((await book(location, ['export', path.join(dir, 'csv')])).code).toBe(0);
      expect(rows(path.join(dir, 'csv', 'unread_payments.csv')).map((r) => r.settled_by === '')).toEqual([false, false]);
    });
  });

  describe.skipIf(backend.missing)('a payment to an id that only looks like a plan\'s', () => {
    it.each([
      ['in lower case', 'n-02'],
      ['with a non-breaking hyphen', 'N\u201102'],
      ['with a zero-width space', 'N-02\u200b'],
    ])('%s holds that plan\'s messages, naming the payment, until the plan\'s own account has it', async (_, id) => {
      const location = await firstNight();
      const dir = scratch();
      const file = path.join(dir, 'look-alike.csv');
      writeFileSync(file, `account_id,paid_on,amount,reference\n${id},2026-05-28,10.00,LA-1\n`);
      const recorded = await book(location, ['payments', file]);
      expect(recorded.code).toBe(0);
      expect(recorded.stdout).toContain('1 of them for an account the book has no plan for');
      const held = await night(location, '2026-06-01', dir);
      expect(held.held).toEqual({ ...PLAIN_NIGHT, 'N-02:reminder:2:email': 'protection-unreadable' });
      expect(held.reason('N-02:reminder:2:email')).toContain(`line 2 of ${file}`);
      expect(held.reason('N-02:reminder:2:email')).toContain(`"${id}"`);

      // Recorded for N-02 itself, the same payment: N-02 is followed up as usual.
      const own = path.join(dir, 'own.csv');
      writeFileSync(own, 'account_id,paid_on,amount,reference\nN-02,2026-05-28,10.00,LA-1\n');
      expect((await book(location, ['payments', own])).code).toBe(0);
      // Run again, the night writes only what its first run did not issue: N-02's reminder, held then.
      expect((await night(location, '2026-06-01', dir)).held).toEqual({ 'N-02:reminder:2:email': '', 'N-07:reminder:2:sms': 'daily-limit', 'N-10:reminder:2:sms': 'too-late' });
    });

    it('holds nothing when it was paid before the plan in force was agreed, and holds for one that cannot be read', async () => {
      const location = await firstNight();
      const dir = scratch();
      const file = path.join(dir, 'look-alike.csv');
      writeFileSync(file, 'account_id,paid_on,amount,reference\nn-02,2026-04-20,10.00,OLD-1\nn-06,2026-05-28,ten pounds,LA-6\n');
      expect((await book(location, ['payments', file])).code).toBe(1);
      const held = await night(location, '2026-06-01', dir);
      // n-02's was paid before N-02's plan; n-06's cannot be read, and may be N-06's: N-06 and N-07 are held.
      expect(held.held).toEqual({ ...PLAIN_NIGHT, 'N-06:reminder:2:sms': 'protection-unreadable', 'N-07:reminder:2:sms': 'protection-unreadable' });
      expect(held.reason('N-06:reminder:2:sms')).toContain('"n-06"');
    });
  });
});
