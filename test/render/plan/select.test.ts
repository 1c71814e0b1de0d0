import { describe, expect, it } from 'vitest';
import { FairplanError } from '../../../src/core/errors.js';
import { findOption, optionAt, optionKey } from '../../../src/render/plan/select.js';
import { everyKind } from './proposals.js';

describe('naming options', () => {
  const proposal = everyKind();

  it('gives every option a key: its kind, with the term or the settlement variant', () => {
    expect(proposal.options.map(optionKey)).toEqual([
      'affordable',
      'fixed-term-12',
      'fixed-term-24',
      'fixed-term-36',
      'fixed-term-60',
      'step-up',
      'settlement-lump-sum',
      'settlement-instalments',
    ]);
  });

  it('finds an option by key, or the first of a kind by kind name, forgiving case', () => {
    expect(findOption(proposal, 'fixed-term-36')).toBe(3);
    expect(findOption(proposal, 'Fixed-Term')).toBe(1);
    expect(findOption(proposal, 'settlement')).toBe(6);
  });

  it('refuses a name that matches nothing, suggesting the nearest and listing them all', () => {
    expect(() => findOption(proposal, 'fixed-term-25')).toThrow(FairplanError);
    expect(() => findOption(proposal, 'fixed-term-25')).toThrow(/did you mean "fixed-term-24"\?.*options: affordable, fixed-term-12/);
    expect(() => findOption(proposal, 'token')).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
  });

  it('treats an index past the options as a fault in the caller', () => {
    expect(optionAt(proposal, 7).kind).toBe('settlement');
    expect(() => optionAt(proposal, 8)).toThrow(RangeError);
  });
});
