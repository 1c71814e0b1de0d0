/**
 * Payments into the book, read as follow-up reads them (negative amounts are refunds, chargebacks
 * or returned direct debits, and are recorded as such). Recording is idempotent: a payment is known
 * by its account and its reference (a refund may carry the reference of what it returns, so the
 * sign is part of it); one without a reference by its day, its amount and how many such the file
 * held before it. The same file twice, or tomorrow's export that repeats today's, adds nothing twice.
 *
 * A row that cannot be read but names its account is kept (unread_payments, as written): what the
 * account paid is not known, so follow-up --book holds its messages until a later run records the
 * row corrected, a readable payment of the account with the row's reference or, for a row without
 * one, on the same line of a file of the same name.
 *
 * A file of millions of payments is not held in memory: its rows go into a table of this run's own
 * (a temporary table, in the same transaction) a batch at a time, and the database numbers them,
 * finds a reference given twice and records the new ones, in any order of account.
 */
import { sql } from 'kysely';
import type { IsoDate } from '../core/date.js';
import { BadCell, date, nonZeroPence } from '../follow-up/cells.js';
import { readTable, type Reject } from '../follow-up/table.js';
import { forgetIfEmpty, recordImport, type ImportSource } from './imports.js';
import { BATCH_ROWS, insertRows, ROWS_AT_ONCE, type BatchOptions, type BookWriter } from './transaction.js';

const STAGED_COLUMNS = { account_id: 'text', paid_on: 'text', amount: 'bigint', reference: 'text', reference_key: 'text', line: 'integer' } as const;

interface StagedPayment extends Record<string, unknown> {
  readonly account_id: string;
  readonly paid_on: IsoDate;
  readonly amount: number;
  readonly reference: string | null;
  /** `reference:+REF` (or `-` for a refund); null without a reference, numbered by the database. */
  readonly reference_key: string | null;
  readonly line: number;
}

export interface PaymentsOutcome {
  readonly read: number;
  readonly recorded: number;
  /** Payments the book held already (an earlier file, or the same one again). */
  readonly known: number;
  /** Of those recorded, how many are for an account the book has no plan for (yet): kept, and said. */
  readonly withoutPlan: number;
  /** Rows that cannot be read, for an account they name: kept, each holding the account's messages. */
  readonly unread: number;
  /** Rows kept unread by an earlier run that this file holds corrected: they hold nothing from now on. */
  readonly settled: number;
}

/** A row that cannot be read, as it was written, with why. */
interface UnreadRow {
  readonly account_id: string;
  readonly paid_on: string;
  readonly amount: string;
  readonly reference: string;
  readonly code: 'bad-value' | 'unreadable-row';
  readonly reason: string;
  readonly line: number;
}

const STAGED = 'fairplan_staged_payments';

/** The columns a payments file must have. */
export const PAYMENT_COLUMNS = ['account_id', 'paid_on', 'amount'] as const;

export async function recordPayments(db: BookWriter, source: ImportSource, reject: Reject, { batchRows = BATCH_ROWS }: BatchOptions = {}): Promise<PaymentsOutcome> {
  const { file } = source;
  const importId = await recordImport(db, source);
  // Seen by this run alone; dropped at the end, or undone with the rest should the run fail.
  await sql.raw(`create temporary table ${STAGED} (account_id text not null, paid_on text not null, amount bigint not null, reference text, reference_key text, line integer not null)`).execute(db);
  const unread: UnreadRow[] = [];
  // A row that names its account but cannot be read at all (a JSON key given twice) is kept too, its cells unknown.
  const onBadRow: Reject = (rejection) => {
    if (rejection.accountId === undefined || (rejection.code !== 'bad-value' && rejection.code !== 'unreadable-row')) return reject(rejection);
    unread.push({ account_id: rejection.accountId, paid_on: '', amount: '', reference: '', code: rejection.code, reason: rejection.reason, line: rejection.line });
    return undefined;
  };
  let batch: StagedPayment[] = [];
  let staged = 0;
  const flush = async () => {
    staged += batch.length;
    await insertRows(db, STAGED, STAGED_COLUMNS, batch);
    batch = [];
  };
  await readTable(file, PAYMENT_COLUMNS, () => undefined, async (row) => {
    const id = row.get('account_id');
    if (id === '') return reject({ file, line: row.line, code: 'missing-account-id', reason: 'account_id is empty' });
    try {
      const paidOn = date(row, 'paid_on');
      const amount = nonZeroPence(row, 'amount');
      const reference = row.get('reference');
      batch.push({ account_id: id, paid_on: paidOn, amount, reference: reference === '' ? null : reference, reference_key: reference === '' ? null : `reference:${amount < 0 ? '-' : '+'}${reference}`, line: row.line });
    } catch (error) {
      if (!(error instanceof BadCell)) throw error;
      unread.push({ account_id: id, paid_on: row.get('paid_on'), amount: row.get('amount'), reference: row.get('reference'), code: 'bad-value', reason: error.message, line: row.line });
      return undefined;
    }
    if (batch.length >= batchRows) await flush();
    return undefined;
  }, onBadRow);
  await flush();

  // Each payment's key: its reference, or the n-th payment of its day and amount without one in this
  // file; then the first row of each key in the file, and which line it is on.
  const keyed = sql`(select account_id, paid_on, amount, reference, line,
      coalesce(reference_key, 'day:' || paid_on || ':' || cast(amount as text) || ':' || cast(row_number() over (partition by account_id, paid_on, amount, reference_key order by line) as text)) as payment_key
    from ${sql.table(STAGED)})`;
  const numbered = sql`(select account_id, paid_on, amount, reference, line, payment_key,
      row_number() over (partition by account_id, payment_key order by line) as nth,
      min(line) over (partition by account_id, payment_key) as first_line
    from ${keyed} as keyed)`;
  const repeats = await sql<{ account_id: string; reference: string; line: number; first_line: number }>`
    select account_id, reference, line, first_line from ${numbered} as numbered where nth > 1 order by line`.execute(db);
  for (const repeat of repeats.rows) {
    await reject({ file, line: Number(repeat.line), accountId: repeat.account_id, code: 'repeated-payment', reason: `reference ${repeat.reference} is paid twice for account ${repeat.account_id} (lines ${repeat.first_line} and ${repeat.line}): recorded once` });
  }
  // A payment the book holds already is left as it is: it is the same payment again.
  const inserted = await sql`
    insert into payments (account_id, paid_on, amount, reference, payment_key, import_id, line)
    select account_id, paid_on, amount, reference, payment_key, ${importId}, line from ${numbered} as numbered where nth = 1 order by line
    on conflict (account_id, payment_key) do nothing`.execute(db);
  const settled = await settleUnread(db, importId, file);
  await sql.raw(`drop table ${STAGED}`).execute(db);
  const unreadRecorded = await keepUnread(db, importId, unread);
  for (const row of unread) {
    await reject({ file, line: row.line, accountId: row.account_id, code: row.code, reason: `${row.reason}: kept in the book, which holds account ${row.account_id}'s messages until the row is recorded corrected` });
  }
  const recorded = Number(inserted.numAffectedRows ?? 0n);
  const read = staged - repeats.rows.length;
  const orphans = await sql<{ n: number | string | bigint }>`
    select count(*) as n from payments where import_id = ${importId}
      and not exists (select 1 from agreements where agreements.account_id = payments.account_id)`.execute(db);
  await forgetIfEmpty(db, importId, recorded + unreadRecorded + settled);
  return { read, recorded, known: read - recorded, withoutPlan: Number(orphans.rows[0]?.n ?? 0), unread: unread.length, settled };
}

/**
 * Settles the rows earlier runs kept unread that this file holds corrected: a readable payment of
 * the account with the row's reference, or, for a row without one, on the same line of a file of
 * the same name. A row of this file is settled by no other row of it (a refund may carry the
 * reference of what it returns: which one the unread row was cannot be known).
 */
async function settleUnread(db: BookWriter, importId: number, file: string): Promise<number> {
  const staged = sql.table(STAGED);
  const settled = await sql`
    update unread_payments set settled_by = ${importId}
    where settled_by is null and import_id <> ${importId}
      and (
        (reference <> '' and exists (select 1 from ${staged} as s where s.account_id = unread_payments.account_id and s.reference = unread_payments.reference))
        or (reference = '' and exists (select 1 from ${staged} as s where s.account_id = unread_payments.account_id and s.line = unread_payments.line)
          and exists (select 1 from imports where imports.id = unread_payments.import_id and imports.file = ${file}))
      )`.execute(db);
  return Number(settled.numAffectedRows ?? 0n);
}

/** Keeps the rows that cannot be read; the same row again (the same file twice) is kept once. */
async function keepUnread(db: BookWriter, importId: number, rows: readonly UnreadRow[]): Promise<number> {
  let kept = 0;
  for (let i = 0; i < rows.length; i += ROWS_AT_ONCE) {
    const inserted = await db
      .insertInto('unread_payments')
      .values(rows.slice(i, i + ROWS_AT_ONCE).map((row) => ({ ...row, import_id: importId, settled_by: null })))
      .onConflict((conflict) => conflict.columns(['account_id', 'paid_on', 'amount', 'reference']).doNothing())
      .returning('id')
      .execute();
    kept += inserted.length;
  }
  return kept;
}
