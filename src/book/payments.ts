/**
 * Payments into the book, read as follow-up reads them (negative amounts are refunds, chargebacks
 * or returned direct debits, and are recorded as such). Recording is idempotent: a payment is known
 * by its account and its reference (a refund may carry the reference of what it returns, so the
 * sign is part of it); one without a reference by its day, its amount and how many such the file
 * held before it. The same file twice, or tomorrow's export that repeats today's, adds nothing twice.
 */
import type { IsoDate } from '../core/date.js';
import { BadCell, date, nonZeroPence } from '../follow-up/cells.js';
import { readTable, type Reject } from '../follow-up/table.js';
import { forgetIfEmpty, recordImport, type ImportSource } from './imports.js';
import { ROWS_AT_ONCE, type BookWriter } from './transaction.js';

interface PaymentRow {
  readonly account_id: string;
  readonly paid_on: IsoDate;
  readonly amount: number;
  readonly reference: string | null;
  readonly payment_key: string;
  readonly line: number;
}

export interface PaymentsOutcome {
  readonly read: number;
  readonly recorded: number;
  /** Payments the book held already (an earlier file, or the same one again). */
  readonly known: number;
}

/** The payments of `file`, each with the key that makes it the same payment again. */
async function readPayments(file: string, reject: Reject): Promise<PaymentRow[]> {
  const rows: PaymentRow[] = [];
  const firstLine = new Map<string, number>();
  await readTable(file, ['account_id', 'paid_on', 'amount'], () => undefined, (row) => {
    const id = row.get('account_id');
    if (id === '') return reject({ file, line: row.line, code: 'missing-account-id', reason: 'account_id is empty' });
    try {
      const paidOn = date(row, 'paid_on');
      const amount = nonZeroPence(row, 'amount');
      const reference = row.get('reference');
      let key: string;
      if (reference !== '') {
        key = `reference:${amount < 0 ? '-' : '+'}${reference}`;
        const first = firstLine.get(`${id}\u0000${key}`);
        if (first !== undefined) {
          return reject({ file, line: row.line, accountId: id, code: 'repeated-payment', reason: `reference ${reference} is paid twice for account ${id} (lines ${first} and ${row.line}): recorded once` });
        }
      } else {
        // The n-th payment of this day and amount without a reference, in this file.
        let n = 1;
        while (firstLine.has(`${id}\u0000day:${paidOn}:${amount}:${n}`)) n++;
        key = `day:${paidOn}:${amount}:${n}`;
      }
      firstLine.set(`${id}\u0000${key}`, row.line);
      rows.push({ account_id: id, paid_on: paidOn, amount, reference: reference === '' ? null : reference, payment_key: key, line: row.line });
    } catch (error) {
      if (!(error instanceof BadCell)) throw error;
      return reject({ file, line: row.line, accountId: id, code: 'bad-value', reason: error.message });
    }
    return undefined;
  }, reject);
  return rows;
}

export async function recordPayments(db: BookWriter, source: ImportSource, reject: Reject): Promise<PaymentsOutcome> {
  const rows = await readPayments(source.file, reject);
  const importId = await recordImport(db, source);
  let recorded = 0;
  for (let i = 0; i < rows.length; i += ROWS_AT_ONCE) {
    const values = rows.slice(i, i + ROWS_AT_ONCE).map((row) => ({ ...row, import_id: importId }));
    const inserted = await db
      .insertInto('payments')
      .values(values)
      .onConflict((conflict) => conflict.columns(['account_id', 'payment_key']).doNothing())
      .returning('id')
      .execute();
    recorded += inserted.length;
  }
  await forgetIfEmpty(db, importId, recorded);
  return { read: rows.length, recorded, known: rows.length - recorded };
}
