/**
 * Account ids that a person reading them would take for one: `A-1`, ` a-1`, `A‑1` (a non-breaking
 * hyphen) and `A-1` with a zero-width space after it. An export that cases, spaces or types an id
 * differently from the plans must not let a row meant for a plan (an opt-out, a payment) miss it.
 */
import { customerKey } from '../core/customer-key.js';
import { AccountNumbers } from './account-numbers.js';
import { NumberColumn } from './number-column.js';

const NONE = -1;

/** A key of printable ASCII without upper case: the only keys that plain ids of one case have. */
const PLAIN_KEY = /^[\x21-\x40\x5b-\x7e]*$/;

/**
 * Whether the id is printable ASCII in one case (or none): `ACC-1`, `acc-1`, `12345`. Such an id's
 * key is its own lower case, so the only plain id of one case with the same key is its upper or its
 * lower case: found by looking that up, with no index. Read from the bytes, as most ids are such.
 */
function plainOneCase(bytes: Buffer): boolean {
  let upper = false;
  let lower = false;
  for (const byte of bytes) {
    if (byte < 0x21 || byte > 0x7e) return false;
    if (byte >= 0x41 && byte <= 0x5a) upper = true;
    else if (byte >= 0x61 && byte <= 0x7a) lower = true;
  }
  return !(upper && lower);
}

/**
 * The ids an AccountNumbers held when this was made, found by their look-alike key. An export's ids
 * are nearly all plain and of one case, found by their upper and lower case alone; only the others
 * (mixed case, spaces, other characters) are indexed, the first time an id is asked for: a million
 * ids of one case then cost no index at all. The index interns each key once (outside the heap, as
 * the ids are), and chains the accounts of one key in typed arrays.
 */
export class LookAlikeIds {
  /** How many ids the accounts held when this was made: ids numbered later are not among them. */
  private readonly held: number;
  private index: { keys: AccountNumbers; lastOf: NumberColumn; previous: NumberColumn } | undefined;

  constructor(private readonly accounts: AccountNumbers) {
    this.held = accounts.size;
  }

  /** The ids held that look like `id` but are not it, in the order first met. */
  othersLike(id: string): string[] {
    const key = customerKey(id);
    // Skipped by number, not read back as text: nearly every id's key is its own alone.
    const own = this.accounts.find(id);
    const found: number[] = [];
    if (PLAIN_KEY.test(key)) {
      for (const spelling of new Set([key.toUpperCase(), key])) {
        if (spelling === id) continue;
        const account = this.accounts.find(spelling);
        if (account !== undefined && account < this.held && account !== own) found.push(account);
      }
    }
    const index = (this.index ??= this.build());
    // An export of plain ids of one case leaves the index empty: nothing to look up.
    const number = index.keys.size === 0 ? undefined : index.keys.find(key);
    if (number !== undefined) {
      for (let account = index.lastOf.get(number); account !== NONE; account = index.previous.get(account)) {
        if (account !== own) found.push(account);
      }
    }
    return found.sort((a, b) => a - b).map((account) => this.accounts.idOf(account));
  }

  /** The index of the ids held that are not plain and of one case. */
  private build(): { keys: AccountNumbers; lastOf: NumberColumn; previous: NumberColumn } {
    const keys = new AccountNumbers();
    /** By key number, the last account with that key. */
    const lastOf = new NumberColumn(Int32Array, NONE);
    /** By account number, the account before it with the same key. */
    const previous = new NumberColumn(Int32Array, NONE);
    for (let account = 0; account < this.held; account++) {
      if (plainOneCase(this.accounts.idBytes(account))) continue;
      const key = keys.number(customerKey(this.accounts.idOf(account)));
      previous.set(account, lastOf.get(key));
      lastOf.set(key, account);
    }
    return { keys, lastOf, previous };
  }
}
