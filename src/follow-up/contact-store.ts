/**
 * The contacts log, kept by account: each message already sent is a day number and its id, in typed
 * arrays and a text arena, chained by account (chains.ts). A log of years of messages may be longer
 * than the payments file. A row that cannot be read is kept too, as the line it is on: it is still a
 * contact, and until a person reads it the customer's limits cannot be known.
 */
import { fromDayNumber } from '../core/date.js';
import type { Contact } from '../core/follow-up/contact.js';
import type { AccountNumbers } from '../io/account-numbers.js';
import { Chains } from './chains.js';
import { NumberColumn } from '../io/number-column.js';
import { TextArena } from '../io/text-arena.js';

export class ContactStore {
  private readonly chains: Chains;
  private readonly days = new NumberColumn(Int32Array);
  private readonly ids = new TextArena();
  /** By account number, the line of its first row that cannot be read (0 for none). */
  private readonly unreadable = new NumberColumn(Int32Array);

  constructor(private readonly accounts: AccountNumbers) {
    this.chains = new Chains(accounts);
  }

  add(accountId: string, day: number, messageId: string): void {
    const contact = this.chains.add(accountId);
    this.days.set(contact, day);
    // The arena's handles count up as the chains' records do.
    this.ids.add(messageId);
  }

  /** A row of `accountId`'s that cannot be read, on `line`. */
  addUnreadable(accountId: string, line: number): void {
    const account = this.accounts.number(accountId);
    if (this.unreadable.get(account) === 0) this.unreadable.set(account, line);
  }

  /** How many were never used: messages to accounts with no plan. */
  get untaken(): number {
    return this.chains.untaken;
  }

  /** The account's messages already sent, in the order logged; left for the person's other accounts. */
  of(accountId: string): Contact[] {
    return this.chains.peek(accountId).map((contact) => ({ sentOn: fromDayNumber(this.days.get(contact)), messageId: this.ids.get(contact) }));
  }

  /** The line of the account's first row that cannot be read, if any. */
  unreadableLine(accountId: string): number | undefined {
    const account = this.accounts.find(accountId);
    const line = account === undefined ? 0 : this.unreadable.get(account);
    return line === 0 ? undefined : line;
  }

  /** Marks the account's messages used: its plan was read. */
  use(accountId: string): void {
    this.chains.take(accountId);
  }
}
