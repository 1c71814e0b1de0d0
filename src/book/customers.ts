/**
 * Customers' circumstances into the book, with their history: an opt-out, a Breathing Space, a
 * vulnerability (and whether the customer consented to it being recorded), a channel, each from the
 * day it took effect (an `effective_on` column, or --effective-on). A row is added only when what is
 * known of the account changes; what a row said is never overwritten, but what it carried (a column
 * its file did not have) follows a circumstance recorded later from an earlier day (carry.ts).
 *
 * Read exactly as follow-up reads a customers file (src/follow-up/customers.ts), so the same doubt
 * protects the customer here: a protection that cannot be read is recorded as set (a `vulnerable`
 * of "maybe" is vulnerable; a Breathing Space whose end cannot be read is in force with no end), with
 * the reason in `doubts`; two rows for one account are recorded as their protective reading, and so
 * is a second file for a day the book has already; a row in doubt ends nothing, and a row dated after
 * the file's day protects from the file's day but ends a protection only from its own. A row
 * the book cannot tie to one of its accounts (no account_id, a row that cannot be read, an account
 * with no plan in the book) may be anyone's opt-out or Breathing Space: the whole file is refused.
 */
import { sql, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { IsoDate } from '../core/date.js';
import type { Channel } from '../core/follow-up/contact.js';
import { FairplanError } from '../core/errors.js';
import { BadCell, optionalDate, yesNo } from '../follow-up/cells.js';
import { ADDRESS, CUSTOMER_COLUMNS, mergeCustomer, readCustomer, type CustomerReading } from '../follow-up/customers.js';
import { readTable, type FollowUpRejection, type Reject, type Row, type Table } from '../follow-up/table.js';
import { CARRIED, carryForward, changed, follow, holds, PROTECTIVE, addsNothing, restated, withProtections, writeFollowed, type Circumstance } from './carry.js';
import { forgetIfEmpty, recordImport, type ImportSource } from './imports.js';
import { BATCH_ROWS, insertRows, type BatchOptions, type BookWriter } from './transaction.js';

/** Columns read here besides follow-up's. */
const BOOK_COLUMNS = ['account_id', 'effective_on', 'vulnerability_consent'];

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** The fields that say what is known of a customer: a new row is recorded when one of them changes. */
const COMPARED = [
  'customer_id', 'channel', 'opted_out', 'vulnerable', 'vulnerability_consent', 'breathing_space', 'breathing_space_end', 'review_on',
  'contact_days', 'contact_window', 'name', 'mobile', 'email', 'columns', 'doubts',
] as const satisfies readonly (keyof Circumstance)[];

export interface CustomersOutcome {
  readonly accounts: number;
  /** The protective columns the file does not have: each account's value in force carries forward. */
  readonly carried: readonly string[];
  /** Accounts whose circumstances changed (or were first known). */
  readonly recorded: number;
  readonly unchanged: number;
  /** Accounts recorded with a protection taken as set because it could not be read, or rows that disagree. */
  readonly doubtful: number;
  /**
   * Accounts' rows dated after the file's day (a date in the future, perhaps mistyped): what they
   * protect holds from the file's day, what they end only from their own.
   */
  readonly future: number;
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
function circumstanceOf(group: Group, columns: readonly string[]): Omit<Circumstance, 'carried'> {
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

const STAGED = 'fairplan_staged_customers';
const STAGED_GROUPS = 'fairplan_staged_customer_days';
const STAGED_COLUMNS = { account_id: 'text', effective_on: 'text', line: 'integer', customer_id: 'text', consent: 'text', doubts: 'text', reading: 'text', problem: 'text', absent: 'text' } as const;

/** One row of the file as read, kept in the database until the whole file is known to be recorded. */
type StagedRow = {
  readonly account_id: string;
  readonly effective_on: IsoDate;
  readonly line: number;
  readonly customer_id: string;
  readonly consent: 'yes' | 'no' | null;
  /** JSON: what of the row could not be read besides the reading's own problems. */
  readonly doubts: string;
  /** JSON: the CustomerReading, its contact days as an array. */
  readonly reading: string;
  /** Why the row is told as protection-unreadable, if it is. */
  readonly problem: string | null;
  /** JSON: the fields of the circumstance the row has no column for. */
  readonly absent: string;
};

const toJson = (reading: CustomerReading): string => JSON.stringify({ ...reading, contactDays: reading.contactDays ? [...reading.contactDays] : undefined });
function fromJson(json: string): CustomerReading {
  const reading = JSON.parse(json) as CustomerReading & { contactDays?: number[] };
  return { ...reading, contactDays: reading.contactDays ? new Set(reading.contactDays) : undefined } as CustomerReading;
}

type Staged = { [STAGED]: StagedRow; [STAGED_GROUPS]: { account_id: string; effective_on: string; first_line: number } };

/**
 * Records a customers file, reading and staging a batch of rows at a time in a table of this run's
 * own, so a file of a million customers is never held in memory; the rows of one account and day
 * are merged however far apart they are in the file, and the file is refused whole (in the
 * database: every row is checked against the book's plans) before anything is recorded.
 */
export async function recordCustomers(db: BookWriter, source: ImportSource, effectiveOn: IsoDate, reject: Reject, { batchRows = BATCH_ROWS }: BatchOptions = {}): Promise<CustomersOutcome> {
  const file = source.file;
  const staged = db.withTables<Staged>();
  // Seen by this run alone; dropped at the end, or undone with the rest should the run fail.
  await sql.raw(`create temporary table ${STAGED} (account_id text not null, effective_on text not null, line integer not null, customer_id text not null, consent text, doubts text not null, reading text not null, problem text, absent text not null)`).execute(db);
  /** The first row that cannot be tied to an account of the book, and how many there are. */
  let untied: { line: number; what: string } | undefined;
  let untiedRows = 0;
  const untie = (line: number, what: string, rows = 1): void => {
    untiedRows += rows;
    if (!untied || line < untied.line) untied = { line, what };
  };
  // What the reader rejects, told once the file is known to be recorded (a refused file records
  // nothing they could speak of); the rows' own rejections are kept with them in the database.
  const told: FollowUpRejection[] = [];
  const hold: Reject = (rejection) => {
    // One that names its account is refused too, not recorded as a doubt: what it says of that
    // account (an opt-out, a Breathing Space, from which day) cannot be known, and the night stops
    // before any message, as for a row with no account, until a person corrects it (docs/book.md).
    if (rejection.code === 'unreadable-row') {
      const whose = rejection.accountId === undefined ? 'names no account it can be tied to' : `nothing it says of account ${rejection.accountId} can be known`;
      untie(rejection.line, `cannot be read (${rejection.reason}), and ${whose}`);
    } else told.push(rejection);
  };
  let columns: string[] = [];
  const carried = new Set<string>();
  const known = new Set<string>([...CUSTOMER_COLUMNS, ...BOOK_COLUMNS]);
  const onHeader = ({ headers }: Table) => {
    // The file's other columns are kept for the firm's templates.
    columns = headers.filter((column) => !known.has(column));
  };
  let batch: StagedRow[] = [];
  const flush = async () => {
    await insertRows(db, STAGED, STAGED_COLUMNS, batch);
    batch = [];
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
    let consent: 'yes' | 'no' | null = null;
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
    const reading = readCustomer(row, columns, { addressCarried: true });
    // Per row: a record of NDJSON may leave out a key another has.
    const missing = CARRIED.filter(([read]) => read.every((column) => row.has?.(column) === false));
    const problems = [...reading.problems, ...doubts];
    batch.push({
      account_id: id,
      effective_on: day,
      line: row.line,
      customer_id: row.get('customer_id'),
      consent,
      doubts: JSON.stringify(doubts),
      reading: toJson(reading),
      problem: problems.length > 0 ? `${problems.join('; ')}: what the row protects is recorded, a protection that cannot be read as set` : null,
      absent: JSON.stringify(missing.flatMap(([, fields]) => fields)),
    });
    if (batch.length >= batchRows) await flush();
    return undefined;
  }, hold);
  await flush();

  const noPlan = sql<SqlBool>`not exists (select 1 from agreements where agreements.account_id = ${sql.table(STAGED)}.account_id)`;
  const withoutPlan = await staged.selectFrom(STAGED).select((eb) => [eb.fn.countAll<number | string | bigint>().as('rows'), eb.fn.min<number | null>('line').as('line')]).where(noPlan).executeTakeFirstOrThrow();
  if (withoutPlan.line !== null && withoutPlan.line !== undefined) {
    const line = Number(withoutPlan.line);
    const { account_id: id } = await staged.selectFrom(STAGED).select('account_id').where('line', '=', line).executeTakeFirstOrThrow();
    untie(line, `is for account ${id}, which has no plan in the book (agree its plan first, or correct a mistyped account_id)`, Number(withoutPlan.rows));
  }
  if (untied) {
    const more = untiedRows > 1 ? `; ${untiedRows - 1} other row${untiedRows === 2 ? '' : 's'} cannot be tied to an account either` : '';
    throw new FairplanError('invalid-row', `this customers row ${untied.what}, ${REFUSED}${more}`, { file, line: untied.line });
  }

  // Each account's rows for one day are one group, known by its first line.
  await sql.raw(`create temporary table ${STAGED_GROUPS} as select account_id, effective_on, min(line) as first_line from ${STAGED} group by account_id, effective_on`).execute(db);
  await sql.raw(`create index ${STAGED}_by_group on ${STAGED} (account_id, effective_on)`).execute(db);
  await sql.raw(`create index ${STAGED_GROUPS}_in_order on ${STAGED_GROUPS} (effective_on, first_line)`).execute(db);

  // The rows' own rejections, in the file's order with the reader's.
  const repeats = await staged
    .selectFrom(`${STAGED} as row`)
    .innerJoin(`${STAGED_GROUPS} as day`, (join) => join.onRef('day.account_id', '=', 'row.account_id').onRef('day.effective_on', '=', 'row.effective_on'))
    .select(['row.account_id', 'row.effective_on', 'row.line', 'row.problem', 'day.first_line'])
    .where((eb) => eb.or([eb('row.problem', 'is not', null), eb('row.line', '>', eb.ref('day.first_line'))]))
    .orderBy('row.line')
    .execute();
  const rowRejections: FollowUpRejection[] = [];
  for (const { account_id: id, effective_on: day, problem, ...lines } of repeats) {
    const line = Number(lines.line);
    const first = Number(lines.first_line);
    if (line > first) rowRejections.push({ file, line, accountId: id, code: 'repeated-customer-row', reason: `a second customer row for account ${id} from ${day} (the first is on line ${first}): both are recorded, the way that protects the customer` });
    if (problem !== null) rowRejections.push({ file, line, accountId: id, code: 'protection-unreadable', reason: problem });
  }
  for (const rejection of [...told, ...rowRejections].sort((a, b) => a.line - b.line)) await reject(rejection);

  const importId = await recordImport(db, source);
  let recorded = 0;
  let doubtful = 0;
  /** Groups dated after `effectiveOn`. */
  let future = 0;
  let groups = 0;
  // In order of the day each took effect (then of the file), so the latest recorded is the one compared with.
  let after: { effective_on: string; first_line: number } | undefined;
  for (;;) {
    const page = await staged
      .selectFrom(STAGED_GROUPS)
      .select(['effective_on', 'first_line'])
      .$if(after !== undefined, (query) => query.where((eb) => eb.or([eb('effective_on', '>', after!.effective_on), eb.and([eb('effective_on', '=', after!.effective_on), eb('first_line', '>', after!.first_line)])])))
      .orderBy('effective_on')
      .orderBy('first_line')
      .limit(batchRows)
      .execute();
    const last = page.at(-1);
    if (!last) break;
    const inPage = (eb: ExpressionBuilder<Staged, typeof STAGED_GROUPS>) => {
      const from = page[0]!;
      const start = eb.or([eb('effective_on', '>', from.effective_on), eb.and([eb('effective_on', '=', from.effective_on), eb('first_line', '>=', from.first_line)])]);
      const end = eb.or([eb('effective_on', '<', last.effective_on), eb.and([eb('effective_on', '=', last.effective_on), eb('first_line', '<=', last.first_line)])]);
      return eb.and([start, end]);
    };
    const pageGroups = staged.selectFrom(STAGED_GROUPS).select(['account_id', 'effective_on', 'first_line']).where(inPage);
    const rows = await staged
      .selectFrom(`${STAGED} as row`)
      .innerJoin(pageGroups.as('day'), (join) => join.onRef('day.account_id', '=', 'row.account_id').onRef('day.effective_on', '=', 'row.effective_on'))
      .selectAll('row')
      .orderBy('row.effective_on')
      .orderBy('day.first_line')
      .orderBy('row.line')
      .execute();
    // What the book knows of these accounts, oldest first: a row of this run comes after every row before it.
    const history = new Map<string, (Circumstance & { id?: number })[]>();
    const known = await db
      .selectFrom('circumstances')
      .selectAll()
      .where('account_id', 'in', staged.selectFrom(STAGED_GROUPS).select('account_id').where(inPage))
      .orderBy('effective_on')
      .orderBy('id')
      .execute();
    for (const circumstance of known) push(history, circumstance.account_id, circumstance);
    const adding: Circumstance[] = [];
    /** The book's circumstances, by id, that one recorded before them changed. */
    const following = new Map<number, Circumstance>();
    for (let i = 0; i < rows.length; ) {
      const first = rows[i]!;
      const group: Group = { accountId: first.account_id, effectiveOn: first.effective_on, readings: [], customerIds: new Set(), consents: [], doubts: [] };
      // A field is carried only when none of the group's rows has its column.
      let absent: (keyof Circumstance)[] | undefined;
      for (; i < rows.length && rows[i]!.account_id === first.account_id && rows[i]!.effective_on === first.effective_on; i++) {
        const row = rows[i]!;
        group.readings.push(fromJson(row.reading));
        group.customerIds.add(row.customer_id);
        if (row.consent) group.consents.push(row.consent);
        group.doubts.push(...(JSON.parse(row.doubts) as string[]));
        const fields = JSON.parse(row.absent) as (keyof Circumstance)[];
        absent = absent ? absent.filter((field) => fields.includes(field)) : fields;
      }
      groups++;
      const earlier = history.get(group.accountId) ?? [];
      /** Where a circumstance from `day` goes: after every one of the account from that day or before. */
      const place = (day: string) => {
        let at = earlier.length;
        while (at > 0 && earlier[at - 1]!.effective_on > day) at--;
        return at;
      };
      /** Records `circumstance` at `at` unless it adds nothing to the one before it; what the later ones carried follows it. */
      const add = (circumstance: Circumstance, at: number): boolean => {
        const latest = earlier[at - 1];
        if (latest && addsNothing(latest, circumstance, COMPARED)) return false;
        earlier.splice(at, 0, circumstance);
        // Each the one before, up to one it leaves as it was. Those of the book have ids; one of this
        // run (a later day of the file, after a row dated after the file's day) is still to be inserted.
        for (let next = at + 1, was = latest; next < earlier.length; next++) {
          const later = earlier[next]!;
          const followed = follow(later, was, earlier[next - 1]!);
          if (!changed(later, followed)) break;
          was = later;
          earlier[next] = followed;
          if (later.id === undefined) adding[adding.indexOf(later)] = followed;
          else following.set(later.id, followed);
        }
        adding.push(circumstance);
        return true;
      };
      const said = circumstanceOf(group, columns);
      const own = carryForward(said, undefined, absent ?? []);
      let added = false;
      if (group.effectiveOn > effectiveOn) {
        // What the customer has told the firm protects them from the day it was learnt; an end waits for its own day.
        future++;
        const at = place(effectiveOn);
        const before = earlier[at - 1];
        added = add(before ? withProtections(restated(before, effectiveOn, own.line), own) : { ...own, effective_on: effectiveOn }, at);
      }
      const at = place(group.effectiveOn);
      // The circumstance in force on the group's day, not the book's latest: a file may be dated before it.
      const latest = earlier[at - 1];
      let circumstance = carryForward(said, latest, absent ?? []);
      // A channel whose address column the file does not have is judged against the address in force.
      const address = ADDRESS[circumstance.channel as Channel] as 'mobile' | 'email' | undefined;
      if (address && absent?.includes(address) && !circumstance[address]) {
        const problem = `channel is ${circumstance.channel} but the file has no ${address} column and none is in force`;
        circumstance = { ...circumstance, doubts: JSON.stringify([...(JSON.parse(circumstance.doubts) as string[]), problem]) };
        await reject({ file, line: circumstance.line, accountId: group.accountId, code: 'protection-unreadable', reason: `${problem}: recorded, and the customer's messages are held back` });
      }
      // A second file for the same day is read with the first, as two rows of one file are; a row in
      // doubt ends nothing. Either way what protected the customer on the day stays.
      if (latest && (latest.effective_on === group.effectiveOn || circumstance.doubts !== '[]')) circumstance = withProtections(circumstance, latest);
      // Told only when a value was kept that an empty cell would have ended: a first file, or rows
      // that never said it, have nothing in force to keep.
      if (latest) {
        for (const [read, fields] of CARRIED) {
          if (!fields.every((field) => absent?.includes(field)) || !fields.some((field) => holds(latest, field))) continue;
          for (const column of read) if (PROTECTIVE.has(column)) carried.add(column);
        }
      }
      if (add(circumstance, at)) added = true;
      history.set(group.accountId, earlier);
      if (!added) continue;
      recorded++;
      if (circumstance.doubts !== '[]') doubtful++;
    }
    await insertRows(db, 'circumstances', CIRCUMSTANCE_COLUMNS, adding.map((circumstance) => ({ ...circumstance, import_id: importId })));
    for (const [id, circumstance] of following) await writeFollowed(db, id, circumstance);
    after = last;
  }
  const accounts = await staged.selectFrom(STAGED_GROUPS).select((eb) => eb.fn.count<number | string | bigint>('account_id').distinct().as('accounts')).executeTakeFirstOrThrow();
  await sql.raw(`drop table ${STAGED_GROUPS}`).execute(db);
  await sql.raw(`drop table ${STAGED}`).execute(db);
  await forgetIfEmpty(db, importId, recorded);
  return { accounts: Number(accounts.accounts), carried: CARRIED.flatMap(([read]) => read).filter((column) => carried.has(column)), recorded, unchanged: groups - recorded, doubtful, future };
}

const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

const CIRCUMSTANCE_COLUMNS = {
  account_id: 'text', effective_on: 'text', customer_id: 'text', channel: 'text', opted_out: 'integer', vulnerable: 'integer', vulnerability_consent: 'text',
  breathing_space: 'text', breathing_space_end: 'text', review_on: 'text', contact_days: 'text', contact_window: 'text', name: 'text', mobile: 'text', email: 'text',
  columns: 'text', doubts: 'text', carried: 'text', import_id: 'integer', line: 'integer',
} as const;
