import { describe, expect, it } from 'vitest';
import { follow, holds, type Circumstance } from '../../src/book/carry.js';

const circumstance = (fields: Partial<Circumstance>): Circumstance => ({
  account_id: 'R-01',
  effective_on: '2026-06-01',
  customer_id: null,
  channel: 'sms',
  opted_out: 0,
  vulnerable: 0,
  vulnerability_consent: null,
  breathing_space: null,
  breathing_space_end: null,
  review_on: null,
  contact_days: null,
  contact_window: null,
  name: null,
  mobile: '07700900301',
  email: null,
  columns: '{}',
  doubts: '[]',
  carried: '[]',
  line: 2,
  ...fields,
});

describe('holds: whether a field of a circumstance says anything', () => {
  it('reads the vulnerable flag exactly: 0 or false is not set, 1 or true is', () => {
    expect(holds(circumstance({ vulnerable: 0 }), 'vulnerable')).toBe(false);
    expect(holds(circumstance({ vulnerable: false as unknown as number }), 'vulnerable')).toBe(false);
    expect(holds(circumstance({ vulnerable: 1 }), 'vulnerable')).toBe(true);
    expect(holds(circumstance({ vulnerable: true as unknown as number }), 'vulnerable')).toBe(true);
  });

  it('takes any other value of the flag (a hand edit) as set: a doubt protects', () => {
    for (const value of ['0.0', '0x0', ' 0', 'false', ' 1', 'no', '', null, 2]) {
      expect(holds(circumstance({ vulnerable: value as unknown as number }), 'vulnerable'), String(value)).toBe(true);
    }
  });

  it('takes a text field as saying something whenever it is not empty, whatever number it reads as', () => {
    for (const value of ['0', '00', '0.0', 'C1']) expect(holds(circumstance({ customer_id: value }), 'customer_id'), value).toBe(true);
    expect(holds(circumstance({ customer_id: '' }), 'customer_id')).toBe(false);
    expect(holds(circumstance({ customer_id: null }), 'customer_id')).toBe(false);
  });
});

describe('follow', () => {
  it('keeps a later row\'s own customer id 0 rather than taking the one in force before it as missing', () => {
    // Recorded before fairplan kept what a row carried (carried null): a protection before it reaches it only where it said none.
    const later = circumstance({ customer_id: '0', effective_on: '2026-06-12', carried: null });
    const before = circumstance({ customer_id: 'C1' });
    expect(follow(later, undefined, before).customer_id).toBe('0');
  });
});
