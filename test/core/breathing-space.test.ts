import { describe, expect, it } from 'vitest';
import { breathingSpaceEnd, breathingSpaceToHonour, noPlanDuring, type BreathingSpace } from '../../src/core/breathing-space.js';
import { parseIsoDate as d } from '../../src/core/date.js';

const standard: BreathingSpace = { kind: 'standard', start: d('2026-11-01') };
const crisis: BreathingSpace = { kind: 'mental-health-crisis', start: d('2026-11-01') };

describe('Breathing Space', () => {
  it('takes a standard moratorium with no recorded end to end 60 days after it starts', () => {
    expect(breathingSpaceEnd(standard)).toBe('2026-12-31');
    expect(breathingSpaceEnd({ ...standard, end: d('2026-12-10') })).toBe('2026-12-10');
  });

  it('knows no end for a mental health crisis moratorium until one is recorded', () => {
    expect(breathingSpaceEnd(crisis)).toBeUndefined();
    expect(breathingSpaceEnd({ ...crisis, end: d('2027-03-01') })).toBe('2027-03-01');
  });

  it('is honoured from before it starts (so no payment falls inside it) to its last day, included', () => {
    expect(breathingSpaceToHonour(standard, d('2026-10-31'))).toBe(standard);
    expect(breathingSpaceToHonour(standard, d('2026-11-01'))).toBe(standard);
    expect(breathingSpaceToHonour(standard, d('2026-12-31'))).toBe(standard);
    expect(breathingSpaceToHonour(standard, d('2027-01-01'))).toBeUndefined();
    expect(breathingSpaceToHonour(crisis, d('2030-01-01'))).toBe(crisis);
    expect(breathingSpaceToHonour(undefined, d('2026-11-15'))).toBeUndefined();
  });

  it('makes no plan during a mental health crisis moratorium with no end, and says to review it when it ends', () => {
    expect(noPlanDuring(crisis, d('2026-11-25'))).toMatch(/^No plan is made: .*mental health crisis Breathing Space from 2026-11-01 with no end recorded.*Review the budget with the customer when it ends/);
    expect(noPlanDuring({ ...crisis, end: d('2027-03-01') }, d('2026-11-25'))).toBeUndefined();
    expect(noPlanDuring(standard, d('2026-11-25'))).toBeUndefined();
  });
});
