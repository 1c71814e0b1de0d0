/**
 * `follow-up --book`: a night's inputs read from the book, into the same stores follow-up's file
 * readers fill (src/follow-up/book.ts), so that every rule is follow-up's own: the plan in force on
 * the night with its instalments, the payments made to it, each account's circumstances in force
 * that night (with any doubt recorded, which holds the customer's messages as a cell that cannot be
 * read does), and every contact the book holds: the messages follow-up issued and those a sender
 * reported on. Then the messages issued are recorded; a message an earlier run of the same night
 * issued is held back (`already-issued`), neither written nor recorded again.
 */
import { toDayNumber, type IsoDate } from '../core/date.js';
import type { IssuedTonight } from '../core/follow-up/contact.js';
import type { Instalment } from '../core/follow-up/status.js';
import { AccountNumbers } from '../io/account-numbers.js';
import { followAccounts, type AccountSource, type BookReport } from '../follow-up/book.js';
import { ContactStore } from '../follow-up/contact-store.js';
import { CUSTOMER_COLUMNS, CustomerStore } from '../follow-up/customers.js';
import { PaymentStore } from '../follow-up/payment-store.js';
import { People } from '../follow-up/people.js';
import type { IssuedMessage } from '../follow-up/run.js';
import { forgetIfEmpty, recordImport, type ImportSource } from './imports.js';
import { pence, type CircumstancesTable } from './schema.js';
import { ROWS_AT_ONCE, type BookWriter } from './transaction.js';

export interface Night {
  /** Hands each account with a plan in force to follow-up, in account order. */
  readonly source: AccountSource;
  /** The plan in force for each account followed up, which a message issued is about. */
  readonly agreementOf: ReadonlyMap<string, number>;
  /** Messages the book holds as issued by an earlier run of this night: with the sender, and not written again. */
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
    vulnerable: Number(row.vulnerable) === 1 ? 'yes' : 'no',
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

/** The night of `asOf` as the book holds it; `name` is the book as shown to a person. */
export async function nightFromBook(db: BookWriter, name: string, asOf: IsoDate): Promise<Night> {
  // The plan in force: agreed by the night, and not superseded by then.
  const inForce = await db
    .selectFrom('agreements')
    .select(['id', 'account_id', 'agreed_on', 'plan'])
    .where('agreed_on', '<=', asOf)
    .where((eb) => eb.or([eb('superseded_on', 'is', null), eb('superseded_on', '>', asOf)]))
    .orderBy('account_id')
    .orderBy('id')
    .execute();
  const plans = new Map<string, (typeof inForce)[number]>();
  // Should an account have two, the later.
  for (const row of inForce) plans.set(row.account_id, row);
  const agreementOf = new Map([...plans].map(([account, row]) => [account, row.id]));
  const current = new Set(agreementOf.values());

  const instalmentRows = await db
    .selectFrom('instalments')
    .innerJoin('agreements', 'agreements.id', 'instalments.agreement_id')
    .select(['instalments.agreement_id', 'instalments.n', 'instalments.due', 'instalments.amount'])
    .where('agreements.agreed_on', '<=', asOf)
    .where((eb) => eb.or([eb('agreements.superseded_on', 'is', null), eb('agreements.superseded_on', '>', asOf)]))
    .orderBy('instalments.agreement_id')
    .orderBy('instalments.due')
    .orderBy('instalments.n')
    .execute();
  const instalments = new Map<number, Instalment[]>();
  for (const row of instalmentRows) {
    if (!current.has(row.agreement_id)) continue;
    const list = instalments.get(row.agreement_id) ?? [];
    list.push({ n: row.n, due: row.due as IsoDate, amount: pence(row.amount) });
    instalments.set(row.agreement_id, list);
  }

  const accounts = new AccountNumbers();
  const people = new People(accounts);
  // A plan's payments: those made from the day it was agreed to the night (a renegotiated plan
  // begins afresh; earlier payments were the earlier plan's).
  const payments = new PaymentStore(accounts);
  const paymentRows = await db
    .selectFrom('payments')
    .innerJoin('agreements', 'agreements.account_id', 'payments.account_id')
    .select(['payments.account_id', 'payments.paid_on', 'payments.amount', 'payments.reference', 'payments.line', 'agreements.id as agreement_id'])
    .where('agreements.agreed_on', '<=', asOf)
    .where((eb) => eb.or([eb('agreements.superseded_on', 'is', null), eb('agreements.superseded_on', '>', asOf)]))
    .whereRef('payments.paid_on', '>=', 'agreements.agreed_on')
    .where('payments.paid_on', '<=', asOf)
    .orderBy('payments.id')
    .execute();
  for (const row of paymentRows) {
    if (!current.has(row.agreement_id)) continue;
    payments.add(row.account_id, toDayNumber(row.paid_on as IsoDate), pence(row.amount), row.line, row.reference ?? '');
  }

  // Each account's circumstances in force on the night: the last recorded from a day up to it.
  const circumstanceRows = await db
    .selectFrom('circumstances')
    .selectAll()
    .where('effective_on', '<=', asOf)
    .orderBy('account_id')
    .orderBy('effective_on')
    .orderBy('id')
    .execute();
  const latest = new Map<string, (typeof circumstanceRows)[number]>();
  for (const row of circumstanceRows) latest.set(row.account_id, row);
  const templateColumns = new Set<string>();
  for (const row of latest.values()) for (const column of Object.keys(JSON.parse(row.columns) as object)) templateColumns.add(column);

  // Messages issued by an earlier run of this same night are tonight's, not contacts before it.
  const messageRows = await db.selectFrom('messages').select(['message_id', 'account_id', 'agreement_id', 'night', 'send_on']).orderBy('id').execute();
  const deliveryRows = await db.selectFrom('deliveries').select(['message_id', 'account_id', 'sent_on']).orderBy('id').execute();
  const reported = new Map<string, string>();
  for (const row of deliveryRows) if (!reported.has(row.message_id)) reported.set(row.message_id, row.sent_on);
  const issued = new Set(messageRows.map((row) => row.message_id));
  const tonight = messageRows.filter((row) => row.night === asOf);

  return {
    agreementOf,
    issuedEarlier: tonight.length,
    source: async (reader): Promise<BookReport> => {
      const used = reader.columns(['account_id', ...CUSTOMER_COLUMNS, ...[...templateColumns].sort()]);
      const customers = new CustomerStore(accounts, [...templateColumns].sort().filter((column) => used.has(column)));
      for (const row of latest.values()) {
        const cells = customerCells(row);
        people.add(row.account_id, { customerId: row.customer_id ?? '', mobile: row.mobile ?? '', email: row.email ?? '' });
        customers.add(row.account_id, { line: row.line, get: (column) => cells.get(column) ?? '' }, JSON.parse(row.doubts) as string[]);
      }
      const contacts = new ContactStore(accounts);
      for (const row of messageRows) {
        if (row.night === asOf) continue;
        // A message about an earlier plan counts toward the limits, but is not the same message as one about this plan.
        const id = current.has(row.agreement_id) ? row.message_id : `${row.message_id} (plan #${row.agreement_id})`;
        contacts.add(row.account_id, toDayNumber((reported.get(row.message_id) ?? row.send_on) as IsoDate), id);
      }
      // What a sender reported of a message follow-up did not issue (another system's) is a contact too.
      for (const row of deliveryRows) {
        if (!issued.has(row.message_id)) contacts.add(row.account_id, toDayNumber(row.sent_on as IsoDate), row.message_id);
      }
      // The account's own message first, so that the same message is known as the one issued already.
      const tonightByAccount = new Map(tonight.map((row) => [row.account_id, { accountId: row.account_id, messageId: row.message_id }]));
      let tonightByPerson: Map<number, IssuedTonight> | undefined;
      const { follow } = followAccounts(
        {
          accounts,
          people,
          payments,
          customers,
          contacts,
          issuedTonight(accountId) {
            // Built once every account is joined to its person.
            tonightByPerson ??= new Map(tonight.map((row) => [people.personOf(row.account_id) ?? -1, { accountId: row.account_id, messageId: row.message_id }]));
            const person = people.personOf(accountId);
            return tonightByAccount.get(accountId) ?? (person === undefined ? undefined : tonightByPerson.get(person));
          },
        },
        { arrangements: name, payments: name },
        reader,
      );
      for (const [accountId, plan] of plans) {
        await follow({ id: accountId, line: 0, plan: plan.plan, agreedOn: plan.agreed_on as IsoDate, instalments: instalments.get(plan.id) ?? [], zeroLines: new Map() });
      }
      return { notUsed: { customers: customers.untaken, contacts: contacts.untaken }, unknownColumns: [], repeatedCustomerRows: 0, unattributed: 0 };
    },
  };
}

/**
 * Records the messages issued on night `asOf`. Those an earlier run of the night issued are held
 * back (`already-issued`) and never reach here; one the book holds already would break the unique
 * constraint, and the night would be refused with nothing published.
 */
export async function recordMessages(
  db: BookWriter,
  source: ImportSource,
  asOf: IsoDate,
  issued: readonly IssuedMessage[],
  agreementOf: ReadonlyMap<string, number>,
): Promise<number> {
  const importId = await recordImport(db, source);
  let recorded = 0;
  for (let i = 0; i < issued.length; i += ROWS_AT_ONCE) {
    const values = issued.slice(i, i + ROWS_AT_ONCE).map(({ message, subject, text }) => ({
      message_id: message.messageId,
      account_id: message.accountId,
      agreement_id: agreementOf.get(message.accountId) as number,
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
  await forgetIfEmpty(db, importId, recorded);
  return recorded;
}
