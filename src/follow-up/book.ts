/**
 * follow-up's inputs, read as a book of accounts. The payments, customers and contacts log are read
 * first and kept, compactly, by account; then the arrangements file is streamed, and each account
 * is handed on as soon as its last instalment row is read, so the instalments (by far the largest
 * input) are never all held at once.
 *
 * Rows that cannot be used are rejected with file, line and reason. An account with an instalment
 * that cannot be read is left out whole (its status would be wrong), and that is said too; so is
 * every payment for an account with no plan, a payment whose reference the account has already
 * paid with (counted once), and one made before the plan began (not counted toward it). Customer
 * rows and contacts of accounts with no plan are counted.
 */
import { compareDates, toDayNumber, type IsoDate } from '../core/date.js';
import { FairplanError } from '../core/errors.js';
import type { Contact } from '../core/follow-up/contact.js';
import { MOST_PENCE, planBegins, pounds, tooLargeToAdd, type Instalment, type Payment } from '../core/follow-up/status.js';
import { AccountNumbers } from './account-numbers.js';
import { BadCell, date, nonZeroPence, optionalDate, partPence, positivePence, whole } from './cells.js';
import { ContactStore } from './contact-store.js';
import { CustomerStore, type CustomerRow } from './customers.js';
import { NumberColumn } from './number-column.js';
import { PaymentStore, type ReadPayment } from './payment-store.js';
import { readTable, type FollowUpRejection, type Row, type Table } from './table.js';

export interface Account {
  readonly id: string;
  /** In due order. */
  readonly instalments: readonly Instalment[];
  readonly payments: readonly Payment[];
  readonly contacts: readonly Contact[];
  readonly customer?: CustomerRow;
  /** The arrangements file's `agreed_on`, when it has one. */
  readonly agreedOn?: IsoDate;
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
  /** Each account, in the order of the arrangements file. */
  account(account: Account): void | Promise<void>;
  /** Waited for when it returns a promise. */
  reject(rejection: FollowUpRejection): void | Promise<void>;
}

/** Calls `use` for a row, or rejects it with what was wrong. */
const each = (file: string, reject: BookReader['reject'], use: (row: Row, id: string) => void) => (row: Row): void | Promise<void> => {
  const id = row.get('account_id');
  try {
    if (id === '') throw new BadCell('account_id is empty');
    use(row, id);
  } catch (error) {
    if (!(error instanceof BadCell)) throw error;
    return reject({ file, line: row.line, ...(id ? { accountId: id } : {}), reason: error.message });
  }
};

async function readPayments(file: string, accounts: AccountNumbers, reject: BookReader['reject']): Promise<PaymentStore> {
  const payments = new PaymentStore(accounts);
  await readTable(file, ['account_id', 'paid_on', 'amount'], () => undefined, each(file, reject, (row, id) => {
    const day = toDayNumber(date(row, 'paid_on'));
    payments.add(id, day, nonZeroPence(row, 'amount'), row.line, row.get('reference'));
  }), reject);
  return payments;
}

async function readCustomers(file: string | undefined, accounts: AccountNumbers, reader: BookReader): Promise<CustomerStore> {
  if (!file) {
    reader.columns([]);
    return new CustomerStore(accounts, []);
  }
  let customers = new CustomerStore(accounts, []);
  const useColumns = ({ headers }: Table): void => {
    const used = reader.columns(headers);
    customers = new CustomerStore(accounts, headers.filter((column) => used.has(column)));
  };
  await readTable(file, ['account_id', 'channel'], useColumns, each(file, reader.reject, (row, id) => customers.add(id, row)), reader.reject);
  return customers;
}

async function readContacts(file: string | undefined, accounts: AccountNumbers, reject: BookReader['reject']): Promise<ContactStore> {
  const contacts = new ContactStore(accounts);
  if (!file) return contacts;
  await readTable(file, ['account_id', 'sent_on', 'message_id'], () => undefined, each(file, reject, (row, id) => {
    contacts.add(id, toDayNumber(date(row, 'sent_on')), row.get('message_id'));
  }), reject);
  return contacts;
}

/** One account's rows of the arrangements file, while they are read. */
interface Group {
  readonly id: string;
  /** The line of its first row. */
  readonly line: number;
  readonly plan: string;
  /** `agreed_on` as written on the first row, which every row must repeat; read there. */
  readonly agreed: string;
  agreedOn?: IsoDate;
  readonly instalments: Instalment[];
  readonly numbers: Set<number>;
  /** In `plan --csv` of several creditors, those whose part of the last instalment has been read. */
  parts: Set<string>;
  /** Where an instalment of several creditors' parts began whose first part was 0.00, by its number. */
  readonly zeroLines: Map<number, number>;
  /** The line of the first instalment that could not be read. */
  badLine?: number;
}

/** Rows read and checked but not used, as their accounts have no plan in the arrangements file. */
export interface NotUsed {
  readonly customers: number;
  readonly contacts: number;
}

export async function readBook(files: BookFiles, reader: BookReader): Promise<NotUsed> {
  const { reject } = reader;
  const accounts = new AccountNumbers();
  const payments = await readPayments(files.payments, accounts, reject);
  const customers = await readCustomers(files.customers, accounts, reader);
  const contacts = await readContacts(files.contacts, accounts, reject);

  /** 1 for each account whose plan has been read, by number. */
  const finished = new NumberColumn(Uint8Array);
  const isFinished = (id: string): boolean => {
    const account = accounts.find(id);
    return account !== undefined && finished.get(account) === 1;
  };
  let group: Group | undefined;
  const finish = async (done: Group): Promise<void> => {
    finished.set(accounts.number(done.id), 1);
    // Each account is followed up once: what was kept for it is taken, and not given again.
    const kept = payments.take(done.id);
    const customer = customers.take(done.id);
    const sent = contacts.take(done.id);
    // Every creditor's part of an instalment 0.00: an instalment of nothing reads as one kept.
    const nothing = done.instalments.find((instalment) => instalment.amount === 0);
    const nothingLine = nothing && done.zeroLines.get(nothing.n);
    if (nothing && nothingLine !== undefined && done.badLine === undefined) {
      done.badLine = nothingLine;
      await reject({ file: files.arrangements, line: nothingLine, accountId: done.id, reason: `amount: every creditor's part of instalment ${nothing.n} is 0.00: an instalment must be above £0.00` });
    }
    if (done.badLine !== undefined) {
      await reject({ file: files.arrangements, line: done.badLine, accountId: done.id, reason: `account ${done.id} is left out: an instalment of its plan (line ${done.badLine}) cannot be read` });
      return;
    }
    done.instalments.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.n - b.n));
    const paid = await paymentsCounted(done, kept);
    const tooLarge = tooLargeToAdd(done.instalments, paid);
    if (tooLarge) {
      await reject({ file: files.arrangements, line: done.line, accountId: done.id, reason: `account ${done.id} is left out: ${tooLarge}` });
      return;
    }
    await reader.account({ id: done.id, instalments: done.instalments, payments: paid, contacts: sent, ...(customer ? { customer } : {}), ...(done.agreedOn ? { agreedOn: done.agreedOn } : {}) });
  };
  /**
   * The account's payments less those whose reference it has already paid with (a payment exported
   * twice; a refund may carry the reference of what it returns, so refunds are matched among
   * themselves), each reported; a payment before the plan began is reported, and left to the status
   * not to count.
   */
  const paymentsCounted = async (done: Group, kept: readonly ReadPayment[]): Promise<Payment[]> => {
    const counted: Payment[] = [];
    const seen = new Map<string, number>();
    const begins = planBegins(done.instalments, done.agreedOn);
    for (const { paidOn, amount, line, reference } of kept) {
      const key = reference === undefined ? undefined : `${amount < 0 ? '-' : '+'}${reference}`;
      const first = key === undefined ? undefined : seen.get(key);
      if (first !== undefined) {
        await reject({ file: files.payments, line, accountId: done.id, reason: `reference ${reference} is paid twice for account ${done.id} (lines ${first} and ${line}): counted once` });
        continue;
      }
      if (key !== undefined) seen.set(key, line);
      if (begins && compareDates(paidOn, begins) < 0) {
        const when = done.agreedOn ? `was agreed on ${begins}` : `began on ${begins} (one instalment interval before its first due date)`;
        await reject({ file: files.payments, line, accountId: done.id, reason: `paid on ${paidOn}, before account ${done.id}'s plan ${when}: not counted toward it` });
      }
      counted.push({ paidOn, amount });
    }
    return counted;
  };

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
      if (isFinished(id)) {
        throw new FairplanError('invalid-argument', `account ${id}'s instalments are not together: keep each account's rows in one run, as batch --schedules writes them`, { file, line: row.line });
      }
      if (group) await finish(group);
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
  if (group) await finish(group);

  // What is left was paid to accounts with no plan, listed by line.
  for (const { accountId, line } of payments.left()) {
    await reject({ file: files.payments, line, accountId, reason: `a payment for account ${accountId}, which has no arrangement` });
  }
  // A customers file or contacts log may well cover more accounts than have plans: counted, not rejected.
  return { customers: customers.untaken, contacts: contacts.untaken };
}
