/**
 * follow-up's inputs, read as a book of accounts. The payments, customers and contacts log are read
 * first and kept, compactly, by account; then the arrangements file is streamed, and each account
 * is handed on as soon as its last instalment row is read, so the instalments (by far the largest
 * input) are never all held at once.
 *
 * Rows that cannot be used are rejected with file, line and reason. An account with an instalment
 * that cannot be read is left out whole (its status would be wrong), and that is said too; so is
 * every payment for an account with no plan, a payment whose reference the account has already
 * paid with (counted once), and one made before the plan began (not counted toward it). A payment
 * that cannot be read holds its account's messages, as what it paid is not known. Customer
 * rows and contacts of accounts with no plan are counted.
 */
import { compareDates, toDayNumber, type IsoDate } from '../core/date.js';
import { FairplanError } from '../core/errors.js';
import type { Contact, IssuedTonight } from '../core/follow-up/contact.js';
import { MOST_PENCE, planBegins, pounds, tooLargeToAdd, type BreathingSpace, type Instalment, type Payment } from '../core/follow-up/status.js';
import { AccountNumbers } from '../io/account-numbers.js';
import { BadCell, contactDay, date, nonZeroPence, optionalDate, partPence, positivePence, whole } from './cells.js';
import { ContactStore } from './contact-store.js';
import { CUSTOMER_COLUMNS, CustomerStore, mergeCustomer, type CustomerRow } from './customers.js';
import { People } from './people.js';
import { NumberColumn } from '../io/number-column.js';
import { PaymentStore, type ReadPayment } from './payment-store.js';
import { readTable, type Reject, type Rejection, type Row, type Table } from './table.js';

export interface Account {
  readonly id: string;
  /** In due order. */
  readonly instalments: readonly Instalment[];
  readonly payments: readonly Payment[];
  /** Messages already sent to the account's person, about any of their accounts (contact limits are a person's). */
  readonly contacts: readonly Contact[];
  /** The account's customer, with the protections of every row of the person's (customers.ts). */
  readonly customer?: CustomerRow;
  /** A Breathing Space recorded on any of the person's rows: it covers all their debts. */
  readonly breathingSpace?: BreathingSpace;
  /** The person's accounts, this one first (people.ts); one for a person with one account. */
  readonly person: { readonly key: number; readonly accounts: readonly string[] };
  /** Why no message may go to this person tonight: a protection or a contact that cannot be read. */
  readonly doubts: readonly string[];
  /** Rows of the customers file and contacts log that are this account's own (not its person's other accounts'). */
  readonly ownRows: number;
  /** The arrangements file's `agreed_on`, when it has one. */
  readonly agreedOn?: IsoDate;
  /** A message issued to the account's person for this night by an earlier run of it (the book keeps them). */
  readonly issuedTonight?: IssuedTonight;
}

export interface BookFiles {
  readonly arrangements: string;
  readonly payments: string;
  readonly customers?: string;
  readonly contacts?: string;
}

export interface BookReader {
  /**
   * Told the customers file's columns (none without one) before any account: returns those the
   * firm's templates use, the only ones kept.
   */
  columns(columns: readonly string[]): ReadonlySet<string>;
  /**
   * Told, before any row is read, the customers columns that are neither read by fairplan nor used
   * by a template, as the file writes them (a misspelt `vulnerabel` must not pass unseen); may stop
   * the run by throwing.
   */
  unknownColumns?(columns: readonly string[]): void;
  /** Each account, in the order of the arrangements file. */
  account(account: Account): void | Promise<void>;
  /** Waited for when it returns a promise. */
  reject(rejection: Rejection): void | Promise<void>;
}

/** Calls `use` for a row, or rejects it with what was wrong. */
const each = (file: string, reject: Reject, use: (row: Row, id: string) => void) => (row: Row): void | Promise<void> => {
  const id = row.get('account_id');
  try {
    if (id === '') return reject({ file, line: row.line, code: 'missing-account-id', reason: 'account_id is empty' });
    use(row, id);
  } catch (error) {
    if (!(error instanceof BadCell)) throw error;
    return reject({ file, line: row.line, accountId: id, code: 'bad-value', reason: error.message });
  }
};

async function readPayments(file: string, accounts: AccountNumbers, reject: BookReader['reject']): Promise<PaymentStore> {
  const payments = new PaymentStore(accounts);
  // A payment that cannot be read may be one the account made: it is not told it missed one tonight.
  // So too a record that names its account but cannot be read at all (a JSON key given twice).
  const onBadRow: Reject = (rejection) => {
    if (rejection.accountId !== undefined && (rejection.code === 'bad-value' || rejection.code === 'unreadable-row')) payments.addUnreadable(rejection.accountId, rejection.line);
    return reject(rejection);
  };
  await readTable(file, ['account_id', 'paid_on', 'amount'], () => undefined, each(file, onBadRow, (row, id) => {
    const day = toDayNumber(date(row, 'paid_on'));
    payments.add(id, day, nonZeroPence(row, 'amount'), row.line, row.get('reference'));
  }), onBadRow);
  return payments;
}

/** The customers file, read into `customers` and `people`; returns how many rows repeat an account. */
async function readCustomers(
  file: string | undefined,
  accounts: AccountNumbers,
  people: People,
  reader: BookReader,
  unattributed: (line: number, what: string) => Promise<void>,
): Promise<{ customers: CustomerStore; repeated: number; unknown: readonly string[] }> {
  if (!file) {
    reader.columns([]);
    return { customers: new CustomerStore(accounts, []), repeated: 0, unknown: [] };
  }
  let customers = new CustomerStore(accounts, []);
  let unknown: readonly string[] = [];
  let repeated = 0;
  // A JSON file's columns are known from its first record that can be read: rows rejected before it wait.
  let columnsKnown = false;
  const beforeColumns: { id: string; line: number; why: string }[] = [];
  const useColumns = ({ headers, written }: Table): void => {
    const used = reader.columns(headers);
    const read = new Set<string>(['account_id', ...CUSTOMER_COLUMNS, ...used]);
    unknown = written.filter((_, i) => !read.has(headers[i] ?? ''));
    if (unknown.length > 0) reader.unknownColumns?.(unknown);
    customers = new CustomerStore(accounts, headers.filter((column) => used.has(column)));
    columnsKnown = true;
    for (const { id, line, why } of beforeColumns) customers.addUnreadable(id, line, why);
  };
  const reject: Reject = async (rejection) => {
    const id = rejection.accountId;
    // A row that cannot be read at all may be anyone's opt-out or Breathing Space.
    if (id === undefined) {
      await reader.reject(rejection);
      return unattributed(rejection.line, 'the customers file');
    }
    // One that names its account may hold that account's opt-out or vulnerability: its messages,
    // and its person's, are held as for a protection that cannot be read, however many rows it has.
    people.add(id, { customerId: '', mobile: '', email: '' });
    const unread = { id, line: rejection.line, why: rejection.reason };
    if (columnsKnown) customers.addUnreadable(unread.id, unread.line, unread.why);
    else beforeColumns.push(unread);
    await reader.reject({ ...rejection, code: 'protection-unreadable', reason: `${rejection.reason}: the row cannot be read, so account ${id}'s messages are held back` });
    return undefined;
  };
  await readTable(file, ['account_id', 'channel'], useColumns, async (row) => {
    const id = row.get('account_id');
    if (id === '') {
      await reader.reject({ file, line: row.line, code: 'missing-account-id', reason: 'account_id is empty' });
      return unattributed(row.line, 'the customers file');
    }
    people.add(id, { customerId: row.get('customer_id'), mobile: row.get('mobile'), email: row.get('email') });
    const { problems, earlierLine } = customers.add(id, row);
    if (problems.length > 0) {
      await reader.reject({ file, line: row.line, accountId: id, code: 'protection-unreadable', reason: `${problems.join('; ')}: what the row protects is kept, and the customer's messages are held back` });
    }
    if (earlierLine !== undefined) {
      repeated++;
      await reader.reject({ file, line: row.line, accountId: id, code: 'repeated-customer-row', reason: `a second customer row for account ${id} (the first is on line ${earlierLine}): both are read, the way that protects the customer` });
    }
    return undefined;
  }, reject);
  // A file whose every record was rejected: its columns never came, and its rows still hold.
  if (!columnsKnown) for (const { id, line, why } of beforeColumns) customers.addUnreadable(id, line, why);
  return { customers, repeated, unknown };
}

async function readContacts(
  file: string | undefined,
  accounts: AccountNumbers,
  reject: BookReader['reject'],
  unattributed: (line: number, what: string) => Promise<void>,
): Promise<ContactStore> {
  const contacts = new ContactStore(accounts);
  if (!file) return contacts;
  const onReject: Reject = async (rejection) => {
    await reject(rejection);
    if (rejection.accountId === undefined) await unattributed(rejection.line, 'the contacts log');
    else contacts.addUnreadable(rejection.accountId, rejection.line);
  };
  await readTable(file, ['account_id', 'sent_on', 'message_id'], () => undefined, async (row) => {
    const id = row.get('account_id');
    if (id === '') {
      await reject({ file, line: row.line, code: 'missing-account-id', reason: 'account_id is empty' });
      return unattributed(row.line, 'the contacts log');
    }
    try {
      contacts.add(id, toDayNumber(contactDay(row, 'sent_on')), row.get('message_id'));
    } catch (error) {
      if (!(error instanceof BadCell)) throw error;
      // Still a contact: the customer's limits cannot be known tonight.
      contacts.addUnreadable(id, row.line);
      await reject({ file, line: row.line, accountId: id, code: 'unreadable-contact', reason: `${error.message}: counted as a contact, and the customer's messages are held back tonight` });
    }
    return undefined;
  }, onReject);
  return contacts;
}

/** One account's rows of the arrangements file, while they are read. */
interface Group extends PlanGroup {
  /** `agreed_on` as written on the first row, which every row must repeat; read there. */
  readonly agreed: string;
  readonly numbers: Set<number>;
  /** In `plan --csv` of several creditors, those whose part of the last instalment has been read. */
  parts: Set<string>;
}

/** Rows read and checked but not used, as their accounts have no plan in the arrangements file. */
export interface NotUsed {
  readonly customers: number;
  readonly contacts: number;
}

/** What reading the book found besides the accounts. */
export interface BookReport {
  readonly notUsed: NotUsed;
  /** Customers columns neither read nor used by a template, as written. */
  readonly unknownColumns: readonly string[];
  /** Customer rows for an account that had one already. */
  readonly repeatedCustomerRows: number;
  /** Rows of the customers file or contacts log that could not be tied to any account: every message is held back for them. */
  readonly unattributed: number;
}

/** What a night knows before its plans are read: payments, customers and contacts, kept by account. */
export interface NightStores {
  readonly accounts: AccountNumbers;
  readonly people: People;
  readonly payments: PaymentStore;
  readonly customers: CustomerStore;
  readonly contacts: ContactStore;
  /** The first row that could not be tied to an account, which holds back every message. */
  readonly unattributedRow?: string;
  /** A message issued to the account's person for this night by an earlier run (the book keeps them). */
  issuedTonight?(accountId: string): IssuedTonight | undefined;
  /** Why rows of the account's the book holds cannot be read (a payment): each holds its messages, as an unreadable payment does. */
  unreadable?(accountId: string): readonly string[];
}

/** One account's plan, as read, handed to `follow` once all its instalments are. */
export interface PlanGroup {
  readonly id: string;
  /** The line of its first row; null for a plan the book holds. */
  readonly line: number | null;
  readonly plan: string;
  agreedOn?: IsoDate;
  readonly instalments: Instalment[];
  /** Where an instalment of several creditors' parts began whose first part was 0.00, by its number. */
  readonly zeroLines: Map<number, number>;
  /** The line of the first instalment that could not be read; null for one the book holds. */
  badLine?: number | null;
}

/**
 * Follows up each account handed to `follow`, from what `stores` keep for it and its person: the one
 * place an account's payments, customer, protections, contacts and doubts are put together, whether
 * the night's inputs are files (readBook) or the book (src/book/night.ts). `files` name where the
 * plans and payments came from, in rejections; `end` rejects the payments no plan took.
 */
export function followAccounts(
  stores: NightStores,
  files: { readonly arrangements: string; readonly payments: string },
  reader: BookReader,
): { follow(done: PlanGroup): Promise<void>; isFollowed(id: string): boolean; end(): Promise<void> } {
  const { reject } = reader;
  const { accounts, people, payments, customers, contacts, unattributedRow } = stores;
  /** 1 for each account whose plan has been read, by number. */
  const finished = new NumberColumn(Uint8Array);
  const isFinished = (id: string): boolean => {
    const account = accounts.find(id);
    return account !== undefined && finished.get(account) === 1;
  };
  const unreadablePayment = (id: string): string[] => {
    const line = payments.unreadableLine(id);
    return line === undefined ? [] : [`line ${line} of the payments file (account ${id}) cannot be read, so what the account has paid cannot be known`];
  };
  const finish = async (done: PlanGroup): Promise<void> => {
    finished.set(accounts.number(done.id), 1);
    // Each account is followed up once: what was kept for it is taken, and not given again.
    const kept = payments.take(done.id);
    customers.use(done.id);
    contacts.use(done.id);
    // Every creditor's part of an instalment 0.00: an instalment of nothing reads as one kept.
    const nothing = done.instalments.find((instalment) => instalment.amount === 0);
    const nothingLine = nothing && done.zeroLines.get(nothing.n);
    if (nothing && nothingLine !== undefined && done.badLine === undefined) {
      done.badLine = nothingLine;
      await reject({ file: files.arrangements, line: nothingLine, accountId: done.id, code: 'empty-instalment', reason: `amount: every creditor's part of instalment ${nothing.n} is 0.00: an instalment must be above £0.00` });
    }
    if (done.badLine !== undefined) {
      await reject({ file: files.arrangements, line: done.badLine, accountId: done.id, code: 'plan-unreadable', reason: `account ${done.id} is left out: an instalment of its plan (${done.badLine === null ? 'in the book' : `line ${done.badLine}`}) cannot be read` });
      return;
    }
    done.instalments.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.n - b.n));
    const paid = await paymentsCounted(done, kept);
    const tooLarge = tooLargeToAdd(done.instalments, paid);
    if (tooLarge) {
      await reject({ file: files.arrangements, line: done.line, accountId: done.id, code: 'too-large', reason: `account ${done.id} is left out: ${tooLarge}` });
      return;
    }
    const person = people.accountsOf(done.id);
    const others = person.slice(1);
    const theirs = others.flatMap((other) => customers.readings(other));
    const own = customers.readings(done.id);
    const customer = mergeCustomer(own, theirs, customers.templateColumns);
    // With no row of its own, the account still has what the person's other rows protect.
    const protections = customer ?? mergeCustomer(theirs, [], []);
    const breathingSpace = protections?.breathingSpace;
    const ownContacts = contacts.of(done.id);
    const issuedTonight = stores.issuedTonight?.(done.id);
    const doubts = [
      ...(protections?.doubts ?? []),
      ...person.flatMap((id) => {
        const line = contacts.unreadableLine(id);
        return line === undefined ? [] : [`line ${line} of the contacts log (account ${id}) cannot be read, so this customer's contacts cannot be counted`];
      }),
      ...(unattributedRow ? [unattributedRow] : []),
      ...unreadablePayment(done.id),
      ...(stores.unreadable?.(done.id) ?? []),
    ];
    await reader.account({
      id: done.id,
      instalments: done.instalments,
      payments: paid,
      contacts: [...ownContacts, ...others.flatMap((id) => contacts.of(id))],
      ...(customer ? { customer } : {}),
      ...(breathingSpace ? { breathingSpace } : {}),
      person: { key: people.personOf(done.id) ?? -1, accounts: person },
      doubts,
      ownRows: own.length + ownContacts.length,
      ...(done.agreedOn ? { agreedOn: done.agreedOn } : {}),
      ...(issuedTonight ? { issuedTonight } : {}),
    });
  };
  /**
   * The account's payments less those whose reference it has already paid with (a payment exported
   * twice; a refund may carry the reference of what it returns, so refunds are matched among
   * themselves), each reported; a payment before the plan began is reported, and left to the status
   * not to count.
   */
  const paymentsCounted = async (done: PlanGroup, kept: readonly ReadPayment[]): Promise<Payment[]> => {
    const counted: Payment[] = [];
    const seen = new Map<string, number>();
    const begins = planBegins(done.instalments, done.agreedOn);
    for (const { paidOn, amount, line, reference } of kept) {
      const key = reference === undefined ? undefined : `${amount < 0 ? '-' : '+'}${reference}`;
      const first = key === undefined ? undefined : seen.get(key);
      if (first !== undefined) {
        await reject({ file: files.payments, line, accountId: done.id, code: 'repeated-payment', reason: `reference ${reference} is paid twice for account ${done.id} (lines ${first} and ${line}): counted once` });
        continue;
      }
      if (key !== undefined) seen.set(key, line);
      if (begins && compareDates(paidOn, begins) < 0) {
        const when = done.agreedOn ? `was agreed on ${begins}` : `began on ${begins} (one instalment interval before its first due date)`;
        await reject({ file: files.payments, line, accountId: done.id, code: 'payment-before-plan', reason: `paid on ${paidOn}, before account ${done.id}'s plan ${when}: not counted toward it` });
      }
      counted.push({ paidOn, amount });
    }
    return counted;
  };

  return {
    follow: finish,
    isFollowed: isFinished,
    async end() {
      // What is left was paid to accounts with no plan, listed by line.
      for (const { accountId, line } of payments.left()) {
        await reject({ file: files.payments, line, accountId, code: 'no-arrangement', reason: `a payment for account ${accountId}, which has no arrangement` });
      }
    },
  };
}

/** Hands each account of a night to `reader`: readBook from files, or the book's own reader. */
export type AccountSource = (reader: BookReader) => Promise<BookReport>;

export async function readBook(files: BookFiles, reader: BookReader): Promise<BookReport> {
  const { reject } = reader;
  const accounts = new AccountNumbers();
  const people = new People(accounts);
  /** The first row that could not be tied to an account, which holds back every message. */
  let unattributedRow: string | undefined;
  let unattributed = 0;
  const noteUnattributed = async (line: number, what: string): Promise<void> => {
    unattributed++;
    unattributedRow ??= `line ${line} of ${what} cannot be tied to an account, so it may be anyone's: no message is sent tonight until a person reads it`;
  };
  const payments = await readPayments(files.payments, accounts, reject);
  const { customers, repeated, unknown } = await readCustomers(files.customers, accounts, people, reader, noteUnattributed);
  const contacts = await readContacts(files.contacts, accounts, reject, noteUnattributed);
  const { follow, isFollowed, end } = followAccounts(
    { accounts, people, payments, customers, contacts, ...(unattributedRow ? { unattributedRow } : {}) },
    files,
    reader,
  );
  let group: Group | undefined;
  let dueColumn = 'due';
  let planColumn = 'plan';
  let byCreditor = false;
  const useColumns = ({ headers }: Table): void => {
    // `plan --csv` of several creditors writes a row for each creditor's part of each payment.
    byCreditor = headers.includes('creditor');
    // `plan --csv` (with an account_id column added) writes `date` and `option_key` where `batch --schedules` writes `due` and `plan`.
    if (!headers.includes('due') && headers.includes('date')) dueColumn = 'date';
    if (!headers.includes('plan') && headers.includes('option_key')) planColumn = 'option_key';
    if (!headers.includes(dueColumn)) throw new FairplanError('invalid-argument', 'has no due column (expected account_id, n, due, amount)', { file: files.arrangements });
  };
  const file = files.arrangements;
  await readTable(file, ['account_id', 'n', 'amount'], useColumns, async (row) => {
    const id = row.get('account_id');
    if (id !== '' && id !== group?.id) {
      if (isFollowed(id)) {
        throw new FairplanError('invalid-argument', `account ${id}'s instalments are not together: keep each account's rows in one run, as batch --schedules writes them`, { file, line: row.line });
      }
      if (group) await follow(group);
      group = { id, line: row.line, plan: row.get(planColumn), agreed: row.get('agreed_on'), instalments: [], numbers: new Set(), parts: new Set(), zeroLines: new Map() };
    }
    const current = group;
    await each(file, reject, () => {
      if (!current || id === '') throw new BadCell('account_id is empty');
      try {
        const plan = row.get(planColumn);
        if (plan !== current.plan) throw new BadCell(`a second plan (${plan}) for account ${id}: keep only the rows of the plan agreed`);
        const agreed = row.get('agreed_on');
        if (agreed !== current.agreed) throw new BadCell(`agreed_on is ${agreed || 'empty'} here but ${current.agreed || 'empty'} on line ${current.line}: one plan is agreed on one day`);
        if (row.line === current.line) {
          const agreedOn = optionalDate(row, 'agreed_on');
          if (agreedOn) current.agreedOn = agreedOn;
        }
        const n = whole(row, 'n');
        const due = date(row, dueColumn);
        // A creditor's part may be 0.00 (a share too small to round to a penny) while the others' are not.
        const amount = byCreditor ? partPence(row, 'amount') : positivePence(row, 'amount');
        const last = current.instalments[current.instalments.length - 1];
        const creditor = byCreditor ? row.get('creditor') : '';
        if (byCreditor && last?.n === n) {
          // Another creditor's part of the same payment: the customer pays the parts together.
          if (last.due !== due) throw new BadCell(`instalment ${n} is due on ${last.due} and on ${due}`);
          if (current.parts.has(creditor)) throw new BadCell(`instalment ${n} appears twice for ${creditor}`);
          if (last.amount + amount > MOST_PENCE) throw new BadCell(`amount: the parts of instalment ${n} add up to more than ${pounds(MOST_PENCE)}, the most fairplan adds exactly`);
          current.parts.add(creditor);
          current.instalments[current.instalments.length - 1] = { ...last, amount: last.amount + amount };
          return;
        }
        if (current.numbers.has(n)) throw new BadCell(`instalment ${n} appears twice`);
        current.numbers.add(n);
        current.parts = new Set([creditor]);
        if (amount === 0) current.zeroLines.set(n, row.line);
        current.instalments.push({ n, due, amount });
      } catch (error) {
        current.badLine ??= row.line;
        throw error;
      }
    })(row);
  }, reject);
  if (group) await follow(group);

  await end();
  // A customers file or contacts log may well cover more accounts than have plans: counted, not rejected.
  return { notUsed: { customers: customers.untaken, contacts: contacts.untaken }, unknownColumns: unknown, repeatedCustomerRows: repeated, unattributed };
}
