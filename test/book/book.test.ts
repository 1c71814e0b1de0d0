/**
 * The book, the same specification for each backend: SQLite always, PostgreSQL when a server is
 * there (FAIRPLAN_TEST_POSTGRES; skipped, never faked, without one). Figures come from the bundled
 * fixtures/book/ files, worked out by hand.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { readAccountList, readPlanOption, recordAgreements, recordSchedules } from '../../src/book/agree.js';
import { openBook, type Book } from '../../src/book/connect.js';
import { recordCustomers } from '../../src/book/customers.js';
import type { ImportSource } from '../../src/book/imports.js';
import { exportTables } from '../../src/book/export.js';
import { recordPayments } from '../../src/book/payments.js';
import { MIGRATION_TABLE } from '../../src/book/schema.js';
import { recordSent } from '../../src/book/sent.js';
import { accountTimeline } from '../../src/book/show.js';
import { inTransaction } from '../../src/book/transaction.js';
import type { IsoDate } from '../../src/core/date.js';
import { FairplanError } from '../../src/core/errors.js';
import type { Rejection } from '../../src/follow-up/table.js';
import { fixture } from '../helpers/cli.js';
import { BACKENDS } from '../helpers/book.js';

const BOOK = (name: string) => fixture('book', name);
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const source = (command: string, file: string): ImportSource => ({ command, file, sha256: sha256(file), recordedAt: '2026-03-02T20:00:00.000Z', provenance: { test: true } });
const day = (text: string) => text as IsoDate;

describe.each(BACKENDS)('the book on $name', (backend) => {
  const open: Book[] = [];
  afterEach(async () => {
    for (const book of open.splice(0)) await book.close();
  });
  /** Where each book is, as given to openBook (a book's name hides a URL's password). */
  const where = new Map<Book, string>();
  const newBook = async (): Promise<Book> => {
    const location = await backend.fresh();
    const book = await openBook(location, { create: true, waitSeconds: 5, cwd: process.cwd() });
    open.push(book);
    where.set(book, location);
    return book;
  };
  const rejections = () => {
    const seen: Rejection[] = [];
    return { seen, reject: (r: Rejection) => void seen.push(r) };
  };
  const agreeSchedules = async (book: Book, file: string, agreedOn: string, accounts?: string, batchRows?: number) => {
    const { seen, reject } = rejections();
    const only = accounts === undefined ? undefined : await readAccountList(accounts, reject);
    const outcome = await inTransaction(book, (db) => recordSchedules(db, source('agree', file), day(agreedOn), only, reject, batchRows === undefined ? {} : { batchRows }));
    return { outcome, seen };
  };
  /** Every agreement and instalment the book holds, by account, as a person would compare them. */
  const agreed = async (book: Book) => {
    const rows = await book.db
      .selectFrom('agreements')
      .innerJoin('instalments', 'instalments.agreement_id', 'agreements.id')
      .select(['account_id', 'plan', 'agreed_on', 'superseded_on', 'n', 'due', 'amount', 'moved_from'])
      .orderBy('account_id')
      .orderBy('agreed_on')
      .orderBy('n')
      .execute();
    return rows.map((r) => `${r.account_id} ${r.plan} ${r.agreed_on} ${r.superseded_on ?? '-'} ${r.n} ${r.due} ${Number(r.amount)} ${r.moved_from ?? '-'}`);
  };
  const paid = async (book: Book) =>
    (await book.db.selectFrom('payments').select(['account_id', 'paid_on', 'amount', 'reference', 'payment_key', 'line']).orderBy('id').execute()).map(
      (p) => `${p.account_id} ${p.paid_on} ${Number(p.amount)} ${p.reference ?? '-'} ${p.payment_key} ${p.line}`,
    );
  const scratchFile = async (name: string, text: string) => {
    const file = path.join(path.dirname(await BACKENDS[0]!.fresh()), name);
    writeFileSync(file, text);
    return file;
  };

  describe.skipIf(backend.missing)('agreements', () => {
    it('records each plan of a batch --schedules file with its date, instalments, the file\'s SHA-256 and where it came from', async () => {
      const book = await newBook();
      const { outcome, seen } = await agreeSchedules(book, BOOK('schedules.csv'), '2026-03-02');
      expect(seen).toEqual([]);
      expect(outcome).toEqual({ recorded: 4, superseding: 0, unchanged: 0 });
      const rows = await book.db.selectFrom('agreements').selectAll().orderBy('account_id').execute();
      expect(rows.map((r) => [r.account_id, r.plan, r.agreed_on])).toEqual([
        ['BK-001', 'affordable', '2026-03-02'],
        ['BK-002', 'affordable', '2026-03-02'],
        ['BK-003', 'token', '2026-03-02'],
        ['BK-004', 'fixed-term-12', '2026-03-02'],
      ]);
      expect(rows.every((r) => r.source_sha256 === sha256(BOOK('schedules.csv')))).toBe(true);
      expect(JSON.parse(rows[0]!.provenance)).toEqual({ from: 'batch --schedules' });
      const bk4 = await book.db.selectFrom('instalments').selectAll().where('agreement_id', '=', rows[3]!.id).orderBy('n').execute();
      // 12 monthly payments of £25.00 from 27 March 2026.
      expect(bk4).toHaveLength(12);
      expect(bk4.map((i) => Number(i.amount))).toEqual(Array(12).fill(2500));
      expect([bk4[0]!.due, bk4[11]!.due]).toEqual(['2026-03-27', '2027-02-27']);
    });

    it('records the same file for the same day once', async () => {
      const book = await newBook();
      await agreeSchedules(book, BOOK('schedules.csv'), '2026-03-02');
      const { outcome } = await agreeSchedules(book, BOOK('schedules.csv'), '2026-03-02');
      expect(outcome).toEqual({ recorded: 0, superseding: 0, unchanged: 4 });
      expect((await book.db.selectFrom('agreements').selectAll().execute()).length).toBe(4);
      // Nor is the second run kept: it changed nothing.
      expect((await book.db.selectFrom('imports').selectAll().execute()).length).toBe(1);
    });

    it('supersedes an account\'s plan from the day a new one is agreed, keeping the old one (only the --accounts listed)', async () => {
      const book = await newBook();
      await agreeSchedules(book, BOOK('schedules.csv'), '2026-03-02');
      const { outcome, seen } = await agreeSchedules(book, BOOK('schedules-renegotiated.csv'), '2026-04-24', BOOK('accounts.csv'));
      expect(seen).toEqual([]);
      expect(outcome).toEqual({ recorded: 1, superseding: 1, unchanged: 0 });
      const bk2 = await book.db.selectFrom('agreements').selectAll().where('account_id', '=', 'BK-002').orderBy('id').execute();
      expect(bk2).toHaveLength(2);
      expect(bk2[0]).toMatchObject({ agreed_on: '2026-03-02', superseded_on: '2026-04-24', superseded_by: bk2[1]!.id });
      expect(bk2[1]).toMatchObject({ agreed_on: '2026-04-24', superseded_on: null });
      const current = await book.db.selectFrom('instalments').selectAll().where('agreement_id', '=', bk2[1]!.id).execute();
      expect(current).toHaveLength(14);
      // The others keep their plans.
      expect((await book.db.selectFrom('agreements').selectAll().where('superseded_on', 'is', null).execute()).length).toBe(4);
    });

    it('does not let a plan agreed earlier replace one agreed later', async () => {
      const book = await newBook();
      await agreeSchedules(book, BOOK('schedules.csv'), '2026-03-02');
      const { outcome, seen } = await agreeSchedules(book, BOOK('schedules-renegotiated.csv'), '2026-02-01');
      expect(outcome.recorded).toBe(0);
      // Named where it came from: the line BK-002's plan begins on.
      expect(seen).toEqual([expect.objectContaining({ file: BOOK('schedules-renegotiated.csv'), line: 2, accountId: 'BK-002', code: 'bad-value' })]);
    });

    it('names the line of the schedules file of a plan due before the day it is agreed', async () => {
      const book = await newBook();
      const { seen } = await agreeSchedules(book, BOOK('schedules-renegotiated.csv'), '2026-06-01');
      expect(seen).toEqual([expect.objectContaining({ file: BOOK('schedules-renegotiated.csv'), line: 2, accountId: 'BK-002', code: 'bad-value' })]);
    });

    it('names the line of --accounts that lists an account the schedules file has no plan for', async () => {
      const book = await newBook();
      const accounts = path.join(mkdtempSync(path.join(tmpdir(), 'fairplan-accounts-')), 'accounts.csv');
      writeFileSync(accounts, 'account_id\nBK-002\nBK-404\n');
      const { outcome, seen } = await agreeSchedules(book, BOOK('schedules-renegotiated.csv'), '2026-04-24', accounts);
      expect(outcome.recorded).toBe(1);
      expect(seen).toEqual([expect.objectContaining({ file: accounts, line: 3, accountId: 'BK-404', code: 'no-arrangement' })]);
    });

    it('records one option of a plan --json output for one account', async () => {
      const book = await newBook();
      const plan = await readPlanOption(BOOK('plan.json'), 'fixed-term-12', 'BK-009');
      await inTransaction(book, (db) => recordAgreements(db, source('agree', BOOK('plan.json')), day('2026-03-02'), [plan], () => undefined));
      const [agreement] = await book.db.selectFrom('agreements').selectAll().execute();
      expect(agreement).toMatchObject({ account_id: 'BK-009', plan: 'fixed-term-12' });
      expect(JSON.parse(agreement!.provenance)).toMatchObject({ from: 'plan --json', option: { key: 'fixed-term-12', kind: 'fixed-term' }, plan: { asOf: '2026-03-02' } });
      const instalments = await book.db.selectFrom('instalments').selectAll().orderBy('n').execute();
      // £270 over 12 months: £22.50 a month.
      expect(instalments).toHaveLength(12);
      expect(instalments.reduce((sum, i) => sum + Number(i.amount), 0)).toBe(27000);
    });

    it('rejects a plan whose first instalment falls before the day it was agreed: the customer would be behind from the start', async () => {
      const book = await newBook();
      // The plan was made on 2 March with its first instalment on 16 March; agreed only on 20 March.
      const plan = await readPlanOption(BOOK('plan.json'), 'fixed-term-12', 'BK-009');
      const { seen, reject } = rejections();
      const outcome = await inTransaction(book, (db) => recordAgreements(db, source('agree', BOOK('plan.json')), day('2026-03-20'), [plan], reject));
      expect(outcome.recorded).toBe(0);
      // A plan JSON has no line to name: null, as the contract has it for a value that is not there.
      expect(seen).toEqual([expect.objectContaining({ file: BOOK('plan.json'), line: null, accountId: 'BK-009', code: 'bad-value', reason: expect.stringContaining('2026-03-16') })]);
      expect(await book.db.selectFrom('agreements').selectAll().execute()).toEqual([]);
      // Agreed on the day of its first instalment, it is recorded.
      const onTheDay = await inTransaction(book, (db) => recordAgreements(db, source('agree', BOOK('plan.json')), day('2026-03-16'), [plan], reject));
      expect(onTheDay.recorded).toBe(1);
    });

    it('refuses an option the plan does not have, naming those it has', async () => {
      const error = await readPlanOption(BOOK('plan.json'), 'token', 'BK-009').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FairplanError);
      expect((error as FairplanError).code).toBe('invalid-argument');
      expect((error as FairplanError).message).toContain('fixed-term-24');
    });
  });

  describe.skipIf(backend.missing)('payments', () => {
    it('counts an import\'s payments for accounts with no plan through an index on import_id, not by reading every payment', async () => {
      const book = await newBook();
      const query = sql`select count(*) as n from payments where import_id = ${1}
        and not exists (select 1 from agreements where agreements.account_id = payments.account_id)`;
      // The plan each database would run; PostgreSQL is told to avoid reading a whole table where it can.
      const plan = await inTransaction(book, async (db) => {
        if (backend.name === 'sqlite') return (await sql<{ detail: string }>`explain query plan ${query}`.execute(db)).rows.map((row) => row.detail);
        await sql`set local enable_seqscan = off`.execute(db);
        return (await sql<{ 'QUERY PLAN': string }>`explain ${query}`.execute(db)).rows.map((row) => row['QUERY PLAN']);
      });
      expect(plan.join('\n')).toMatch(/payments_by_import/);
    });

    it('records payments and refunds once, however often the file is given', async () => {
      // These books hold no plans, so every payment recorded is one for an account with no plan.
      const book = await newBook();
      const file = BOOK('payments.csv');
      const first = await inTransaction(book, (db) => recordPayments(db, source('payments', file), () => undefined));
      expect(first).toEqual({ read: 8, recorded: 8, known: 0, withoutPlan: 8, unread: 0, settled: 0 });
      const again = await inTransaction(book, (db) => recordPayments(db, source('payments', file), () => undefined));
      expect(again).toEqual({ read: 8, recorded: 0, known: 8, withoutPlan: 0, unread: 0, settled: 0 });
      expect((await book.db.selectFrom('imports').selectAll().execute()).map((i) => i.command)).toEqual(['payments']);
      const bk2 = await book.db.selectFrom('payments').select(['paid_on', 'amount']).where('account_id', '=', 'BK-002').orderBy('id').execute();
      // Two payments of £30.00 and the second returned.
      expect(bk2.map((p) => [p.paid_on, Number(p.amount)])).toEqual([['2026-03-20', 3000], ['2026-04-20', 3000], ['2026-04-23', -3000]]);
    });

    it('knows a payment without a reference by its day and amount, so a longer export adds only what is new', async () => {
      const book = await newBook();
      const dir = path.dirname(await BACKENDS[0]!.fresh());
      const one = path.join(dir, 'one.csv');
      const two = path.join(dir, 'two.csv');
      writeFileSync(one, 'account_id,paid_on,amount\nBK-003,2026-03-25,1.00\n');
      writeFileSync(two, 'account_id,paid_on,amount\nBK-003,2026-03-25,1.00\nBK-003,2026-03-25,1.00\n');
      await inTransaction(book, (db) => recordPayments(db, source('payments', one), () => undefined));
      expect(await inTransaction(book, (db) => recordPayments(db, source('payments', two), () => undefined))).toEqual({ read: 2, recorded: 1, known: 1, withoutPlan: 1, unread: 0, settled: 0 });
    });

    it('rejects a row it cannot read, naming its line, keeps it, and records the rest', async () => {
      const book = await newBook();
      const file = path.join(path.dirname(await BACKENDS[0]!.fresh()), 'bad.csv');
      writeFileSync(file, 'account_id,paid_on,amount,reference\nBK-001,2026-03-16,45.00,A\nBK-001,16/04/2026,45.00,B\nBK-001,2026-05-16,0.00,C\n');
      const { seen, reject } = rejections();
      expect(await inTransaction(book, (db) => recordPayments(db, source('payments', file), reject))).toEqual({ read: 1, recorded: 1, known: 0, withoutPlan: 1, unread: 2, settled: 0 });
      expect(seen.map((r) => r.line)).toEqual([3, 4]);
    });
  });

  describe.skipIf(backend.missing)('a file read and recorded a batch at a time', () => {
    it('records a schedules file of many batches as it records it in one, renegotiations too', async () => {
      const whole = await newBook();
      await agreeSchedules(whole, BOOK('schedules.csv'), '2026-03-02');
      await agreeSchedules(whole, BOOK('schedules-renegotiated.csv'), '2026-04-24', BOOK('accounts.csv'));
      const batched = await newBook();
      // Two rows a batch: every plan of the fixtures crosses a batch.
      const first = await agreeSchedules(batched, BOOK('schedules.csv'), '2026-03-02', undefined, 2);
      const second = await agreeSchedules(batched, BOOK('schedules-renegotiated.csv'), '2026-04-24', BOOK('accounts.csv'), 2);
      expect([first.outcome, second.outcome]).toEqual([{ recorded: 4, superseding: 0, unchanged: 0 }, { recorded: 1, superseding: 1, unchanged: 0 }]);
      // schedules.csv's 29 rows, and BK-002's renegotiated plan of 14 beside its first.
      const rows = await agreed(batched);
      expect(rows).toHaveLength(29 + 14);
      expect(rows).toEqual(await agreed(whole));
      expect((await agreeSchedules(batched, BOOK('schedules.csv'), '2026-03-02', undefined, 2)).outcome).toEqual({ recorded: 0, superseding: 0, unchanged: 3 });
    });

    it('leaves out whole an account with a bad row in a later batch than its first', async () => {
      const book = await newBook();
      const file = await scratchFile('schedules.csv', 'account_id,plan,n,due,amount\nA-1,token,1,2026-03-01,1.00\nA-1,token,2,2026-04-01,1.00\nA-1,token,3,2026-05-01,1.00\nA-1,token,4,2026-06-31,1.00\nA-2,token,1,2026-03-01,2.00\n');
      const { outcome, seen } = await agreeSchedules(book, file, '2026-03-01', undefined, 2);
      expect(outcome).toEqual({ recorded: 1, superseding: 0, unchanged: 0 });
      expect(seen.map((r) => [r.code, r.line, r.accountId])).toEqual([['bad-value', 5, 'A-1'], ['plan-unreadable', 2, 'A-1']]);
      expect(await agreed(book)).toEqual(['A-2 token 2026-03-01 - 1 2026-03-01 200 -']);
    });

    it('stops, recording nothing, when an account\'s rows resume in a late batch after other accounts\' rows', async () => {
      const book = await newBook();
      await agreeSchedules(book, BOOK('schedules.csv'), '2026-03-02');
      const before = await agreed(book);
      const lines = ['account_id,plan,n,due,amount'];
      for (let a = 1; a <= 20; a++) for (let n = 1; n <= 3; n++) lines.push(`B-${a},token,${n},2026-0${3 + n}-01,1.00`);
      // Line 62: B-2's fourth instalment, after eighteen other accounts' rows.
      lines.push('B-2,token,4,2026-07-01,1.00');
      const file = await scratchFile('split.csv', `${lines.join('\n')}\n`);
      const error = await agreeSchedules(book, file, '2026-04-24', undefined, 5).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FairplanError);
      expect((error as FairplanError).code).toBe('invalid-argument');
      expect((error as FairplanError).context).toMatchObject({ file, line: 62 });
      expect((error as FairplanError).message).toContain('line 5');
      expect(await agreed(book)).toEqual(before);
      expect((await book.db.selectFrom('imports').selectAll().execute()).length).toBe(1);
    });

    it('records a payments file of many batches as it records it in one', async () => {
      const whole = await newBook();
      const batched = await newBook();
      await inTransaction(whole, (db) => recordPayments(db, source('payments', BOOK('payments.csv')), () => undefined));
      expect(await inTransaction(batched, (db) => recordPayments(db, source('payments', BOOK('payments.csv')), () => undefined, { batchRows: 3 }))).toEqual({ read: 8, recorded: 8, known: 0, withoutPlan: 8, unread: 0, settled: 0 });
      expect(await paid(batched)).toHaveLength(8);
      expect(await paid(batched)).toEqual(await paid(whole));
      expect(await inTransaction(batched, (db) => recordPayments(db, source('payments', BOOK('payments.csv')), () => undefined, { batchRows: 3 }))).toEqual({ read: 8, recorded: 0, known: 8, withoutPlan: 0, unread: 0, settled: 0 });
    });

    it('finds a reference given twice and numbers payments without one across batches', async () => {
      const book = await newBook();
      const earlier = await scratchFile('earlier.csv', 'account_id,paid_on,amount,reference\nC-1,2026-03-01,5.00,X\n');
      await inTransaction(book, (db) => recordPayments(db, source('payments', earlier), () => undefined));
      const file = await scratchFile(
        'payments.csv',
        [
          'account_id,paid_on,amount,reference',
          'C-1,2026-03-01,5.00,X',
          'C-1,2026-03-02,1.00,',
          'C-2,2026-03-02,1.00,Y',
          'C-1,2026-03-02,1.00,',
          'C-2,2026-03-05,-1.00,Y',
          'C-2,2026-03-09,1.00,Y',
          'C-1,2026-03-02,1.00,',
          'C-1,2026-03-03,5.00,X',
        ].join('\n') + '\n',
      );
      const { seen, reject } = rejections();
      // X was recorded by the earlier file; its second row here (line 9) is refused as repeated, as is Y's on line 7 (a refund, -Y, is another payment).
      expect(await inTransaction(book, (db) => recordPayments(db, source('payments', file), reject, { batchRows: 2 }))).toEqual({ read: 6, recorded: 5, known: 1, withoutPlan: 5, unread: 0, settled: 0 });
      expect(seen.map((r) => [r.code, r.line, r.accountId])).toEqual([['repeated-payment', 7, 'C-2'], ['repeated-payment', 9, 'C-1']]);
      expect(seen[0]!.reason).toContain('lines 4 and 7');
      expect((await paid(book)).slice(1)).toEqual([
        'C-1 2026-03-02 100 - day:2026-03-02:100:1 3',
        'C-2 2026-03-02 100 Y reference:+Y 4',
        'C-1 2026-03-02 100 - day:2026-03-02:100:2 5',
        'C-2 2026-03-05 -100 Y reference:-Y 6',
        'C-1 2026-03-02 100 - day:2026-03-02:100:3 8',
      ]);
    });

    it('records nothing of a payments file when a late batch fails', async () => {
      const book = await newBook();
      const lines = ['account_id,paid_on,amount,reference'];
      for (let i = 0; i < 40; i++) lines.push(`D-${i},2026-03-01,1.00,R-${i}`);
      lines.push('D-40,2026-03-01,none,R-40');
      const file = await scratchFile('late.csv', `${lines.join('\n')}\n`);
      // Hearing of the bad row on line 42 fails (a closed stderr, say), after eight batches were written.
      const failing = inTransaction(book, (db) =>
        recordPayments(db, source('payments', file), (r) => {
          throw new Error(`stopped at line ${r.line}`);
        }, { batchRows: 5 }),
      );
      await expect(failing).rejects.toThrow('stopped at line 42');
      expect(await paid(book)).toEqual([]);
      expect(await book.db.selectFrom('imports').selectAll().execute()).toEqual([]);
      // And the same connection takes the whole file afterwards.
      expect(await inTransaction(book, (db) => recordPayments(db, source('payments', file), () => undefined, { batchRows: 5 }))).toEqual({ read: 40, recorded: 40, known: 0, withoutPlan: 40, unread: 1, settled: 0 });
    });
  });

  describe.skipIf(backend.missing)('customers', () => {
    const record = (book: Book, file: string, effectiveOn: string, reject: (r: Rejection) => void = () => undefined) =>
      inTransaction(book, (db) => recordCustomers(db, source('customers', file), day(effectiveOn), reject));
    /** A book with BK-001 to BK-004's plans agreed: customers are recorded for accounts it has. */
    const agreedBook = async (): Promise<Book> => {
      const book = await newBook();
      await agreeSchedules(book, BOOK('schedules.csv'), '2026-03-02');
      return book;
    };
    const scratchFile = async (name: string, text: string): Promise<string> => {
      const file = path.join(path.dirname(await BACKENDS[0]!.fresh()), name);
      writeFileSync(file, text);
      return file;
    };
    const nothingRecorded = async (book: Book) => {
      expect(await book.db.selectFrom('circumstances').selectAll().execute()).toEqual([]);
      expect(await book.db.selectFrom('imports').select('command').where('command', '=', 'customers').execute()).toEqual([]);
    };

    it('refuses the whole file, recording nothing, when a row names no account: it may be anyone\'s opt-out', async () => {
      const book = await agreedBook();
      const file = await scratchFile('no-account.csv', 'account_id,channel,mobile,vulnerable\nBK-001,sms,07700900101,maybe\n,none,07700900102,no\n');
      const { seen, reject } = rejections();
      await expect(record(book, file, '2026-03-02', reject)).rejects.toMatchObject({ code: 'invalid-row', context: { file, line: 3 } });
      await nothingRecorded(book);
      // Nothing is said to be recorded of a file that is not (BK-001's "maybe").
      expect(seen).toEqual([]);
    });

    it('refuses the whole file when a row is for an account with no plan in the book (a mistyped account_id), naming its line', async () => {
      const book = await agreedBook();
      const file = await scratchFile('unknown.csv', 'account_id,channel,mobile\nBK-002,email,\nBK-01,none,07700900101\nBK-001,sms,07700900101\n');
      const refused = record(book, file, '2026-03-02');
      await expect(refused).rejects.toThrow(FairplanError);
      await expect(refused).rejects.toMatchObject({ code: 'invalid-row', context: { line: 3 }, message: expect.stringContaining('BK-01') });
      await nothingRecorded(book);
    });

    it('refuses the whole file when a row cannot be read, as it cannot be tied to an account', async () => {
      const book = await agreedBook();
      const file = await scratchFile('broken.csv', 'account_id,channel,mobile\nBK-001,sms,07700900101\n"BK-002,none,\n');
      await expect(record(book, file, '2026-03-02')).rejects.toMatchObject({ code: 'invalid-row', context: { line: 3 } });
      await nothingRecorded(book);
    });

    it('refuses the whole file when a row that cannot be read names its account: what it protects cannot be known, so nothing of it may pass', async () => {
      const book = await agreedBook();
      const rows = [{ account_id: 'BK-001', channel: 'sms', mobile: '07700900101' }, { account_id: 'BK-001', channel: 'none', opted_out: ['yes'] }];
      const file = await scratchFile('list.ndjson', rows.map((row) => JSON.stringify(row)).join('\n'));
      const { seen, reject } = rejections();
      await expect(record(book, file, '2026-03-02', reject)).rejects.toMatchObject({ code: 'invalid-row', context: { file, line: 2 }, message: expect.stringContaining('BK-001') });
      await nothingRecorded(book);
      expect(seen).toEqual([]);
    });

    it('records circumstances the protective way: a vulnerability that cannot be read is recorded as set, with why', async () => {
      const book = await agreedBook();
      const { seen, reject } = rejections();
      const outcome = await record(book, BOOK('customers.csv'), '2026-03-02', reject);
      expect(outcome).toEqual({ accounts: 4, carried: [], recorded: 4, unchanged: 0, doubtful: 1, future: 0 });
      expect(seen).toEqual([expect.objectContaining({ line: 5, accountId: 'BK-004' })]);
      const rows = await book.db.selectFrom('circumstances').selectAll().orderBy('account_id').execute();
      expect(rows.map((r) => [r.account_id, r.effective_on, r.channel, r.opted_out, r.vulnerable, r.vulnerability_consent, r.breathing_space, r.breathing_space_end])).toEqual([
        ['BK-001', '2026-03-02', 'sms', 0, 0, null, null, null],
        ['BK-002', '2026-03-02', 'email', 0, 1, 'yes', null, null],
        ['BK-003', '2026-03-02', 'none', 1, 0, null, null, null],
        ['BK-004', '2026-03-02', 'sms', 0, 1, null, 'standard', '2026-05-26'],
      ]);
      expect(JSON.parse(rows[3]!.doubts)).toEqual([expect.stringContaining('vulnerable')]);
      expect(rows[1]).toMatchObject({ contact_days: 'mon,tue,wed,thu,fri', contact_window: '18:00-20:00', review_on: '2026-06-01' });
    });

    it('adds a row only when circumstances change, from the day they took effect, keeping the history', async () => {
      const book = await agreedBook();
      await record(book, BOOK('customers.csv'), '2026-03-02');
      expect(await record(book, BOOK('customers.csv'), '2026-03-09')).toMatchObject({ recorded: 0, unchanged: 4 });
      expect(await record(book, BOOK('customers-later.csv'), '2026-05-01')).toMatchObject({ accounts: 2, recorded: 2 });
      const bk1 = await book.db.selectFrom('circumstances').selectAll().where('account_id', '=', 'BK-001').orderBy('effective_on').execute();
      expect(bk1.map((r) => [r.effective_on, r.opted_out])).toEqual([['2026-03-02', 0], ['2026-04-20', 1]]);
      const bk4 = await book.db.selectFrom('circumstances').selectAll().where('account_id', '=', 'BK-004').orderBy('effective_on').execute();
      // The vulnerability now read as no, with the Breathing Space still recorded.
      expect(bk4.map((r) => [r.effective_on, r.vulnerable, r.breathing_space])).toEqual([['2026-03-02', 1, 'standard'], ['2026-04-20', 0, 'standard']]);
    });

    it('reads two rows for one account the protective way: any opt-out, any vulnerability, the Breathing Space ending last', async () => {
      const book = await agreedBook();
      const file = path.join(path.dirname(await BACKENDS[0]!.fresh()), 'twice.csv');
      writeFileSync(file, [
        'account_id,channel,mobile,vulnerable,breathing_space,breathing_space_end',
        'BK-001,sms,07700900101,yes,standard,2026-04-01',
        'BK-001,none,07700900101,no,standard,2026-05-01',
      ].join('\n'));
      const { seen, reject } = rejections();
      await record(book, file, '2026-03-02', reject);
      const [row] = await book.db.selectFrom('circumstances').selectAll().execute();
      expect(row).toMatchObject({ opted_out: 1, channel: 'none', vulnerable: 1, breathing_space: 'standard', breathing_space_end: '2026-05-01' });
      expect(seen).toEqual([expect.objectContaining({ line: 3, code: 'repeated-customer-row' })]);
    });

    it('read a few rows at a time, still refuses the whole file for a row found after the first batch, and merges one account\'s rows across batches', async () => {
      const book = await agreedBook();
      const rows = [
        'account_id,channel,mobile,email,vulnerable,effective_on',
        'BK-001,sms,07700900101,,no,2026-03-02',
        'BK-002,email,,b@example.com,no,2026-03-02',
        'BK-003,sms,07700900103,,no,2026-03-02',
        'BK-001,sms,07700900101,,no,2026-04-01',
        'BK-004,sms,07700900104,,no,2026-03-02',
        'BK-001,none,07700900101,,yes,2026-03-02',
        'BK-003,sms,07700900103,,no,2026-04-01',
      ];
      const batched = (file: string, reject: (r: Rejection) => void = () => undefined) =>
        inTransaction(book, (db) => recordCustomers(db, source('customers', file), day('2026-03-02'), reject, { batchRows: 2 }));
      const refused = await scratchFile('late-unknown.csv', [...rows, 'BK-09,sms,07700900109,,no,2026-03-02'].join('\n'));
      await expect(batched(refused)).rejects.toMatchObject({ code: 'invalid-row', context: { line: 9 } });
      await nothingRecorded(book);

      const { seen, reject } = rejections();
      const file = await scratchFile('batched.csv', rows.join('\n'));
      // The file has no customer_id, Breathing Space, review or contact columns, but no account had a
      // value of them in force to keep, so none is told as carried. The rows of 1 April are dated after
      // the file's day (2 March): counted, and as they protect nothing, recorded from their own day only.
      expect(await batched(file, reject)).toEqual({ accounts: 4, carried: [], recorded: 5, unchanged: 1, doubtful: 0, future: 2 });
      // Lines 2 and 7 are one day of BK-001, read the protective way: opted out, vulnerable.
      expect(seen).toEqual([expect.objectContaining({ line: 7, accountId: 'BK-001', code: 'repeated-customer-row' })]);
      const recorded = await book.db.selectFrom('circumstances').selectAll().orderBy('id').execute();
      expect(recorded.map((r) => [r.account_id, r.effective_on, r.channel, r.opted_out, r.vulnerable, r.line])).toEqual([
        ['BK-001', '2026-03-02', 'none', 1, 1, 2],
        ['BK-002', '2026-03-02', 'email', 0, 0, 3],
        ['BK-003', '2026-03-02', 'sms', 0, 0, 4],
        ['BK-004', '2026-03-02', 'sms', 0, 0, 6],
        // BK-001 a month later is no longer opted out; BK-003's row of that day changes nothing.
        ['BK-001', '2026-04-01', 'sms', 0, 0, 5],
      ]);
    });

    it('records a Breathing Space whose end cannot be read as in force with no end', async () => {
      const book = await agreedBook();
      const file = path.join(path.dirname(await BACKENDS[0]!.fresh()), 'space.csv');
      writeFileSync(file, 'account_id,channel,mobile,breathing_space,breathing_space_end\nBK-001,sms,07700900101,standard,31/02/2026\n');
      await record(book, file, '2026-03-02');
      const [row] = await book.db.selectFrom('circumstances').selectAll().execute();
      expect(row).toMatchObject({ breathing_space: 'standard', breathing_space_end: null });
      expect(JSON.parse(row!.doubts)).toEqual([expect.stringContaining('breathing_space_end')]);
    });
  });

  describe.skipIf(backend.missing)('what senders delivered', () => {
    it('records deliveries and failures once, on their UK day', async () => {
      const book = await newBook();
      const file = BOOK('sent.csv');
      expect(await inTransaction(book, (db) => recordSent(db, source('sent', file), () => undefined))).toEqual({ read: 2, recorded: 2, known: 0, notDelivered: 1, issued: 0, unread: 0 });
      expect(await inTransaction(book, (db) => recordSent(db, source('sent', file), () => undefined))).toMatchObject({ recorded: 0, known: 2 });
      const rows = await book.db.selectFrom('deliveries').selectAll().orderBy('id').execute();
      expect(rows.map((r) => [r.account_id, r.sent_on, r.delivered, r.detail])).toEqual([
        ['BK-001', '2026-04-14', 1, null],
        ['BK-002', '2026-04-22', 0, 'mailbox full'],
      ]);
    });
  });

  describe.skipIf(backend.missing)('an account\'s timeline', () => {
    it('holds every plan, payment, circumstance and message of the account, by date', async () => {
      const book = await newBook();
      await agreeSchedules(book, BOOK('schedules.csv'), '2026-03-02');
      await agreeSchedules(book, BOOK('schedules-renegotiated.csv'), '2026-04-24', BOOK('accounts.csv'));
      await inTransaction(book, (db) => recordPayments(db, source('payments', BOOK('payments.csv')), () => undefined));
      await inTransaction(book, (db) => recordCustomers(db, source('customers', BOOK('customers.csv')), day('2026-03-02'), () => undefined));
      await inTransaction(book, (db) => recordSent(db, source('sent', BOOK('sent.csv')), () => undefined));
      const timeline = await accountTimeline(book.db, book.name, 'BK-002');
      expect(timeline.events.map((e) => [e.date, e.kind])).toEqual([
        ['2026-03-02', 'agreed'],
        ['2026-03-02', 'circumstances'],
        ['2026-03-20', 'payment'],
        ['2026-04-20', 'payment'],
        ['2026-04-22', 'not-delivered'],
        ['2026-04-23', 'refund'],
        ['2026-04-24', 'superseded'],
        ['2026-04-24', 'agreed'],
      ]);
      expect(timeline.agreements.map((a) => [a.plan, a.instalments.length, a.supersededOn])).toEqual([['affordable', 8, '2026-04-24'], ['affordable', 14, null]]);
      expect(timeline.payments.map((p) => p.amount)).toEqual(['30.00', '30.00', '-30.00']);
    });

    it('says so for an account the book does not hold', async () => {
      const book = await newBook();
      await expect(accountTimeline(book.db, book.name, 'NOPE')).rejects.toMatchObject({ code: 'invalid-argument' });
    });
  });

  describe.skipIf(backend.missing)('export', () => {
    it('writes a cell a spreadsheet would run as text in CSV, and exactly in NDJSON', async () => {
      const book = await newBook();
      const file = path.join(path.dirname(await BACKENDS[0]!.fresh()), 'formula.csv');
      writeFileSync(file, 'account_id,paid_on,amount,reference\nBK-001,2026-03-16,-45.00,=1+2\n');
      await inTransaction(book, (db) => recordPayments(db, source('payments', file), () => undefined));
      const csv = (await exportTables(book.db, 'out', 'csv')).find((t) => t.table === 'payments')!;
      expect(csv.content).toContain(",'=1+2,");
      // An amount is a number, never prefixed.
      expect(csv.content).toContain(',-4500,');
      const ndjson = (await exportTables(book.db, 'out', 'ndjson')).find((t) => t.table === 'payments')!;
      expect(JSON.parse(ndjson.content)).toMatchObject({ reference: '=1+2', amount: -4500 });
    });
  });

  describe.skipIf(backend.missing)('transactions and versions', () => {
    it('records nothing of a change that fails part way', async () => {
      const book = await newBook();
      const failing = inTransaction(book, async (db) => {
        await recordPayments(db, source('payments', BOOK('payments.csv')), () => undefined);
        throw new Error('stopped');
      });
      await expect(failing).rejects.toThrow('stopped');
      expect(await book.db.selectFrom('payments').selectAll().execute()).toEqual([]);
      expect(await book.db.selectFrom('imports').selectAll().execute()).toEqual([]);
    });

    it('refuses a second run while another changes the book, once it has waited', async () => {
      const first = await newBook();
      // The same book, opened again as a second run would, waiting no time.
      const second = await openBook(where.get(first)!, { create: false, waitSeconds: 0, cwd: process.cwd() });
      open.push(second);
      let release = () => undefined as void;
      const holding = inTransaction(first, async (db) => {
        await recordPayments(db, source('payments', BOOK('payments.csv')), () => undefined);
        await new Promise<void>((resolve) => (release = resolve));
      });
      // Wait until the first holds the book.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const refused = await inTransaction(second, (db) => recordSent(db, source('sent', BOOK('sent.csv')), () => undefined)).catch((e: unknown) => e);
      release();
      await holding;
      expect(refused).toBeInstanceOf(FairplanError);
      expect((refused as FairplanError).code).toBe('busy');
      expect((await first.db.selectFrom('payments').selectAll().execute()).length).toBe(8);
    });

    it('refuses a book written by a newer fairplan', async () => {
      const book = await newBook();
      await sql`insert into ${sql.table(MIGRATION_TABLE)} (name, timestamp) values ('0099-later', '2027-01-01T00:00:00.000Z')`.execute(book.db);
      await book.close();
      open.splice(open.indexOf(book), 1);
      const error = await openBook(where.get(book)!, { create: false, waitSeconds: 0, cwd: process.cwd() }).catch((e: unknown) => e);
      expect((error as FairplanError).code).toBe('invalid-argument');
      expect((error as FairplanError).message).toMatch(/version 99, written by a newer fairplan/);
    });

    if (backend.name === 'sqlite') {
      it('makes the book readable by its owner only', async () => {
        const book = await newBook();
        expect(statSync(book.name).mode & 0o777).toBe(0o600);
      });
    }
  });
});
