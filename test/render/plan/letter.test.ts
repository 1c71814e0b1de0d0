import { describe, expect, it } from 'vitest';
import { EVERY_DAY } from '../../../src/core/calendar/index.js';
import { parseIsoDate } from '../../../src/core/date.js';
import { D, money } from '../../../src/core/money.js';
import { proposePlans } from '../../../src/core/plan/index.js';
import { ADVICE_SIGNPOST } from '../../../src/core/signpost.js';
import { renderLetter } from '../../../src/render/plan/letter.js';
import { findOption } from '../../../src/render/plan/select.js';
import { everyKind, hundredAtTwelvePercent, nothingAffordable, thousandAtThirty, thousandAtThirtyWorkingDays, threeCreditors } from './proposals.js';

/** The letter as one line of text, so sentences can be checked whatever the wrapping. */
const flat = (letter: string) => letter.replace(/\s+/g, ' ');

describe('the letter to the customer', () => {
  it('says what they pay, when and for how long, and the total', () => {
    const letter = flat(renderLetter(thousandAtThirty(), 0));
    expect(letter).toContain('Your repayment plan');
    expect(letter).toContain(
      'You pay 33 monthly payments of £30.00 and a final payment of £10.00, from 15 January 2027 to 15 October 2029, ' +
        'about 2 years 10 months. In total you will pay £1,000.00.',
    );
  });

  it('with interest frozen, says no interest or charges will be added', () => {
    expect(flat(renderLetter(thousandAtThirty(), 0))).toContain('No interest or charges will be added while you keep to this plan.');
  });

  it('with interest continuing, says so with the rate and the interest over the plan (1.00 + 0.51 + 0.01)', () => {
    const letter = flat(renderLetter(hundredAtTwelvePercent(), 0));
    expect(letter).toContain('Interest is still being added at 12% a year. Over the plan it comes to £1.52');
    expect(letter).toContain('In total you will pay £101.52.');
    expect(letter).not.toContain('No interest');
  });

  it('says what to do if circumstances change, and where to get free debt advice', () => {
    const letter = flat(renderLetter(thousandAtThirty(), 0));
    expect(letter).toContain('If your circumstances change');
    expect(letter).toContain('please tell us as soon as you can');
    expect(letter.trim().endsWith(ADVICE_SIGNPOST)).toBe(true);
  });

  it('explains that a payment date on a weekend or bank holiday moves to the next working day, only when one does', () => {
    expect(flat(renderLetter(thousandAtThirtyWorkingDays(), 0))).toContain('the payment is due on the next working day');
    expect(flat(renderLetter(thousandAtThirty(), 0))).not.toContain('next working day');
  });

  it('never presents a token payment as repaying, and gives the review date', () => {
    const proposal = nothingAffordable();
    const letter = flat(renderLetter(proposal, findOption(proposal, 'token')));
    expect(letter).toContain('Your token payment arrangement');
    expect(letter).toContain('You pay a token amount of £1.00 a month, starting on 15 January 2027.');
    expect(letter).toContain('not expected to repay what you owe');
    // 1000 - 3 × 1.00
    expect(letter).toContain('We will review the arrangement with you on 15 April 2027, when £997.00 will still be owed.');
    expect(letter).not.toMatch(/In total you will pay|repayment plan/);
  });

  it('asks for a token payment only if it can be found without going short, when the budget has less than the token', () => {
    const proposal = nothingAffordable();
    const letter = flat(renderLetter(proposal, findOption(proposal, 'token')));
    expect(letter).toContain('please make this payment only if you can without going short on essentials');
    expect(letter).toContain('we will talk about pausing payments while you get free debt advice');

    // £20 a month does not cover 19.9% on £5,000 (£82.91 a month), so a token is offered, and £1.00 fits the budget.
    const withinBudget = proposePlans({
      balance: money('5000'),
      affordableMonthly: money('20'),
      interest: { kind: 'continuing', annualRatePercent: new D('19.9') },
      frequency: 'monthly',
      start: parseIsoDate('2027-01-15'),
      asOf: parseIsoDate('2027-01-10'),
      calendar: EVERY_DAY,
    });
    expect(flat(renderLetter(withinBudget, findOption(withinBudget, 'token')))).not.toContain('going short');
  });

  it('writes about the budget, not the person', () => {
    for (const proposal of [thousandAtThirty(), nothingAffordable(), everyKind()]) {
      for (const [i] of proposal.options.entries()) {
        expect(renderLetter(proposal, i)).not.toMatch(/fail|default|arrears|must pay|legal action/i);
      }
    }
  });

  it('tells the customer when the payments go up in a step-up, and what if the change does not come', () => {
    const proposal = everyKind();
    const letter = flat(renderLetter(proposal, findOption(proposal, 'step-up')));
    // 3 × 30 = 90; 910 left at 200 a month: 4 × 200 = 800 and a final 110.
    expect(letter).toContain('You pay 3 monthly payments of £30.00, then 4 of £200.00 and a final payment of £110.00');
    expect(letter).toContain('The payments go up on 15 April 2027, when you expect a change (new job from April).');
    expect(letter).toContain('If that change does not happen, please tell us before then');
  });

  it('explains a settlement and warns when payments are more than the budget shows is affordable', () => {
    const proposal = everyKind();
    const letter = flat(renderLetter(proposal, findOption(proposal, 'settlement-lump-sum')));
    expect(letter).toContain('Settling your account');
    expect(letter).toContain('accept £800.00 in full settlement of the £1,000.00 you owe (20% less)');
    expect(letter).toContain('the remaining £200.00 will be written off');
    expect(letter).toContain('You pay one payment of £800.00 on 15 January 2027.');
    expect(letter).toContain('this payment is more than your budget shows you can afford');
    expect(letter).toContain('never borrow money or sell belongings');
  });

  it('keeps to the width it is given', () => {
    for (const line of renderLetter(thousandAtThirty(), 0, { width: 50 }).split('\n')) expect(line.length).toBeLessThanOrEqual(50);
  });
});

describe('the letter for a plan across several creditors', () => {
  const letter = renderLetter(threeCreditors(), 0).replace(/\s+/g, ' ');

  it('says how each payment is shared and when each creditor is repaid', () => {
    expect(letter).toContain('How each payment is shared Each payment is shared between your creditors in proportion to what you owe each of them.');
    expect(letter).toContain('When one of them has been repaid, their share goes to the others, so your payment stays the same.');
    expect(letter).toContain('- Fairway Finance (personal loan): £48.78 of the first payment; £1,227.42 in all, repaid on 15 November 2028.');
    expect(letter).toContain('- Lumen Shopping (store card): £2.44 of the first payment; £50.00 in all, repaid on 15 September 2028.');
  });

  it('names the creditor still adding interest, rather than promising none is added', () => {
    expect(letter).toContain('Interest is still being added by Fairway Finance (personal loan) (19.9% a year); the other creditors have frozen it.');
    expect(letter).not.toContain('No interest or charges will be added');
  });
});

describe('the letter during a Breathing Space', () => {
  // £1,000 at £30 a month, as thousandAtThirty, but paused until 28 February 2027: the first payment is 1 March.
  const proposal = proposePlans({
    balance: money('1000'),
    affordableMonthly: money('30'),
    frequency: 'monthly',
    start: parseIsoDate('2027-01-15'),
    asOf: parseIsoDate('2027-01-10'),
    pausedUntil: parseIsoDate('2027-02-28'),
    calendar: EVERY_DAY,
  });
  const letter = flat(renderLetter(proposal, proposal.recommended.index));

  it('says that nothing is asked for and nothing added until it ends, and starts the payments after it', () => {
    expect(letter).toContain('You are in Breathing Space until 28 February 2027. Until then we will not ask you for any payment, and no interest or charges will be added to what you owe.');
    expect(letter).toContain('1 March 2027');
  });

  it('says nothing of Breathing Space when there is none', () => {
    expect(flat(renderLetter(thousandAtThirty(), 0))).not.toContain('Breathing Space');
  });

  it('ends with the provenance reference when given one, to match it to the JSON of the same run', () => {
    const letter = renderLetter(thousandAtThirty(), 0, { reference: 'Ref FP-0123456789 · fairplan 0.1.0 · rules 1' });
    expect(letter.endsWith('\n\nRef FP-0123456789 · fairplan 0.1.0 · rules 1\n')).toBe(true);
    expect(renderLetter(thousandAtThirty(), 0)).not.toContain('Ref FP-');
  });
});
