/**
 * The payments of a night's run, kept by account until that account's plan is read. Three million
 * payments as objects would take most of the memory a run may use; here each is a day number, an
 * amount in pence and a line in typed arrays, chained by account: about 20 bytes a payment.
 */
import { fromDayNumber } from '../core/date.js';
import type { Payment } from '../core/follow-up/status.js';
import { keptCopy } from './cells.js';

const NONE = -1;

export class PaymentStore {
  /** Each account's last payment; each payment points back to the one before it. */
  private readonly last = new Map<string, number>();
  private days = new Int32Array(1024);
  private amounts = new Float64Array(1024);
  private lines = new Int32Array(1024);
  private previous = new Int32Array(1024);
  private size = 0;

  add(accountId: string, day: number, pence: number, line: number): void {
    if (this.size === this.days.length) this.grow();
    const index = this.size++;
    this.days[index] = day;
    this.amounts[index] = pence;
    this.lines[index] = line;
    const before = this.last.get(accountId);
    this.previous[index] = before ?? NONE;
    // A key already in the map stays as it was: only an account's first payment copies its id.
    this.last.set(before === undefined ? keptCopy(accountId) : accountId, index);
  }

  /** The account's payments, in the order read; they are then forgotten. */
  take(accountId: string): Payment[] {
    const payments: Payment[] = [];
    for (let i = this.last.get(accountId) ?? NONE; i !== NONE; i = this.previous[i] ?? NONE) {
      payments.push({ paidOn: fromDayNumber(this.days[i] ?? 0), amount: this.amounts[i] ?? 0 });
    }
    this.last.delete(accountId);
    return payments.reverse();
  }

  /** The lines of the payments never taken, by account, each account's in the order read. */
  *left(): Generator<{ readonly accountId: string; readonly line: number }> {
    for (const [accountId, last] of this.last) {
      const lines: number[] = [];
      for (let i = last; i !== NONE; i = this.previous[i] ?? NONE) lines.push(this.lines[i] ?? 0);
      for (const line of lines.reverse()) yield { accountId, line };
    }
  }

  private grow(): void {
    const bigger = <T extends Int32Array | Float64Array>(array: T, make: (n: number) => T): T => {
      const next = make(array.length * 2);
      next.set(array);
      return next;
    };
    this.days = bigger(this.days, (n) => new Int32Array(n));
    this.amounts = bigger(this.amounts, (n) => new Float64Array(n));
    this.lines = bigger(this.lines, (n) => new Int32Array(n));
    this.previous = bigger(this.previous, (n) => new Int32Array(n));
  }
}
