import { describe, expect, it } from 'vitest';
import { money } from '../../../src/core/money.js';
import { ADVICE_SIGNPOST } from '../../../src/core/signpost.js';
import { creditorLetterNames, creditorSlug, renderCreditorLetter } from '../../../src/render/plan/creditor-letter.js';
import { threeCreditors } from './proposals.js';

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('the offer letter to each creditor', () => {
  const proposal = threeCreditors();

  it('ends with the provenance reference when given one', () => {
    expect(renderCreditorLetter(proposal, 0, 1, { reference: 'Ref FP-0123456789 · fairplan 0.1.0 · rules 1' }).endsWith('\n\nRef FP-0123456789 · fairplan 0.1.0 · rules 1\n')).toBe(true);
    expect(renderCreditorLetter(proposal, 0, 1)).not.toContain('Ref FP-');
  });

  it('offers the creditor their share: how much, how often, from when, until when and in all', () => {
    const letter = flat(renderCreditorLetter(proposal, 0, 0));
    expect(letter).toContain(' 10 January 2027 Harbour Bank (credit card) Your account: ');
    expect(letter).toContain(
      'We offer you £48.78 a month, your share of the customer’s payment of £100.00 a month, from 15 January 2027: ' +
        '21 monthly payments, the last £24.40 on 15 September 2028, £1,000.00 in all.',
    );
    // Fairway, still charging interest, is paid on after the others: its share grows, and the letter says to what.
    expect(flat(renderCreditorLetter(proposal, 0, 1))).toMatch(/: 23 monthly payments, rising to £100\.00 a month as other creditors are repaid, the last £[0-9.]+ on /);
  });

  it('says why: the budget, and the share of it in proportion to what the creditor is owed', () => {
    const letter = flat(renderCreditorLetter(proposal, 0, 2));
    expect(letter).toContain('leaves £100.00 a month for non-priority creditors');
    expect(letter).toContain('you are owed £50.00 of £2,050.00 (2.4%)');
    // Lumen is repaid with the first two, so its share never grows; Fairway's does.
    expect(letter).not.toContain('When another creditor has been repaid');
    expect(flat(renderCreditorLetter(proposal, 0, 1))).toContain('When another creditor has been repaid, their share goes to those still owed');
  });

  it('asks every creditor to freeze interest and charges, and tells one still charging what that costs', () => {
    const frozen = flat(renderCreditorLetter(proposal, 0, 0));
    const charging = flat(renderCreditorLetter(proposal, 0, 1));
    expect(frozen).toContain('We ask you to freeze interest and charges');
    expect(frozen).not.toContain('interest continuing');
    expect(charging).toContain('Your account records interest continuing at 19.9% a year. At that rate £227.42 of the payments to you would be interest.');
    expect(flat(charging)).toContain(flat(ADVICE_SIGNPOST));
  });

  it('names a creditor whose share never repays them', () => {
    const short = threeCreditors({ affordableMonthly: money('20'), redistribute: false });
    expect(flat(renderCreditorLetter(short, 0, 1))).toContain('does not cover the interest it adds');
  });

  it('names each letter after its creditor, numbered, in plain characters', () => {
    expect(creditorLetterNames(proposal.options[0] as never)).toEqual([
      'letter-01-harbour-bank-credit-card',
      'letter-02-fairway-finance-personal-loan',
      'letter-03-lumen-shopping-store-card',
    ]);
    expect(creditorSlug('Crédit Agricole / ../../etc')).toBe('credit-agricole-etc');
    expect(creditorSlug('£££')).toBe('creditor');
  });

  it('keeps a letter name within what a file system takes however long the creditor name', () => {
    const slug = creditorSlug(`${'Very Long Trading Name '.repeat(13)}Ltd`);
    expect(slug).toBe('very-long-trading-name-very-long-trading-name-very-long-trad');
    expect(creditorSlug(`${'a'.repeat(59)} b`)).toBe('a'.repeat(59));
  });
});
