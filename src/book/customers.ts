/**
 * Customers' circumstances into the book, with their history: an opt-out, a Breathing Space, a
 * vulnerability (and whether the customer consented to it being recorded), a channel, each from the
 * day it took effect (an `effective_on` column, or --effective-on). A row is added only when what is
 * known of the account changes; nothing is overwritten.
 *
 * Read exactly as follow-up reads a customers file (src/follow-up/customers.ts), so the same doubt
 * protects the customer here: a protection that cannot be read is recorded as set (a `vulnerable`
 * of "maybe" is vulnerable; a Breathing Space whose end cannot be read is in force with no end), with
 * the reason in `doubts`; two rows for one account are recorded as their protective reading. A row
 * the book cannot tie to one of its accounts (no account_id, a row that cannot be read, an account
 * with no plan in the book) may be anyone's opt-out or Breathing Space: the whole file is refused.
 */
import type { IsoDate } from '../core/date.js';
import { FairplanError } from '../core/errors.js';
import { BadCell, optionalDate, yesNo } from '../follow-up/cells.js';
import { CUSTOMER_COLUMNS, mergeCustomer, readCustomer, type CustomerReading } from '../follow-up/customers.js';
import { readTable, type FollowUpRejection, type Reject, type Row, type Table } from '../follow-up/table.js';
import { forgetIfEmpty, recordImport, type ImportSource } from './imports.js';
import { ROWS_AT_ONCE, type BookWriter } from './transaction.js';
import type { CircumstancesTable } from './schema.js';

/** Columns read here besides follow-up's. */
const BOOK_COLUMNS = ['account_id', 'effective_on', 'vulnerability_consent'];

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

type Circumstance = Omit<CircumstancesTable, 'id' | 'import_id'>;

/** The fields that say what is known of a customer: a new row is recorded when one of them changes. */
const COMPARED = [
  'customer_id', 'channel', 'opted_out', 'vulnerable', 'vulnerability_consent', 'breathing_space', 'breathing_space_end', 'review_on',
  'contact_days', 'contact_window', 'name', 'mobile', 'email', 'columns', 'doubts',
] as const satisfies readonly (keyof Circumstance)[];

export interface CustomersOutcome {
  readonly accounts: number;
  /** Accounts whose circumstances changed (or were first known). */
  readonly recorded: number;
  readonly unchanged: number;
  /** Accounts recorded with a protection taken as set because it could not be read, or rows that disagree. */
  readonly doubtful: number;
}

interface Group {
  readonly accountId: string;
  readonly effectiveOn: IsoDate;
  readonly readings: CustomerReading[];
  readonly customerIds: Set<string>;
  readonly consents: ('yes' | 'no')[];
  readonly doubts: string[];
}

/** The protective reading of one account's rows for one day, as a row of the book. */
function circumstanceOf(group: Group, columns: readonly string[]): Circumstance {
  const customer = mergeCustomer(group.readings, [], columns);
  const first = group.readings[0];
  if (!customer || !first) throw new Error('a customer group has no rows');
  const doubts = [...customer.doubts, ...group.doubts];
  const customerIds = [...group.customerIds].filter((id) => id !== '');
  if (customerIds.length > 1) doubts.push(`the customer rows disagree on customer_id (${customerIds.map((id) => `"${id}"`).join(', ')})`);
  const space = customer.breathingSpace;
  const lines = group.readings.map((reading) => reading.line);
  return {
    account_id: group.accountId,
    effective_on: group.effectiveOn,
    customer_id: customerIds[0] ?? null,
    channel: customer.channel,
    opted_out: group.readings.some((reading) => reading.optedOut) ? 1 : 0,
    vulnerable: customer.vulnerable ? 1 : 0,
    // Any row without consent is no consent.
    vulnerability_consent: group.consents.length === 0 ? null : group.consents.includes('no') ? 'no' : 'yes',
    breathing_space: space?.kind ?? null,
    breathing_space_end: space && !space.unreadable ? (space.end ?? null) : null,
    review_on: customer.reviewOn ?? null,
    contact_days: customer.contactDays ? [...customer.contactDays].sort().map((day) => WEEKDAYS[day]).join(',') : null,
    contact_window: customer.contactWindow ?? null,
    name: customer.name === '' ? null : customer.name,
    mobile: first.details.mobile || null,
    email: first.details.email || null,
    columns: JSON.stringify(customer.columns),
    doubts: JSON.stringify(doubts),
    line: Math.min(...lines),
  };
}

/** What follows a row the book cannot tie to an account, in the sentence that refuses the file. */
const REFUSED = 'so nothing of this file is recorded: a row the book cannot tie to its account may be anyone\'s opt-out or Breathing Space';

/** The accounts of `ids` that have no plan in the book, agreed or superseded. */
async function withoutPlan(db: BookWriter, ids: readonly string[]): Promise<Set<string>> {
  const unknown = new Set(ids);
  for (let i = 0; i < ids.length; i += ROWS_AT_ONCE) {
    const known = await db.selectFrom('agreements').select('account_id').distinct().where('account_id', 'in', ids.slice(i, i + ROWS_AT_ONCE)).execute();
    for (const { account_id: id } of known) unknown.delete(id);
  }
  return unknown;
}

export async function recordCustomers(db: BookWriter, source: ImportSource, effectiveOn: IsoDate, reject: Reject): Promise<CustomersOutcome> {
  const file = source.file;
  const groups = new Map<string, Group>();
  /** The first row that cannot be tied to an account of the book, and how many there are. */
  let untied: { line: number; what: string } | undefined;
  let untiedRows = 0;
  const untie = (line: number, what: string, rows = 1): void => {
    untiedRows += rows;
    if (!untied || line < untied.line) untied = { line, what };
  };
  // Told once the file is known to be recorded: a refused file records nothing they could speak of.
  const told: FollowUpRejection[] = [];
  const hold: Reject = (rejection) => {
    if (rejection.code === 'unreadable-row' && rejection.accountId === undefined) untie(rejection.line, `cannot be read (${rejection.reason}), and names no account it can be tied to`);
    else told.push(rejection);
  };
  let columns: string[] = [];
  const known = new Set<string>([...CUSTOMER_COLUMNS, ...BOOK_COLUMNS]);
  const onHeader = ({ headers }: Table) => {
    // The file's other columns are kept for the firm's templates.
    columns = headers.filter((column) => !known.has(column));
  };
  await readTable(file, ['account_id', 'channel'], onHeader, async (row: Row) => {
    const id = row.get('account_id');
    if (id === '') return untie(row.line, 'names no account (account_id is empty)');
    const doubts: string[] = [];
    let day = effectiveOn;
    try {
      day = optionalDate(row, 'effective_on') ?? effectiveOn;
    } catch (error) {
      if (!(error instanceof BadCell)) throw error;
      doubts.push(`${error.message}: recorded from ${effectiveOn}`);
    }
    let consent: 'yes' | 'no' | undefined;
    if (row.get('vulnerability_consent') !== '') {
      try {
        consent = yesNo(row, 'vulnerability_consent') ? 'yes' : 'no';
      } catch (error) {
        if (!(error instanceof BadCell)) throw error;
        // A consent that cannot be read is no consent.
        consent = 'no';
        doubts.push(`${error.message}: recorded as no consent`);
      }
    }
    const reading = readCustomer(row, columns);
    const key = `${id}\u0000${day}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { accountId: id, effectiveOn: day, readings: [], customerIds: new Set(), consents: [], doubts: [] }));
    else await hold({ file, line: row.line, accountId: id, code: 'repeated-customer-row', reason: `a second customer row for account ${id} from ${day} (the first is on line ${group.readings[0]?.line}): both are recorded, the way that protects the customer` });
    group.readings.push(reading);
    group.customerIds.add(row.get('customer_id'));
    if (consent) group.consents.push(consent);
    group.doubts.push(...doubts);
    const problems = [...reading.problems, ...doubts];
    if (problems.length > 0) {
      await hold({ file, line: row.line, accountId: id, code: 'protection-unreadable', reason: `${problems.join('; ')}: what the row protects is recorded, a protection that cannot be read as set` });
    }
    return undefined;
  }, hold);

  const noPlan = await withoutPlan(db, [...new Set([...groups.values()].map((group) => group.accountId))]);
  for (const group of groups.values()) {
    const lines = group.readings.map((reading) => reading.line);
    if (noPlan.has(group.accountId)) untie(Math.min(...lines), `is for account ${group.accountId}, which has no plan in the book (agree its plan first, or correct a mistyped account_id)`, lines.length);
  }
  if (untied) {
    const more = untiedRows > 1 ? `; ${untiedRows - 1} other row${untiedRows === 2 ? '' : 's'} cannot be tied to an account either` : '';
    throw new FairplanError('invalid-row', `this customers row ${untied.what}, ${REFUSED}${more}`, { file, line: untied.line });
  }
  for (const rejection of told) await reject(rejection);

  const importId = await recordImport(db, source);
  let recorded = 0;
  let doubtful = 0;
  const accounts = new Set<string>();
  // In order of the day each took effect, so the latest recorded is the one compared with.
  for (const group of [...groups.values()].sort((a, b) => (a.effectiveOn < b.effectiveOn ? -1 : a.effectiveOn > b.effectiveOn ? 1 : 0))) {
    accounts.add(group.accountId);
    const circumstance = circumstanceOf(group, columns);
    const latest = await db
      .selectFrom('circumstances')
      .selectAll()
      .where('account_id', '=', group.accountId)
      .where('effective_on', '<=', group.effectiveOn)
      .orderBy('effective_on', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (latest && COMPARED.every((field) => latest[field] === circumstance[field])) continue;
    await db.insertInto('circumstances').values({ ...circumstance, import_id: importId }).execute();
    recorded++;
    if (circumstance.doubts !== '[]') doubtful++;
  }
  await forgetIfEmpty(db, importId, recorded);
  return { accounts: accounts.size, recorded, unchanged: groups.size - recorded, doubtful };
}
