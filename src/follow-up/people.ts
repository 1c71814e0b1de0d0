/**
 * Which accounts belong to one person. Contact limits are a person's, not an account's (CONC 7.9:
 * contact must not be excessive), and so are an opt-out, a Breathing Space and a vulnerability. Two
 * accounts are one person when their customer rows share a `customer_id` (as `batch --group-by`
 * groups them: in any case, with spaces around ignored) or, failing that, a mobile number or an email address; sharing
 * is followed through (A and B share an id, B and C a mobile: A, B and C are one person).
 *
 * Kept in typed arrays (a union-find, and a ring through each person's accounts) and the keys in an
 * off-heap interner, as a million customers would otherwise fill the heap.
 */
import { customerKey } from '../core/customer-key.js';
import { AccountNumbers } from '../io/account-numbers.js';
import { NumberColumn } from '../io/number-column.js';

const NONE = -1;

/** What identifies a person across accounts; empty values identify nobody. */
export interface PersonKeys {
  readonly customerId: string;
  readonly mobile: string;
  readonly email: string;
}

/**
 * A phone number's digits (a leading `+` kept), however a person or a spreadsheet wrote it: spaces,
 * brackets, dots, slashes and any dash between them, full-width digits; undefined when the text is
 * not a phone number (`7.7009E+09`, `ask Amy`), as who shares it then cannot be known.
 */
export function phoneDigits(text: string): string | undefined {
  const compact = text.normalize('NFKC').replace(/[\s().\/\u2010-\u2015\u2212-]/g, '');
  return /^\+?\d{7,15}$/.test(compact) ? compact : undefined;
}

/**
 * A mobile number in one form: `+44 7700 900123`, `07700-900123`, `0044 7700 900123`,
 * `447700 900123`, `+44 (0)7700 900123` and `7700900123` (a spreadsheet drops the leading 0 of a
 * number) are one number. No UK number starts 44 or, after the country code, 0, and ten digits from a
 * 7 are a UK mobile without its 0, so none is ever part of a different number.
 */
function mobileKey(text: string): string {
  const digits = phoneDigits(text) ?? text.trim();
  return /^7\d{9}$/.test(digits) ? `0${digits}` : digits.replace(/^(?:\+|00)?440?/, '0');
}

const emailKey = (text: string): string => text.trim().toLowerCase();

/** The values of `keys`' customer id, mobile and email as compared, '' for one that identifies nobody. */
function keyValues(keys: PersonKeys): readonly [string, string, string] {
  const mobile = keys.mobile.trim() === '' ? '' : `m:${mobileKey(keys.mobile)}`;
  return [
    customerKey(keys.customerId) === '' ? '' : `c:${customerKey(keys.customerId)}`,
    mobile === 'm:0' || mobile === 'm:' ? '' : mobile,
    keys.email.trim() === '' ? '' : `e:${emailKey(keys.email)}`,
  ];
}

const HASH_BITS = 24;

/**
 * Which keys two accounts may share, from a first reading of every account's keys: a key that only
 * one account has joins it to no one, and People need not keep it (most keys, kept, would take
 * hundreds of megabytes at a million accounts). Each key's hash is counted, up to two, in 16 MB
 * whatever the number of accounts; keys of one hash are all kept, so a shared key is never missed,
 * and People tells the kept ones apart exactly.
 */
export class SharedKeys {
  private readonly counts = new Uint8Array(1 << HASH_BITS);

  /** Counts one account's keys. */
  count(keys: PersonKeys): void {
    for (const value of keyValues(keys)) {
      if (value === '') continue;
      const at = hash(value);
      if ((this.counts[at] ?? 0) < 2) this.counts[at] = (this.counts[at] ?? 0) + 1;
    }
  }

  /** `keys` without those no other account has, once every account's were counted. */
  only(keys: PersonKeys): PersonKeys {
    const [customerId, mobile, email] = keyValues(keys).map((value) => value !== '' && (this.counts[hash(value)] ?? 0) > 1);
    return { customerId: customerId ? keys.customerId : '', mobile: mobile ? keys.mobile : '', email: email ? keys.email : '' };
  }
}

/** FNV-1a over the text's UTF-16 code units, folded to HASH_BITS bits. */
function hash(text: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> HASH_BITS)) & ((1 << HASH_BITS) - 1);
}

export class People {
  private readonly keys = new AccountNumbers();
  /** For each key, by its number, the first account that had it. */
  private readonly keyOwner = new NumberColumn(Int32Array, NONE);
  /** Union-find over account numbers: NONE for a person's representative. */
  private readonly parent = new NumberColumn(Int32Array, NONE);
  /** The next account of the same person, round a ring; NONE for an account alone. */
  private readonly next = new NumberColumn(Int32Array, NONE);
  /** Accounts in each representative's person. */
  private readonly size = new NumberColumn(Int32Array, 1);

  constructor(private readonly accounts: AccountNumbers) {}

  /** Joins `accountId` to every account that shares one of `keys` with it. */
  add(accountId: string, keys: PersonKeys): void {
    const account = this.accounts.number(accountId);
    for (const value of keyValues(keys)) {
      if (value === '') continue;
      const key = this.keys.number(value);
      const owner = this.keyOwner.get(key);
      if (owner === NONE) this.keyOwner.set(key, account);
      else this.join(owner, account);
    }
  }

  /** Every account of `accountId`'s person, itself first. */
  accountsOf(accountId: string): string[] {
    const account = this.accounts.find(accountId);
    if (account === undefined) return [accountId];
    const ids = [accountId];
    for (let other = this.next.get(account); other !== NONE && other !== account; other = this.next.get(other)) ids.push(this.accounts.idOf(other));
    return ids;
  }

  /** A name for `accountId`'s person that is the same for each of their accounts. */
  personOf(accountId: string): number | undefined {
    const account = this.accounts.find(accountId);
    return account === undefined ? undefined : this.representative(account);
  }

  private representative(account: number): number {
    let top = account;
    while (this.parent.get(top) !== NONE) top = this.parent.get(top);
    // Shortened as it is walked, so the next look-up is quick.
    for (let at = account; at !== top; ) {
      const up = this.parent.get(at);
      this.parent.set(at, top);
      at = up;
    }
    return top;
  }

  private join(a: number, b: number): void {
    const ra = this.representative(a);
    const rb = this.representative(b);
    if (ra === rb) return;
    const [big, small] = this.size.get(ra) >= this.size.get(rb) ? [ra, rb] : [rb, ra];
    this.parent.set(small, big);
    this.size.set(big, this.size.get(big) + this.size.get(small));
    // Two rings become one by swapping one successor of each.
    const nextA = this.next.get(a) === NONE ? a : this.next.get(a);
    const nextB = this.next.get(b) === NONE ? b : this.next.get(b);
    this.next.set(a, nextB);
    this.next.set(b, nextA);
  }
}
