/**
 * The book's tables, one schema for SQLite and PostgreSQL, versioned by Kysely's Migrator with the
 * migrations written here in code. Money is whole pence (bigint in PostgreSQL, an integer in SQLite);
 * dates are ISO text, which sorts as dates do; yes and no are 1 and 0.
 */
import { type ColumnType, type Generated, type Kysely, type Migration } from 'kysely';
import { followBackdated } from './carry.js';

/** A bigint column: PostgreSQL gives it back as text, SQLite as a number (see pence()). */
type Pence = ColumnType<number | string, number, number>;

/** One run of a command that changed the book: what it read and when. */
interface ImportsTable {
  id: Generated<number>;
  command: string;
  file: string;
  sha256: string;
  recorded_at: string;
  /** JSON: fairplan's version and the options that changed what was recorded. */
  provenance: string;
}

interface AgreementsTable {
  id: Generated<number>;
  account_id: string;
  agreed_on: string;
  /** The option's key (`affordable`, `fixed-term-24`…). */
  plan: string;
  source_file: string;
  source_sha256: string;
  /** JSON: where the plan came from (batch --schedules, plan --json, advise) and that file's own provenance. */
  provenance: string;
  import_id: number;
  /** The day a later agreement took its place, and that agreement; null while it is the account's plan. */
  superseded_on: string | null;
  superseded_by: number | null;
}

interface InstalmentsTable {
  agreement_id: number;
  n: number;
  due: string;
  amount: Pence;
  moved_from: string | null;
}

interface PaymentsTable {
  id: Generated<number>;
  account_id: string;
  paid_on: string;
  /** Negative for a refund, chargeback or returned direct debit. */
  amount: Pence;
  reference: string | null;
  /** What makes a payment the same one again (see payments.ts): unique for its account. */
  payment_key: string;
  import_id: number;
  line: number;
}

/** What was known of a customer from a day on: a row for each change; only what a row carried follows a row recorded before it (carry.ts). */
export interface CircumstancesTable {
  id: Generated<number>;
  account_id: string;
  effective_on: string;
  customer_id: string | null;
  channel: string;
  opted_out: number;
  vulnerable: number;
  /** yes, no, or null when the file does not say. */
  vulnerability_consent: string | null;
  breathing_space: string | null;
  breathing_space_end: string | null;
  review_on: string | null;
  contact_days: string | null;
  contact_window: string | null;
  name: string | null;
  mobile: string | null;
  email: string | null;
  /** JSON: the file's other columns, for the firm's templates. */
  columns: string;
  /** JSON list: why a protection is taken as set, or the rows disagreed (empty when there is no doubt). */
  doubts: string;
  /**
   * JSON list: the fields the file did not have, carried from the circumstance in force before
   * (a template column as `columns.NAME`); null when not known, for a row recorded before schema 3.
   */
  carried: string | null;
  import_id: number;
  line: number;
}

/** What a sender reported of a message: delivered, or not. */
interface DeliveriesTable {
  id: Generated<number>;
  message_id: string;
  account_id: string;
  sent_on: string;
  delivered: number;
  channel: string | null;
  detail: string | null;
  import_id: number;
  line: number;
}

/**
 * A sender's report of a message or account the book knows, whose date or status cannot be read: a
 * contact of unknown day and outcome, which holds the person's messages until a readable report of
 * the same message is recorded. Kept as it was written.
 */
interface UnreadReportsTable {
  id: Generated<number>;
  message_id: string;
  account_id: string;
  sent_on: string;
  status: string;
  reason: string;
  import_id: number;
  line: number;
}

/**
 * A row of a payments file `book payments` could not read, for an account named on it: what the
 * account paid cannot be known, so it holds the account's messages until the row is corrected
 * (`settled_by`). Its cells are kept as they were written.
 */
interface UnreadPaymentsTable {
  id: Generated<number>;
  account_id: string;
  paid_on: string;
  amount: string;
  /** As written: '' for none. */
  reference: string;
  /** The rejection's code (`bad-value`, `unreadable-row`) and sentence. */
  code: string;
  reason: string;
  import_id: number;
  line: number;
  /** The later `book payments` run that recorded the row corrected; null while it holds the account. */
  settled_by: number | null;
}

/** A message `follow-up --book` issued: handed to a sender, and counted in the person's contact limits from then on. */
interface MessagesTable {
  id: Generated<number>;
  /** follow-up's id (account, kind, instalment, channel), which a sender reports on. */
  message_id: string;
  account_id: string;
  /** The plan the message is about: a renegotiated plan's instalments are numbered afresh. */
  agreement_id: number;
  /** The --as-of day of the run that issued it. */
  night: string;
  channel: string;
  kind: string;
  send_on: string;
  send_window: string | null;
  subject: string;
  text: string;
  /** 1 when a person reads it before it goes. */
  review: number;
  reason: string;
  import_id: number;
}

export interface BookTables {
  imports: ImportsTable;
  agreements: AgreementsTable;
  instalments: InstalmentsTable;
  payments: PaymentsTable;
  circumstances: CircumstancesTable;
  deliveries: DeliveriesTable;
  messages: MessagesTable;
  unread_reports: UnreadReportsTable;
  unread_payments: UnreadPaymentsTable;
}

/** The book's own tables, in the order `book export` writes them. */
export const BOOK_TABLES = ['imports', 'agreements', 'instalments', 'payments', 'circumstances', 'deliveries', 'messages', 'unread_reports', 'unread_payments'] as const;

/** Kysely's record of the migrations run, named for fairplan so a shared database says whose it is. */
export const MIGRATION_TABLE = 'fairplan_book_migration';
export const MIGRATION_LOCK_TABLE = 'fairplan_book_migration_lock';

export type Backend = 'sqlite' | 'postgres';

/** A whole number of pence from the database, checked to be one JavaScript holds exactly. */
export function pence(value: number | string | bigint): number {
  const amount = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(amount)) throw new Error(`the book holds an amount of ${String(value)} pence, past what is exact`);
  return amount;
}

/** The migrations, by name in order: the name's number is the schema version. */
export function migrations(backend: Backend): Record<string, Migration> {
  // The one difference between the two: how a table numbers its rows.
  const id = backend === 'postgres' ? ('serial' as const) : ('integer' as const);
  return {
    '0001-book': {
      async up(db: Kysely<unknown>) {
        const table = (name: string) =>
          db.schema.createTable(name).addColumn('id', id, (c) => (backend === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()));
        await table('imports')
          .addColumn('command', 'text', (c) => c.notNull())
          .addColumn('file', 'text', (c) => c.notNull())
          .addColumn('sha256', 'text', (c) => c.notNull())
          .addColumn('recorded_at', 'text', (c) => c.notNull())
          .addColumn('provenance', 'text', (c) => c.notNull())
          .execute();
        await table('agreements')
          .addColumn('account_id', 'text', (c) => c.notNull())
          .addColumn('agreed_on', 'text', (c) => c.notNull())
          .addColumn('plan', 'text', (c) => c.notNull())
          .addColumn('source_file', 'text', (c) => c.notNull())
          .addColumn('source_sha256', 'text', (c) => c.notNull())
          .addColumn('provenance', 'text', (c) => c.notNull())
          .addColumn('import_id', 'integer', (c) => c.notNull().references('imports.id'))
          .addColumn('superseded_on', 'text')
          .addColumn('superseded_by', 'integer', (c) => c.references('agreements.id'))
          .execute();
        await db.schema.createIndex('agreements_by_account').on('agreements').columns(['account_id', 'agreed_on']).execute();
        await db.schema
          .createTable('instalments')
          .addColumn('agreement_id', 'integer', (c) => c.notNull().references('agreements.id'))
          .addColumn('n', 'integer', (c) => c.notNull())
          .addColumn('due', 'text', (c) => c.notNull())
          .addColumn('amount', 'bigint', (c) => c.notNull())
          .addColumn('moved_from', 'text')
          .addPrimaryKeyConstraint('instalments_key', ['agreement_id', 'n'])
          .execute();
        await table('payments')
          .addColumn('account_id', 'text', (c) => c.notNull())
          .addColumn('paid_on', 'text', (c) => c.notNull())
          .addColumn('amount', 'bigint', (c) => c.notNull())
          .addColumn('reference', 'text')
          .addColumn('payment_key', 'text', (c) => c.notNull())
          .addColumn('import_id', 'integer', (c) => c.notNull().references('imports.id'))
          .addColumn('line', 'integer', (c) => c.notNull())
          .addUniqueConstraint('payments_once', ['account_id', 'payment_key'])
          .execute();
        await table('circumstances')
          .addColumn('account_id', 'text', (c) => c.notNull())
          .addColumn('effective_on', 'text', (c) => c.notNull())
          .addColumn('customer_id', 'text')
          .addColumn('channel', 'text', (c) => c.notNull())
          .addColumn('opted_out', 'integer', (c) => c.notNull())
          .addColumn('vulnerable', 'integer', (c) => c.notNull())
          .addColumn('vulnerability_consent', 'text')
          .addColumn('breathing_space', 'text')
          .addColumn('breathing_space_end', 'text')
          .addColumn('review_on', 'text')
          .addColumn('contact_days', 'text')
          .addColumn('contact_window', 'text')
          .addColumn('name', 'text')
          .addColumn('mobile', 'text')
          .addColumn('email', 'text')
          .addColumn('columns', 'text', (c) => c.notNull())
          .addColumn('doubts', 'text', (c) => c.notNull())
          .addColumn('import_id', 'integer', (c) => c.notNull().references('imports.id'))
          .addColumn('line', 'integer', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('circumstances_by_account').on('circumstances').columns(['account_id', 'effective_on']).execute();
        await table('deliveries')
          .addColumn('message_id', 'text', (c) => c.notNull())
          .addColumn('account_id', 'text', (c) => c.notNull())
          .addColumn('sent_on', 'text', (c) => c.notNull())
          .addColumn('delivered', 'integer', (c) => c.notNull())
          .addColumn('channel', 'text')
          .addColumn('detail', 'text')
          .addColumn('import_id', 'integer', (c) => c.notNull().references('imports.id'))
          .addColumn('line', 'integer', (c) => c.notNull())
          .addUniqueConstraint('deliveries_once', ['message_id', 'sent_on', 'delivered'])
          .execute();
        await db.schema.createIndex('deliveries_by_account').on('deliveries').column('account_id').execute();
        await db.schema.createIndex('payments_by_account').on('payments').columns(['account_id', 'paid_on']).execute();
      },
    },
    '0002-messages': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('messages')
          .addColumn('id', id, (c) => (backend === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
          .addColumn('message_id', 'text', (c) => c.notNull())
          .addColumn('account_id', 'text', (c) => c.notNull())
          .addColumn('agreement_id', 'integer', (c) => c.notNull().references('agreements.id'))
          .addColumn('night', 'text', (c) => c.notNull())
          .addColumn('channel', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('send_on', 'text', (c) => c.notNull())
          .addColumn('send_window', 'text')
          .addColumn('subject', 'text', (c) => c.notNull())
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('review', 'integer', (c) => c.notNull())
          .addColumn('reason', 'text', (c) => c.notNull())
          .addColumn('import_id', 'integer', (c) => c.notNull().references('imports.id'))
          // The same night run twice issues nothing twice.
          .addUniqueConstraint('messages_once', ['message_id', 'agreement_id'])
          .execute();
        await db.schema.createIndex('messages_by_account').on('messages').columns(['account_id', 'send_on']).execute();
      },
    },
    '0003-circumstances-carried': {
      async up(db: Kysely<unknown>) {
        // What a row carried is not known for rows recorded before: null, and followed where that protects.
        await db.schema.alterTable('circumstances').addColumn('carried', 'text').execute();
        await followBackdated(db as Kysely<BookTables>);
      },
    },
    // book payments counts an import's payments for accounts with no plan, and forgets an import that
    // recorded nothing (a foreign key checked against payments): each by import_id, not a scan of every payment.
    '0004-payments-by-import': {
      async up(db: Kysely<unknown>) {
        await db.schema.createIndex('payments_by_import').on('payments').column('import_id').execute();
      },
    },
    // book sent keeps a report it cannot read of a message or account it knows: still a contact.
    '0005-unread-sent-reports': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('unread_reports')
          .addColumn('id', id, (c) => (backend === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
          .addColumn('message_id', 'text', (c) => c.notNull())
          .addColumn('account_id', 'text', (c) => c.notNull())
          .addColumn('sent_on', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('reason', 'text', (c) => c.notNull())
          .addColumn('import_id', 'integer', (c) => c.notNull().references('imports.id'))
          .addColumn('line', 'integer', (c) => c.notNull())
          // The same report twice records nothing twice.
          .addUniqueConstraint('unread_reports_once', ['account_id', 'message_id', 'sent_on', 'status'])
          .execute();
        await db.schema.createIndex('unread_reports_by_account').on('unread_reports').column('account_id').execute();
      },
    },
    // book payments keeps a row it cannot read of an account it names: what the account paid is not known.
    '0006-unread-payments': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('unread_payments')
          .addColumn('id', id, (c) => (backend === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
          .addColumn('account_id', 'text', (c) => c.notNull())
          .addColumn('paid_on', 'text', (c) => c.notNull())
          .addColumn('amount', 'text', (c) => c.notNull())
          .addColumn('reference', 'text', (c) => c.notNull())
          .addColumn('code', 'text', (c) => c.notNull())
          .addColumn('reason', 'text', (c) => c.notNull())
          .addColumn('import_id', 'integer', (c) => c.notNull().references('imports.id'))
          .addColumn('line', 'integer', (c) => c.notNull())
          .addColumn('settled_by', 'integer', (c) => c.references('imports.id'))
          // The same file twice records nothing twice.
          .addUniqueConstraint('unread_payments_once', ['account_id', 'paid_on', 'amount', 'reference'])
          .execute();
        await db.schema.createIndex('unread_payments_by_account').on('unread_payments').column('account_id').execute();
      },
    },
  };
}

/** The schema version a migration name stands for: its leading number. */
export const versionOf = (name: string): number => Number(/^\d+/.exec(name)?.[0] ?? Number.NaN);

/** The newest schema version this fairplan knows. */
export const LATEST_VERSION = Math.max(...Object.keys(migrations('sqlite')).map(versionOf));
