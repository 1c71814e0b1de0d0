/**
 * Records kept by account until the account's plan is read, numbered in the order added. Each points
 * back to its account's record before it, so an account's records are found without a list for
 * each account: three numbers a record, one an account, all in typed arrays.
 */
import type { AccountNumbers } from './account-numbers.js';
import { NumberColumn } from './number-column.js';

const NONE = -1;
/** An account's last record once its records are taken: they are not given again. */
const TAKEN = -2;

export class Chains {
  private readonly last = new NumberColumn(Int32Array, NONE);
  private readonly previous = new NumberColumn(Int32Array);
  private readonly owner = new NumberColumn(Int32Array);
  private size = 0;
  private taken = 0;

  constructor(private readonly accounts: AccountNumbers) {}

  /** A new record of `accountId`'s, by its number. */
  add(accountId: string): number {
    const account = this.accounts.number(accountId);
    const record = this.size++;
    const before = this.last.get(account);
    this.previous.set(record, before === TAKEN ? NONE : before);
    this.owner.set(record, account);
    this.last.set(account, record);
    return record;
  }

  /** The account's records, in the order added; they are not given again. */
  take(accountId: string): number[] {
    const account = this.accounts.find(accountId);
    if (account === undefined) return [];
    const records: number[] = [];
    for (let record = this.last.get(account); record >= 0; record = this.previous.get(record)) records.push(record);
    this.last.set(account, TAKEN);
    this.taken += records.length;
    return records.reverse();
  }

  /** How many records were never taken. */
  get untaken(): number {
    return this.size - this.taken;
  }

  /** The records never taken, in the order added, each with its account. */
  *left(): Generator<{ readonly record: number; readonly accountId: string }> {
    for (let record = 0; record < this.size; record++) {
      const account = this.owner.get(record);
      if (this.last.get(account) !== TAKEN) yield { record, accountId: this.accounts.idOf(account) };
    }
  }
}
