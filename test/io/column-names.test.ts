import { describe, expect, it } from 'vitest';
import { columnKey, columnsNamedTwice, findHeader } from '../../src/io/column-names.js';

describe('finding a column by its name', () => {
  it('ignores case, surrounding spaces, and spaces, _ or - between words', () => {
    const headers = ['Account ID', 'Vulnerable', 'Breathing_Space_End', ' CHANNEL ', 'contact-days'];
    expect(findHeader(headers, 'account_id')).toBe(0);
    expect(findHeader(headers, 'vulnerable')).toBe(1);
    expect(findHeader(headers, 'breathing_space_end')).toBe(2);
    expect(findHeader(headers, 'channel')).toBe(3);
    expect(findHeader(headers, 'contact_days')).toBe(4);
    expect(findHeader(headers, 'mobile')).toBeUndefined();
  });

  it('does not join words that are written apart from those written together', () => {
    expect(columnKey('breathingspace')).not.toBe(columnKey('breathing space'));
  });

  it('names each column written twice under that rule, with both positions', () => {
    expect(columnsNamedTwice(['account_id', 'Vulnerable', 'vulnerable ', 'Opt-Out', 'opt out'])).toEqual([
      { name: 'vulnerable', first: 1, second: 2 },
      { name: 'opt out', first: 3, second: 4 },
    ]);
    expect(columnsNamedTwice(['a', 'b', ''])).toEqual([]);
  });
});
