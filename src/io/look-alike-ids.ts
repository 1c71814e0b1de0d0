/**
 * Account ids that a person reading them would take for one: `A-1`, ` a-1`, `A‑1` (a non-breaking
 * hyphen) and `A-1` with a zero-width space after it. An export that cases, spaces or types an id
 * differently from the plans must not let a row meant for a plan (an opt-out, a payment) miss it.
 */
import { customerKey } from '../core/customer-key.js';
import { AccountNumbers } from './account-numbers.js';
import { NumberColumn } from './number-column.js';

const NONE = -1;

/**
 * The ids an AccountNumbers held when this was made, found by their look-alike key: each key
 * interned once (outside the heap, as the ids are), and the accounts of one key chained in typed
 * arrays, so a million ids cost a few bytes each and no string each.
 */
export class LookAlikeIds {
  private readonly keys = new AccountNumbers();
  /** By key number, the last account with that key. */
  private readonly lastOf = new NumberColumn(Int32Array, NONE);
  /** By account number, the account before it with the same key. */
  private readonly previous = new NumberColumn(Int32Array, NONE);

  constructor(private readonly accounts: AccountNumbers) {
    for (let account = 0; account < accounts.size; account++) {
      const key = this.keys.number(customerKey(accounts.idOf(account)));
      this.previous.set(account, this.lastOf.get(key));
      this.lastOf.set(key, account);
    }
  }

  /** The ids held that look like `id` but are not it, in the order first met. */
  othersLike(id: string): string[] {
    const key = this.keys.find(customerKey(id));
    if (key === undefined) return [];
    // Skipped by number, not read back as text: nearly every id's key is its own alone.
    const own = this.accounts.find(id);
    const found: string[] = [];
    for (let account = this.lastOf.get(key); account !== NONE; account = this.previous.get(account)) {
      if (account !== own) found.push(this.accounts.idOf(account));
    }
    return found.reverse();
  }
}
