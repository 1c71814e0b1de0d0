import { describe, expect, it } from 'vitest';
import { entryLine, sectionView, statementView } from '../../src/advise/render.js';
import { money } from '../../src/core/money.js';
import type { Statement } from '../../src/core/statement.js';
import { FAMILY } from './statements.js';

describe('the whole statement', () => {
  const noted: Statement = {
    ...FAMILY,
    priorityDebts: [{ creditor: 'Council tax arrears', balance: money('640.00'), payment: money('40.00'), frequency: 'monthly', note: 'Liability order' }],
    debts: [
      { creditor: 'Acme Bank credit card with a long name', balance: money('3000.00'), ccj: true, note: 'Judgment March 2026' },
      { creditor: 'Lender Ltd', balance: money('1000.00') },
    ],
  };
  const view = statementView(noted, '£');

  it('marks a debt with a note as it marks a line, and says what the mark means', () => {
    expect(view).toContainEqual(expect.stringMatching(/Council tax arrears .*pays £40\.00 +monthly +£40\.00 a month \*$/));
    expect(view).toContainEqual(expect.stringMatching(/Acme Bank credit card with a long name +owes £3,000\.00 +CCJ \*$/));
    expect(view).toContainEqual(expect.stringMatching(/Lender Ltd +owes £1,000\.00$/));
    expect(view).toContain('  * has a note');
  });

  it('fits an 80-column terminal', () => {
    expect(Math.max(...view.map((line) => line.length))).toBeLessThanOrEqual(80);
  });
});

describe('a section on screen', () => {
  const long: Statement = {
    ...FAMILY,
    expenditure: [
      ...FAMILY.expenditure,
      { category: 'home', label: 'Council tax (band B, ongoing, paid over ten months of the year)', amount: money('98.00'), frequency: 'four-weekly', note: 'Band B' },
      { category: 'utilities', label: 'Gas and electricity', amount: money('32.00'), frequency: 'weekly' },
    ],
  };
  const fixed = sectionView(long, 'fixed', '£');

  it('wraps a long description at word boundaries, cutting nothing, within 80 columns', () => {
    expect(Math.max(...fixed.map((line) => line.length))).toBeLessThanOrEqual(80);
    const words = fixed.join(' ').split(/\s+/);
    for (const word of 'Council tax (band B, ongoing, paid over ten months of the year) · Council tax rates (guessed)'.split(' ')) {
      expect(words).toContain(word);
    }
    expect(fixed.join('\n')).not.toContain('…');
  });

  it('shows each line’s amount, how often and its figure a month in columns aligned down the section, and their total a month', () => {
    // 98.00 every four weeks × 13 ÷ 12 = 106.1666… → 106.17; 32.00 a week × 52 ÷ 12 = 138.666… → 138.67.
    const figures = fixed.filter((line) => /a month/.test(line));
    expect(figures.map((line) => line.replace(/^.*?(£[\d,.]+ +\S+ +£[\d,.]+ a month).*$|^ +Total +(£[\d,.]+ a month)$/, '$1$2').replace(/ +/g, ' '))).toEqual([
      '£700.00 monthly £700.00 a month',
      '£150.00 monthly £150.00 a month',
      '£98.00 four-weekly £106.17 a month',
      '£32.00 weekly £138.67 a month',
      // 700.00 + 150.00 + 106.17 + 138.67
      '£1,094.84 a month',
    ]);
    // Every figure a month ends in the same column.
    expect(new Set(figures.map((line) => line.replace(/ \*$/, '').length)).size).toBe(1);
  });
});

describe('a line as a menu choice (change or delete)', () => {
  it('keeps a label such as "Council tax (band B, ongoing) · Council tax rates" whole within an 80-column menu', () => {
    const line = entryLine({ category: 'home', label: 'Council tax (band B, ongoing)', amount: money('125.00'), frequency: 'monthly', sfs: 'council-tax-rates' }, '£');
    expect(line).toContain('Council tax (band B, ongoing) · Council tax rates');
    expect(line).toMatch(/ £125\.00 monthly$/);
    // "12. " goes before it in the menu.
    expect(`12. ${line}`.length).toBeLessThanOrEqual(80);
  });
});
