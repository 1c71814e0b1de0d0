/**
 * The contacts log, kept by account until that account's plan is read: each message already sent
 * is a day number and its id, in typed arrays and a text arena, chained by account (chains.ts). A
 * log of years of messages may be longer than the payments file.
 */
import { fromDayNumber } from '../core/date.js';
import type { Contact } from '../core/follow-up/contact.js';
import type { AccountNumbers } from './account-numbers.js';
import { Chains } from './chains.js';
import { NumberColumn } from './number-column.js';
import { TextArena } from './text-arena.js';

export class ContactStore {
  private readonly chains: Chains;
  private readonly days = new NumberColumn(Int32Array);
  private readonly ids = new TextArena();

  constructor(accounts: AccountNumbers) {
    this.chains = new Chains(accounts);
  }

  add(accountId: string, day: number, messageId: string): void {
    const contact = this.chains.add(accountId);
    this.days.set(contact, day);
    // The arena's handles count up as the chains' records do.
    this.ids.add(messageId);
  }

  /** How many were never taken: messages to accounts with no plan. */
  get untaken(): number {
    return this.chains.untaken;
  }

  /** The account's messages already sent, in the order logged; they are then forgotten. */
  take(accountId: string): Contact[] {
    return this.chains.take(accountId).map((contact) => ({ sentOn: fromDayNumber(this.days.get(contact)), messageId: this.ids.get(contact) }));
  }
}
