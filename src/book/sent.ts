/**
 * What a sender reported of the messages handed to it: each delivered, or not (with why, when it
 * says). Read like follow-up's contacts log: `sent_on` is a date, or an ISO 8601 date and time
 * placed on its UK day. The same report twice records nothing twice.
 */
import { BadCell, cell, contactDay } from '../follow-up/cells.js';
import { readTable, type Reject } from '../follow-up/table.js';
import { forgetIfEmpty, recordImport, type ImportSource } from './imports.js';
import { ROWS_AT_ONCE, type BookWriter } from './transaction.js';

const DELIVERED = new Set(['delivered', 'sent', 'ok']);
const NOT_DELIVERED = new Set(['failed', 'undelivered', 'not-delivered', 'bounced', 'rejected', 'expired']);

export interface SentOutcome {
  readonly read: number;
  readonly recorded: number;
  readonly known: number;
  readonly notDelivered: number;
  /** Reports of messages follow-up --book issued (the others were sent by something else, and still count as contacts). */
  readonly issued: number;
  /** Reports that cannot be read, of a message or account the book knows: kept as contacts of unknown day and outcome. */
  readonly unread: number;
}

/** A row whose date or status cannot be read, as it was written. */
interface UnreadRow {
  readonly message_id: string;
  readonly account_id: string;
  readonly sent_on: string;
  readonly status: string;
  readonly reason: string;
  readonly line: number;
}

export async function recordSent(db: BookWriter, source: ImportSource, reject: Reject): Promise<SentOutcome> {
  const file = source.file;
  const unread: UnreadRow[] = [];
  const rows: { message_id: string; account_id: string; sent_on: string; delivered: number; channel: string | null; detail: string | null; line: number }[] = [];
  await readTable(file, ['account_id', 'message_id', 'sent_on', 'status'], () => undefined, (row) => {
    const id = row.get('account_id');
    if (id === '') return reject({ file, line: row.line, code: 'missing-account-id', reason: 'account_id is empty' });
    try {
      if (row.get('message_id') === '') throw new BadCell('message_id is empty');
      const delivered = cell(row, 'status', (text) => {
        const status = text.toLowerCase();
        if (DELIVERED.has(status)) return true;
        if (NOT_DELIVERED.has(status)) return false;
        throw new BadCell();
      }, `delivered or not (${[...DELIVERED, ...NOT_DELIVERED].join(', ')})`);
      const detail = row.get('detail') || row.get('reason');
      rows.push({
        message_id: row.get('message_id'),
        account_id: id,
        sent_on: contactDay(row, 'sent_on'),
        delivered: delivered ? 1 : 0,
        channel: row.get('channel') || null,
        detail: detail || null,
        line: row.line,
      });
    } catch (error) {
      if (!(error instanceof BadCell)) throw error;
      // Told once it is known whether the book knows the message or account.
      unread.push({ message_id: row.get('message_id'), account_id: id, sent_on: row.get('sent_on'), status: row.get('status'), reason: error.message, line: row.line });
    }
    return undefined;
  }, reject);
  const importId = await recordImport(db, source);
  // A report of what the book knows may be of a message the customer received: a contact, which the
  // limits cannot place, so it holds the person's messages (as an unreadable contacts log row does).
  const known = await knownOf(db, unread);
  const kept = unread.filter((row) => known.has(row.account_id) || known.has(`message:${row.message_id}`));
  let unreadRecorded = 0;
  for (let i = 0; i < kept.length; i += ROWS_AT_ONCE) {
    const inserted = await db
      .insertInto('unread_reports')
      .values(kept.slice(i, i + ROWS_AT_ONCE).map((row) => ({ ...row, import_id: importId })))
      .onConflict((conflict) => conflict.columns(['account_id', 'message_id', 'sent_on', 'status']).doNothing())
      .returning('id')
      .execute();
    unreadRecorded += inserted.length;
  }
  for (const row of unread) {
    const counted = kept.includes(row);
    await reject({
      file,
      line: row.line,
      accountId: row.account_id,
      code: counted ? 'unreadable-contact' : 'bad-value',
      reason: counted ? `${row.reason}: kept as a contact of unknown day and outcome, which holds the customer's messages until a readable report of the message is recorded` : row.reason,
    });
  }
  let recorded = 0;
  for (let i = 0; i < rows.length; i += ROWS_AT_ONCE) {
    const inserted = await db
      .insertInto('deliveries')
      .values(rows.slice(i, i + ROWS_AT_ONCE).map((row) => ({ ...row, import_id: importId })))
      .onConflict((conflict) => conflict.columns(['message_id', 'sent_on', 'delivered']).doNothing())
      .returning('id')
      .execute();
    recorded += inserted.length;
  }
  await forgetIfEmpty(db, importId, recorded + unreadRecorded);
  const ids = [...new Set(rows.map((row) => row.message_id))];
  const issuedIds = new Set<string>();
  for (let i = 0; i < ids.length; i += ROWS_AT_ONCE) {
    const found = await db.selectFrom('messages').select('message_id').where('message_id', 'in', ids.slice(i, i + ROWS_AT_ONCE)).execute();
    for (const row of found) issuedIds.add(row.message_id);
  }
  return {
    read: rows.length,
    recorded,
    known: rows.length - recorded,
    notDelivered: rows.filter((row) => row.delivered === 0).length,
    issued: rows.filter((row) => issuedIds.has(row.message_id)).length,
    unread: kept.length,
  };
}

/** Of the accounts and messages `rows` name, those the book knows: an account with a plan, or a message it issued (`message:ID`). */
async function knownOf(db: BookWriter, rows: readonly UnreadRow[]): Promise<Set<string>> {
  const known = new Set<string>();
  const accounts = [...new Set(rows.map((row) => row.account_id))];
  const messages = [...new Set(rows.map((row) => row.message_id).filter((id) => id !== ''))];
  for (let i = 0; i < accounts.length; i += ROWS_AT_ONCE) {
    const found = await db.selectFrom('agreements').select('account_id').distinct().where('account_id', 'in', accounts.slice(i, i + ROWS_AT_ONCE)).execute();
    for (const row of found) known.add(row.account_id);
  }
  for (let i = 0; i < messages.length; i += ROWS_AT_ONCE) {
    const found = await db.selectFrom('messages').select('message_id').where('message_id', 'in', messages.slice(i, i + ROWS_AT_ONCE)).execute();
    for (const row of found) known.add(`message:${row.message_id}`);
  }
  return known;
}
