import { describe, expect, it } from 'vitest';
import { customerKey } from '../../src/core/customer-key.js';

describe('customerKey', () => {
  it('gives ids a reader would take for one the same key: case, spaces, other dashes, invisible characters, full-width forms', () => {
    const keys = ['C-001', ' c-001 ', 'C\u2011001', 'C-001\u200b', '\u00adC\u2013001', '\uff23\uff0d\uff10\uff10\uff11', 'C\u2212001'].map(customerKey);
    expect(new Set(keys)).toEqual(new Set(['c-001']));
  });

  it('keeps ids apart that read differently', () => {
    expect(new Set(['C-001', 'C-0001', 'C001', 'C_001', 'D-001'].map(customerKey)).size).toBe(5);
  });

  it('gives an id of only spaces and invisible characters the empty key: it names no one', () => {
    expect(customerKey(' \u200b\u00a0')).toBe('');
  });
});
