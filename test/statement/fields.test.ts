import { describe, expect, it } from 'vitest';
import { creditorName } from '../../src/statement/fields.js';

const issues = (value: unknown): string[] => {
  const result = creditorName().safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
};

describe('a creditor name, which heads a letter and names its file', () => {
  it('takes a name as written, accents, emoji and slashes included', () => {
    for (const name of ['Harbour Bank (credit card)', 'Crédit Agricole / ../../etc', '😀', 'x'.repeat(300)]) expect(creditorName().parse(name)).toBe(name);
  });

  it('refuses a blank name, which would leave a letter addressed to nobody', () => {
    expect(issues('')).toEqual(['expected a creditor name, got a blank one']);
    expect(issues('   ')).toEqual(['expected a creditor name, got a blank one']);
  });

  it('refuses a control character, which would reach the screen of whoever reads the letter', () => {
    expect(issues('A\u001b[2Jb')).toEqual(['a creditor name cannot hold a control character (U+001B)']);
    expect(issues('A\u0085')).toEqual(['a creditor name cannot hold a control character (U+0085)']);
  });
});
