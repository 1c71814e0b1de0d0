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

describe('People', () => {
  const alone = (keys: Partial<PersonKeys>): PersonKeys => ({ customerId: '', mobile: '', email: '', ...keys });
  const joined = (a: Partial<PersonKeys>, b: Partial<PersonKeys>): boolean => {
    const store = new People(new AccountNumbers());
    store.add('X', alone(a));
    store.add('Y', alone(b));
    return store.personOf('X') === store.personOf('Y');
  };

  it.each([
    '07700900210',
    '07700 900210',
    '07700-900-210',
    '07700.900.210',
    '(07700) 900210',
    '+447700900210',
    '+44 7700 900210',
    '+44-7700-900210',
    '+44 (0)7700 900210',
    '+44(0)7700-900210',
    '0044 7700 900210',
    '0044 (0)7700 900210',
    '447700900210',
    '44 7700 900210',
    ' 07700 900210 ',
    // As a spreadsheet leaves it once it has taken the number for a number, and as people type it.
    '7700900210',
    '7700 900210',
    '07700–900210',
    '07700/900210',
    '+44 (0) 7700 900210',
    '０７７００ ９００２１０',
  ])('takes the mobile %j as 07700900210, so its two accounts are one person', (mobile) => {
    expect(joined({ mobile }, { mobile: '07700900210' })).toBe(true);
  });

  it.each([
    ['07700900210', '07700900211'],
    ['447700900210', '07700900211'],
    ['+44 (0)7700 900210', '+44 (0)7700 900201'],
    ['+33 6 12 34 56 78', '06 12 34 56 78'],
    ['07700900210', '7700900210 1'],
    ['07700900210', '77009002101'],
    ['+33 7 70 09 00 21', '07700900210'],
  ])('keeps the different mobiles %j and %j apart', (a, b) => {
    expect(joined({ mobile: a }, { mobile: b })).toBe(false);
  });

  it('takes a customer_id whatever its case and surrounding spaces', () => {
    expect(joined({ customerId: 'CUST-1' }, { customerId: ' cust-1 ' })).toBe(true);
    expect(joined({ customerId: 'CUST-1' }, { customerId: 'CUST-11' })).toBe(false);
  });
});
