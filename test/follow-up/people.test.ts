/**
 * Who is one person, as follow-up --book works it out from the book: every account's keys counted
 * first (SharedKeys), and People given only those another account may have. It must join exactly the
 * accounts that People given every key joins.
 */
import { describe, expect, it } from 'vitest';
import { AccountNumbers } from '../../src/io/account-numbers.js';
import { People, SharedKeys, type PersonKeys } from '../../src/follow-up/people.js';

const ROWS: readonly [string, PersonKeys][] = [
  // A and B share a customer id; B and C one mobile, written two ways; C and E an email, in two cases.
  ['A', { customerId: 'C-1', mobile: '07700900001', email: 'a@example.com' }],
  ['B', { customerId: 'C-1', mobile: '+44 7700 900123', email: '' }],
  ['C', { customerId: 'C-3', mobile: '07700-900123', email: 'Chris@Example.com ' }],
  ['D', { customerId: 'C-4', mobile: '07700900004', email: 'd@example.com' }],
  ['E', { customerId: '', mobile: '0', email: 'chris@example.com' }],
  // No keys at all: alone.
  ['F', { customerId: ' ', mobile: '', email: '' }],
];

const groups = (people: People): string[][] => ROWS.map(([id]) => people.accountsOf(id).sort());

describe('SharedKeys', () => {
  it('keeps only the keys another account may have, and People joins the same accounts as with every key', () => {
    const everyKey = new People(new AccountNumbers());
    for (const [id, keys] of ROWS) everyKey.add(id, keys);
    const shared = new SharedKeys();
    for (const [, keys] of ROWS) shared.count(keys);
    const sharedOnly = new People(new AccountNumbers());
    for (const [id, keys] of ROWS) sharedOnly.add(id, shared.only(keys));

    expect(groups(sharedOnly)).toEqual(groups(everyKey));
    expect(people(sharedOnly, 'A')).toEqual(['A', 'B', 'C', 'E']);
    expect(people(sharedOnly, 'D')).toEqual(['D']);
    expect(people(sharedOnly, 'F')).toEqual(['F']);
    // D's keys are its own: none is kept.
    expect(shared.only(ROWS[3]?.[1] as PersonKeys)).toEqual({ customerId: '', mobile: '', email: '' });
    expect(shared.only(ROWS[1]?.[1] as PersonKeys)).toEqual({ customerId: 'C-1', mobile: '+44 7700 900123', email: '' });
  });
});

const people = (store: People, id: string): string[] => store.accountsOf(id).sort();
