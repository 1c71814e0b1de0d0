/**
 * Records kept by account until the account's plan is read, numbered in the order added. Each points
 * back to its account's record before it, so an account's records are found without a list for
 * each account: three numbers a record, two an account, all in typed arrays.
 */
import type { AccountNumbers } from '../io/account-numbers.js';
import { NumberColumn } from '../io/number-column.js';

const NONE = -1;

export class Chains {
  private readonly last = new NumberColumn(Int32Array, NONE);
  private readonly previous = new NumberColumn(Int32Array);
  private readonly owner = new NumberColumn(Int32Array);
  /** 1 for an account whose records were taken: used, and not given again by take(). */
  private readonly taken = new NumberColumn(Uint8Array);
  private size = 0;
  private takenCount = 0;

  constructor(private readonly accounts: AccountNumbers) {}

  /** A new record of `accountId`'s, by its number. */
  add(accountId: string): number {
    const account = this.accounts.number(accountId);
    const record = this.size++;
    this.previous.set(record, this.last.get(account));
    this.owner.set(record, account);
    this.last.set(account, record);
    if (this.taken.get(account) === 1) this.takenCount++;
    return record;
  }

  /** The account's records, in the order added, left in place (another account of the same person may ask). */
  peek(accountId: string): number[] {
    const account = this.accounts.find(accountId);
    if (account === undefined) return [];
    const records: number[] = [];
    for (let record = this.last.get(account); record >= 0; record = this.previous.get(record)) records.push(record);
    return records.reverse();
  }

  /** The account's records, in the order added, marked used; none a second time. */
  take(accountId: string): number[] {
    const account = this.accounts.find(accountId);
    if (account === undefined || this.taken.get(account) === 1) return [];
    this.taken.set(account, 1);
    const records = this.peek(accountId);
    this.takenCount += records.length;
    return records;
  }

  /** How many records were never taken. */
  get untaken(): number {
    return this.size - this.takenCount;
  }

  /** The records never taken, in the order added, each with its account. */
  *left(): Generator<{ readonly record: number; readonly accountId: string }> {
    for (let record = 0; record < this.size; record++) {
      const account = this.owner.get(record);
      if (this.taken.get(account) !== 1) yield { record, accountId: this.accounts.idOf(account) };
    }
  }
}
