import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanValue, folded, PRESSING_WORDS, plainName } from '../../src/follow-up/wording.js';

describe('docs/follow-up-wording.md', () => {
  it('lists every pressing word fairplan looks for', () => {
    const doc = readFileSync(new URL('../../docs/follow-up-wording.md', import.meta.url), 'utf8').toLowerCase();
    expect(PRESSING_WORDS.filter((words) => !doc.includes(words))).toEqual([]);
  });
});

describe('folded', () => {
  it('reads look-alikes as the letters they pass for, in either case, and keeps digits as digits', () => {
    expect(folded('D\u0415BT')).toBe('debt'); // Cyrillic Е
    expect(folded('\u0392\u0391\u0399LIFF')).toBe(folded('bailiff')); // Greek capitals
    expect(folded('Pay £1,200.00 now')).toBe('pay £1,200.00 now');
  });
});

describe('cleanValue', () => {
  it('takes out what does not show and puts a value on one line', () => {
    expect(cleanValue('Sa\u00ADm\u200B\u2066\u{E0041}\uFE0F')).toBe('Sam');
    expect(cleanValue('line\r\none\u2028two\tthree')).toBe('line one two three');
  });
});

describe('plainName', () => {
  it('takes a name of any script and tidies its spaces; leaves out anything else', () => {
    expect(plainName('  Mary   Jane ')).toBe('Mary Jane');
    expect(plainName('Zoë')).toBe('Zoë');
    expect(plainName('Jo\u00ADdie')).toBe('Jodie');
    for (const value of ['Jo2', 'Jo.', 'Forty Quid', 'The Bailiffs', 'x'.repeat(41), 'Jo--Al', "Jo ' Al"]) expect(plainName(value), value).toBeUndefined();
  });
});
