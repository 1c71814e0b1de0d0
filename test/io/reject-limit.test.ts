/** --max-rejects N|P%, one reading for batch and follow-up: a number of rows, or a share of the rows read judged exactly. */
import { describe, expect, it } from 'vitest';
import { FairplanError } from '../../src/core/errors.js';
import { overRejectLimit, parseRejectLimit } from '../../src/io/reject-limit.js';

describe('--max-rejects', () => {
  it('reads a number of rows, or a percentage of the rows read', () => {
    expect(parseRejectLimit('10')).toEqual({ rows: 10 });
    expect(parseRejectLimit('0')).toEqual({ rows: 0 });
    expect(parseRejectLimit('2.5%')).toEqual({ percent: '2.5' });
    expect(parseRejectLimit(' 100% ')).toEqual({ percent: '100' });
  });

  it.each(['', 'x', '-1', '1.5', '5 %x', '101%', '99999999999999999'])('refuses %j with a FairplanError', (text) => {
    expect(() => parseRejectLimit(text)).toThrow(FairplanError);
  });

  it('passes a number of rows at the row after it, whether or not every row is read', () => {
    const three = parseRejectLimit('3');
    expect(overRejectLimit(three, 3)).toBe(false);
    expect(overRejectLimit(three, 4)).toBe(true);
    expect(overRejectLimit(parseRejectLimit('0'), 1)).toBe(true);
  });

  it('judges a percentage only once the rows read are known, and exactly: 3 of 163 rows is 1.84%', () => {
    expect(overRejectLimit(parseRejectLimit('1.8%'), 3)).toBe(false);
    expect(overRejectLimit(parseRejectLimit('1.8%'), 3, 163)).toBe(true);
    expect(overRejectLimit(parseRejectLimit('1.9%'), 3, 163)).toBe(false);
    // Exactly at the limit is not over it: 1 of 40 is 2.5%.
    expect(overRejectLimit(parseRejectLimit('2.5%'), 1, 40)).toBe(false);
    expect(overRejectLimit(parseRejectLimit('2.5%'), 2, 40)).toBe(true);
    expect(overRejectLimit(parseRejectLimit('0%'), 1, 1_000_000)).toBe(true);
    expect(overRejectLimit(parseRejectLimit('100%'), 5, 5)).toBe(false);
    // A millionth of a percent is compared exactly: 1 in 100,000,000 is 0.000001%.
    expect(overRejectLimit(parseRejectLimit('0.000001%'), 1, 100_000_000)).toBe(false);
    expect(overRejectLimit(parseRejectLimit('0.000001%'), 2, 100_000_000)).toBe(true);
  });
});
