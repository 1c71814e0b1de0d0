/**
 * follow-up --book, the same specification for each backend (SQLite always, PostgreSQL when
 * FAIRPLAN_TEST_POSTGRES names a server; skipped, never faked, without one): the night read from the
 * book, the messages it issues recorded there once, and what the book holds of a customer (an
 * opt-out, a Breathing Space, a vulnerability, a doubt) holding their messages as follow-up's files
 * do. Figures from fixtures/book/nightly/, worked out by hand (see test/book/ten-nights.test.ts).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openBook } from '../../src/book/connect.js';
import { nightFromBook } from '../../src/book/night.js';
import { inSnapshot } from '../../src/book/transaction.js';
import { parseIsoDate } from '../../src/core/date.js';
import type { Account } from '../../src/follow-up/book.js';
import { LATEST_VERSION, MIGRATION_TABLE } from '../../src/book/schema.js';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { BACKENDS, runCli } from '../helpers/book.js';
import { fixture, ROOT } from '../helpers/cli.js';
import { Ajv2020 } from 'ajv/dist/2020.js';

const NIGHTLY = (name: string) => fixture('book', 'nightly', name);
type Row = Record<string, string>;
const rows = (file: string): Row[] => parse(readFileSync(file, 'utf8'), { columns: true }) as Row[];
/** The messages file as `message_id held_back` (held_back empty for one to send). */
const messages = (file: string): string[] => rows(file).map((m) => `${m.message_id} ${m.held_back}`.trim());

describe.each(BACKENDS)('follow-up --book on $name', (backend) => {
  const scratch = () => mkdtempSync(path.join(tmpdir(), 'fairplan-night-'));
  const book = (location: string, args: readonly string[]) => runCli(['book', ...args, '--book', location]);
  const night = (location: string, asOf: string, dir: string, extra: readonly string[] = []) =>
    runCli(['follow-up', '--book', location, '--as-of', asOf, '-o', path.join(dir, `status-${asOf}.csv`), '--messages', path.join(dir, `messages-${asOf}.csv`), ...extra]);
  /** A book with the plans agreed and the first night's payments and customers recorded. */
  const firstNight = async (): Promise<string> => {
    const location = await backend.fresh();
    expect((await book(location, ['agree', '--schedules', NIGHTLY('schedules.csv'), '--agreed-on', '2026-05-01'])).code).toBe(0);
    expect((await book(location, ['payments', NIGHTLY('payments-2026-06-01.csv')])).code).toBe(0);
    // Line 10, N-09's vulnerable "maybe", is named: recorded as vulnerable, with the doubt.
    expect((await book(location, ['customers', NIGHTLY('customers-2026-06-01.csv')])).code).toBe(1);
    return location;
  };
  const messagesInBook = async (location: string): Promise<string[]> => {
    const opened = await openBook(location, { create: false, waitSeconds: 5, cwd: process.cwd() });
    try {
      return (await opened.db.selectFrom('messages').select(['message_id', 'night']).orderBy('id').execute()).map((m) => `${m.message_id} ${m.night}`);
    } finally {
      await opened.close();
    }
  };

  describe.skipIf(backend.missing)('a night', () => {
    it('reads the plans, payments and customers from the book and records the messages it issues', async () => {
      const location = await firstNight();
      const dir = scratch();
      const run = await night(location, '2026-06-01', dir);
      expect(run.code).toBe(0);
      // N-06 and N-07 are one person (customer C-0607): one message a night. N-10's instalment is due today: too late to remind.
      expect(messages(path.join(dir, 'messages-2026-06-01.csv'))).toEqual([
        'N-01:reminder:2:sms',
        'N-02:reminder:2:email',
        'N-06:reminder:2:sms',
        'N-07:reminder:2:sms daily-limit',
        'N-10:reminder:2:sms too-late',
      ]);
      expect(run.stderr).toContain('3 messages issued and recorded in the book');
      expect(await messagesInBook(location)).toEqual(['N-01:reminder:2:sms 2026-06-01', 'N-02:reminder:2:email 2026-06-01', 'N-06:reminder:2:sms 2026-06-01']);
      const status = Object.fromEntries(rows(path.join(dir, 'status-2026-06-01.csv')).map((s) => [s.account_id, `${s.status} ${s.paid_to_date}`]));
      expect(Object.keys(status)).toHaveLength(20);
      // Two payments of £50.00 on 1 June besides May's: £100.00 ahead.
      expect(status['N-03']).toBe('ahead 150.00');
      expect(status['N-10']).toBe('behind 60.00');
    });

    it('takes for one person accounts whose mobile is written another way or customer_id in another case: one\'s Breathing Space or opt-out holds the other\'s messages', async () => {
      const location = await firstNight();
      const dir = scratch();
      // N-03 is in Breathing Space on N-01's phone, written another way; N-05 opts out, under N-02's customer_id in lower case.
      const protections = path.join(dir, 'protections.csv');
      writeFileSync(
        protections,
        'account_id,customer_id,name,channel,mobile,email,breathing_space,breathing_space_end,effective_on\n' +
          'N-03,C-03,Carys Jones,sms,+44 (0)7700 900001,,standard,2026-07-31,2026-05-01\n' +
          'N-05, c-02 ,Elif Demir,none,07700900005,,,,2026-05-01\n',
      );
      expect((await book(location, ['customers', protections])).code).toBe(0);
      expect((await night(location, '2026-06-01', dir)).code).toBe(0);
      const issued = messages(path.join(dir, 'messages-2026-06-01.csv'));
      // N-01 is sent nothing in a Breathing Space; N-02's reminder is held as opted out.
      expect(issued.filter((m) => m.startsWith('N-01:') || m.startsWith('N-02:'))).toEqual(['N-02:reminder:2:none customer-opted-out']);
      expect(issued).toContain('N-06:reminder:2:sms');
    });

    it('run twice, writes no message the first run issued, holds them as already issued, records nothing twice, and says so', async () => {
      const location = await firstNight();
      const dir = scratch();
      expect((await night(location, '2026-06-01', dir)).code).toBe(0);
      const summary = path.join(dir, 'summary.json');
      const again = await night(location, '2026-06-01', dir, ['--summary', summary]);
      expect(again.code).toBe(0);
      expect(again.stderr).toContain('0 messages issued and recorded in the book');
      expect(again.stderr).toContain('3 messages were issued by an earlier run of this night and are not written again');
      // Only what the first run held: nothing for a sender to send twice, whether or not it drops ids it has seen.
      expect(messages(path.join(dir, 'messages-2026-06-01.csv'))).toEqual(['N-07:reminder:2:sms daily-limit', 'N-10:reminder:2:sms too-late']);
      expect((JSON.parse(readFileSync(summary, 'utf8')) as { heldBack: Record<string, number> }).heldBack).toMatchObject({ 'already-issued': 3, 'daily-limit': 1, 'too-late': 1 });
      expect(await messagesInBook(location)).toHaveLength(3);
    });

    it('run again once a change is recorded, issues only the message new to the night, and holds those the first run issued', async () => {
      const location = await firstNight();
      const dir = scratch();
      expect((await night(location, '2026-06-01', dir)).code).toBe(0);
      // A customer row recorded since the first run: N-12 (next due 20 June) is now due for review on 1 June.
      const review = path.join(dir, 'review.csv');
      writeFileSync(review, 'account_id,customer_id,name,channel,mobile,review_on,effective_on\nN-12,C-12,Kiran Shah,sms,07700900012,2026-06-01,2026-06-01\n');
      expect((await book(location, ['customers', review])).code).toBe(0);
      const again = await night(location, '2026-06-01', dir);
      expect(again.code).toBe(0);
      expect(again.stderr).toContain('1 message issued and recorded in the book');
      expect(again.stderr).toContain('3 messages were issued by an earlier run of this night and are not written again');
      expect(messages(path.join(dir, 'messages-2026-06-01.csv'))).toEqual([
        'N-07:reminder:2:sms daily-limit',
        'N-10:reminder:2:sms too-late',
        'N-12:review-invitation:review-2026-06-01:sms',
      ]);
      expect(await messagesInBook(location)).toEqual([
        'N-01:reminder:2:sms 2026-06-01',
        'N-02:reminder:2:email 2026-06-01',
        'N-06:reminder:2:sms 2026-06-01',
        'N-12:review-invitation:review-2026-06-01:sms 2026-06-01',
      ]);
    });

    it('reads a night a few accounts at a time as it reads it all at once: each plan with its payments, customer, person and contacts', async () => {
      const location = await firstNight();
      const dir = scratch();
      // Contacts for the next night: the messages the first issued, what a sender reported, and one of another system's.
      expect((await night(location, '2026-06-01', dir)).code).toBe(0);
      const other = path.join(dir, 'sent.csv');
      writeFileSync(other, 'account_id,message_id,sent_on,channel,status,detail\nN-08,CRM-1,2026-06-01T12:00:00+01:00,sms,delivered,\n');
      expect((await book(location, ['sent', NIGHTLY('sent-2026-06-01.csv')])).code).toBe(0);
      expect((await book(location, ['sent', other])).code).toBe(0);
      // N-06 opts out from 2 June, with a vulnerability the book could not read: N-07, the same person, on another page when a page is one account, shares both.
      const optOut = path.join(dir, 'opt-out.csv');
      writeFileSync(optOut, 'account_id,customer_id,name,channel,mobile,vulnerable,effective_on\nN-06,C-0607,Femi Adeyemi,none,07700900006,maybe,2026-06-02\n');
      expect((await book(location, ['customers', optOut])).code).toBe(1);
      const read = async (pageRows?: number) => {
        const opened = await openBook(location, { create: false, waitSeconds: 5, cwd: process.cwd() });
        try {
          return await inSnapshot(opened, async (db) => {
            const recording = { command: 'follow-up', file: 'messages.csv', sha256: '', recordedAt: '2026-06-02T20:00:00Z', provenance: {} };
            const read = await nightFromBook(db, parseIsoDate('2026-06-02'), recording, pageRows === undefined ? {} : { pageRows });
            const accounts: Account[] = [];
            await read.source({ columns: (columns) => new Set(columns), reject: () => undefined, account: async (account) => void accounts.push(account) });
            return accounts;
          });
        } finally {
          await opened.close();
        }
      };
      const whole = await read();
      expect(whole.map((account) => account.id)).toHaveLength(20);
      // N-06 and N-07 are one person: each sees the other's contact of the night before.
      expect(whole.find((account) => account.id === 'N-07')?.contacts.map((contact) => contact.messageId)).toContain('N-06:reminder:2:sms');
      expect(whole.find((account) => account.id === 'N-08')?.contacts.map((contact) => contact.messageId)).toContain('CRM-1');
      const n07 = whole.find((account) => account.id === 'N-07')?.customer;
      expect(n07?.channel).toBe('none');
      expect(n07?.doubts.join(' ')).toContain('maybe');
      for (const pageRows of [1, 2, 3]) expect(await read(pageRows)).toEqual(whole);
    });

    it('counts the messages it recorded toward the next day\'s limits, per person', async () => {
      const location = await firstNight();
      const dir = scratch();
      const rules = path.join(dir, 'rules.yaml');
      writeFileSync(rules, 'contact_limits:\n  per_week: 1\n');
      expect((await night(location, '2026-06-01', dir, ['--rules', rules])).code).toBe(0);
      expect((await book(location, ['payments', NIGHTLY('payments-2026-06-02.csv')])).code).toBe(0);
      expect((await night(location, '2026-06-02', dir, ['--rules', rules])).code).toBe(0);
      const held = Object.fromEntries(rows(path.join(dir, 'messages-2026-06-02.csv')).map((m) => [m.message_id, m.held_back]));
      // N-01's reminder went last night; N-07's person had N-06's message last night, their one for the week.
      // N-05's reminder of 5 June is its first (no Breathing Space is recorded in this book).
      expect(held).toEqual({ 'N-01:reminder:2:sms': 'already-sent', 'N-05:reminder:2:sms': '', 'N-06:reminder:2:sms': 'already-sent', 'N-07:reminder:2:sms': 'weekly-limit' });
      expect(await messagesInBook(location)).toHaveLength(4);
    });

    it('holds the messages of a customer who opted out, and sends none in a Breathing Space, as the book records them', async () => {
      const location = await firstNight();
      const dir = scratch();
      expect((await book(location, ['customers', NIGHTLY('customers-2026-06-02.csv')])).code).toBe(0);
      expect((await book(location, ['customers', NIGHTLY('customers-2026-06-03.csv')])).code).toBe(0);
      expect((await night(location, '2026-06-03', dir)).code).toBe(0);
      const status = Object.fromEntries(rows(path.join(dir, 'status-2026-06-03.csv')).map((s) => [s.account_id, s.status]));
      const sent = rows(path.join(dir, 'messages-2026-06-03.csv'));
      // N-04 opted out from 3 June; its reminder of 6 June is held. N-05 is in Breathing Space from 2 June: no message at all.
      expect(sent.find((m) => m.account_id === 'N-04')).toMatchObject({ channel: 'none', held_back: 'customer-opted-out' });
      expect(status['N-05']).toBe('paused');
      expect(sent.filter((m) => m.account_id === 'N-05')).toEqual([]);
      // On 1 June, before either took effect, N-05 was on track (a book of its own: this one has run 3 June).
      // Each file is recorded as learnt on its own day: learnt on 1 June, a protection would hold from then.
      const earlier = await firstNight();
      expect((await book(earlier, ['customers', NIGHTLY('customers-2026-06-02.csv'), '--effective-on', '2026-06-02'])).code).toBe(0);
      expect((await book(earlier, ['customers', NIGHTLY('customers-2026-06-03.csv'), '--effective-on', '2026-06-03'])).code).toBe(0);
      expect((await night(earlier, '2026-06-01', dir)).code).toBe(0);
      expect(rows(path.join(dir, 'status-2026-06-01.csv')).find((s) => s.account_id === 'N-05')?.status).toBe('on-track');
    });

    it('refuses a night earlier than one the book holds messages for: exit 2, both days named, nothing written or recorded; the same night again is allowed', async () => {
      const location = await firstNight();
      const dir = scratch();
      expect((await night(location, '2026-06-03', dir)).code).toBe(0);
      const issued = await messagesInBook(location);
      expect(issued.length).toBeGreaterThan(0);
      // Run on 1 June, N-10's reminder (too late on the 3rd) would be issued, and N-06's person contacted again.
      const earlier = await runCli(
        ['follow-up', '--book', location, '--as-of', '2026-06-01', '-o', path.join(dir, 'status-2026-06-01.csv'), '--messages', path.join(dir, 'messages-2026-06-01.csv')],
        { env: { FAIRPLAN_ERRORS: 'json' } },
      );
      expect(earlier.code).toBe(2);
      const errors = earlier.stderr.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as { code: string; message: string });
      expect(errors).toEqual([expect.objectContaining({ code: 'invalid-argument', message: expect.stringMatching(/2026-06-03.*2026-06-01|2026-06-01.*2026-06-03/) })]);
      expect(existsSync(path.join(dir, 'status-2026-06-01.csv'))).toBe(false);
      expect(existsSync(path.join(dir, 'messages-2026-06-01.csv'))).toBe(false);
      expect(await messagesInBook(location)).toEqual(issued);
      // The same night again issues nothing twice, and a later night goes on.
      expect((await night(location, '2026-06-03', dir)).code).toBe(0);
      expect((await night(location, '2026-06-04', dir)).code).toBe(0);
    });

    it('counts a sender\'s report it cannot read, of a message or account it knows, as a contact that holds the person\'s messages, until a readable report of the message comes', async () => {
      const location = await firstNight();
      const dir = scratch();
      expect((await night(location, '2026-06-01', dir)).code).toBe(0);
      expect((await book(location, ['payments', NIGHTLY('payments-2026-06-02.csv')])).code).toBe(0);
      // N-01's message of last night, with a date and a status the sender wrote its own way; a report on
      // N-07 (one person with N-06) of a message the book did not issue, still queued; one of an account the book does not know.
      const report = path.join(dir, 'sent.csv');
      writeFileSync(report, 'account_id,message_id,sent_on,status\nN-01,N-01:reminder:2:sms,06/02/2026,DELIVRD\nN-07,OTHER-7,2026-06-01,queued\nZZ-9,OTHER-9,2026-06-01,DELIVRD\n');
      const sent = await book(location, ['sent', report]);
      expect(sent.code).toBe(1);
      // Each row is named; the two the book knows are kept as contacts, the third is not.
      const told = (line: number) => sent.stderr.split('\n').find((said) => said.includes(`sent.csv:line ${line}:`)) ?? '';
      expect([2, 3, 4].map((line) => told(line).includes('kept as a contact'))).toEqual([true, true, false]);
      expect(told(4)).not.toBe('');
      expect(sent.stdout).toContain('2 that cannot be read kept as contacts');
      // The same report again keeps nothing twice.
      expect((await book(location, ['sent', report])).code).toBe(1);
      const opened = await openBook(location, { create: false, waitSeconds: 5, cwd: process.cwd() });
      try {
        expect((await opened.db.selectFrom('unread_reports').select(['account_id', 'sent_on', 'status']).orderBy('id').execute()).map((r) => `${r.account_id} ${r.sent_on} ${r.status}`)).toEqual([
          'N-01 06/02/2026 DELIVRD',
          'N-07 2026-06-01 queued',
        ]);
      } finally {
        await opened.close();
      }

      expect((await night(location, '2026-06-02', dir)).code).toBe(0);
      const held = Object.fromEntries(rows(path.join(dir, 'messages-2026-06-02.csv')).map((m) => [m.message_id, m.held_back]));
      // N-06 and N-07's person is held for N-07's report; N-05 has none and is sent its reminder.
      expect(held).toEqual({ 'N-01:reminder:2:sms': 'protection-unreadable', 'N-05:reminder:2:sms': '', 'N-06:reminder:2:sms': 'protection-unreadable', 'N-07:reminder:2:sms': 'protection-unreadable' });

      // The sender's readable report of N-01's message: that contact is placed, and N-01 is held only as already sent.
      const fixed = path.join(dir, 'sent-fixed.csv');
      writeFileSync(fixed, 'account_id,message_id,sent_on,status\nN-01,N-01:reminder:2:sms,2026-06-02,delivered\n');
      expect((await book(location, ['sent', fixed])).code).toBe(0);
      expect((await night(location, '2026-06-03', dir)).code).toBe(0);
      const later = Object.fromEntries(rows(path.join(dir, 'messages-2026-06-03.csv')).map((m) => [m.message_id, m.held_back]));
      expect(later['N-01:reminder:2:sms']).toBe('already-sent');
      expect(later['N-06:reminder:2:sms']).toBe('protection-unreadable');
    });

    it('gives a vulnerable customer\'s message to a person first, and holds one whose protection the book could not read', async () => {
      const location = await firstNight();
      const dir = scratch();
      expect((await night(location, '2026-06-06', dir)).code).toBe(0);
      const byAccount = Object.fromEntries(rows(path.join(dir, 'messages-2026-06-06.csv')).map((m) => [m.account_id, m]));
      // N-08 (vulnerable, with consent) and N-09 (vulnerable "maybe") have instalments due on 8 and 9 June.
      expect(byAccount['N-08']).toMatchObject({ message_id: 'N-08:reminder:2:sms', review: 'yes', held_back: '' });
      expect(byAccount['N-09']).toMatchObject({ message_id: 'N-09:reminder:2:sms', review: 'yes', held_back: 'protection-unreadable' });
      expect(byAccount['N-09']?.reason).toContain('maybe');
    });

    it('holds the messages of an account whose customer rows the book recorded as disagreeing', async () => {
      const location = await firstNight();
      const dir = scratch();
      const twice = path.join(dir, 'twice.csv');
      writeFileSync(twice, 'account_id,customer_id,name,channel,mobile,effective_on\nN-12,C-12,Kiran Shah,sms,07700900012,2026-06-10\nN-12,C-12,Kiran Shah,sms,07700900999,2026-06-10\n');
      expect((await book(location, ['customers', twice])).code).toBe(1);
      expect((await night(location, '2026-06-17', dir)).code).toBe(0);
      const n12 = rows(path.join(dir, 'messages-2026-06-17.csv')).find((m) => m.account_id === 'N-12');
      expect(n12).toMatchObject({ message_id: 'N-12:reminder:2:sms', held_back: 'protection-unreadable' });
      expect(n12?.reason).toContain('mobile');
    });

    it.each([
      // Stopped at N-03's rejection, before any message is recorded.
      ['0', 'more than 0 rows rejected'],
      // Stopped once every account has been followed up, its messages recorded.
      ['0%', 'more than 0% of the rows read rejected'],
    ])('stopped by --max-rejects %s, leaves the book as it was and publishes nothing (exit 3)', async (limit, why) => {
      const location = await firstNight();
      const dir = scratch();
      // Two payments no sum of fairplan's can hold: N-03's plan is rejected as too large.
      const huge = path.join(dir, 'huge.csv');
      writeFileSync(huge, 'account_id,paid_on,amount,reference\nN-03,2026-05-20,60000000000000.00,BIG-1\nN-03,2026-05-21,60000000000000.00,BIG-2\n');
      expect((await book(location, ['payments', huge])).code).toBe(0);
      const before = path.join(dir, 'before');
      expect((await book(location, ['export', before])).code).toBe(0);
      const stopped = await night(location, '2026-06-01', dir, ['--max-rejects', limit]);
      expect(stopped.code).toBe(3);
      expect(stopped.stderr).toContain(`stopped: ${why}`);
      expect(existsSync(path.join(dir, 'status-2026-06-01.csv'))).toBe(false);
      expect(existsSync(path.join(dir, 'messages-2026-06-01.csv'))).toBe(false);
      // No message recorded, and no import of them: every table as it was.
      const after = path.join(dir, 'after');
      expect((await book(location, ['export', after])).code).toBe(0);
      const tables = readdirSync(before).sort();
      expect(readdirSync(after).sort()).toEqual(tables);
      expect(tables).toEqual(expect.arrayContaining(['imports.csv', 'messages.csv']));
      for (const table of tables) expect(readFileSync(path.join(after, table), 'utf8'), table).toBe(readFileSync(path.join(before, table), 'utf8'));
      expect(await messagesInBook(location)).toEqual([]);
      // Without the limit, the same night issues and records its messages.
      expect((await night(location, '2026-06-01', dir)).code).toBe(1);
      expect(await messagesInBook(location)).toHaveLength(3);
    });

    it('needs a book of schema version 1 migrated first, which book migrate does', async () => {
      const location = await firstNight();
      // The book as fairplan's first schema left it: no messages table, no circumstances.carried.
      const opened = await openBook(location, { create: false, waitSeconds: 5, cwd: process.cwd() });
      await opened.db.schema.dropTable('messages').execute();
      await opened.db.schema.alterTable('circumstances').dropColumn('carried').execute();
      await opened.db.schema.dropIndex('payments_by_import').execute();
      await opened.db.schema.dropTable('unread_reports').execute();
      await opened.db.schema.dropTable('unread_payments').execute();
      await sql`delete from ${sql.table(MIGRATION_TABLE)} where name in ('0002-messages', '0003-circumstances-carried', '0004-payments-by-import', '0005-unread-sent-reports', '0006-unread-payments')`.execute(opened.db);
      await opened.close();
      const dir = scratch();
      const refused = await night(location, '2026-06-01', dir);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('fairplan book migrate');
      expect((await book(location, ['migrate'])).stdout).toBe(`the book's schema went from version 1 to ${LATEST_VERSION}\n`);
      expect((await night(location, '2026-06-01', dir)).code).toBe(0);
      expect(await messagesInBook(location)).toHaveLength(3);
    });

    /** Changes the book by hand, as a person with the database open might: SQLite through better-sqlite3, PostgreSQL through pg. */
    const handEdit = async (location: string, statement: string): Promise<void> => {
      if (backend.name === 'sqlite') {
        const database = new SqliteDatabase(location);
        try {
          expect(database.prepare(statement).run().changes).toBeGreaterThan(0);
        } finally {
          database.close();
        }
        return;
      }
      const client = new pg.Client({ connectionString: location });
      await client.connect();
      try {
        expect((await client.query(statement)).rowCount).toBeGreaterThan(0);
      } finally {
        await client.end();
      }
    };
    /** The night of 1 June after `edit`: its exit code, the rejected rows as `file line account code`, each account's messages and statuses. */
    const nightAfterEdit = async (edit: string) => {
      const location = await firstNight();
      await handEdit(location, edit);
      const dir = scratch();
      const errors = path.join(dir, 'errors.csv');
      const run = await night(location, '2026-06-01', dir, ['--errors', errors]);
      return {
        code: run.code,
        rejected: rows(errors).map((r) => `${r.file} ${r.line} ${r.account_id} ${r.code}`),
        issued: messages(path.join(dir, 'messages-2026-06-01.csv')),
        status: Object.fromEntries(rows(path.join(dir, 'status-2026-06-01.csv')).map((r) => [r.account_id, r.status])),
      };
    };

    describe('a row of the book the night cannot read (changed by hand) is rejected, named by its table, and holds the customer', () => {
      // '2026-02-30' sorts among N-01's plan's dates; '2026-13-03' after the night, where a comparison of text would pass it over.
      it.each(['2026-02-30', '2026-13-03'])('a payment paid on %s holds the account\'s messages', async (day) => {
        const { code, rejected, issued } = await nightAfterEdit(`update payments set paid_on = '${day}' where reference = 'SO-N-01-0503'`);
        expect(code).toBe(1);
        expect(rejected).toEqual(['book:payments  N-01 bad-value']);
        // Without the payment N-01 looks to have missed May's instalment: it is not told so.
        expect(issued).toContain('N-01:missed-check-in:1:sms protection-unreadable');
        expect(issued).toContain('N-02:reminder:2:email');
      });

      it('is written with --json as the schema says: file book:payments, line null', async () => {
        const location = await firstNight();
        await handEdit(location, "update payments set paid_on = '2026-02-30' where reference = 'SO-N-01-0503'");
        const dir = scratch();
        const errors = path.join(dir, 'errors.ndjson');
        const run = await runCli(['follow-up', '--book', location, '--as-of', '2026-06-01', '--json', '-o', path.join(dir, 's.ndjson'), '--messages', path.join(dir, 'm.ndjson'), '--errors', errors]);
        expect(run.code).toBe(1);
        const records = readFileSync(errors, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as unknown);
        expect(records).toEqual([expect.objectContaining({ file: 'book:payments', line: null, account_id: 'N-01', code: 'bad-value' })]);
        const validate = new Ajv2020().compile(JSON.parse(readFileSync(path.join(ROOT, 'schema', 'follow-up-rejection.schema.json'), 'utf8')) as object);
        expect(validate(records[0]), JSON.stringify(validate.errors)).toBe(true);
      });

      it.runIf(backend.name === 'sqlite')('a payment whose amount is not whole pence holds the account\'s messages (a PostgreSQL bigint cannot hold one)', async () => {
        const { code, rejected, issued } = await nightAfterEdit("update payments set amount = 'fifty' where reference = 'SO-N-01-0503'");
        expect(code).toBe(1);
        expect(rejected).toEqual(['book:payments  N-01 bad-value']);
        // Without the payment N-01 looks to have missed May's instalment: it is not told so.
        expect(issued).toContain('N-01:missed-check-in:1:sms protection-unreadable');
      });

      it.each([
        ["due = '2026-13-03'", true],
        ["amount = 'fifty'", backend.name === 'sqlite'],
      ])('an instalment with %s leaves the account out, as a plan line that cannot be read does', async (change, possible) => {
        if (!possible) return;
        const plan = "(select id from agreements where account_id = 'N-01')";
        const { code, rejected, issued, status } = await nightAfterEdit(`update instalments set ${change} where agreement_id = ${plan} and n = 6`);
        expect(code).toBe(1);
        expect(rejected).toEqual(['book:instalments  N-01 bad-value', 'book:instalments  N-01 plan-unreadable']);
        expect(status['N-01']).toBeUndefined();
        expect(issued.filter((m) => m.startsWith('N-01:'))).toEqual([]);
        expect(status['N-02']).toBe('on-track');
      });

      it('a circumstance whose effective_on is not a date is taken as in force, with a doubt: the account\'s messages are held', async () => {
        const { code, rejected, issued } = await nightAfterEdit("update circumstances set effective_on = '2026-13-01' where account_id = 'N-01'");
        expect(code).toBe(1);
        expect(rejected).toEqual(['book:circumstances  N-01 protection-unreadable']);
        expect(issued).toContain('N-01:reminder:2:sms protection-unreadable');
      });

      it('a circumstance whose Breathing Space cannot be read protects the person: N-06 and N-07 (one customer) are sent nothing', async () => {
        const { code, rejected, issued } = await nightAfterEdit("update circumstances set breathing_space = 'perhaps' where account_id = 'N-06'");
        expect(code).toBe(1);
        // Told once, for the account whose row it is.
        expect(rejected).toEqual(['book:circumstances  N-06 protection-unreadable']);
        expect(issued.filter((m) => /^N-0[67]:/.test(m) && !m.includes(' '))).toEqual([]);
        expect(issued).toContain('N-01:reminder:2:sms');
      });

      // '' and 'no' are text a PostgreSQL integer cannot hold; SQLite keeps them as written.
      it.each([
        ['7', true],
        ["''", backend.name === 'sqlite'],
        ["'no'", backend.name === 'sqlite'],
      ])('a vulnerable of %s, neither 0 nor 1, is read as vulnerable, with a doubt', async (value, possible) => {
        if (!possible) return;
        const { code, rejected, issued } = await nightAfterEdit(`update circumstances set vulnerable = ${value} where account_id = 'N-01'`);
        expect(code).toBe(1);
        expect(rejected).toEqual(['book:circumstances  N-01 protection-unreadable']);
        expect(issued).toContain('N-01:reminder:2:sms protection-unreadable');
      });
    });

    it('refuses an output on standard output, which would be published before the book has the night', async () => {
      const location = await firstNight();
      const run = await runCli(['follow-up', '--book', location, '--as-of', '2026-06-01', '-o', '-', '--messages', path.join(scratch(), 'm.csv')]);
      expect(run.code).toBe(2);
      expect(await messagesInBook(location)).toEqual([]);
      // An output that cannot be written: no file is published, and the book records nothing.
      const dir = scratch();
      const failed = await runCli(['follow-up', '--book', location, '--as-of', '2026-06-01', '-o', path.join(dir, 's.csv'), '--messages', path.join(dir, 'm.csv'), '--summary', path.join(dir, 'missing', 'summary.json')]);
      expect(failed.code).toBe(2);
      expect(existsSync(path.join(dir, 'm.csv'))).toBe(false);
      expect(await messagesInBook(location)).toEqual([]);
    });
  });
});
