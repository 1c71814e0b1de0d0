/**
 * A customer row: how to reach them, whether a person should read their messages first, Breathing
 * Space, a review date, the days and hours they asked to be contacted in, and every column for the
 * firm's templates.
 */
import type { IsoDate } from '../core/date.js';
import { CHANNELS, type Channel, type Customer } from '../core/follow-up/contact.js';
import type { BreathingSpace } from '../core/follow-up/status.js';
import type { AccountNumbers } from './account-numbers.js';
import { BadCell, cell, optionalDate, yesNo } from './cells.js';
import { NumberColumn } from './number-column.js';
import type { Row } from './table.js';
import { TextArena } from './text-arena.js';

export interface CustomerRow extends Customer {
  readonly name: string;
  readonly breathingSpace?: BreathingSpace;
  readonly reviewOn?: IsoDate;
  /** The columns the firm's templates use. */
  readonly columns: Readonly<Record<string, string>>;
}

const channel = (row: Row): Channel =>
  cell(row, 'channel', (text) => {
    const value = text.toLowerCase();
    if (!(CHANNELS as readonly string[]).includes(value)) throw new BadCell();
    return value as Channel;
  }, `a channel (${CHANNELS.join(', ')})`);
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

/** The customer on `row`; `columns` are those the firm's templates use. */
export function customerOf(row: Row, columns: readonly string[]): CustomerRow {
  const how = channel(row);
  const address = ADDRESS[how];
  if (address && row.get(address) === '') throw new BadCell(`channel is ${how} but ${address} is empty`);
  const breathingSpace = breathingSpaceOf(row);
  const reviewOn = optionalDate(row, 'review_on');
  const contactDays = contactDaysOf(row);
  const contactWindow = contactWindowOf(row);
  return {
    channel: how,
    ...(contactDays ? { contactDays } : {}),
    ...(contactWindow ? { contactWindow } : {}),
    vulnerable: yesNo(row, 'vulnerable'),
    name: row.get('name'),
    ...(breathingSpace ? { breathingSpace } : {}),
    ...(reviewOn ? { reviewOn } : {}),
    columns: Object.fromEntries(columns.map((column) => [column, row.get(column)])),
  };
}

/** Every column a customer row is read from, besides those of the firm's templates. */
const CUSTOMER_COLUMNS = ['channel', 'mobile', 'email', 'vulnerable', 'name', 'breathing_space', 'breathing_space_end', 'review_on', 'contact_days', 'contact_window'];

const NONE = -1;

// Cells never hold it: the CSV reader refuses control characters, and a JSON record's cell with one is refused here.
const SEPARATOR = '\u0000';

/**
 * The customers file, kept until each account's plan is read. A row is checked when it is read (a
 * bad one is rejected then) and kept as the cells it is read from, in one text outside the heap
 * (text-arena.ts): a million customers as objects would take most of the memory a run may use.
 */
export class CustomerStore {
  private readonly texts = new TextArena();
  /** Each account's text in `texts`, by account number. */
  private readonly handles = new NumberColumn(Int32Array, NONE);
  private readonly kept: readonly string[];
  private readonly index: ReadonlyMap<string, number>;
  /** Rows added and not yet taken. */
  private waiting = 0;

  /** `templateColumns`: the columns the firm's templates use. */
  constructor(
    private readonly accounts: AccountNumbers,
    private readonly templateColumns: readonly string[],
  ) {
    this.kept = [...new Set([...CUSTOMER_COLUMNS, ...templateColumns])];
    this.index = new Map(this.kept.map((column, i) => [column, i]));
  }

  add(accountId: string, row: Row): void {
    const known = this.accounts.find(accountId);
    if (known !== undefined && this.handles.get(known) !== NONE) throw new BadCell(`account ${accountId} has a customer row already`);
    customerOf(row, this.templateColumns);
    const cells = this.kept.map((column) => row.get(column));
    if (cells.some((c) => c.includes(SEPARATOR))) throw new BadCell('a cell holds a NUL character');
    this.handles.set(this.accounts.number(accountId), this.texts.add(cells.join(SEPARATOR)));
    this.waiting++;
  }

  /** How many rows were never taken: customers of accounts with no plan. */
  get untaken(): number {
    return this.waiting;
  }

  /** The account's customer, if it has one; it is then forgotten. */
  take(accountId: string): CustomerRow | undefined {
    const account = this.accounts.find(accountId);
    const handle = account === undefined ? NONE : this.handles.get(account);
    if (account === undefined || handle === NONE) return undefined;
    this.handles.set(account, NONE);
    this.waiting--;
    const cells = this.texts.get(handle).split(SEPARATOR);
    return customerOf({ line: 0, get: (column) => cells[this.index.get(column) ?? -1] ?? '' }, this.templateColumns);
  }
}
