/**
 * The payments of a night's run, kept by account until that account's plan is read. Three million
 * payments as objects would take most of the memory a run may use; here each is a day number, an
 * amount in pence and a line in typed arrays, chained by account (chains.ts): about 24 bytes a payment.
 */
import { fromDayNumber } from '../core/date.js';
import type { Payment } from '../core/follow-up/status.js';
import type { AccountNumbers } from './account-numbers.js';
import { Chains } from './chains.js';
import { NumberColumn } from './number-column.js';

export class PaymentStore {
  private readonly chains: Chains;
  private readonly days = new NumberColumn(Int32Array);
  private readonly amounts = new NumberColumn(Float64Array);
  private readonly lines = new NumberColumn(Int32Array);

  constructor(accounts: AccountNumbers) {
    this.chains = new Chains(accounts);
  }

  add(accountId: string, day: number, pence: number, line: number): void {
    const payment = this.chains.add(accountId);
    this.days.set(payment, day);
    this.amounts.set(payment, pence);
    this.lines.set(payment, line);
  }

  /** The account's payments, in the order read; they are then forgotten. */
  take(accountId: string): Payment[] {
    return this.chains.take(accountId).map((payment) => ({ paidOn: fromDayNumber(this.days.get(payment)), amount: this.amounts.get(payment) }));
  }

  /** The payments never taken, in the order read (so by line), each with its account. */
  *left(): Generator<{ readonly accountId: string; readonly line: number }> {
    for (const { record, accountId } of this.chains.left()) yield { accountId, line: this.lines.get(record) };
  }
}
