import { describe, expect, it } from 'vitest';
import { RepeatedAccounts } from '../../src/batch/repeated-accounts.js';
import type { InputRecord } from '../../src/io/read-records.js';

const row = (id: string, line: number): InputRecord => ({ kind: 'row', line, cells: ['x', id] });

/** The line each record was refused as a repeat of (from the code and reason), or undefined for one let through as it was. */
function firstLines(accounts: RepeatedAccounts, records: readonly InputRecord[]): (number | undefined)[] {
  return records.map((record) => {
    const checked = accounts.check(record);
    if (checked === record) return undefined;
    expect(checked).toMatchObject({ kind: 'unreadable', code: 'repeated-account', field: 'account_id', line: record.line });
    return checked.kind === 'unreadable' ? Number(/ on line (\d+) already/.exec(checked.reason)?.[1]) : undefined;
  });
}

/** FNV-1a (32 bits) of the id's UTF-8 bytes, worked out here: the hash the set files ids by. */
function fnv1a(id: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(id, 'utf8')) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash;
}

/** Pairs of different ids with the same hash (of one length, found by trying ACC0000000, ACC0000001, … and Ó-0000000, … in turn). */
const COLLIDING: readonly [string, string][] = [
  ['ACC0916628', 'ACC1054066'],
  ['Ó-0916628', 'Ó-1054066'],
];

describe('RepeatedAccounts', () => {
  it('lets each id through once and refuses every repeat with the line it was first on, across 300,000 ids', () => {
    const accounts = new RepeatedAccounts(1);
    const ids = Array.from({ length: 300_000 }, (_, i) => `ACC${String(i).padStart(9, '0')}`);
    expect(firstLines(accounts, ids.map((id, i) => row(id, i + 2))).every((line) => line === undefined)).toBe(true);
    // Every 997th id again, from the last back: the first lines are 2 on, in the order of the ids.
    const again = ids.map((id, i) => ({ id, first: i + 2 })).filter((_, i) => i % 997 === 0).reverse();
    expect(firstLines(accounts, again.map(({ id }, i) => row(id, 400_000 + i)))).toEqual(again.map(({ first }) => first));
  });

  it('tells apart ids with the same hash, each refused only when it is itself repeated', () => {
    for (const [a, b] of COLLIDING) {
      expect(a).not.toBe(b);
      expect(fnv1a(a)).toBe(fnv1a(b));
      const accounts = new RepeatedAccounts(1);
      expect(firstLines(accounts, [row(a, 2), row(b, 3), row(b, 4), row(a, 5)])).toEqual([undefined, undefined, 3, 2]);
    }
  });

  it('compares ids byte for byte: multibyte characters, look-alikes, prefixes and case are different ids', () => {
    const accounts = new RepeatedAccounts(1);
    const ids = ['Ó-1', 'O-1', 'Ö-1', '账户-1', '😀1', '😀2', 'A1', 'A10', 'B1', 'a1', 'ACC-1', 'ACC‑1'];
    expect(firstLines(accounts, ids.map((id, i) => row(id, i + 2))).every((line) => line === undefined)).toBe(true);
    expect(firstLines(accounts, ids.map((id, i) => row(id, 100 + i)))).toEqual(ids.map((_, i) => i + 2));
  });

  it('keeps an id longer than a block of its store and first lines past 2^32', () => {
    const accounts = new RepeatedAccounts(1);
    const long = 'é'.repeat(700_000);
    const records = [row('A1', 2 ** 32 + 5), row(long, 2 ** 40), row('A2', 2 ** 40 + 1), row(`${long}x`, 2 ** 40 + 2)];
    expect(firstLines(accounts, records)).toEqual([undefined, undefined, undefined, undefined]);
    expect(firstLines(accounts, [row(long, 2 ** 41), row('A1', 2 ** 41 + 1), row(`${long}x`, 2 ** 41 + 2), row('A2', 2 ** 41 + 3)])).toEqual([
      2 ** 40,
      2 ** 32 + 5,
      2 ** 40 + 2,
      2 ** 40 + 1,
    ]);
  });

  it('trims the id as the account is read, and lets through blank ids, unreadable rows and a file with no id column', () => {
    const accounts = new RepeatedAccounts(1);
    const unreadable: InputRecord = { kind: 'unreadable', line: 4, reason: 'too few cells', cells: ['x', 'A1'] };
    expect(firstLines(accounts, [row(' A1 ', 2), row('', 3), unreadable, row('  ', 5), row('A1', 6)])).toEqual([undefined, undefined, undefined, undefined, 2]);
    expect(firstLines(new RepeatedAccounts(undefined), [row('A1', 2), row('A1', 3)])).toEqual([undefined, undefined]);
  });
});
