/**
 * `follow-up --book`: a night's inputs read from the book, into the same stores follow-up's file
 * readers fill (src/follow-up/book.ts), so that every rule is follow-up's own: the plan in force on
 * the night with its instalments, the payments made to it, each account's circumstances in force
 * that night (with any doubt recorded, which holds the customer's messages as a cell that cannot be
 * read does), and every contact the book holds: the messages follow-up issued and those a sender
 * reported on. The messages issued are recorded as the accounts are followed up, a page at a time;
 * a message an earlier run of the same night issued is held back (`already-issued`), neither written
 * nor recorded again.
 */
import { PostgresAdapter, sql, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import { parseIsoDate, toDayNumber, type IsoDate } from '../core/date.js';
import { FairplanError, isFairplanError } from '../core/errors.js';
import { formatMoney, fromPence } from '../core/money.js';
import type { Instalment } from '../core/follow-up/status.js';
import { AccountNumbers } from '../io/account-numbers.js';
import { LookAlikeIds } from '../io/look-alike-ids.js';
import { followAccounts, type AccountSource, type BookReport } from '../follow-up/book.js';
import { ContactStore } from '../follow-up/contact-store.js';
import { CUSTOMER_COLUMNS, CustomerStore } from '../follow-up/customers.js';
import { PaymentStore } from '../follow-up/payment-store.js';
import { People, SharedKeys } from '../follow-up/people.js';
import type { IssuedMessage } from '../follow-up/run.js';
import { recordImport, type ImportSource } from './imports.js';
import type { BookTables, CircumstancesTable } from './schema.js';
import { ROWS_AT_ONCE, type BookWriter } from './transaction.js';

export interface Night {
  /** Hands each account with a plan in force to follow-up, in account order. */
  readonly source: AccountSource;
  /** A message issued tonight (while `source` hands on its account), to be recorded in the book. */
  issue(issued: IssuedMessage): void;
  /** Records what is left of tonight's messages: how many were recorded in all. */
  recorded(): Promise<number>;
  /** Messages the book holds as issued by an earlier run of this night (known once `source` has run): with the sender, and not written again. */
  readonly issuedEarlier: number;
}

/** The columns of a circumstances row, as a customers file writes them. */
function customerCells(
  row: Pick<
    CircumstancesTable,
    'account_id' | 'customer_id' | 'channel' | 'vulnerable' | 'breathing_space' | 'breathing_space_end' | 'review_on' | 'contact_days' | 'contact_window' | 'name' | 'mobile' | 'email' | 'columns'
  >,
): Map<string, string> {
  const cells = new Map<string, string>(Object.entries(JSON.parse(row.columns) as Record<string, string>).map(([key, value]) => [key, String(value ?? '')]));
  const own: Record<string, string | null> = {
    account_id: row.account_id,
    customer_id: row.customer_id,
    channel: row.channel,
    // Anything but 0 or 1 (a hand edit) is read as follow-up reads a vulnerable it cannot: as vulnerable, with a doubt.
    // (An empty or `no` written by hand is such a value too: the column holds 0 or 1, nothing else.)
    vulnerable: row.vulnerable === 1 ? 'yes' : row.vulnerable === 0 ? 'no' : `${String(row.vulnerable)} (neither 0 nor 1)`,
    breathing_space: row.breathing_space,
    breathing_space_end: row.breathing_space_end,
    review_on: row.review_on,
    contact_days: row.contact_days,
    contact_window: row.contact_window,
    name: row.name,
    mobile: row.mobile,
    email: row.email,
  };
  for (const [column, value] of Object.entries(own)) cells.set(column, value ?? '');
  return cells;
}

/** Where a rejected row of the book came from: its table (there is no line of a file to name). */
const IN_BOOK = { instalments: 'book:instalments', payments: 'book:payments', circumstances: 'book:circumstances' } as const;

/** A date as the book holds it, read as follow-up reads one in a file; undefined when it is not one (a hand edit). */
function bookDate(value: string): IsoDate | undefined {
  try {
    return parseIsoDate(value);
  } catch (error) {
    if (isFairplanError(error)) return undefined;
    throw error;
  }
}

/** Whole pence as the book holds them (PostgreSQL gives a bigint as text); undefined for anything else. */
function bookPence(value: unknown): number | undefined {
  const amount = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
  return Number.isSafeInteger(amount) ? amount : undefined;
}

/**
 * Whether `column` may hold what is not a date, so that its row is read whatever the day it gives and
 * checked (bookDate) rather than passed over by a comparison of text: one of another shape, month or
 * day, or a 29th to 31st, which a month may lack ("2026-02-30" sorts among real dates).
 */
function mayNotBeADate(db: BookWriter, column: string): RawBuilder<SqlBool> {
  const ref = sql.ref(column);
  const shaped = db.getExecutor().adapter instanceof PostgresAdapter ? sql`${ref} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'` : sql`${ref} glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`;
  return sql<SqlBool>`not (${shaped} and substr(${ref}, 6, 2) between '01' and '12' and substr(${ref}, 9, 2) between '01' and '28')`;
}

/**
 * Each account's circumstances in force on `asOf`, of `rows` in order of account, day and id: the
 * last from a day up to it, and every one whose day cannot be read, which may be in force too.
 */
function inForceOn<T extends { account_id: string; effective_on: string }>(rows: readonly T[], asOf: IsoDate): Map<string, T[]> {
  const latest = new Map<string, T>();
  const unreadable = new Map<string, T[]>();
  for (const row of rows) {
    const day = bookDate(row.effective_on);
    if (day === undefined) unreadable.set(row.account_id, [...(unreadable.get(row.account_id) ?? []), row]);
    else if (day <= asOf) latest.set(row.account_id, row);
  }
  const inForce = new Map<string, T[]>();
  for (const row of rows) {
    if (inForce.has(row.account_id)) continue;
    const kept = [latest.get(row.account_id), ...(unreadable.get(row.account_id) ?? [])].filter((found): found is T => found !== undefined);
    if (kept.length > 0) inForce.set(row.account_id, kept);
  }
  return inForce;
}

/** Accounts `after` < id ≤ `upTo` (no end for the last page): whole accounts, in account order. */
interface Page {
  readonly after: string;
  readonly upTo?: string;
}

/**
 * About how many rows of a table are read at once. The night is read a page of accounts at a time,
 * so that a book of millions of instalments, payments, circumstances and messages is never held in
 * memory (only who is one person, in follow-up's compact People), and nothing is left reading
 * while the messages issued are recorded. Tests set a smaller page, to cross many.
 */
const PAGE_ROWS = 5000;

/** The table's accounts in pages of about `pageRows` rows each (its index by account gives the bounds). */
async function* pages(db: BookWriter, table: 'agreements' | 'circumstances', pageRows: number): AsyncGenerator<Page> {
  let after = '';
  for (;;) {
    const next = await db
      .selectFrom(table as 'agreements')
      .select('account_id')
      .where('account_id', '>', after)
      .orderBy('account_id')
      .limit(1)
      .offset(pageRows - 1)
      .executeTakeFirst();
    yield next ? { after, upTo: next.account_id } : { after };
    if (!next) return;
    after = next.account_id;
  }
}

/** `column` within the page's accounts. */
const within = (column: string, { after, upTo }: Page): RawBuilder<SqlBool> =>
  upTo === undefined ? sql<SqlBool>`${sql.ref(column)} > ${after}` : sql<SqlBool>`${sql.ref(column)} > ${after} and ${sql.ref(column)} <= ${upTo}`;

/** The plan in force on `asOf`: agreed by the night, and not superseded by then. */
const inForce = (asOf: IsoDate) => (eb: ExpressionBuilder<BookTables, 'agreements'>) =>
  eb.and([eb('agreements.agreed_on', '<=', asOf), eb.or([eb('agreements.superseded_on', 'is', null), eb('agreements.superseded_on', '>', asOf)])]);

/** The plans in force for the accounts `which` names, by account: should an account have two, the later. */
async function plansOf(db: BookWriter, which: RawBuilder<SqlBool>, asOf: IsoDate): Promise<Map<string, { id: number; agreed_on: string; plan: string }>> {
  const rows = await db.selectFrom('agreements').select(['id', 'account_id', 'agreed_on', 'plan']).where(which).where(inForce(asOf)).orderBy('account_id').orderBy('id').execute();
  return new Map(rows.map((row) => [row.account_id, row]));
}

/** `column` is one of `ids`. */
const among = (column: string, ids: readonly string[]): RawBuilder<SqlBool> => sql<SqlBool>`${sql.ref(column)} in (${sql.join(ids)})`;

/** `query` of the accounts of `ids`, ROWS_AT_ONCE at a time (within the parameters a statement may have). */
async function inChunks<T>(ids: readonly string[], query: (ids: readonly string[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (let i = 0; i < ids.length; i += ROWS_AT_ONCE) rows.push(...(await query(ids.slice(i, i + ROWS_AT_ONCE))));
  return rows;
}

/** The messages issued to the accounts `which` names, each with the day a sender first reported it. */
const messagesOf = (db: BookWriter, which: RawBuilder<SqlBool>) =>
  db
    .selectFrom('messages')
    .select((eb) => [
      'messages.id',
      'messages.message_id',
      'messages.account_id',
      'messages.agreement_id',
      'messages.night',
      'messages.send_on',
      eb.selectFrom('deliveries').select('deliveries.sent_on').whereRef('deliveries.message_id', '=', 'messages.message_id').orderBy('deliveries.id').limit(1).as('reported_on'),
    ])
    .where(which)
    .orderBy('messages.account_id')
    .orderBy('messages.id')
    .execute();

/** What a sender reported to the accounts `which` names of messages follow-up did not issue (another system's). */
const foreignDeliveries = (db: BookWriter, which: RawBuilder<SqlBool>) =>
  db
    .selectFrom('deliveries')
    .select(['deliveries.id', 'deliveries.account_id', 'deliveries.sent_on', 'deliveries.message_id'])
    .where(which)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('messages').select('messages.id').whereRef('messages.message_id', '=', 'deliveries.message_id'))))
    .orderBy('deliveries.account_id')
    .orderBy('deliveries.id')
    .execute();

/**
 * The reports a sender made to the accounts `which` names that cannot be read, but for those of a
 * message a readable report has been recorded of since.
 */
const unreadReports = (db: BookWriter, which: RawBuilder<SqlBool>) =>
  db
    .selectFrom('unread_reports')
    .select(['unread_reports.id', 'unread_reports.account_id', 'unread_reports.message_id', 'unread_reports.reason', 'unread_reports.line'])
    .where(which)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('deliveries').select('deliveries.id').whereRef('deliveries.message_id', '=', 'unread_reports.message_id'))))
    .orderBy('unread_reports.account_id')
    .orderBy('unread_reports.id')
    .execute();

/** The rows of a payments file `book payments` could not read, of the accounts `which` names, that no later run has settled. */
const unreadPayments = (db: BookWriter, which: RawBuilder<SqlBool>) =>
  db
    .selectFrom('unread_payments')
    .innerJoin('imports', 'imports.id', 'unread_payments.import_id')
    .select(['unread_payments.id', 'unread_payments.account_id', 'unread_payments.reason', 'unread_payments.line', 'imports.file'])
    .where(which)
    .where('unread_payments.settled_by', 'is', null)
    .orderBy('unread_payments.account_id')
    .orderBy('unread_payments.id')
    .execute();

/** Why `row` holds an account: what the account paid cannot be known. */
const unreadPaymentWhy = (row: { account_id: string; reason: string; line: number; file: string }): string =>
  `line ${row.line} of ${row.file}, a payment for account_id "${row.account_id}" kept by book payments, cannot be read (${row.reason}), so what the account has paid cannot be known`;

/** An amount the book holds, in pounds; as it is when it is not whole pence (a hand edit). */
function amountText(value: unknown): string {
  const amount = bookPence(value);
  return amount === undefined ? String(value) : formatMoney(fromPence(amount));
}

/**
 * The ids of payments, and of payments that cannot be read, that the book holds for an account with
 * no plan (a mistyped id, or one paid before its plan is agreed): a few, by their look-alike key.
 */
async function paymentsWithoutPlan(db: BookWriter): Promise<LookAlikeIds> {
  const ids = new AccountNumbers();
  const noPlan = <T extends 'payments' | 'unread_payments'>(table: T) =>
    db
      .selectFrom(table as 'payments')
      .select('account_id')
      .distinct()
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('agreements').select('agreements.id').whereRef('agreements.account_id', '=', sql.ref(`${table}.account_id`)))))
      .execute();
  for (const row of [...(await noPlan('payments')), ...(await noPlan('unread_payments'))]) ids.number(row.account_id);
  return new LookAlikeIds(ids);
}

/**
 * Why `plan`'s account is held for payments the book holds to ids with no plan that look like its
 * own (`n-02`, `N‑02` for `N-02`): each may be this plan's, so what it paid cannot be known. A
 * payment counts from the day the plan was agreed to the night, and holds until the plan's own
 * account has the same payment (its reference, or its day and amount without one); one that cannot
 * be read, until it is settled.
 */
async function lookAlikePayments(db: BookWriter, accountId: string, plan: { agreed_on: string }, likes: readonly string[], asOf: IsoDate): Promise<string[]> {
  if (likes.length === 0) return [];
  const like = (id: string) => `account_id "${id}", which differs from "${accountId}" only in case, spaces or look-alike characters`;
  const paid = await db
    .selectFrom('payments')
    .innerJoin('imports', 'imports.id', 'payments.import_id')
    .select(['payments.account_id', 'payments.paid_on', 'payments.amount', 'payments.line', 'imports.file'])
    .where(among('payments.account_id', likes))
    .where((eb) => eb.or([eb.and([eb('payments.paid_on', '>=', plan.agreed_on), eb('payments.paid_on', '<=', asOf)]), mayNotBeADate(db, 'payments.paid_on')]))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('payments as own')
            .select('own.id')
            .where('own.account_id', '=', accountId)
            .where(sql<SqlBool>`(own.amount < 0) = (payments.amount < 0) and ((payments.reference is not null and own.reference = payments.reference) or (payments.reference is null and own.reference is null and own.paid_on = payments.paid_on and own.amount = payments.amount))`),
        ),
      ),
    )
    .orderBy('payments.id')
    .execute();
  const unread = await unreadPayments(db, among('unread_payments.account_id', likes));
  return [
    ...paid.map((row) => `line ${row.line} of ${row.file}, a payment of ${amountText(row.amount)} on ${row.paid_on} for ${like(row.account_id)}, may be this account's, so what it has paid cannot be known`),
    ...unread.map((row) => `line ${row.line} of ${row.file}, a payment that cannot be read (${row.reason}) for ${like(row.account_id)}, may be this account's, so what it has paid cannot be known`),
  ];
}

/**
 * The night of `asOf` as the book holds it. The messages
 * follow-up issues (`issue`) are recorded as `source` goes, a page of accounts at a time, under one
 * import (`recording`) in the night's transaction, which a run that publishes nothing rolls back.
 */
export async function nightFromBook(
  db: BookWriter,
  asOf: IsoDate,
  recording: ImportSource,
  { pageRows = PAGE_ROWS }: { readonly pageRows?: number } = {},
): Promise<Night> {
  // A night before one already run would count as contacts none of the messages issued since, and
  // issue what those nights held back or had already sent.
  const latest = (await db.selectFrom('messages').select((eb) => eb.fn.max('night').as('night')).executeTakeFirst())?.night;
  if (latest && latest > asOf) {
    throw new FairplanError('invalid-argument', `the book holds messages issued on the night of ${latest}, after --as-of ${asOf}: run a night no earlier than ${latest}`);
  }
  const accounts = new AccountNumbers();
  let issuedEarlier = 0;
  /** Tonight's messages issued and not yet recorded, with the plan each is about. */
  let unrecorded: { issued: IssuedMessage; agreementId: number }[] = [];
  let importId: number | undefined;
  let recorded = 0;
  /** The plans in force of the page of accounts being followed up. */
  let pagePlans = new Map<string, { id: number; agreed_on: string; plan: string }>();

  const record = async (): Promise<void> => {
    if (unrecorded.length === 0) return;
    importId ??= await recordImport(db, recording);
    recorded += await recordMessages(db, importId, asOf, unrecorded);
    unrecorded = [];
  };

  return {
    get issuedEarlier() {
      return issuedEarlier;
    },
    issue(issued) {
      unrecorded.push({ issued, agreementId: pagePlans.get(issued.message.accountId)?.id as number });
    },
    async recorded() {
      await record();
      return recorded;
    },
    source: async (reader): Promise<BookReport> => {
      /** Contacts of accounts with no plan in force: counted, not used. */
      let unused = 0;
      // Each account's circumstances that may be in force on the night (inForceOn picks them).
      const circumstancesIn = (which: RawBuilder<SqlBool>) =>
        db
          .selectFrom('circumstances')
          .where(which)
          .where((eb) => eb.or([eb('effective_on', '<=', asOf), mayNotBeADate(db, 'effective_on')]))
          .orderBy('account_id')
          .orderBy('effective_on')
          .orderBy('id');
      // First, of every account, only what must be known across pages: who is one person, and the
      // columns the firm's templates may use (known before any account is followed up). Read twice:
      // the keys only one account has (most of them) need not be kept.
      const templateColumns = new Set<string>();
      /** Accounts with circumstances in force, of which those with no plan are counted as not used. */
      let withCircumstances = 0;
      let followedWithCircumstances = 0;
      const personKeys = (row: { customer_id: string | null; mobile: string | null; email: string | null }) => ({ customerId: row.customer_id ?? '', mobile: row.mobile ?? '', email: row.email ?? '' });
      const shared = new SharedKeys();
      for await (const page of pages(db, 'circumstances', pageRows)) {
        const rows = await circumstancesIn(within('account_id', page)).select(['account_id', 'effective_on', 'columns', 'customer_id', 'mobile', 'email']).execute();
        const inForce = inForceOn(rows, asOf);
        withCircumstances += inForce.size;
        for (const row of [...inForce.values()].flat()) {
          for (const column of Object.keys(JSON.parse(row.columns) as object)) templateColumns.add(column);
          shared.count(personKeys(row));
        }
      }
      const people = new People(accounts);
      for await (const page of pages(db, 'circumstances', pageRows)) {
        const rows = await circumstancesIn(within('account_id', page)).select(['account_id', 'effective_on', 'customer_id', 'mobile', 'email']).execute();
        for (const row of [...inForceOn(rows, asOf).values()].flat()) people.add(row.account_id, shared.only(personKeys(row)));
      }
      const lookAlikes = await paymentsWithoutPlan(db);
      const used = reader.columns(['account_id', ...CUSTOMER_COLUMNS, ...[...templateColumns].sort()]);
      const keptColumns = [...templateColumns].sort().filter((column) => used.has(column));

      for await (const page of pages(db, 'agreements', pageRows)) {
        pagePlans = await plansOf(db, within('agreements.account_id', page), asOf);
        const current = new Set([...pagePlans.values()].map((plan) => plan.id));
        // Kept for this page's accounts only, and forgotten with it.
        const payments = new PaymentStore(accounts);
        const contacts = new ContactStore(accounts);
        const instalments = new Map<number, Instalment[]>();
        /** Plans with an instalment that cannot be read: left out whole, as follow-up leaves out a plan with a line it cannot read. */
        const unreadablePlans = new Set<number>();
        /** By account, why a payment the book holds cannot be read: each holds the account's messages. */
        const unreadable = new Map<string, string[]>();
        const instalmentRows = await db
          .selectFrom('instalments')
          .innerJoin('agreements', 'agreements.id', 'instalments.agreement_id')
          .select(['instalments.agreement_id', 'agreements.account_id', 'instalments.n', 'instalments.due', 'instalments.amount'])
          .where(within('agreements.account_id', page))
          .where(inForce(asOf))
          // In no order: follow-up puts each plan's instalments in due order.
          .execute();
        for (const row of instalmentRows) {
          if (!current.has(row.agreement_id)) continue;
          const due = bookDate(row.due);
          const amount = bookPence(row.amount);
          if (due === undefined || amount === undefined || amount <= 0) {
            const what = due === undefined ? `due "${row.due}" is not a date` : `amount ${String(row.amount)} is not a whole number of pence above 0`;
            unreadablePlans.add(row.agreement_id);
            await reader.reject({ file: IN_BOOK.instalments, line: null, accountId: row.account_id, code: 'bad-value', reason: `instalment ${row.n} of account ${row.account_id}'s plan #${row.agreement_id}: ${what}` });
            continue;
          }
          const list = instalments.get(row.agreement_id) ?? [];
          list.push({ n: row.n, due, amount });
          instalments.set(row.agreement_id, list);
        }
        // A plan's payments: those made from the day it was agreed to the night (a renegotiated plan
        // begins afresh; earlier payments were the earlier plan's), and any whose day may not be one.
        const paymentRows = await db
          .selectFrom('payments')
          .innerJoin('agreements', 'agreements.account_id', 'payments.account_id')
          .select(['payments.id', 'payments.account_id', 'payments.paid_on', 'payments.amount', 'payments.reference', 'payments.line', 'agreements.id as agreement_id', 'agreements.agreed_on'])
          .where(within('payments.account_id', page))
          .where(inForce(asOf))
          .where((eb) => eb.or([eb.and([eb('payments.paid_on', '>=', eb.ref('agreements.agreed_on')), eb('payments.paid_on', '<=', asOf)]), mayNotBeADate(db, 'payments.paid_on')]))
          .orderBy('payments.account_id')
          .orderBy('payments.id')
          .execute();
        for (const row of paymentRows) {
          if (!current.has(row.agreement_id)) continue;
          const paidOn = bookDate(row.paid_on);
          const amount = bookPence(row.amount);
          if (paidOn === undefined || amount === undefined || amount === 0) {
            // Not left out: what the account paid cannot be known, so it is told nothing of it tonight.
            const what = paidOn === undefined ? `paid_on "${row.paid_on}" is not a date` : `amount ${String(row.amount)} is not a whole number of pence other than 0`;
            unreadable.set(row.account_id, [...(unreadable.get(row.account_id) ?? []), `the book's payment #${row.id} (account ${row.account_id}) cannot be read (${what}), so what the account has paid cannot be known`]);
            await reader.reject({ file: IN_BOOK.payments, line: null, accountId: row.account_id, code: 'bad-value', reason: `payment #${row.id} of account ${row.account_id}: ${what}: the account's messages are held back` });
            continue;
          }
          // Read for a day a month may lack: a real date counts only between the agreement and the night.
          if (paidOn < row.agreed_on || paidOn > asOf) continue;
          payments.add(row.account_id, toDayNumber(paidOn), amount, row.line, row.reference ?? '');
        }

        // The contacts that count for the page's accounts: their own, and those of their person's
        // other accounts, wherever those are in the book.
        const others = [...new Set([...pagePlans.keys()].flatMap((accountId) => people.accountsOf(accountId)))].filter((accountId) => !pagePlans.has(accountId));
        const othersPlans = new Map([...(await inChunks(others, async (ids) => [...(await plansOf(db, among('agreements.account_id', ids), asOf))]))]);
        // The circumstances of the page's accounts and of their person's other accounts, whose
        // protections they share, wherever those are in the book.
        const customers = new CustomerStore(accounts, keptColumns);
        const own = inForceOn(await circumstancesIn(within('account_id', page)).selectAll().execute(), asOf);
        const theirs = inForceOn(await inChunks(others, (ids) => circumstancesIn(among('account_id', ids)).selectAll().execute()), asOf);
        // An account of the person's in the page's range with no plan in force is among both: read once.
        for (const [accountId, rows] of [...own, ...[...theirs].filter(([accountId]) => !own.has(accountId))]) {
          for (const row of rows) {
            const cells = customerCells(row);
            const recorded = JSON.parse(row.doubts) as string[];
            const day = bookDate(row.effective_on) === undefined ? [`effective_on "${row.effective_on}" is not a date, so the circumstance is taken as in force`] : [];
            const { problems } = customers.add(accountId, { line: row.line, get: (column) => cells.get(column) ?? '' }, [...recorded, ...day]);
            // What the book holds but could not have recorded so (a hand edit) is told, once, on its own account's page;
            // a doubt recorded with the row was told when it was.
            const found = [...day, ...(recorded.length === 0 ? problems : [])];
            if (own.has(accountId) && found.length > 0) {
              await reader.reject({ file: IN_BOOK.circumstances, line: null, accountId, code: 'protection-unreadable', reason: `circumstance #${row.id} of account ${accountId}: ${found.join('; ')}: what it protects is kept, and the customer's messages are held back` });
            }
          }
          if (pagePlans.has(accountId)) followedWithCircumstances++;
        }
        // An account of the person's in the page's range but with no plan in force is read twice: once.
        const messageRows = new Map<number, Awaited<ReturnType<typeof messagesOf>>[number]>();
        for (const row of await messagesOf(db, within('messages.account_id', page))) {
          messageRows.set(row.id, row);
          // The pages cover every account once: what is counted here is counted once. This page's own messages are recorded after.
          if (row.night === asOf) issuedEarlier++;
          else if (!pagePlans.has(row.account_id)) unused++;
        }
        for (const row of await inChunks(others, (ids) => messagesOf(db, among('messages.account_id', ids)))) if (!messageRows.has(row.id)) messageRows.set(row.id, row);
        // Messages issued by an earlier run of this same night are tonight's, not contacts before it.
        const tonight = [...messageRows.values()].filter((row) => row.night === asOf);
        for (const row of messageRows.values()) {
          if (row.night === asOf) continue;
          // A message about an earlier plan counts toward the limits, but is not the same message as one about this plan.
          const plan = pagePlans.get(row.account_id) ?? othersPlans.get(row.account_id);
          const id = plan?.id === row.agreement_id ? row.message_id : `${row.message_id} (plan #${row.agreement_id})`;
          contacts.add(row.account_id, toDayNumber((row.reported_on ?? row.send_on) as IsoDate), id);
        }
        const deliveryRows = new Map<number, Awaited<ReturnType<typeof foreignDeliveries>>[number]>();
        for (const row of await foreignDeliveries(db, within('deliveries.account_id', page))) {
          deliveryRows.set(row.id, row);
          if (!pagePlans.has(row.account_id)) unused++;
        }
        for (const row of await inChunks(others, (ids) => foreignDeliveries(db, among('deliveries.account_id', ids)))) if (!deliveryRows.has(row.id)) deliveryRows.set(row.id, row);
        // What a sender reported of a message follow-up did not issue (another system's) is a contact too.
        for (const row of deliveryRows.values()) contacts.add(row.account_id, toDayNumber(row.sent_on as IsoDate), row.message_id);

        // A report that cannot be read is a contact the limits cannot place: it holds the person's messages.
        const unreadContacts = new Map<string, string[]>();
        const reportRows = new Map<number, Awaited<ReturnType<typeof unreadReports>>[number]>();
        for (const row of [...(await unreadReports(db, within('unread_reports.account_id', page))), ...(await inChunks(others, (ids) => unreadReports(db, among('unread_reports.account_id', ids))))]) reportRows.set(row.id, row);
        for (const row of reportRows.values()) {
          const why = `a sender's report of message "${row.message_id}" (account ${row.account_id}, line ${row.line} of its book sent file) cannot be read (${row.reason}), so this customer's contacts cannot be counted`;
          unreadContacts.set(row.account_id, [...(unreadContacts.get(row.account_id) ?? []), why]);
        }
        // A payment that cannot be read, to the account or to an id with no plan that looks like its
        // own, holds the person's messages, as what the account paid cannot be known.
        const unpaid = new Map<string, string[]>();
        const note = (accountId: string, why: string) => unpaid.set(accountId, [...(unpaid.get(accountId) ?? []), why]);
        const unreadPaymentRows = new Map<number, Awaited<ReturnType<typeof unreadPayments>>[number]>();
        for (const row of [...(await unreadPayments(db, within('unread_payments.account_id', page))), ...(await inChunks(others, (ids) => unreadPayments(db, among('unread_payments.account_id', ids))))]) unreadPaymentRows.set(row.id, row);
        for (const row of unreadPaymentRows.values()) note(row.account_id, unreadPaymentWhy(row));
        for (const [accountId, plan] of [...pagePlans, ...othersPlans]) {
          for (const why of await lookAlikePayments(db, accountId, plan, lookAlikes.othersLike(accountId), asOf)) note(accountId, why);
        }
        // The account's own message first, so that the same message is known as the one issued already.
        const tonightByAccount = new Map(tonight.map((row) => [row.account_id, { accountId: row.account_id, messageId: row.message_id }]));
        const tonightByPerson = new Map(tonight.map((row) => [people.personOf(row.account_id) ?? -1, { accountId: row.account_id, messageId: row.message_id }]));
        const { follow } = followAccounts(
          {
            accounts,
            people,
            payments,
            customers,
            contacts,
            issuedTonight(accountId) {
              const person = people.personOf(accountId);
              return tonightByAccount.get(accountId) ?? (person === undefined ? undefined : tonightByPerson.get(person));
            },
            unreadable: (accountId) => [...(unreadable.get(accountId) ?? []), ...people.accountsOf(accountId).flatMap((id) => [...(unreadContacts.get(id) ?? []), ...(unpaid.get(id) ?? [])])],
          },
          { arrangements: IN_BOOK.instalments, payments: IN_BOOK.payments },
          reader,
        );
        for (const [accountId, plan] of pagePlans) {
          const bad = unreadablePlans.has(plan.id) ? { badLine: null } : {};
          await follow({ id: accountId, line: null, plan: plan.plan, agreedOn: plan.agreed_on as IsoDate, instalments: instalments.get(plan.id) ?? [], zeroLines: new Map(), ...bad });
        }
        // Nothing is being read now: the page's messages go into the book.
        await record();
      }
      return { notUsed: { customers: withCircumstances - followedWithCircumstances, contacts: unused }, unknownColumns: [], repeatedCustomerRows: 0, unattributed: 0 };
    },
  };
}

/**
 * Records messages issued on night `asOf`, each with the plan it is about. Those an earlier run of
 * the night issued are held back (`already-issued`) and never reach here; one the book holds already
 * would break the unique constraint, and the night would be refused with nothing published.
 */
async function recordMessages(db: BookWriter, importId: number, asOf: IsoDate, issued: readonly { issued: IssuedMessage; agreementId: number }[]): Promise<number> {
  let recorded = 0;
  for (let i = 0; i < issued.length; i += ROWS_AT_ONCE) {
    const values = issued.slice(i, i + ROWS_AT_ONCE).map(({ issued: { message, subject, text }, agreementId }) => ({
      message_id: message.messageId,
      account_id: message.accountId,
      agreement_id: agreementId,
      night: asOf,
      channel: message.channel,
      kind: message.kind,
      send_on: message.sendOn,
      send_window: message.sendWindow ?? null,
      subject,
      text,
      review: message.review ? 1 : 0,
      reason: message.reason,
      import_id: importId,
    }));
    await db.insertInto('messages').values(values).execute();
    recorded += values.length;
  }
  return recorded;
}
