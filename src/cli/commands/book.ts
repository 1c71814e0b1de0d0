/**
 * `fairplan book …`: the lasting record of agreed plans, payments, customers' circumstances and
 * what senders delivered. The work is in src/book/; this file reads the options, opens the book,
 * runs each change as one transaction and reports.
 */
import { Command, Option } from 'commander';
import type { IsoDate } from '../../core/date.js';
import { FairplanError } from '../../core/errors.js';
import type { Rejection } from '../../follow-up/table.js';
import { writeFileAtomic, writeFilesAtomic } from '../../io/atomic-file.js';
import { createFolder, PERSONAL_FOLDER_MODE } from '../../io/folder.js';
import { resolve } from 'node:path';
import { sha256File } from '../../io/hash.js';
import { checkReadable } from '../../io/read-failure.js';
import { visible } from '../../render/shared/visible.js';
import type { Book } from '../../book/connect.js';
import type { AgreeOutcome } from '../../book/agree.js';
import type { ImportSource } from '../../book/imports.js';
import type { BookWriter } from '../../book/transaction.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { dateOption, nonNegativeIntegerOption, today } from '../options.js';
import { FAIRPLAN_VERSION } from '../version.js';
import { FORMAT_VERSION } from '../../render/shared/format-version.js';
import type { RegisterCommand } from './index.js';

const HELP = `
The book is a SQLite file (made on first use, readable by its owner only) or,
for a team, a PostgreSQL database: --book postgres://user:password@host/db.
Every command takes --book, or reads FAIRPLAN_BOOK. See docs/book.md.

Examples:
  $ export FAIRPLAN_BOOK=book.sqlite
  $ fairplan book agree --schedules fixtures/book/schedules.csv \\
      --agreed-on 2026-03-02
  $ fairplan book payments fixtures/book/payments.csv
  $ fairplan book customers fixtures/book/customers.csv \\
      --effective-on 2026-03-02
  $ fairplan book sent fixtures/book/sent.csv
  $ fairplan book show BK-002
  $ fairplan book export book-export
  $ fairplan book backup book-copy.sqlite

Every command that changes the book is one transaction: all of the file is
recorded or none of it, even if the run is killed. A second run on the same
book waits for the first (up to --wait seconds), then stops with exit 75.

Exit codes:
  0   done
  1   some rows were rejected (each is named); the rest were recorded. book
      sent keeps a report it cannot read of a message or account the book
      knows: a contact that holds that customer's messages; book payments
      keeps a row it cannot read that names its account, which holds that
      account's messages until it is recorded corrected (docs/book.md)
  2   bad arguments or input, no book there, not a book, or a book of a
      newer fairplan; book customers: a row with no account_id, one that
      cannot be read, or one for an account with no plan in the book refuses
      the whole file (it may be anyone's opt-out): nothing is recorded
  74  the disk is full: nothing was recorded
  75  the book is in use by another run that did not finish in time:
      nothing was recorded; run the command again later`;

interface BookFlags {
  book?: string;
  wait: number;
}

const describeRejection = (r: Rejection): string => visible(`fairplan: ${r.file}${r.line === null ? '' : `:line ${r.line}`}: ${r.reason}`);

/** Opens the book the flags name; `create` for the commands that record something. */
async function open(context: CommandContext, flags: BookFlags, create: boolean): Promise<Book> {
  const { bookLocation, openBook } = await import('../../book/connect.js');
  return openBook(bookLocation(flags.book, context.io.env), { create, waitSeconds: flags.wait, cwd: context.io.cwd });
}

async function withBook<T>(context: CommandContext, flags: BookFlags, create: boolean, use: (book: Book) => Promise<T>): Promise<T> {
  const book = await open(context, flags, create);
  try {
    return await use(book);
  } finally {
    await book.close();
  }
}

/** Rejections are told as they come; any at all makes the exit code 1. */
function rejecter(context: CommandContext): { reject: (r: Rejection) => void; count: () => number } {
  let count = 0;
  return {
    reject: (rejection) => {
      count++;
      context.err(describeRejection(rejection));
    },
    count: () => count,
  };
}

async function sourceOf(context: CommandContext, command: string, file: string, options: Record<string, unknown>): Promise<ImportSource> {
  await checkReadable(file, context.io.cwd);
  return {
    command,
    file,
    sha256: await sha256File(file, context.io.cwd),
    recordedAt: context.io.now().toISOString(),
    provenance: { fairplan: FAIRPLAN_VERSION, options },
  };
}

const finish = (context: CommandContext, rejected: number, summary: string): void => {
  context.out(summary);
  if (rejected > 0) {
    context.err(`${rejected} row${rejected === 1 ? '' : 's'} rejected`);
    context.exitCode = EXIT.rowsRejected;
  }
};

interface AgreeFlags extends BookFlags {
  schedules?: string;
  accounts?: string;
  option?: string;
  account?: string;
  agreedOn?: IsoDate;
}

async function agree(context: CommandContext, planFile: string | undefined, flags: AgreeFlags): Promise<void> {
  const { readAccountList, readPlanOption, recordAgreements, recordSchedules, SCHEDULE_COLUMNS } = await import('../../book/agree.js');
  const { checkColumns } = await import('../../book/imports.js');
  const { inTransaction } = await import('../../book/transaction.js');
  if ((planFile === undefined) === (flags.schedules === undefined)) {
    throw new FairplanError('invalid-argument', 'give either --schedules FILE (a batch --schedules file) or a plan JSON with --account ID');
  }
  const agreedOn = flags.agreedOn ?? today(context.io);
  const { reject, count } = rejecter(context);
  let file: string;
  let record: (db: BookWriter, source: ImportSource) => Promise<AgreeOutcome>;
  let options: Record<string, unknown>;
  if (flags.schedules !== undefined) {
    if (flags.account !== undefined || flags.option !== undefined) throw new FairplanError('invalid-argument', '--account and --option go with a plan JSON, not with --schedules (use --accounts FILE to choose accounts)');
    file = flags.schedules;
    const only = flags.accounts === undefined ? undefined : await readAccountList(flags.accounts, reject);
    await checkReadable(file, context.io.cwd);
    await checkColumns(file, SCHEDULE_COLUMNS);
    // Read while it is recorded, a batch at a time: a night's file may hold millions of instalments.
    record = (db, source) => recordSchedules(db, source, agreedOn, only, reject);
    options = {
      '--agreed-on': agreedOn,
      ...(flags.accounts === undefined ? {} : { '--accounts': { file: flags.accounts, sha256: await sha256File(flags.accounts, context.io.cwd) } }),
    };
  } else {
    if (flags.account === undefined) throw new FairplanError('invalid-argument', 'name the account the plan was agreed for with --account ID');
    if (flags.accounts !== undefined) throw new FairplanError('invalid-argument', '--accounts goes with --schedules; a plan JSON is agreed for the one --account');
    file = planFile ?? '';
    const plan = await readPlanOption(file, flags.option, flags.account);
    record = (db, source) => recordAgreements(db, source, agreedOn, [plan], reject);
    options = { '--agreed-on': agreedOn, '--account': flags.account, ...(flags.option === undefined ? {} : { '--option': flags.option }) };
  }
  const source = await sourceOf(context, 'agree', file, options);
  const outcome = await withBook(context, flags, true, (book) => inTransaction(book, (db) => record(db, source)));
  finish(
    context,
    count(),
    `${outcome.recorded} agreement${outcome.recorded === 1 ? '' : 's'} recorded as agreed on ${agreedOn}` +
      `${outcome.superseding > 0 ? ` (${outcome.superseding} superseding an earlier plan)` : ''}` +
      `${outcome.unchanged > 0 ? `; ${outcome.unchanged} already in the book` : ''}`,
  );
}

async function payments(context: CommandContext, file: string, flags: BookFlags): Promise<void> {
  const { recordPayments, PAYMENT_COLUMNS } = await import('../../book/payments.js');
  const { checkColumns } = await import('../../book/imports.js');
  const { inTransaction } = await import('../../book/transaction.js');
  const { reject, count } = rejecter(context);
  const source = await sourceOf(context, 'payments', file, {});
  await checkColumns(file, PAYMENT_COLUMNS);
  const outcome = await withBook(context, flags, true, (book) => inTransaction(book, (db) => recordPayments(db, source, reject)));
  const orphans = outcome.withoutPlan > 0 ? `; ${outcome.withoutPlan} of them for an account the book has no plan for` : '';
  const unread = outcome.unread > 0 ? `; ${outcome.unread} that cannot be read kept, which hold their account's messages until recorded corrected` : '';
  const settled = outcome.settled > 0 ? `; ${outcome.settled} kept unread before now recorded corrected` : '';
  finish(context, count(), `${outcome.read} payment${outcome.read === 1 ? '' : 's'} read: ${outcome.recorded} recorded, ${outcome.known} already in the book${orphans}${unread}${settled}`);
}

interface CustomersFlags extends BookFlags {
  effectiveOn?: IsoDate;
}

async function customers(context: CommandContext, file: string, flags: CustomersFlags): Promise<void> {
  const { recordCustomers } = await import('../../book/customers.js');
  const { inTransaction } = await import('../../book/transaction.js');
  const { reject, count } = rejecter(context);
  const effectiveOn = flags.effectiveOn ?? today(context.io);
  const source = await sourceOf(context, 'customers', file, { '--effective-on': effectiveOn });
  const outcome = await withBook(context, flags, true, (book) => inTransaction(book, (db) => recordCustomers(db, source, effectiveOn, reject)));
  // Nothing the file leaves out is left out silently.
  if (outcome.carried.length > 0) {
    context.err(`the file has no ${outcome.carried.join(', ')} column${outcome.carried.length === 1 ? '' : 's'}: each account's value in force carries forward (an empty cell would end it)`);
  }
  finish(
    context,
    count(),
    `${outcome.accounts} account${outcome.accounts === 1 ? '' : 's'} read: ${outcome.recorded} with circumstances new or changed, ${outcome.unchanged} unchanged` +
      `${outcome.doubtful > 0 ? `; ${outcome.doubtful} recorded with a protection taken as set because it could not be read exactly` : ''}` +
      `${outcome.future > 0 ? `; ${outcome.future} dated after ${effectiveOn}: what they protect holds from ${effectiveOn}, what they end only from their own day` : ''}`,
  );
}

async function sent(context: CommandContext, file: string, flags: BookFlags): Promise<void> {
  const { recordSent } = await import('../../book/sent.js');
  const { inTransaction } = await import('../../book/transaction.js');
  const { reject, count } = rejecter(context);
  const source = await sourceOf(context, 'sent', file, {});
  const outcome = await withBook(context, flags, true, (book) => inTransaction(book, (db) => recordSent(db, source, reject)));
  finish(
    context,
    count(),
    `${outcome.read} report${outcome.read === 1 ? '' : 's'} read: ${outcome.recorded} recorded (${outcome.notDelivered} not delivered), ${outcome.known} already in the book; ` +
      `${outcome.issued} of messages follow-up --book issued` +
      (outcome.unread > 0 ? `; ${outcome.unread} that cannot be read kept as contacts, which hold the customer's messages` : ''),
  );
}

interface ShowFlags extends BookFlags {
  json?: boolean;
  html?: boolean;
  output: string;
}

async function show(context: CommandContext, account: string, flags: ShowFlags): Promise<void> {
  if (flags.json && flags.html) throw new FairplanError('invalid-argument', 'give --json or --html, not both');
  const { accountTimeline, timelineText } = await import('../../book/show.js');
  const { inSnapshot } = await import('../../book/transaction.js');
  const timeline = await withBook(context, flags, false, (book) => inSnapshot(book, (db) => accountTimeline(db, book.name, account)));
  const text = flags.json ? `${JSON.stringify({ formatVersion: FORMAT_VERSION, ...timeline }, null, 2)}\n` : flags.html ? (await import('../../book/show-html.js')).timelineHtml(timeline) : timelineText(timeline);
  // Personal data: a file of it is readable by its owner only.
  if (flags.output === '-') context.io.stdout.write(flags.json || flags.html ? text : text.split('\n').map(visible).join('\n'));
  else await writeFileAtomic(flags.output, text, 0o600);
}

interface ExportFlags extends BookFlags {
  ndjson?: boolean;
}

async function exportBook(context: CommandContext, folder: string, flags: ExportFlags): Promise<void> {
  const { exportTables } = await import('../../book/export.js');
  const { inSnapshot } = await import('../../book/transaction.js');
  const format = flags.ndjson ? 'ndjson' : 'csv';
  const tables = await withBook(context, flags, false, (book) => inSnapshot(book, (db) => exportTables(db, folder, format)));
  await createFolder(resolve(context.io.cwd, folder), PERSONAL_FOLDER_MODE);
  await writeFilesAtomic(tables.map((table) => ({ target: resolve(context.io.cwd, table.file), content: table.content, mode: 0o600 })));
  context.out(tables.map((table) => `${table.file}: ${table.rows} row${table.rows === 1 ? '' : 's'}`).join('\n'));
}

async function backup(context: CommandContext, file: string, flags: BookFlags): Promise<void> {
  const { backupBook } = await import('../../book/backup.js');
  await withBook(context, flags, false, (book) => backupBook(book, file, context.io.cwd));
  context.out(`the book is copied to ${file}`);
}

async function migrateBook(context: CommandContext, flags: BookFlags): Promise<void> {
  const { bookLocation, openForMigration } = await import('../../book/connect.js');
  const { LATEST_VERSION } = await import('../../book/schema.js');
  const { book, from, to } = await openForMigration(bookLocation(flags.book, context.io.env), { create: true, waitSeconds: flags.wait, cwd: context.io.cwd });
  await book.close();
  context.out(to.length === 0 ? `the book's schema is version ${from}, the latest: nothing to do` : `the book's schema went from version ${from} to ${LATEST_VERSION}`);
}

/** The options every book command takes. */
function bookCommand(parent: Command, name: string, description: string): Command {
  return parent
    .command(name)
    .description(description)
    .option('--book <path-or-url>', 'the book: a SQLite file, or postgres://… (default: $FAIRPLAN_BOOK)')
    .addOption(new Option('--wait <seconds>', 'how long to wait for another run to finish with the book').argParser(nonNegativeIntegerOption).default(60));
}

export const registerBook: RegisterCommand = (program, context) => {
  const book = program
    .command('book')
    .description('The book: agreed plans, payments, circumstances and deliveries kept from night to night (SQLite or PostgreSQL).')
    .addHelpText('after', HELP);
  bookCommand(book, 'agree', 'record plans as agreed: those of a batch --schedules file, or one option of a plan JSON')
    .argument('[plan-json]', 'a plan --json output or an advise export\'s plan.json')
    .option('--schedules <file>', 'a batch --schedules file, each account\'s rows together as batch writes them: every plan in it (or those of --accounts) is agreed')
    .option('--accounts <file>', 'with --schedules: only the accounts in this CSV\'s account_id column')
    .option('--option <key>', 'with a plan JSON: the option agreed (e.g. affordable, fixed-term-24); an advise export\'s agreed one by default')
    .option('--account <id>', 'with a plan JSON: the account it was agreed for')
    .option('--agreed-on <date>', 'the day the customer agreed (default: today); it supersedes the account\'s earlier plan from then', dateOption)
    .action((planFile: string | undefined, flags: AgreeFlags) => agree(context, planFile, flags));
  bookCommand(book, 'payments', 'record payments (account_id, paid_on, amount, reference); a payment already in the book is not recorded twice')
    .argument('<file>', 'payments, CSV or NDJSON, as follow-up reads them')
    .action((file: string, flags: BookFlags) => payments(context, file, flags));
  bookCommand(book, 'customers', 'record customers\' circumstances, with the day they took effect; a doubtful protection is recorded as set')
    .argument('<file>', 'customers, CSV or NDJSON, as follow-up reads them, with effective_on and vulnerability_consent if known; a column the file does not have keeps each account\'s value in force')
    .option('--effective-on <date>', 'the day these circumstances took effect, for rows with no effective_on (default: today); a row dated after it protects from this day, and ends a protection only from its own', dateOption)
    .action((file: string, flags: CustomersFlags) => customers(context, file, flags));
  bookCommand(book, 'sent', 'record what a sender delivered or could not (account_id, message_id, sent_on, status)')
    .argument('<file>', 'the sender\'s report, CSV or NDJSON')
    .action((file: string, flags: BookFlags) => sent(context, file, flags));
  bookCommand(book, 'show', 'one account\'s timeline: plans agreed and superseded, payments, circumstances, messages')
    .argument('<account>', 'the account_id')
    .option('--json', 'as JSON')
    .option('--html', 'as one HTML page, to hand on')
    .option('-o, --output <file>', 'where to write it (- for stdout)', '-')
    .action((account: string, flags: ShowFlags) => show(context, account, flags));
  bookCommand(book, 'export', 'every table of the book as a CSV file (or NDJSON) in a folder')
    .argument('<folder>', 'the folder to write to (made if missing)')
    .option('--ndjson', 'one JSON record a line instead of CSV, each with formatVersion (docs/json-output.md)')
    .action((folder: string, flags: ExportFlags) => exportBook(context, folder, flags));
  bookCommand(book, 'backup', 'a consistent copy of a SQLite book, while it is in use (for PostgreSQL, use pg_dump)')
    .argument('<file>', 'the copy')
    .action((file: string, flags: BookFlags) => backup(context, file, flags));
  bookCommand(book, 'migrate', 'bring the book to this fairplan\'s schema (back it up first)')
    .action((flags: BookFlags) => migrateBook(context, flags));
};
