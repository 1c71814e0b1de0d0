import { describe, expect, it } from 'vitest';
import { smsSize } from '../../src/follow-up/sms-segments.js';

describe('smsSize', () => {
  it('sends up to 160 GSM-7 characters as one part and 161 as two of 153', () => {
    expect(smsSize('a'.repeat(160))).toEqual({ encoding: 'GSM-7', segments: 1 });
    expect(smsSize('a'.repeat(161))).toEqual({ encoding: 'GSM-7', segments: 2 });
    expect(smsSize('a'.repeat(306))).toEqual({ encoding: 'GSM-7', segments: 2 });
    expect(smsSize('a'.repeat(307))).toEqual({ encoding: 'GSM-7', segments: 3 });
  });

  it('counts £ as one GSM-7 character and € as two', () => {
    expect(smsSize('£'.repeat(160)).segments).toBe(1);
    expect(smsSize('€'.repeat(80)).segments).toBe(1);
    expect(smsSize('€'.repeat(81)).segments).toBe(2);
  });

  it('sends text outside GSM-7 as UCS-2: 70 in one part, 67 a part beyond', () => {
    expect(smsSize('ł'.repeat(70))).toEqual({ encoding: 'UCS-2', segments: 1 });
    expect(smsSize('ł'.repeat(71))).toEqual({ encoding: 'UCS-2', segments: 2 });
    expect(smsSize(`${'a'.repeat(133)}’`)).toEqual({ encoding: 'UCS-2', segments: 2 });
    expect(smsSize(`${'a'.repeat(135)}’`)).toEqual({ encoding: 'UCS-2', segments: 3 });
  });
});
