/**
 * fairplan book, end to end on the built binary, against each backend (PostgreSQL when
 * FAIRPLAN_TEST_POSTGRES names a server; skipped otherwise, never faked): what each command says
 * and exits with, what a second run at once does, and a run killed (kill -9) mid-import.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { openBook, type Book } from '../../src/book/connect.js';
import { recordPayments } from '../../src/book/payments.js';
import { inTransaction } from '../../src/book/transaction.js';
import { LATEST_VERSION } from '../../src/book/schema.js';
import { FORMAT_VERSION } from '../../src/render/shared/format-version.js';
import { BACKENDS } from '../helpers/book.js';
import { BIN, fixture, ROOT, runCli, runCliErrors } from '../helpers/cli.js';

const BOOK = (name: string) => fixture('book', name);
const scratch = () => mkdtempSync(path.join(tmpdir(), 'fairplan-book-cli-'));
const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at /);

describe.each(BACKENDS)('fairplan book on $name', (backend) => {
  describe.skipIf(backend.missing)('commands', () => {
    const run = (location: string, args: readonly string[]) => runCli(['book', ...args], { env: { FAIRPLAN_BOOK: location } });

    it('says how many payments it recorded for accounts the book has no plan for, rather than keeping them quietly', async () => {
      const book = await backend.fresh();
      await run(book, ['agree', '--schedules', BOOK('schedules.csv'), '--agreed-on', '2026-03-02']);
      const file = path.join(scratch(), 'payments.csv');
      writeFileSync(file, 'account_id,paid_on,amount,reference\nBK-001,2026-03-16,45.00,A\nZZ-1,2026-03-16,10.00,B\nZZ-1,2026-03-17,10.00,C\n');
      expect(await run(book, ['payments', file])).toMatchObject({ code: 0, stdout: '3 payments read: 3 recorded, 0 already in the book; 2 of them for an account the book has no plan for\n' });
      // Read again, nothing is new, and nothing is counted twice.
      expect((await run(book, ['payments', file])).stdout).toBe('3 payments read: 0 recorded, 3 already in the book\n');
    });

    it('records a night\'s files, each once, and shows an account\'s timeline as text, JSON and HTML', async () => {
      const book = await backend.fresh();
      const agreed = await run(book, ['agree', '--schedules', BOOK('schedules.csv'), '--agreed-on', '2026-03-02']);
      expect(agreed).toMatchObject({ code: 0, stdout: '4 agreements recorded as agreed on 2026-03-02\n' });
      expect((await run(book, ['agree', '--schedules', BOOK('schedules.csv'), '--agreed-on', '2026-03-02'])).stdout).toContain('4 already in the book');
      const renegotiated = await run(book, ['agree', '--schedules', BOOK('schedules-renegotiated.csv'), '--accounts', BOOK('accounts.csv'), '--agreed-on', '2026-04-24']);
      expect(renegotiated.stdout).toContain('1 agreement recorded as agreed on 2026-04-24 (1 superseding an earlier plan)');
      expect((await run(book, ['payments', BOOK('payments.csv')])).stdout).toBe('8 payments read: 8 recorded, 0 already in the book\n');
      expect((await run(book, ['payments', BOOK('payments.csv')])).stdout).toBe('8 payments read: 0 recorded, 8 already in the book\n');
      const customers = await run(book, ['customers', BOOK('customers.csv'), '--effective-on', '2026-03-02']);
      // BK-004's vulnerable "maybe" is recorded as vulnerable, and the row named.
      expect(customers.code).toBe(1);
      expect(customers.stderr).toContain('customers.csv:line 5');
      expect((await run(book, ['sent', BOOK('sent.csv')])).code).toBe(0);

      const text = await run(book, ['show', 'BK-002']);
      expect(text.code).toBe(0);
      expect(text.stdout).toContain('2026-04-23  refund');
      expect(text.stdout).toContain('Current plan: affordable, agreed on 2026-04-24');
      const json = JSON.parse((await run(book, ['show', 'BK-002', '--json'])).stdout) as { agreements: unknown[]; payments: { amount: string }[] };
      expect(json.agreements).toHaveLength(2);
      expect(json.payments.map((p) => p.amount)).toEqual(['30.00', '30.00', '-30.00']);
      const dir = scratch();
      const page = path.join(dir, 'BK-002.html');
      expect((await run(book, ['show', 'BK-002', '--html', '-o', page])).code).toBe(0);
      expect(readFileSync(page, 'utf8')).toContain('mailbox full');
      expect(statSync(page).mode & 0o777).toBe(0o600);
    }, 120_000);

    it('records one option of a plan JSON for one account', async () => {
      const book = await backend.fresh();
      const result = await run(book, ['agree', BOOK('plan.json'), '--option', 'fixed-term-12', '--account', 'BK-009', '--agreed-on', '2026-03-02']);
      expect(result).toMatchObject({ code: 0, stdout: '1 agreement recorded as agreed on 2026-03-02\n' });
      const missing = await runCliErrors(['book', 'agree', BOOK('plan.json'), '--option', 'fixed-term-12', '--agreed-on', '2026-03-02'], { env: { FAIRPLAN_BOOK: book } });
      expect(missing.code).toBe(2);
      expect(missing.errors).toEqual([expect.objectContaining({ code: 'invalid-argument', message: expect.stringContaining('--account') })]);
    });

    it('refuses a customers file with a row it cannot tie to an account of the book: exit 2, one sentence naming file and line, nothing recorded', async () => {
      const book = await backend.fresh();
      expect((await run(book, ['agree', '--schedules', BOOK('schedules.csv'), '--agreed-on', '2026-03-02'])).code).toBe(0);
      const dir = scratch();
      const cases = [
        ['no-account.csv', 'account_id,channel,mobile\nBK-001,sms,07700900101\n,none,\n'],
        ['unknown-account.csv', 'account_id,channel,mobile\nBK-001,sms,07700900101\nBK-0001,none,\n'],
        // Names its account, but what it says of it (an opt-out?) cannot be read.
        ['list.ndjson', `${'{"account_id":"BK-001","channel":"sms","mobile":"07700900101"}\n'.repeat(2)}{"account_id":"BK-001","channel":"none","opted_out":["yes"]}\n`],
      ];
      for (const [name, text] of cases) {
        const file = path.join(dir, name!);
        writeFileSync(file, text!);
        const refused = await runCli(['book', 'customers', file, '--effective-on', '2026-03-02'], { env: { FAIRPLAN_BOOK: book } });
        expect(refused.code, name).toBe(2);
        expect(refused.stderr.trim().split('\n'), name).toEqual([expect.stringContaining(`${file}:line 3: `)]);
        noStack(refused.stderr);
        const json = await runCli(['book', 'customers', file, '--effective-on', '2026-03-02'], { env: { FAIRPLAN_BOOK: book, FAIRPLAN_ERRORS: 'json' } });
        expect(JSON.parse(json.stderr), name).toMatchObject({ code: 'invalid-row', file, line: 3 });
      }
      // BK-001's row, good as it is, was not recorded either.
      expect((JSON.parse((await run(book, ['show', 'BK-001', '--json'])).stdout) as { circumstances: unknown[] }).circumstances).toEqual([]);
    }, 120_000);

    it('exports every table as CSV, or NDJSON, with the figures recorded', async () => {
      const book = await backend.fresh();
      await run(book, ['payments', BOOK('payments.csv')]);
      const dir = scratch();
      expect((await run(book, ['export', path.join(dir, 'csv')])).code).toBe(0);
      expect(readdirSync(path.join(dir, 'csv')).sort()).toEqual(['agreements.csv', 'circumstances.csv', 'deliveries.csv', 'imports.csv', 'instalments.csv', 'messages.csv', 'payments.csv', 'unread_payments.csv', 'unread_reports.csv']);
      const payments = parse(readFileSync(path.join(dir, 'csv', 'payments.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
      // In pence: 45 + 45 + 30 + 30 - 30 + 1 + 25 + 25 pounds.
      expect(payments.reduce((sum, p) => sum + BigInt(p.amount!), 0n)).toBe(17100n);
      expect((await run(book, ['export', path.join(dir, 'json'), '--ndjson'])).code).toBe(0);
      const lines = readFileSync(path.join(dir, 'json', 'payments.ndjson'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { formatVersion: string; amount: number });
      expect(lines.map((p) => p.amount)).toEqual([4500, 4500, 3000, 3000, -3000, 100, 2500, 2500]);
      // Each line carries the format's version before the table's own columns, as the CSV's header row does not.
      expect(lines.map((p) => Object.keys(p)[0])).toEqual(Array(8).fill('formatVersion'));
      expect(new Set(lines.map((p) => p.formatVersion))).toEqual(new Set([FORMAT_VERSION]));
      expect(Object.keys(lines[0]!).slice(1)).toEqual(Object.keys(payments[0]!));
    });

    it('migrates a new book to the latest schema, and then has nothing to do', async () => {
      const book = await backend.fresh();
      expect((await run(book, ['migrate'])).stdout).toBe(`the book's schema went from version 0 to ${LATEST_VERSION}\n`);
      expect((await run(book, ['migrate'])).stdout).toBe(`the book's schema is version ${LATEST_VERSION}, the latest: nothing to do\n`);
    });

    it('waits for another run to finish with the book, and records its own after it', async () => {
      const location = await backend.fresh();
      const holder = await openBook(location, { create: true, waitSeconds: 5, cwd: ROOT });
      try {
        let release = () => undefined as void;
        const holding = inTransaction(holder, async (db) => {
          await new Promise<void>((resolve) => (release = resolve));
          return db;
        });
        await new Promise((resolve) => setTimeout(resolve, 200));
        const second = run(location, ['payments', BOOK('payments.csv'), '--wait', '30']);
        setTimeout(() => release(), 1500);
        await holding;
        expect(await second).toMatchObject({ code: 0, stdout: '8 payments read: 8 recorded, 0 already in the book; 8 of them for an account the book has no plan for\n' });
      } finally {
        await holder.close();
      }
    });

    it('refuses a second run that waited long enough, in one sentence and exit 75', async () => {
      const location = await backend.fresh();
      const holder = await openBook(location, { create: true, waitSeconds: 5, cwd: ROOT });
      try {
        let release = () => undefined as void;
        const holding = inTransaction(holder, (db) => recordPayments(db, { command: 'payments', file: BOOK('payments.csv'), sha256: '', recordedAt: '', provenance: {} }, () => undefined).then(() => new Promise<void>((resolve) => (release = resolve))));
        await new Promise((resolve) => setTimeout(resolve, 300));
        const refused = await runCliErrors(['book', 'sent', BOOK('sent.csv'), '--wait', '1'], { env: { FAIRPLAN_BOOK: location } });
        release();
        await holding;
        expect(refused.code).toBe(75);
        expect(refused.errors).toEqual([expect.objectContaining({ code: 'busy' })]);
      } finally {
        await holder.close();
      }
    });

    it('leaves the book as it was before or after when killed (kill -9) in the middle of an import', async () => {
      const location = await backend.fresh();
      // A book made, with nothing in it yet.
      expect((await run(location, ['migrate'])).code).toBe(0);
      const dir = scratch();
      const big = path.join(dir, 'payments.csv');
      const rows = 50_000;
      const lines = ['account_id,paid_on,amount,reference'];
      for (let i = 0; i < rows; i++) lines.push(`K-${i % 5000},2026-03-${String(1 + (i % 28)).padStart(2, '0')},1.00,R-${i}`);
      writeFileSync(big, `${lines.join('\n')}\n`);
      const child = spawn(process.execPath, [BIN, 'book', 'payments', big], { cwd: ROOT, env: { ...process.env, FAIRPLAN_BOOK: location }, stdio: 'ignore' });
      const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
      const book: Book = await openBook(location, { create: false, waitSeconds: 5, cwd: ROOT });
      try {
        // Killed once it is writing: for SQLite, once its write-ahead log grows; for PostgreSQL, once it holds the book's lock.
        const writing = async (): Promise<boolean> => {
          if (backend.name === 'sqlite') return (statSync(`${location}-wal`, { throwIfNoEntry: false })?.size ?? 0) > 512 * 1024;
          const { rows: locks } = await (await import('kysely')).sql<{ n: string }>`select count(*) as n from pg_locks where locktype = 'advisory'`.execute(book.db);
          return Number(locks[0]?.n) > 0;
        };
        const deadline = Date.now() + 60_000;
        while (!(await writing()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
        if (backend.name === 'postgres') await new Promise((resolve) => setTimeout(resolve, 300));
        child.kill('SIGKILL');
        expect(await ended).toBe('SIGKILL');
        const count = Number((await book.db.selectFrom('payments').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
        const imports = Number((await book.db.selectFrom('imports').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
        // Never between: no payment, or every one with the import that recorded them.
        expect([[0, 0], [rows, 1]]).toContainEqual([count, imports]);
      } finally {
        await book.close();
      }
      // And the book still takes the whole file afterwards.
      const again = await run(location, ['payments', big]);
      expect(again.code).toBe(0);
    }, 120_000);

    if (backend.name === 'sqlite') {
      it('makes a consistent copy of the book, readable by its owner only', async () => {
        const book = await backend.fresh();
        await run(book, ['payments', BOOK('payments.csv')]);
        const copy = path.join(scratch(), 'copy.sqlite');
        expect(await run(book, ['backup', copy])).toMatchObject({ code: 0 });
        expect(statSync(copy).mode & 0o777).toBe(0o600);
        expect((await run(copy, ['show', 'BK-002', '--json'])).stdout).toContain('-30.00');
      });

      it('refuses to copy the book onto itself, by any name, which would put the copy in place of the book under the runs using it', async () => {
        const book = await backend.fresh();
        await run(book, ['payments', BOOK('payments.csv')]);
        const sameFile = path.join(path.dirname(book), '.', path.basename(book));
        const result = await run(book, ['backup', sameFile]);
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/^fairplan: .*: is the book itself: name another file for the copy\n$/);
        expect((await run(book, ['show', 'BK-002', '--json'])).stdout).toContain('-30.00');
      });
    } else {
      it('says to use pg_dump to copy a PostgreSQL book', async () => {
        const book = await backend.fresh();
        await run(book, ['migrate']);
        const result = await run(book, ['backup', path.join(scratch(), 'copy')]);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain('pg_dump');
      });
    }
  });
});

describe('fairplan book with no command', () => {
  it('is a usage error: the help on stderr, nothing on stdout, exit code 2', async () => {
    const { code, stdout, stderr } = await runCli(['book']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('Usage: fairplan book');
    const json = await runCliErrors(['book']);
    expect(json.code).toBe(2);
    expect(json.errors).toEqual([expect.objectContaining({ code: 'usage' })]);
  });
});

describe('fairplan book refuses what is not a book, in one sentence', () => {
  const refused = async (args: readonly string[], env: Record<string, string | undefined> = {}) => {
    const result = await runCli(['book', ...args], { env: { FAIRPLAN_BOOK: undefined, ...env } });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    noStack(result.stderr);
    return result.stderr;
  };

  it('with no book named', async () => {
    expect(await refused(['show', 'BK-001'])).toContain('FAIRPLAN_BOOK');
  });

  it('with a path whose folder does not exist', async () => {
    expect(await refused(['payments', BOOK('payments.csv'), '--book', '/no/such/folder/book.sqlite'])).toContain('its folder does not exist');
  });

  it('with no book at the path, for a command that only reads', async () => {
    expect(await refused(['show', 'BK-001', '--book', path.join(scratch(), 'book.sqlite')])).toContain('there is no book here');
  });

  it('with a file that is not a SQLite database, left as it was', async () => {
    const file = path.join(scratch(), 'notes.sqlite');
    writeFileSync(file, 'account_id\nBK-001\n'.repeat(100));
    const before = createHash('sha256').update(readFileSync(file)).digest('hex');
    expect(await refused(['show', 'BK-001', '--book', file])).toContain('not a SQLite database');
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(before);
  });

  it('with a URL of another database, or a server that does not answer, its password hidden', async () => {
    expect(await refused(['show', 'BK-001', '--book', 'mysql://user:secret@localhost/book'])).not.toContain('secret');
    const noServer = await refused(['show', 'BK-001', '--book', 'postgres://user:secret@127.0.0.1:1/book']);
    expect(noServer).toContain('no PostgreSQL server answers');
    expect(noServer).not.toContain('secret');
  });
});
