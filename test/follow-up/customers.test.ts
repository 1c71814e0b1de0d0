/**
 * A customer row read cell by cell: the mobile is how one person's accounts are found, so one that
 * cannot be read as a phone number is a doubt that holds the customer's messages.
 */
import { describe, expect, it } from 'vitest';
import { readCustomer } from '../../src/follow-up/customers.js';
import type { Row } from '../../src/follow-up/table.js';

const row = (cells: Record<string, string>): Row => ({ line: 2, get: (column) => cells[column] ?? '' });

describe('readCustomer', () => {
  it.each(['7.7009E+09', 'ask Amy', 'tel:+447700900210', '07700 900210 or 07700 900211', '0770'])(
    'finds the mobile %j unreadable, so the row is in doubt',
    (mobile) => {
      const reading = readCustomer(row({ channel: 'email', email: 'amy@example.com', mobile }), []);
      expect(reading.problems).toEqual([`mobile: "${mobile}" is not a phone number`]);
    },
  );

  it.each(['', '07700 900210', '+44 (0)7700-900210', '7700900210', '+33 6 12 34 56 78'])('reads the mobile %j without doubt', (mobile) => {
    expect(readCustomer(row({ channel: 'letter', mobile }), []).problems).toEqual([]);
  });
});
