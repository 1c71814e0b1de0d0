/**
 * The letters of a pack as sent: each creditor's to the standard of UK debt advice (who it is from,
 * the date, whose account, the offer and how it was worked out, the requests, how and from when
 * payments are made, the SFS enclosed, a sign-off), the customer's own, a marked gap and a warning
 * for any detail not given, and an organisation's own templates.
 */
import { describe, expect, it } from 'vitest';
import { assessAffordability } from '../../../src/core/affordability/assess.js';
import { parseIsoDate } from '../../../src/core/date.js';
import { planRequestFromStatement, proposePlans } from '../../../src/core/plan/index.js';
import type { Statement } from '../../../src/core/statement.js';
import { renderCreditorLetter, creditorLetter } from '../../../src/render/plan/creditor-letter.js';
import { creditorPack } from '../../../src/render/plan/creditor-pack.js';
import { customerLetter, renderLetter } from '../../../src/render/plan/letter.js';
import { findOption } from '../../../src/render/plan/select.js';
import { loadStatement } from '../../../src/statement/load.js';
import { fixture } from '../../helpers/cli.js';

const SENDER = { organisation: 'Riverside Money Advice', adviser: 'Sam Patel', address: ['12 Market Street', 'Aberystwyth SY23 3AA'], phone: '01970 000000' };
const flat = (text: string) => text.replace(/\s+/g, ' ');

async function planFor(name: string, asOf = '2027-01-04', edit: (s: Statement) => Statement = (s) => s) {
  const statement = edit(await loadStatement(fixture('statements', name)));
  const affordability = assessAffordability(statement, { asOf: parseIsoDate(asOf) });
  const proposal = proposePlans(planRequestFromStatement(statement, affordability, parseIsoDate(asOf)));
  return { statement, affordability, proposal };
}

describe('an offer letter to a creditor', () => {
  it('has the sender, the date, whose account it is, a salutation, the offer, the requests, how payments are made, the SFS enclosed and a sign-off, in that order', async () => {
    const { affordability, proposal } = await planFor('two-creditors-one-charging.json');
    const letter = renderCreditorLetter(proposal, proposal.recommended.index, 1, { affordability, sender: SENDER });
    expect(letter.startsWith('Riverside Money Advice\n12 Market Street\nAberystwyth SY23 3AA\nTelephone: 01970 000000\n\n4 January 2027\n\nFairway Finance (personal loan)\n\n')).toBe(true);
    expect(letter).toContain('Your account: PL-30117845\nCustomer: Amira Hassan\nFlat 2, Tŷ Gwyn\n14 Heol y Dŵr\nBangor LL57 2AB\nOur reference: CASE-0193\n\nDear Sir or Madam\n\nOffer of payment\n');
    const inOrder = [
      'We offer you £',
      'How the offer was worked out',
      'Your account records interest continuing at 19.9% a year.',
      'We ask you to freeze interest and charges while the customer keeps to this arrangement, and to hold any recovery action',
      'The customer will make the payments set out above directly to you, the first on 29 January 2027',
      'Please confirm that you accept this offer. Payments will start on 29 January 2027 whether or not we have heard from you.',
      'Standard Financial Statement (SFS)',
      'Free debt advice',
      'Yours faithfully Sam Patel Riverside Money Advice',
    ].map((sentence) => flat(letter).indexOf(sentence));
    expect(inOrder.every((at) => at >= 0)).toBe(true);
    expect([...inOrder].sort((a, b) => a - b)).toEqual(inOrder);
  });

  it('leaves a marked gap, never a blank, for each detail not given, and names what to add', async () => {
    const { affordability, proposal } = await planFor('homeowner-several-creditors.json');
    const { document, gaps } = creditorLetter(proposal, proposal.recommended.index, 0, { affordability });
    const text = document.blocks.flatMap((b) => (b.kind === 'paragraph' ? b.lines : [])).join('\n');
    expect(text).toContain('[MISSING: the sender’s organisation]');
    expect(text).toContain('Your account: [MISSING: the account reference of Harbour Bank (credit card)]');
    expect(text).toContain('Customer: [MISSING: the customer’s name]\n[MISSING: the customer’s address]');
    expect(gaps.map((g) => g.fix)).toEqual([
      'give the sender’s details with --sender FILE (see docs/letters.md)',
      'give the sender’s details with --sender FILE (see docs/letters.md)',
      'give the sender’s details with --sender FILE (see docs/letters.md)',
      'give the sender’s details with --sender FILE (see docs/letters.md)',
      'add customer.name to the statement',
      'add customer.address to the statement',
      'add accountReference to each debt in the statement',
    ]);
  });

  it('for a token payment, says why it is a token and when it will be reviewed', async () => {
    const { affordability, proposal } = await planFor('deficit-budget.json');
    const token = findOption(proposal, 'token');
    const letter = flat(renderCreditorLetter(proposal, token, 0, { affordability, sender: SENDER }));
    expect(letter).toContain('Offer of a token payment');
    expect(letter).toContain('Why this is a token payment The customer’s budget leaves a shortfall of £358.10 a month for non-priority creditors');
    // The creditor's own token, £1.00 of the £2.00 paid to the two of them.
    expect(letter).toContain('The token payment of £1.00 a month shows that the customer wants to deal with the debt');
    // Three token payments from 4 January 2027, then the review, as the plan gives it.
    expect(letter).toMatch(/We will review the customer’s budget by \d{1,2} [A-Z][a-z]+ 2027 and write to you again then\./);
    const ordinary = flat(renderCreditorLetter(proposal, proposal.options.findIndex((o) => o.kind !== 'token'), 0, { affordability, sender: SENDER }));
    expect(ordinary).not.toContain('token');
  });
});

describe('the customer’s own letter in a pack', () => {
  it('says what to pay each creditor, to which account and from when, and to keep paying the priority debts, with their amounts', async () => {
    const { affordability, proposal } = await planFor('two-creditors-one-charging.json');
    const letter = flat(renderLetter(proposal, proposal.recommended.index, { affordability, sender: SENDER, pack: true }));
    expect(letter).toContain('Dear Amira Hassan');
    expect(letter).toMatch(/- Harbour Bank \(credit card\) \(account 4929 \*{4} \*{4} 6612\): £[\d.,]+ a month from 29 January 2027/);
    expect(letter).toMatch(/- Fairway Finance \(personal loan\) \(account PL-30117845\): £[\d.,]+ a month from 29 January 2027/);
    expect(letter).toContain('Yours sincerely Sam Patel Riverside Money Advice');

    const homeowner = await planFor('homeowner-several-creditors.json', '2027-01-10');
    const withPriority = flat(renderLetter(homeowner.proposal, homeowner.proposal.recommended.index, { affordability: homeowner.affordability, pack: true }));
    expect(withPriority).toContain('Keep paying your priority debts');
    expect(withPriority).toContain('- Westbrook Council (council tax arrears): £40.00 a month - Brightpower Energy (electricity arrears): £6.00 a week');
  });

  it('printed alone (plan --letter) is the body only: no letterhead, so no gap', async () => {
    const { affordability, proposal } = await planFor('homeowner-several-creditors.json', '2027-01-10');
    const { document, gaps } = customerLetter(proposal, proposal.recommended.index, { affordability });
    expect(document.blocks[0]).toEqual({ kind: 'title', text: 'Your repayment plan' });
    expect(gaps).toEqual([]);
  });
});

describe('a pack', () => {
  it('warns once for each way to fill its gaps, and not at all when every detail is given', async () => {
    const bare = await planFor('homeowner-several-creditors.json', '2027-01-10');
    const { warnings } = await creditorPack(bare.proposal, bare.proposal.recommended.index, bare.affordability, { formats: ['txt'] });
    expect(warnings).toHaveLength(4);
    expect(warnings[0]).toBe(
      'the letters show a gap marked [MISSING: …] for the sender’s organisation, the adviser’s name, the sender’s address and the sender’s telephone number: give the sender’s details with --sender FILE (see docs/letters.md)',
    );
    const full = await planFor('two-creditors-one-charging.json');
    const pack = await creditorPack(full.proposal, full.proposal.recommended.index, full.affordability, { formats: ['txt'], sender: SENDER });
    expect(pack.warnings).toEqual([]);
    for (const file of pack.files) expect(String(file.content), file.name).not.toContain('[MISSING');
  });

  it('words a letter as an organisation’s template says, and the others in fairplan’s words', async () => {
    const { affordability, proposal } = await planFor('two-creditors-one-charging.json');
    const templates = new Map([['creditor-offer.mustache', { text: '# Our offer\n\nTo {{creditor}} ({{account_reference}}): {{offer}}\n\n{{sender_organisation}}\n', source: 'own/creditor-offer.mustache' }]]);
    const { files } = await creditorPack(proposal, proposal.recommended.index, affordability, { formats: ['txt'], sender: SENDER, templates });
    const byName = new Map(files.map((f) => [f.name, String(f.content)]));
    expect(byName.get('letter-01-harbour-bank-credit-card.txt')).toMatch(/^Our offer\n\nTo Harbour Bank \(credit card\) \(4929 \*{4} \*{4} 6612\): We offer you £/);
    expect(byName.get('letter-customer.txt')).toContain('Thank you for going through your budget with us.');
  });
});
