/**
 * Opening a book: a SQLite file (created on first use, readable by its owner only) or a PostgreSQL
 * database named by a postgres:// URL. Either way the same tables and queries (Kysely), and the
 * same refusals in plain words: no book there, not a book, a book of a newer fairplan, one in use.
 */
import { closeSync, existsSync, openSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { FairplanError } from '../core/errors.js';
import { LATEST_VERSION, MIGRATION_LOCK_TABLE, MIGRATION_TABLE, migrations, versionOf, type Backend, type BookTables } from './schema.js';

export interface Book {
  readonly db: Kysely<BookTables>;
  readonly backend: Backend;
  /** The book as a person may be shown it: the path, or the URL without its password. */
  readonly name: string;
  /** The SQLite database itself, for its backup API. */
  readonly sqlite?: SqliteDatabase.Database;
  /** How long a change waits for another run to finish with the book, in milliseconds. */
  readonly waitMs: number;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Create the book (and its tables) when there is none: the commands that record something do. */
  readonly create: boolean;
  readonly waitSeconds: number;
  readonly cwd: string;
}

/** The book named by `--book`, or failing that by FAIRPLAN_BOOK. */
export function bookLocation(option: string | undefined, env: Readonly<Record<string, string | undefined>>): string {
  const named = option ?? env.FAIRPLAN_BOOK;
  if (named === undefined || named.trim() === '') {
    throw new FairplanError('invalid-argument', 'no book is named: give --book PATH (a SQLite file) or --book postgres://…, or set FAIRPLAN_BOOK');
  }
  return named;
}

const isUrl = (location: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(location);

/** The URL with its password hidden: it is shown in messages and recorded nowhere. */
function withoutPassword(location: string): string {
  try {
    const url = new URL(location);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return location.replace(/:[^:@/]*@/, ':***@');
  }
}

export async function openBook(location: string, options: OpenOptions): Promise<Book> {
  const book = isUrl(location) ? await openPostgres(location, options) : openSqlite(location, options);
  try {
    await prepareSchema(book, options.create);
  } catch (error) {
    await book.close();
    throw bookFailure(error, book.name);
  }
  return book;
}

function openSqlite(location: string, { create, waitSeconds, cwd }: OpenOptions): Book {
  const path = resolve(cwd, location);
  if (!existsSync(path)) {
    if (!create) throw new FairplanError('io', 'there is no book here: record something in it first (fairplan book agree, payments or customers) or check the path', { file: location });
    if (!statSync(dirname(path), { throwIfNoEntry: false })?.isDirectory()) {
      throw new FairplanError('io', 'the book cannot be made here: its folder does not exist', { file: location });
    }
    // Made by fairplan first, so that SQLite and its journal files take these permissions: a book holds personal data.
    try {
      closeSync(openSync(path, 'wx', 0o600));
    } catch (error) {
      throw new FairplanError('io', `the book cannot be made here (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { file: location });
    }
  } else if (statSync(path).isDirectory()) {
    throw new FairplanError('io', 'is a folder, not a book: name a file, e.g. book.sqlite', { file: location });
  }
  const waitMs = waitSeconds * 1000;
  let database: SqliteDatabase.Database;
  try {
    database = new SqliteDatabase(path, { fileMustExist: true, timeout: waitMs });
    // Readers do not stop a writer, and a killed run leaves the book as it was before or after.
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = FULL');
    database.pragma('foreign_keys = ON');
  } catch (error) {
    throw bookFailure(error, location);
  }
  const db = new Kysely<BookTables>({ dialect: new SqliteDialect({ database }) });
  return { db, backend: 'sqlite', name: location, sqlite: database, waitMs, close: () => db.destroy() };
}

async function openPostgres(location: string, { waitSeconds }: OpenOptions): Promise<Book> {
  const name = withoutPassword(location);
  if (!/^postgres(ql)?:\/\//i.test(location)) {
    throw new FairplanError('invalid-argument', `${name} is not a book fairplan can open: give a file path (SQLite) or a postgres:// URL`);
  }
  // Loaded only for PostgreSQL: a SQLite book need not wait for it.
  const { default: pg } = await import('pg');
  // One connection: a command's changes are one transaction on it.
  const pool = new pg.Pool({ connectionString: location, max: 1, connectionTimeoutMillis: 15_000 });
  // A connection that fails once the book is open is reported by the query that needed it.
  pool.on('error', () => undefined);
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw bookFailure(error, name);
  }
  const db = new Kysely<BookTables>({ dialect: new PostgresDialect({ pool }) });
  return { db, backend: 'postgres', name, waitMs: waitSeconds * 1000, close: () => db.destroy() };
}

const migratorOf = (book: Book): Migrator =>
  new Migrator({
    db: book.db,
    provider: { getMigrations: async () => migrations(book.backend) },
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: MIGRATION_LOCK_TABLE,
  });

/** The schema versions recorded in the book: none for a new one. */
async function versionsIn(book: Book): Promise<{ readonly names: readonly string[]; readonly otherTables: readonly string[] }> {
  const tables = (await book.db.introspection.getTables({ withInternalKyselyTables: true })).map((table) => table.name);
  if (!tables.includes(MIGRATION_TABLE)) return { names: [], otherTables: tables };
  const rows = await sql<{ name: string }>`select name from ${sql.table(MIGRATION_TABLE)} order by name`.execute(book.db);
  return { names: rows.rows.map((row) => row.name), otherTables: [] };
}

/**
 * A new book gets its tables; a book of a newer fairplan is refused, as it may hold what this one
 * would misread; an older one is left to `fairplan book migrate`, run by a person after a backup.
 */
async function prepareSchema(book: Book, create: boolean): Promise<void> {
  const { names, otherTables } = await versionsIn(book);
  const known = migrations(book.backend);
  const unknown = names.filter((name) => !(name in known));
  if (unknown.length > 0) {
    const version = Math.max(...names.map(versionOf));
    throw new FairplanError('invalid-argument', `the book's schema is version ${version}, written by a newer fairplan; this one knows up to version ${LATEST_VERSION}: upgrade fairplan to use it`);
  }
  if (names.length === 0) {
    // Another program's SQLite file is not taken for a new book.
    if (book.backend === 'sqlite' && otherTables.length > 0) {
      throw new FairplanError('invalid-argument', `is a SQLite database but not a fairplan book (it has tables ${otherTables.slice(0, 3).join(', ')})`);
    }
    if (!create) throw new FairplanError('invalid-argument', 'the book is empty: record something in it first (fairplan book agree, payments or customers)');
    await migrate(book);
    return;
  }
  if (names.length < Object.keys(known).length) {
    const version = Math.max(...names.map(versionOf));
    throw new FairplanError('invalid-argument', `the book's schema is version ${version}; this fairplan uses version ${LATEST_VERSION}: back it up (fairplan book backup) and run fairplan book migrate`);
  }
}

/** Brings the book to the latest schema; returns the versions it went through. */
async function migrate(book: Book): Promise<number[]> {
  const { error, results } = await migratorOf(book).migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => versionOf(result.migrationName));
}

/** Opens the book for `fairplan book migrate`: an older schema is what it is for. */
export async function openForMigration(location: string, options: OpenOptions): Promise<{ book: Book; from: number; to: number[] }> {
  const book = isUrl(location) ? await openPostgres(location, options) : openSqlite(location, options);
  try {
    const { names, otherTables } = await versionsIn(book);
    if (names.length === 0 && book.backend === 'sqlite' && otherTables.length > 0) {
      throw new FairplanError('invalid-argument', `is a SQLite database but not a fairplan book (it has tables ${otherTables.slice(0, 3).join(', ')})`);
    }
    const known = migrations(book.backend);
    if (names.some((name) => !(name in known))) await prepareSchema(book, false);
    const from = names.length === 0 ? 0 : Math.max(...names.map(versionOf));
    return { book, from, to: await migrate(book) };
  } catch (error) {
    await book.close();
    throw bookFailure(error, book.name);
  }
}

/**
 * What went wrong with the book, in one sentence: a FairplanError is already one; SQLite and
 * PostgreSQL failures are told by their codes. Anything else is a fault of fairplan's, left as it is.
 */
export function bookFailure(error: unknown, name: string): unknown {
  if (error instanceof FairplanError) return error.context.file === undefined ? error.inFile(name) : error;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return error;
  const say = (message: string, errorCode: 'io' | 'busy' | 'no-space' | 'invalid-argument' = 'io') => new FairplanError(errorCode, message, { file: name });
  switch (code) {
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
    case '55P03':
      return say('the book is in use by another run of fairplan, which did not finish in time: try again when it has (or give --wait a longer time)', 'busy');
    case 'SQLITE_NOTADB':
      return say('is not a fairplan book: the file is not a SQLite database', 'invalid-argument');
    case 'SQLITE_CORRUPT':
      return say('the book is damaged (SQLite reports it corrupt): restore it from a backup', 'invalid-argument');
    case 'SQLITE_CANTOPEN':
      return say('the book cannot be opened: check the path and its permissions');
    case 'SQLITE_READONLY':
    case 'SQLITE_PERM':
      return say('the book cannot be written: it or its folder is read-only');
    case 'SQLITE_FULL':
      return say('the disk is full: nothing was recorded', 'no-space');
    case 'ECONNREFUSED':
      return say('no PostgreSQL server answers at this address: check the host and port, and that the server is running');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return say('the PostgreSQL host in the URL cannot be found');
    case '28P01':
    case '28000':
      return say('PostgreSQL refused the user or password in the URL');
    case '3D000':
      return say('PostgreSQL has no database of that name: create it first (createdb)');
    case '42501':
      return say('the PostgreSQL user in the URL may not do this: it needs to create and change tables in the database');
    default:
      if (code.startsWith('SQLITE_IOERR')) return say('the book cannot be read or written (an input/output error)');
      if (/^(08|57P)/.test(code)) return say('the connection to PostgreSQL was lost: nothing of this run was recorded');
      return error;
  }
}
