/**
 * Account ids that a person reading them would take for one: `A-1`, ` a-1`, `A‑1` (a non-breaking
 * hyphen) and `A-1` with a zero-width space after it. An export that cases, spaces or types an id
 * differently from the plans must not let a row meant for a plan (an opt-out, a payment) miss it.
 */
import { AccountNumbers } from './account-numbers.js';
import { NumberColumn } from './number-column.js';

/** Characters that show nothing (format characters, joiners, soft hyphens, variation selectors). */
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
/** Dashes and minus signs that read as `-`. */
const DASHES = /[\p{Pd}\u2212\u02d7\u2796\ufe63\uff0d]/gu;
/** An id of printable ASCII only folds by its case alone: the common case, kept cheap. */
const PLAIN = /^[\x21-\x7e]*$/;

/** The id as compared for look-alikes: trimmed, NFKC, invisible characters removed, dashes as `-`, lower case. */
function lookAlikeKey(id: string): string {
  const trimmed = id.trim();
  if (PLAIN.test(trimmed)) return trimmed.toLowerCase();
  return trimmed.normalize('NFKC').replace(INVISIBLE, '').replace(DASHES, '-').trim().toLowerCase().normalize('NFKC');
}

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
      const key = this.keys.number(lookAlikeKey(accounts.idOf(account)));
      this.previous.set(account, this.lastOf.get(key));
      this.lastOf.set(key, account);
    }
  }

  /** The ids held that look like `id` but are not it, in the order first met. */
  othersLike(id: string): string[] {
    const key = this.keys.find(lookAlikeKey(id));
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
