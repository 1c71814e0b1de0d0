/**
 * Customer rows: how to reach a customer, whether a person should read their messages first,
 * Breathing Space, a review date, the days and hours they asked to be contacted in, and every
 * column for the firm's templates.
 *
 * What protects a customer is read so that a doubt protects them (see docs/guarantees.md and
 * docs/contact-rules.md):
 * - each field is read on its own, so a row with one bad cell still gives the protections the others
 *   hold (an opt-out, a vulnerability, a Breathing Space); a protection that cannot be read counts as
 *   set (a `vulnerable` of "maybe" is vulnerable; a Breathing Space whose end cannot be read is in
 *   force), and the row's messages are held back;
 * - two rows for one account are both read, the protective way: any opt-out, any vulnerability, any
 *   Breathing Space (the one ending last), the latest review date, only the contact days both allow;
 *   where they disagree on anything else (a channel, an address, a name), the messages are held back;
 * - a person's protections are shared by all their accounts (src/follow-up/people.ts).
 */
import { breathingSpaceKindOf, BREATHING_SPACE_KINDS } from '../core/breathing-space.js';
import { compareDates, type IsoDate } from '../core/date.js';
import { CHANNELS, type Channel, type Customer } from '../core/follow-up/contact.js';
import type { BreathingSpace } from '../core/follow-up/status.js';
import type { AccountNumbers } from '../io/account-numbers.js';
import { BadCell, cell, optionalDate, yesNo } from './cells.js';
import { Chains } from './chains.js';
import { NumberColumn } from '../io/number-column.js';
import { phoneDigits } from './people.js';
import type { Row } from './table.js';
import { TextArena } from '../io/text-arena.js';

export interface CustomerRow extends Customer {
  readonly name: string;
  readonly breathingSpace?: BreathingSpace;
  readonly reviewOn?: IsoDate;
  /** The columns the firm's templates use. */
  readonly columns: Readonly<Record<string, string>>;
  /**
   * Why this customer's messages are held back whatever else they say: a protection that cannot be
   * read exactly, or rows that disagree. Empty when there is no doubt.
   */
  readonly doubts: readonly string[];
}

/** One customer row, each field read on its own. */
export interface CustomerReading {
  readonly line: number;
  readonly channel?: Channel;
  readonly optedOut: boolean;
  readonly vulnerable: boolean;
  readonly breathingSpace?: BreathingSpace;
  readonly reviewOn?: IsoDate;
  readonly contactDays?: ReadonlySet<number>;
  readonly contactWindow?: string;
  /** The cells that reach a message: name, addresses, the templates' columns. */
  readonly details: Readonly<Record<string, string>>;
  /** What could not be read, one phrase each. */
  readonly problems: readonly string[];
  /** A row that cannot be read at all but names its account: nothing of it but its problems. */
  readonly unread?: true;
}

const channelOf = (row: Row): Channel =>
  cell(row, 'channel', (text) => {
    const value = text.toLowerCase();
    if (!(CHANNELS as readonly string[]).includes(value)) throw new BadCell();
    return value as Channel;
  }, `a channel (${CHANNELS.join(', ')})`);

/** `breathing_space` (standard, mental-health-crisis) and `breathing_space_end`; an end date alone is a standard one. */
function breathingSpaceOf(row: Row): BreathingSpace | undefined {
  const end = optionalDate(row, 'breathing_space_end');
  const kind = cell(row, 'breathing_space', (text) => {
    if (text === '' || /^(no|n|false|none)$/i.test(text)) return end ? 'standard' : undefined;
    const found = breathingSpaceKindOf(text);
    if (!found) throw new BadCell();
    return found;
  }, `a kind of Breathing Space (${BREATHING_SPACE_KINDS.join(' or ')}, or mental-health)`);
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
export const ADDRESS: Readonly<Partial<Record<Channel, string>>> = { sms: 'mobile', email: 'email' };

/** The columns a customer row is read from, besides those of the firm's templates. */
export const CUSTOMER_COLUMNS = [
  'customer_id', 'channel', 'mobile', 'email', 'vulnerable', 'name', 'breathing_space', 'breathing_space_end', 'review_on', 'contact_days', 'contact_window',
] as const;

const READ_AS_PROTECTIONS = new Set<string>(CUSTOMER_COLUMNS.filter((column) => !['name', 'mobile', 'email'].includes(column)));

/** The columns that reach a message as they are written: the name, the addresses, the templates' own. */
const detailColumns = (templateColumns: readonly string[]): string[] => [
  ...new Set(['name', 'mobile', 'email', ...templateColumns.filter((column) => !READ_AS_PROTECTIONS.has(column))]),
];

/** Reads `read`, or notes why not and gives `otherwise`. */
function attempt<T>(problems: string[], read: () => T, otherwise: T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof BadCell)) throw error;
    problems.push(error.message);
    return otherwise;
  }
}

/**
 * The customer on `row`, each field on its own; `columns` are those the firm's templates use. With
 * `addressCarried` (the book), an address column the row does not have is not judged here: the
 * address in force carries, and the channel is judged against it where that is known.
 */
export function readCustomer(row: Row, columns: readonly string[], { addressCarried = false } = {}): CustomerReading {
  const problems: string[] = [];
  const channel = attempt<Channel | undefined>(problems, () => channelOf(row), undefined);
  const address = channel && ADDRESS[channel];
  if (address && row.get(address) === '' && !(addressCarried && row.has?.(address) === false)) problems.push(`channel is ${channel} but ${address} is empty`);
  // Who else's accounts this person has is read from the number: one that cannot be read may be theirs.
  const mobile = row.get('mobile');
  if (mobile !== '' && phoneDigits(mobile) === undefined) problems.push(`mobile: "${mobile}" is not a phone number`);
  // Unreadable, each is taken the way that protects the customer.
  const vulnerable = attempt(problems, () => yesNo(row, 'vulnerable'), true);
  const before = problems.length;
  const breathingSpace = attempt<BreathingSpace | undefined>(problems, () => breathingSpaceOf(row), undefined);
  const spaceProblem = problems.length > before ? problems[before] : undefined;
  const reviewOn = attempt<IsoDate | undefined>(problems, () => optionalDate(row, 'review_on'), undefined);
  const contactDays = attempt<ReadonlySet<number> | undefined>(problems, () => contactDaysOf(row), undefined);
  const contactWindow = attempt<string | undefined>(problems, () => contactWindowOf(row), undefined);
  const details = Object.fromEntries(detailColumns(columns).map((column) => [column, row.get(column)]));
  return {
    line: row.line,
    ...(channel ? { channel } : {}),
    optedOut: channel === 'none',
    vulnerable,
    ...(spaceProblem ? { breathingSpace: { kind: 'standard', unreadable: spaceProblem } } : breathingSpace ? { breathingSpace } : {}),
    ...(reviewOn ? { reviewOn } : {}),
    ...(contactDays ? { contactDays } : {}),
    ...(contactWindow ? { contactWindow } : {}),
    details,
    problems,
  };
}

/** Of two Breathing Spaces, the one that protects for longer: one that cannot be read, then one with no end, then the later end. */
function longer(a: BreathingSpace | undefined, b: BreathingSpace | undefined): BreathingSpace | undefined {
  if (!a || !b) return a ?? b;
  const rank = (s: BreathingSpace) => (s.unreadable ? 2 : s.end === undefined ? 1 : 0);
  if (rank(a) !== rank(b)) return rank(a) > rank(b) ? a : b;
  return a.end && b.end && compareDates(b.end, a.end) > 0 ? b : a;
}

const later = (a: IsoDate | undefined, b: IsoDate | undefined): IsoDate | undefined => (!a || !b ? (a ?? b) : compareDates(b, a) > 0 ? b : a);

/**
 * An account's customer from its own rows (`own`, in file order) and the rows of the person's other
 * accounts (`others`), whose protections it shares: the protective reading of them all.
 */
export function mergeCustomer(own: readonly CustomerReading[], others: readonly CustomerReading[], columns: readonly string[]): CustomerRow | undefined {
  if (own.length === 0) return undefined;
  // A row that cannot be read has no cells to agree or disagree with: it holds by its problems.
  const read = own.filter((r) => !r.unread);
  const first: Pick<CustomerReading, 'details' | 'contactWindow'> = read[0] ?? { details: {} };
  const all = [...own, ...others];
  const doubts: string[] = [];
  for (const reading of all) {
    if (reading.problems.length > 0) doubts.push(`customer row ${reading.line} cannot be read exactly (${reading.problems.join('; ')})`);
  }
  const disagree = (what: string, values: readonly string[]) => {
    const distinct = [...new Set(values)];
    if (distinct.length > 1) doubts.push(`the customer rows (lines ${read.map((r) => r.line).join(', ')}) disagree on ${what} (${distinct.map((v) => `"${v}"`).join(', ')})`);
  };
  const channels = own.map((r) => r.channel).filter((c): c is Channel => c !== undefined);
  disagree('channel', channels.filter((c) => c !== 'none'));
  for (const column of detailColumns(columns)) disagree(column, read.map((r) => r.details[column] ?? ''));
  const windows = read.map((r) => r.contactWindow ?? '');
  disagree('contact_window', windows);
  // Only the days every row allows.
  let contactDays: ReadonlySet<number> | undefined;
  for (const reading of own) {
    if (!reading.contactDays) continue;
    contactDays = contactDays ? new Set([...contactDays].filter((day) => reading.contactDays?.has(day))) : reading.contactDays;
  }
  if (contactDays && [...contactDays].every((day) => day === 0)) doubts.push('the customer rows allow no common day to contact them on');
  const optedOut = all.some((r) => r.optedOut);
  const channel: Channel = optedOut ? 'none' : (channels[0] ?? 'none');
  const breathingSpace = all.reduce<BreathingSpace | undefined>((kept, r) => longer(kept, r.breathingSpace), undefined);
  const reviewOn = own.reduce<IsoDate | undefined>((kept, r) => later(kept, r.reviewOn), undefined);
  return {
    channel,
    vulnerable: all.some((r) => r.vulnerable),
    ...(contactDays ? { contactDays } : {}),
    ...(first.contactWindow ? { contactWindow: first.contactWindow } : {}),
    name: first.details.name ?? '',
    ...(breathingSpace ? { breathingSpace } : {}),
    ...(reviewOn ? { reviewOn } : {}),
    columns: Object.fromEntries(columns.map((column) => [column, first.details[column] ?? ''])),
    doubts,
  };
}

// Cells never hold it: the CSV reader refuses control characters, and so does the JSON reader.
const SEPARATOR = '\u0000';

/**
 * The customers file, kept until each account's plan is read. A row is read when it is met (what
 * cannot be read is reported then) and kept as the cells it is read from, in one text outside the
 * heap (text-arena.ts): a million customers as objects would take most of the memory a run may use.
 * Every row is kept, a rejected one too, as its protections still count.
 */
export class CustomerStore {
  private readonly texts = new TextArena();
  private readonly lines = new NumberColumn(Int32Array);
  private readonly chains: Chains;
  private readonly kept: readonly string[];
  private readonly index: ReadonlyMap<string, number>;
  /** Doubts recorded with a row where it was first read (the book's), by record: they protect as a cell that cannot be read does. */
  private readonly recorded = new Map<number, readonly string[]>();
  /** Records of rows that cannot be read (addUnreadable): read as nothing but their doubt. */
  private readonly unread = new Set<number>();

  /** `templateColumns`: the columns the firm's templates use. */
  constructor(
    accounts: AccountNumbers,
    readonly templateColumns: readonly string[],
  ) {
    this.chains = new Chains(accounts);
    this.kept = [...new Set([...CUSTOMER_COLUMNS, ...templateColumns])];
    this.index = new Map(this.kept.map((column, i) => [column, i]));
  }

  /**
   * Keeps the row; returns what in it cannot be read, and whether the account had a row already.
   * `doubts`: what was found wrong with it when it was first read (a row the book holds), kept as
   * problems of the row.
   */
  add(accountId: string, row: Row, doubts: readonly string[] = []): { readonly problems: readonly string[]; readonly earlierLine?: number } {
    const earlier = this.chains.peek(accountId)[0];
    const { problems } = readCustomer(row, this.templateColumns);
    const cells = this.kept.map((column) => row.get(column));
    const record = this.chains.add(accountId);
    this.texts.add(cells.join(SEPARATOR));
    this.lines.set(record, row.line);
    if (doubts.length > 0) this.recorded.set(record, doubts);
    return { problems, ...(earlier === undefined ? {} : { earlierLine: this.lines.get(earlier) }) };
  }

  /**
   * Keeps a row that cannot be read but names its account: it protects nothing it can be read to
   * say, and holds the account's messages with `why` as its doubt.
   */
  addUnreadable(accountId: string, line: number, why: string): void {
    const record = this.chains.add(accountId);
    this.texts.add(this.kept.map(() => '').join(SEPARATOR));
    this.lines.set(record, line);
    this.recorded.set(record, [why]);
    this.unread.add(record);
  }

  /** How many rows were never used: customers of accounts with no plan. */
  get untaken(): number {
    return this.chains.untaken;
  }

  /** The account's rows, read; left in place for the person's other accounts. */
  readings(accountId: string): CustomerReading[] {
    return this.chains.peek(accountId).map((record) => {
      const line = this.lines.get(record);
      if (this.unread.has(record)) return { line, optedOut: false, vulnerable: false, details: {}, problems: this.recorded.get(record) ?? [], unread: true };
      const cells = this.texts.get(record).split(SEPARATOR);
      const reading = readCustomer({ line, get: (column) => cells[this.index.get(column) ?? -1] ?? '' }, this.templateColumns);
      const doubts = this.recorded.get(record);
      return doubts ? { ...reading, problems: [...reading.problems, ...doubts] } : reading;
    });
  }

  /** Marks the account's rows used. */
  use(accountId: string): void {
    this.chains.take(accountId);
  }
}
