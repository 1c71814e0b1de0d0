import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { money } from '../../../src/core/money.js';
import { wordsFor } from '../../../src/core/plan/words.js';
import { creditorSection } from '../../../src/render/plan/creditor-table.js';
import { optionAt } from '../../../src/render/plan/select.js';
import { thousandAtThirty, threeCreditors } from './proposals.js';

const chalk = new Chalk({ level: 0 });
const words = wordsFor('£');
/** The creditor section of the affordable plan (the first option). */
const section = (width: number, extra = {}) => creditorSection(optionAt(threeCreditors(extra), 0), 0, { chalk, width, words });

describe('the creditor table', () => {
  it('shows each creditor’s balance, interest, share of the first payment, payments, last date and totals, within 80 columns', () => {
    const lines = section(80);
    expect(lines.every((line) => line.length <= 80)).toBe(true);
    expect(lines[0]).toBe('Creditors: 1 Affordable plan: £100.00 a month');
    expect(lines.join('\n')).toContain('Creditor');
    const fairway = lines.find((line) => line.startsWith('2 Fairway Finance'));
    // 1000/2050 of £100.00 is 48.78…; the store card's 2.439… takes the odd penny.
    // Harbour and Lumen, frozen, are repaid with the 21st payment; Fairway, charging 19.9%, with the 23rd.
    expect(fairway?.split(/\s+/).slice(-7)).toEqual(['£1,000.00', '19.9%', '£48.78', '23', '2028-11-15', '£1,227.42', '£227.42']);
    expect(lines.find((line) => line.startsWith('3 Lumen Shopping'))).toMatch(/£50\.00\s+frozen\s+£2\.44/);
  });

  it('cuts long names to fit a narrower terminal, and stacks each creditor’s figures when even that will not fit', () => {
    const narrow = section(76);
    expect(narrow.every((line) => line.length <= 76)).toBe(true);
    expect(narrow.some((line) => /^2 Fairway Fin\S*…/.test(line))).toBe(true);
    const stacked = section(40);
    expect(stacked.every((line) => line.length <= 40)).toBe(true);
    expect(stacked).toContain('1 Harbour Bank (credit card)');
  });

  it('names a creditor whose share does not cover their interest, with what would repay them', () => {
    const lines = section(80, { affordableMonthly: money('20'), redistribute: false }).join(' ').replace(/\s+/g, ' ');
    // Kept fixed, Fairway's share is 1000/2050 of £20.00: £9.75 (the odd penny goes to Harbour, listed first).
    expect(lines).toMatch(/! Fairway Finance \(personal loan\)'s share, £9\.75 a month, does not cover the interest it adds/);
    expect(lines).toMatch(/£\d+\.\d\d a month would repay it within 5 years/);
  });

  it('is left out for a plan for one balance', () => {
    const proposal = thousandAtThirty();
    expect(creditorSection(optionAt(proposal, 0), 0, { chalk, width: 80, words })).toEqual([]);
  });
});
