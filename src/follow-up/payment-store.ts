/**
 * The payments of a night's run, kept by account until that account's plan is read. Three million
 * payments as objects would take most of the memory a run may use; here each is a day number, an
 * amount in pence, a line and a reference's handle in typed arrays, chained by account (chains.ts):
 * about 28 bytes a payment, and the references' text outside the heap (text-arena.ts).
 */
import { fromDayNumber } from '../core/date.js';
import type { Payment } from '../core/follow-up/status.js';
import type { AccountNumbers } from '../io/account-numbers.js';
import { Chains } from './chains.js';
import { NumberColumn } from '../io/number-column.js';
import { TextArena } from '../io/text-arena.js';

/** A payment as read, with its line and the reference the payer's bank gave it, if any. */
export interface ReadPayment extends Payment {
  readonly line: number;
  readonly reference?: string;
}

const NO_REFERENCE = -1;

export class PaymentStore {
  private readonly chains: Chains;
  private readonly days = new NumberColumn(Int32Array);
  private readonly amounts = new NumberColumn(Float64Array);
  private readonly lines = new NumberColumn(Int32Array);
  private readonly references = new NumberColumn(Int32Array, NO_REFERENCE);
  private readonly texts = new TextArena();
  /** By account number, the line of its first payment that cannot be read (0 for none). */
  private readonly unreadable = new NumberColumn(Int32Array);

  constructor(private readonly accounts: AccountNumbers) {
    this.chains = new Chains(accounts);
  }

  /** A payment of `accountId`'s that cannot be read, on `line`: what the account has paid is not known. */
  addUnreadable(accountId: string, line: number): void {
    const account = this.accounts.number(accountId);
    if (this.unreadable.get(account) === 0) this.unreadable.set(account, line);
  }

  /** The line of the account's first payment that cannot be read, if any. */
  unreadableLine(accountId: string): number | undefined {
    const account = this.accounts.find(accountId);
    const line = account === undefined ? 0 : this.unreadable.get(account);
    return line === 0 ? undefined : line;
  }

  /** The lines of the account's payments, those that cannot be read too, in file order. */
  linesOf(accountId: string): number[] {
    const unreadable = this.unreadableLine(accountId);
    const lines = this.chains.peek(accountId).map((payment) => this.lines.get(payment));
    return unreadable === undefined ? lines : [...lines, unreadable].sort((a, b) => a - b);
  }

  add(accountId: string, day: number, pence: number, line: number, reference = ''): void {
    const payment = this.chains.add(accountId);
    this.days.set(payment, day);
    this.amounts.set(payment, pence);
    this.lines.set(payment, line);
    if (reference !== '') this.references.set(payment, this.texts.add(reference));
  }

  /** The account's payments, in the order read; they are then forgotten. */
  take(accountId: string): ReadPayment[] {
    return this.chains.take(accountId).map((payment) => {
      const reference = this.references.get(payment);
      return {
        paidOn: fromDayNumber(this.days.get(payment)),
        amount: this.amounts.get(payment),
        line: this.lines.get(payment),
        ...(reference === NO_REFERENCE ? {} : { reference: this.texts.get(reference) }),
      };
    });
  }

  /** The payments never taken, in the order read (so by line), each with its account. */
  *left(): Generator<{ readonly accountId: string; readonly line: number }> {
    for (const { record, accountId } of this.chains.left()) yield { accountId, line: this.lines.get(record) };
  }
}
