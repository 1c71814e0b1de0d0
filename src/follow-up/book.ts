/**
 * follow-up's inputs, read into one book of accounts: each account's instalments, payments,
 * customer row and contacts log. Rows that cannot be used are rejected with file, line and reason;
 * an account with an instalment that cannot be read is left out whole (its status would be wrong),
 * and that is said too.
 */
import { parseIsoDate, type IsoDate } from '../core/date.js';
import { FairplanError, isFairplanError } from '../core/errors.js';
import { CHANNELS, type Channel, type Contact, type Customer } from '../core/follow-up/contact.js';
import type { BreathingSpace, Instalment, Payment } from '../core/follow-up/status.js';
import { parsePence } from '../batch/pence.js';
import { readTable, type FollowUpRejection, type Row, type Table } from './table.js';

export interface CustomerRow extends Customer {
  readonly name: string;
  readonly breathingSpace?: BreathingSpace;
  readonly reviewOn?: IsoDate;
  /** Every column of the row, for the firm's templates. */
  readonly columns: Readonly<Record<string, string>>;
}

export interface Account {
  readonly id: string;
  readonly instalments: Instalment[];
  readonly payments: Payment[];
  readonly contacts: Contact[];
  customer?: CustomerRow;
}

export interface Book {
  /** In the order the arrangements file first names them. */
  readonly accounts: Map<string, Account>;
  /** The customers file's columns, which templates may use. */
  readonly customerColumns: readonly string[];
}

export interface BookFiles {
  readonly arrangements: string;
  readonly payments: string;
  readonly customers?: string;
  readonly contacts?: string;
}

/** Why a cell cannot be used, thrown by the cell readers below and turned into a rejection. */
class BadCell extends Error {}

function cell<T>(row: Row, column: string, read: (text: string) => T, expected: string): T {
  const text = row.get(column);
  try {
    return read(text);
  } catch (error) {
    if (isFairplanError(error) || error instanceof BadCell) throw new BadCell(`${column}: "${text}" is not ${expected}`);
    throw error;
  }
}

const date = (row: Row, column: string): IsoDate => cell(row, column, parseIsoDate, 'a date (YYYY-MM-DD)');
const optionalDate = (row: Row, column: string): IsoDate | undefined => (row.get(column) === '' ? undefined : date(row, column));
const pence = (row: Row, column: string): number =>
  cell(row, column, (text) => {
    const amount = parsePence(text);
    if (amount <= 0) throw new BadCell();
    return amount;
  }, 'an amount above £0.00');
const whole = (row: Row, column: string): number =>
  cell(row, column, (text) => {
    if (!/^\d{1,9}$/.test(text)) throw new BadCell();
    return Number(text);
  }, 'a whole number');
const channel = (row: Row): Channel =>
  cell(row, 'channel', (text) => {
    const value = text.toLowerCase();
    if (!(CHANNELS as readonly string[]).includes(value)) throw new BadCell();
    return value as Channel;
  }, `a channel (${CHANNELS.join(', ')})`);
const yesNo = (row: Row, column: string): boolean =>
  cell(row, column, (text) => {
    const value = text.toLowerCase();
    if (value === 'yes' || value === 'y' || value === 'true') return true;
    if (value === '' || value === 'no' || value === 'n' || value === 'false') return false;
    throw new BadCell();
  }, 'yes or no');

/** `breathing_space` (standard, mental-health) and `breathing_space_end`; an end date alone is a standard one. */
function breathingSpaceOf(row: Row): BreathingSpace | undefined {
  const end = optionalDate(row, 'breathing_space_end');
  const kind = cell(row, 'breathing_space', (text) => {
    const value = text.toLowerCase();
    if (value === '') return end ? 'standard' : undefined;
    if (value !== 'standard' && value !== 'mental-health') throw new BadCell();
    return value;
  }, 'a kind of Breathing Space (standard or mental-health)');
  if (!kind) return undefined;
  if (kind === 'standard' && !end) throw new BadCell('breathing_space is standard but breathing_space_end is empty (a standard one lasts 60 days)');
  return { kind, ...(end ? { end } : {}) };
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/** A day by its name or first three letters: 0 = Sunday … 6 = Saturday. */
function weekday(name: string): number {
  const day = WEEKDAYS.findIndex((d) => d === name || d.slice(0, 3) === name);
  if (day < 0) throw new BadCell();
  return day;
}

/** `contact_days`: names or ranges of days (`tue, thu`, `mon-fri`); any day when empty. */
function contactDaysOf(row: Row): ReadonlySet<number> | undefined {
  return cell(row, 'contact_days', (text) => {
    const value = text.toLowerCase();
    if (value === '') return undefined;
    const days = new Set<number>();
    for (const part of value.split(/[\s,;]+/).filter(Boolean)) {
      const [from = '', to = from] = part.split('-');
      const first = weekday(from);
      const last = weekday(to);
      for (let day = first; ; day = (day + 1) % 7) {
        days.add(day);
        if (day === last) break;
      }
    }
    // Nothing is sent on a Sunday.
    if (days.size === 1 && days.has(0)) throw new BadCell();
    return days;
  }, 'days of the week from Monday to Saturday (e.g. "tue, thu" or "mon-fri")');
}

const WINDOW = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/;
const contactWindowOf = (row: Row): string | undefined =>
  cell(row, 'contact_window', (text) => {
    if (text === '') return undefined;
    if (!WINDOW.test(text) || text.slice(0, 5) >= text.slice(6)) throw new BadCell();
    return text;
  }, 'a time of day such as 18:00-20:00');

/** Where each channel's address is: a message needs it to be sent. */
const ADDRESS: Readonly<Partial<Record<Channel, string>>> = { sms: 'mobile', email: 'email' };

export async function readBook(files: BookFiles, reject: (rejection: FollowUpRejection) => void): Promise<Book> {
  const accounts = new Map<string, Account>();
  /** Accounts with an instalment that could not be read, and the line of the first. */
  const incomplete = new Map<string, number>();
  let customerColumns: readonly string[] = [];

  /** Reads a row with `use`, or rejects it with what was wrong. */
  const each = (file: string, use: (row: Row, id: string) => void) => (row: Row) => {
    const id = row.get('account_id');
    try {
      if (id === '') throw new BadCell('account_id is empty');
      use(row, id);
    } catch (error) {
      if (!(error instanceof BadCell)) throw error;
      reject({ file, line: row.line, ...(id ? { accountId: id } : {}), reason: error.message });
    }
  };
  const known = (id: string, what: string): Account => {
    const account = accounts.get(id);
    if (!account) throw new BadCell(`${what} for account ${id}, which has no arrangement`);
    return account;
  };

  const seen = new Set<string>();
  /** The plan each account's rows belong to: a file with several plans for one account does not say which was agreed. */
  const plans = new Map<string, string>();
  let dueColumn = 'due';
  let planColumn = 'plan';
  const useColumns = ({ headers }: Table): void => {
    // `plan --csv` (with an account_id column added) writes `date` and `option_key` where `batch --schedules` writes `due` and `plan`.
    if (!headers.includes('due') && headers.includes('date')) dueColumn = 'date';
    if (!headers.includes('plan') && headers.includes('option_key')) planColumn = 'option_key';
    if (!headers.includes(dueColumn)) throw new FairplanError('invalid-argument', 'has no due column (expected account_id, n, due, amount)', { file: files.arrangements });
  };
  await readTable(files.arrangements, ['account_id', 'n', 'amount'], useColumns, each(files.arrangements, (row, id) => {
    let account = accounts.get(id);
    if (!account) {
      account = { id, instalments: [], payments: [], contacts: [] };
      accounts.set(id, account);
    }
    try {
      const plan = row.get(planColumn);
      const agreed = plans.get(id) ?? plan;
      plans.set(id, agreed);
      if (plan !== agreed) throw new BadCell(`a second plan (${plan}) for account ${id}: keep only the rows of the plan agreed`);
      const n = whole(row, 'n');
      const key = `${id}\n${n}`;
      if (seen.has(key)) throw new BadCell(`instalment ${n} appears twice`);
      seen.add(key);
      account.instalments.push({ n, due: date(row, dueColumn), amount: cell(row, 'amount', parsePence, 'an amount') });
    } catch (error) {
      if (!incomplete.has(id)) incomplete.set(id, row.line);
      throw error;
    }
  }), reject);
  for (const [id, line] of incomplete) {
    accounts.delete(id);
    reject({ file: files.arrangements, line, accountId: id, reason: `account ${id} is left out: an instalment of its plan (line ${line}) cannot be read` });
  }
  for (const account of accounts.values()) account.instalments.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.n - b.n));

  await readTable(files.payments, ['account_id', 'paid_on', 'amount'], () => undefined, each(files.payments, (row, id) => {
    const payment = { paidOn: date(row, 'paid_on'), amount: pence(row, 'amount') };
    known(id, 'a payment').payments.push(payment);
  }), reject);

  if (files.customers) {
    const file = files.customers;
    await readTable(file, ['account_id', 'channel'], (table) => (customerColumns = table.headers), each(file, (row, id) => {
      const account = accounts.get(id);
      // A customers export may list everyone; only those with a plan matter here.
      if (!account) return;
      if (account.customer) throw new BadCell(`account ${id} has a customer row already`);
      const how = channel(row);
      const address = ADDRESS[how];
      if (address && row.get(address) === '') throw new BadCell(`channel is ${how} but ${address} is empty`);
      const breathingSpace = breathingSpaceOf(row);
      const reviewOn = optionalDate(row, 'review_on');
      const contactDays = contactDaysOf(row);
      const contactWindow = contactWindowOf(row);
      account.customer = {
        channel: how,
        ...(contactDays ? { contactDays } : {}),
        ...(contactWindow ? { contactWindow } : {}),
        vulnerable: yesNo(row, 'vulnerable'),
        name: row.get('name'),
        ...(breathingSpace ? { breathingSpace } : {}),
        ...(reviewOn ? { reviewOn } : {}),
        columns: Object.fromEntries(customerColumns.map((column) => [column, row.get(column)])),
      };
    }), reject);
  }

  if (files.contacts) {
    await readTable(files.contacts, ['account_id', 'sent_on', 'message_id'], () => undefined, each(files.contacts, (row, id) => {
      const contact = { sentOn: date(row, 'sent_on'), messageId: row.get('message_id') };
      // The log covers every customer, planned or not: only those with a plan matter here.
      accounts.get(id)?.contacts.push(contact);
    }), reject);
  }
  return { accounts, customerColumns };
}
