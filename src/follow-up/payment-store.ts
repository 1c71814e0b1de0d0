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

  constructor(accounts: AccountNumbers) {
    this.chains = new Chains(accounts);
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
