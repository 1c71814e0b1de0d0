import { describe, expect, it } from 'vitest';
import { askCount, askDate, askMoney } from '../../src/advise/ask.js';
import { parseIsoDate } from '../../src/core/date.js';
import { money } from '../../src/core/money.js';
import { ScriptedPrompter } from './scripted-prompter.js';

describe('amounts checked as they are typed', () => {
  it('accepts £1,234.50 as 1234.50', async () => {
    const prompter = new ScriptedPrompter(['£1,234.50']);
    expect((await askMoney(prompter, { message: 'Wages amount', symbol: '£' })).toFixed(2)).toBe('1234.50');
    expect(prompter.hints).toEqual([]);
  });

  it('keeps the question open with a hint for 12,34 and abc, then takes a good answer', async () => {
    const prompter = new ScriptedPrompter(['12,34', 'abc', '12.34']);
    expect((await askMoney(prompter, { message: 'Rent amount', symbol: '£' })).toFixed(2)).toBe('12.34');
    expect(prompter.hints).toEqual([
      '"12,34" is not an amount of money (expected e.g. 1234.56 or £1,234.56)',
      '"abc" is not an amount of money (expected e.g. 1234.56 or £1,234.56)',
    ]);
  });

  it('refuses a negative amount, and nil where an amount is needed', async () => {
    const prompter = new ScriptedPrompter(['-5', '0', '5']);
    expect((await askMoney(prompter, { message: 'Owed', symbol: '£', zero: false })).toFixed(2)).toBe('5.00');
    expect(prompter.hints).toEqual(['Please enter the amount without a minus sign', 'Please enter an amount above zero']);
  });

  it('refuses more than the most allowed, with the reason given', async () => {
    const prompter = new ScriptedPrompter(['120', '']);
    const most = { amount: money('100.00'), hint: 'That is more than the £100.00 found affordable' };
    expect((await askMoney(prompter, { message: 'Payment', symbol: '£', default: money('100'), most })).toFixed(2)).toBe('100.00');
    expect(prompter.hints).toEqual(['That is more than the £100.00 found affordable']);
  });
});

describe('amounts in the currency of the session', () => {
  it('refuses a dollar amount in pounds, and a pound amount in dollars, with a hint', async () => {
    const pounds = new ScriptedPrompter(['$12.50', '£12.50']);
    expect((await askMoney(pounds, { message: 'Rent amount', symbol: '£' })).toFixed(2)).toBe('12.50');
    expect(pounds.hints).toEqual(['"$12.50" is in dollars, but the amounts here are in pounds (write 12.50 or £12.50)']);
    const dollars = new ScriptedPrompter(['£12.50', '$12.50']);
    expect((await askMoney(dollars, { message: 'Rent amount', symbol: '$' })).toFixed(2)).toBe('12.50');
    expect(dollars.hints).toEqual(['"£12.50" is in pounds, but the amounts here are in dollars (write 12.50 or $12.50)']);
  });
});

describe('counts and dates', () => {
  it('takes the default on Enter and refuses words and numbers below the least', async () => {
    const prompter = new ScriptedPrompter(['two', '0', '']);
    expect(await askCount(prompter, 'Adults', 1, 1)).toBe(1);
    expect(prompter.hints).toEqual(['Please enter a whole number of 1 or more', 'Please enter a whole number of 1 or more']);
  });

  it('refuses a date that does not exist or is too early', async () => {
    const prompter = new ScriptedPrompter(['2027-02-30', '2026-01-01', '2027-01-15']);
    expect(await askDate(prompter, 'Start', parseIsoDate('2026-12-01'), parseIsoDate('2026-11-25'))).toBe('2027-01-15');
    expect(prompter.hints).toEqual(['"2027-02-30" is not a date that exists', 'Please choose 2026-11-25 or later']);
  });
});
