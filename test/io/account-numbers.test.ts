import { describe, expect, it } from 'vitest';
import { AccountNumbers } from '../../src/io/account-numbers.js';

describe('AccountNumbers', () => {
  it('numbers each id from 0 in the order first met, finds it again, and gives the id of a number', () => {
    const accounts = new AccountNumbers();
    // Enough ids to grow the table several times, some not ASCII, one empty.
    const ids = ['', 'Ó-1', ...Array.from({ length: 300_000 }, (_, i) => `ACC${String(i).padStart(9, '0')}`), 'ACC000000001 '];
    expect(ids.map((id) => accounts.number(id))).toEqual(ids.map((_, i) => i));
    expect(ids.map((id) => accounts.number(id))).toEqual(ids.map((_, i) => i));
    for (let i = ids.length - 1; i >= 0; i -= 997) {
      expect(accounts.find(ids[i] ?? '')).toBe(i);
      expect(accounts.idOf(i)).toBe(ids[i]);
    }
    expect(accounts.find('ACC000000001x')).toBeUndefined();
    expect(accounts.find('acc000000001')).toBeUndefined();
  });
});
