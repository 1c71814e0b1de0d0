/**
 * Every command that changes the book does so in one transaction: a night's file is recorded whole
 * or not at all, whether the run fails, is stopped or is killed. Two runs at once: the second waits
 * for the first (up to --wait), then is refused in one sentence (bookFailure, 'busy').
 */
import { PostgresAdapter, sql, type Kysely, type Transaction } from 'kysely';
import { bookFailure, type Book } from './connect.js';
import type { BookTables } from './schema.js';

/** Every run that changes a PostgreSQL book holds this lock until it commits: one at a time. */
const POSTGRES_LOCK = 0x66706c6e; // "fpln"

export type BookWriter = Kysely<BookTables> | Transaction<BookTables>;

/**
 * Runs `work` in one transaction, committed when it returns unless it called `rollBack` (a run that
 * publishes nothing keeps nothing), and rolled back when it fails.
 */
export async function inTransaction<T>(book: Book, work: (db: BookWriter, rollBack: () => void) => Promise<T>): Promise<T> {
  try {
    return await book.db.connection().execute(async (db) => {
      if (book.backend === 'sqlite') {
        // Takes the write lock now, waiting (the busy timeout) for a run that has it: a deferred
        // transaction would find the book taken only at its first write, and could not wait then.
        await sql`begin immediate`.execute(db);
      } else {
        await sql`begin`.execute(db);
        await sql.raw(`set local lock_timeout = ${Math.max(1, Math.round(book.waitMs))}`).execute(db);
        await sql`select pg_advisory_xact_lock(${POSTGRES_LOCK})`.execute(db);
      }
      try {
        let keep = true;
        const result = await work(db, () => {
          keep = false;
        });
        await (keep ? sql`commit` : sql`rollback`).execute(db);
        return result;
      } catch (error) {
        await sql`rollback`.execute(db).catch(() => undefined);
        throw error;
      }
    });
  } catch (error) {
    throw bookFailure(error, book.name);
  }
}

/** Reads the book as it stood at one moment, while other runs may be changing it. */
export async function inSnapshot<T>(book: Book, work: (db: BookWriter) => Promise<T>): Promise<T> {
  try {
    return await book.db.connection().execute(async (db) => {
      await (book.backend === 'sqlite' ? sql`begin` : sql`begin isolation level repeatable read read only`).execute(db);
      try {
        return await work(db);
      } finally {
        await sql`rollback`.execute(db).catch(() => undefined);
      }
    });
  } catch (error) {
    throw bookFailure(error, book.name);
  }
}

/** Rows are inserted this many at a time: within the parameters both databases allow a statement. */
export const ROWS_AT_ONCE = 500;

/**
 * How many rows of a file an import reads before it writes them: enough that a statement carries
 * thousands of rows, few enough that a file of millions is never held in memory.
 */
export const BATCH_ROWS = 5000;

export interface BatchOptions {
  /** Rows read before they are written (BATCH_ROWS); tests set it small to cross many batches. */
  readonly batchRows?: number;
}

/** Below what either database allows a statement (SQLite 32,766 parameters, PostgreSQL 65,535). */
const PARAMETERS_AT_ONCE = 30_000;

/** Inserts `rows` of `columns` values each, in as few statements as the databases allow. */
export async function insertAll<T>(rows: readonly T[], columns: number, insert: (rows: T[]) => Promise<unknown>): Promise<void> {
  const size = Math.floor(PARAMETERS_AT_ONCE / columns);
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * Inserts `rows` into `table`, whose `columns` are named with their PostgreSQL types, in one
 * statement of a handful of parameters rather than tens of thousands: on PostgreSQL each column as
 * one array (unnest); on SQLite the rows as one JSON array (json_each, which gives back integers,
 * text and nulls as they went in), four times faster than binding each value.
 */
export async function insertRows<T extends Record<string, unknown>>(db: BookWriter, table: string, columns: Readonly<Record<keyof T & string, string>>, rows: readonly T[]): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(columns) as (keyof T & string)[];
  const into = sql`insert into ${sql.table(table)} (${sql.join(names.map((name) => sql.ref(name)))})`;
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const arrays = names.map((name) => sql`${rows.map((row) => row[name])}::${sql.raw(columns[name])}[]`);
    await sql`${into} select * from unnest(${sql.join(arrays)})`.execute(db);
    return;
  }
  const values = JSON.stringify(rows.map((row) => names.map((name) => row[name])));
  await sql`${into} select ${sql.join(names.map((_, i) => sql.raw(`value ->> ${i}`)))} from json_each(${values})`.execute(db);
}
