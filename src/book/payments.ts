/**
 * Payments into the book, read as follow-up reads them (negative amounts are refunds, chargebacks
 * or returned direct debits, and are recorded as such). Recording is idempotent: a payment is known
 * by its account and its reference (a refund may carry the reference of what it returns, so the
 * sign is part of it); one without a reference by its day, its amount and how many such the file
 * held before it. The same file twice, or tomorrow's export that repeats today's, adds nothing twice.
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
import { BATCH_ROWS, insertRows, type BatchOptions, type BookWriter } from './transaction.js';

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
}

const STAGED = 'fairplan_staged_payments';

/** The columns a payments file must have. */
export const PAYMENT_COLUMNS = ['account_id', 'paid_on', 'amount'] as const;

export async function recordPayments(db: BookWriter, source: ImportSource, reject: Reject, { batchRows = BATCH_ROWS }: BatchOptions = {}): Promise<PaymentsOutcome> {
  const { file } = source;
  const importId = await recordImport(db, source);
  // Seen by this run alone; dropped at the end, or undone with the rest should the run fail.
  await sql.raw(`create temporary table ${STAGED} (account_id text not null, paid_on text not null, amount bigint not null, reference text, reference_key text, line integer not null)`).execute(db);
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
      return reject({ file, line: row.line, accountId: id, code: 'bad-value', reason: error.message });
    }
    if (batch.length >= batchRows) await flush();
    return undefined;
  }, reject);
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
  await sql.raw(`drop table ${STAGED}`).execute(db);
  const recorded = Number(inserted.numAffectedRows ?? 0n);
  const read = staged - repeats.rows.length;
  const orphans = await sql<{ n: number | string | bigint }>`
    select count(*) as n from payments where import_id = ${importId}
      and not exists (select 1 from agreements where agreements.account_id = payments.account_id)`.execute(db);
  await forgetIfEmpty(db, importId, recorded);
  return { read, recorded, known: read - recorded, withoutPlan: Number(orphans.rows[0]?.n ?? 0) };
}
