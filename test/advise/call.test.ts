/**
 * A whole call as an advisor takes it, scripted: a couple with a child, five creditors (one last
 * paid seven years ago, a card still charging interest), the amount changed and then the budget
 * lowered. What it records of the customer and each debt, the questions about what callers forget,
 * Esc, the menus' typed letters, and the words on screen.
 */
import { describe, expect, it } from 'vitest';
import { runSession } from '../../src/advise/run.js';
import { sectionStep } from '../../src/advise/steps/section.js';
import { SHARE_WITH_QUESTION } from '../../src/advise/steps/share.js';
import { draftFrom, newDraft } from '../../src/advise/draft.js';
import { EXPENDITURE_CATEGORIES, INCOME_CATEGORIES } from '../../src/core/statement.js';
import { money } from '../../src/core/money.js';
import { parseStatementText } from '../../src/statement/load.js';
import { toFairplanJson } from '../../src/statement/write.js';
import { toSfsJson } from '../../src/statement/sfs.js';
import { assessAffordability } from '../../src/core/affordability/assess.js';
import { parseIsoDate } from '../../src/core/date.js';
import { CTRL_C, ESC } from './scripted-prompter.js';
import { harness } from './session-harness.js';
import { draftAt, FAMILY } from './statements.js';

/** The call, answer by answer ('' is Enter on what is offered). */
export const COUPLE_CALL: readonly string[] = [
  // The customer, then the household: two adults, a child, renting.
  'Sam and Alex Green', '12 Acacia Road, Leeds, LS1 1AA', 'GR-2041', 'Full-time',
  '2', '1', '0', 'Renting privately',
  'Health', 'y', 'n', 'Anxiety; prefers letters to calls', '',
  // Income; the payday asked, not taken to be today.
  'Add a line', 'Wages', '', '1650.00', 'monthly',
  '', "Partner's wages", '', '620.00', 'monthly',
  '', 'Child Benefit', '', '26.05', 'weekly',
  'Done', '', '2026-11-27',
  // Fixed costs; council tax paid over ten months; no TV licence or home insurance.
  'Add a line', 'Rent', '', '725.00', 'monthly',
  '', 'Council tax', '', '160.00', 'monthly',
  '', 'Gas and electricity', '', '140.00', 'monthly',
  '', 'Water', '', '45.00', 'monthly',
  'Done', 'y', '', '',
  'Add a line', 'Food', '', '520.00', 'monthly',
  '', 'Phone and broadband', '', '55.00', 'monthly',
  'Done', '', '',
  'Done',
  // Five creditors: the card still charging interest, a joint loan, the partner's catalogue, a loan last paid in 2019.
  'Add a line', 'Harbour Bank credit card', '4929 1234 5678 6612', '3200.00', '', 'Still', '24.9', '2026-10-28', 'n', '',
  '', 'Fairway Finance loan', 'PL-30117845', '2100.00', 'Joint', '', '2026-10-15', 'n', '',
  '', 'Lumen Shopping catalogue', 'LS-88120', '640.00', "Partner's", '', '2026-09-30', 'n', '',
  '', 'Quickline Loans', 'QL-771', '480.00', '', '', '2019-06-14', 'n', '',
  '', 'Brightside Mobile', 'BM-5521', '310.00', '', '', '', 'n', '',
  'Done', '',
  // Quickline Loans, last paid in 2019, is left out of the offers until it has been checked (Enter).
  'On to the plan options', '', 'Affordable',
  // 700.00 a month agreed; then the food is found to be 600.00, lowering the budget below it.
  'Change the amount', '700.00',
  'Go back to another part', 'Flexible costs', 'Edit a line', '1.', '', '', '600.00', '',
  'Go back to another part', 'Affordability summary', 'On to the plan options',
  'Change the amount', '',
  'Agree this plan all the same', 'y', 'Reviewed with the customer; letters only', 'Save', '',
];

describe('a whole call, scripted', () => {
  it('records the customer, each debt and each line as asked, and exports a plan within the lowered budget', async () => {
    const { session, prompter, exports } = harness(COUPLE_CALL, newDraft());
    await runSession(session);
    expect(prompter.remaining).toBe(0);
    const [{ bundle } = { bundle: undefined }] = exports;
    const statement = bundle?.statement;
    expect(statement?.customer).toEqual({ name: 'Sam and Alex Green', address: ['12 Acacia Road', 'Leeds', 'LS1 1AA'], reference: 'GR-2041', employment: 'Full-time' });
    expect(statement?.takenOn).toBe('2026-11-25');
    expect(statement?.pay).toEqual({ frequency: 'monthly', nextPayDate: '2026-11-27' });
    expect(statement?.income.map((l) => l.sfs)).toEqual(['client-salary-or-wages', 'partner-salary-or-wages', 'child-benefit']);
    expect(statement?.expenditure.map((l) => [l.label, l.sfs, l.amount.toFixed(2), l.frequency])).toEqual([
      ['Rent', 'rent', '725.00', 'monthly'],
      // Ten payments of 160.00 over the year: 1,600.00 ÷ 12 = 133.33 a month.
      ['Council tax', 'council-tax-rates', '1600.00', 'annual'],
      ['Gas and electricity', 'electricity', '140.00', 'monthly'],
      ['Water', 'water-supply', '45.00', 'monthly'],
      ['Food', 'groceries', '600.00', 'monthly'],
      ['Phone and broadband', 'home-phone-internet-tv', '55.00', 'monthly'],
    ]);
    const [card, loan, catalogue, old] = statement?.debts ?? [];
    expect(card).toMatchObject({ creditor: 'Harbour Bank credit card', accountReference: '4929 1234 5678 6612', owner: 'customer', lastPaymentOn: '2026-10-28' });
    expect(card?.interest).toMatchObject({ kind: 'continuing' });
    expect(card?.interest?.kind === 'continuing' && card.interest.annualRatePercent.toString()).toBe('24.9');
    expect(loan).toMatchObject({ owner: 'joint', interest: { kind: 'frozen' } });
    expect(catalogue).toMatchObject({ owner: 'partner' });
    expect(old).toMatchObject({ creditor: 'Quickline Loans', lastPaymentOn: '2019-06-14' });
    // Income 1,650.00 + 620.00 + 26.05 × 52 ÷ 12 (112.88) = 2,382.88; costs 725.00 + 133.33 + 140.00 + 45.00
    // + 600.00 + 55.00 = 1,698.33: 684.55 left. The 700.00 agreed is above it: the amount is 684.55.
    const option = bundle?.proposal.options[bundle.optionIndex];
    expect(bundle?.affordability.totals.available.toFixed(2)).toBe('684.55');
    expect(option?.instalmentAmount.toFixed(2)).toBe('684.55');
    expect(option?.affordable).toBe(true);
    expect(bundle?.overrideReason).toBe('Reviewed with the customer; letters only');
  });

  it('gives every menu of actions choices that each start with a letter of their own', async () => {
    const { session, prompter } = harness(COUPLE_CALL, newDraft());
    await runSession(session);
    const menus = prompter.selects.filter((q) => !q.search);
    expect(menus.length).toBeGreaterThan(40);
    for (const menu of menus) {
      const letters = menu.choices.map((c) => c.name.trim().charAt(0).toLowerCase());
      expect(new Set(letters).size, `${menu.message}: ${menu.choices.map((c) => c.name).join(' | ')}`).toBe(letters.length);
    }
    // "d" is Done in a section's menu, never "Delete a line".
    const section = menus.find((q) => q.message === 'Other debts: what next?');
    expect(section?.choices.filter((c) => c.name.toLowerCase().startsWith('d')).map((c) => c.value)).toEqual(['next']);
  });

  it('never shows the codes of the categories, in what it says, asks or offers', async () => {
    const { session, prompter } = harness(COUPLE_CALL, newDraft());
    await runSession(session);
    const shown = [prompter.transcript, ...prompter.questions, ...prompter.menus.flat()].join('\n');
    const codes = [...INCOME_CATEGORIES, ...EXPENDITURE_CATEGORIES].filter((c) => c.includes('-'));
    for (const code of codes) expect(shown).not.toContain(code);
    expect(shown).not.toMatch(/\b(council-tax-rates|client-salary-or-wages|water-supply)\b/);
  });
});

describe('a debt loaded from a statement', () => {
  const LOADED = `{
    "customer": { "name": "Jo Bloggs", "address": ["1 High Street", "York"], "reference": "JB-1", "employment": "Part-time" },
    "household": { "adults": 2, "children": 0, "vehicles": 0, "tenure": "tenant-private" },
    "income": [{ "category": "earnings", "label": "Wages", "amount": "1500", "frequency": "monthly", "sfs": "client-salary-or-wages" }],
    "debts": [{ "creditor": "Acme Bank", "balance": "1200", "interest": { "kind": "continuing", "rate": "19.9" }, "ccj": true,
      "lastPaymentOn": "2026-06-30", "accountReference": "AC-99", "owner": "joint", "note": "Default notice in May" }]
  }`;

  it('keeps every field it had when only its balance is changed', async () => {
    const statement = parseStatementText(LOADED, 'loaded.json');
    const { session } = harness(['Edit a line', '1.', '', '', '1000', '', '', '', '', 'y', '', 'Done', ''], draftAt('debts', statement));
    await sectionStep(session, 'debts');
    const before = JSON.parse(toFairplanJson(statement));
    const after = JSON.parse(toFairplanJson(session.draft.statement));
    expect(after.debts[0]).toEqual({ ...before.debts[0], balance: '1000' });
    expect({ ...after, debts: undefined }).toEqual({ ...before, debts: undefined });
  });

  it('keeps every field of a line when only its amount is changed', async () => {
    const statement = parseStatementText(LOADED, 'loaded.json');
    const { session } = harness(['Edit a line', '1.', '', '', '1600', '', 'Done', '', ''], draftAt('income', { ...statement, pay: { frequency: 'monthly', nextPayDate: parseIsoDate('2026-11-30') } }));
    await sectionStep(session, 'income');
    expect(session.draft.statement.income[0]).toMatchObject({ label: 'Wages', sfs: 'client-salary-or-wages', frequency: 'monthly' });
    expect(session.draft.statement.income[0]?.amount.toFixed(2)).toBe('1600.00');
  });

  it('gives the SFS the customer’s name, address and employment', () => {
    const statement = parseStatementText(LOADED, 'loaded.json');
    const sfs = JSON.parse(toSfsJson(statement, assessAffordability(statement, { asOf: parseIsoDate('2026-11-25') })));
    expect(sfs['client-name']).toBe('Jo Bloggs');
    expect(sfs['client-address']).toBe('1 High Street, York');
    expect(sfs['client-employment-status']).toEqual(['Part-time']);
    expect(sfs['client-employment-status-other']).toBeUndefined();
  });
});

describe('Esc', () => {
  it('leaves a line half typed without adding it, back at the section’s menu', async () => {
    const { session, prompter } = harness(['Add another line', 'Quick Loans', ESC, 'Done', ''], draftAt('debts'));
    await sectionStep(session, 'debts');
    expect(session.draft.statement.debts.map((d) => d.creditor)).toEqual(['Acme Bank', 'Lender Ltd']);
    expect(session.draft.pending).toBeUndefined();
    expect(prompter.questions.filter((q) => q === 'Other debts: what next?')).toHaveLength(2);
  });

  it('at a section’s menu, asks which part to go back to; Esc there stays', async () => {
    const { session } = harness([ESC, ESC, 'Done', ''], draftAt('debts'));
    await sectionStep(session, 'debts');
    expect(session.draft.step).toBe('debts');
  });

  it('at a question of the household, starts the household again, losing nothing saved', async () => {
    const { session, prompter } = harness(['Jo', '', '', '', '2', ESC, '', '', '', '', '', CTRL_C], draftFrom(FAMILY));
    await expect(runSession(session)).rejects.toMatchObject({ name: 'ExitPromptError' });
    expect(session.draft.statement.customer).toEqual({ name: 'Jo' });
    expect(session.draft.statement.household.adults).toBe(2);
    expect(prompter.questions.filter((q) => q === 'Dependent children')).toHaveLength(2);
  });
});

describe('what callers forget, on moving on from the fixed costs', () => {
  it('asks for water, the TV licence and home insurance when none is entered, each skipped with Enter', async () => {
    const { session, prompter } = harness(['Done', '', '12.75', '', ''], draftAt('fixed'));
    await sectionStep(session, 'fixed');
    expect(prompter.questions.filter((q) => q.startsWith('Nothing is entered for'))).toHaveLength(3);
    expect(session.draft.statement.expenditure.filter((l) => l.sfs === 'tv-licence').map((l) => [l.category, l.amount.toFixed(2)])).toEqual([['home', '12.75']]);
    expect(session.draft.step).toBe('flexible');
  });

  it('offers council tax paid over ten months as its figure over the year; No keeps it', async () => {
    const withTax = { ...FAMILY, expenditure: [...FAMILY.expenditure, { category: 'home' as const, label: 'Council tax', amount: money('98.00'), frequency: 'monthly' as const, sfs: 'council-tax-rates' }] };
    const yes = harness(['Done', 'y', '', '', ''], draftAt('fixed', withTax));
    await sectionStep(yes.session, 'fixed');
    const converted = yes.session.draft.statement.expenditure.find((l) => l.sfs === 'council-tax-rates');
    // 98.00 × 10 = 980.00 a year: 81.67 a month (980 ÷ 12 = 81.666…, half up).
    expect([converted?.amount.toFixed(2), converted?.frequency]).toEqual(['980.00', 'annual']);
    expect(assessAffordability(yes.session.draft.statement, { asOf: parseIsoDate('2026-11-25') }).expenditure.find((l) => l.line.sfs === 'council-tax-rates')?.monthly.toFixed(2)).toBe('81.67');
    const no = harness(['Done', '', '', '', ''], draftAt('fixed', withTax));
    await sectionStep(no.session, 'fixed');
    expect(no.session.draft.statement.expenditure.find((l) => l.sfs === 'council-tax-rates')?.frequency).toBe('monthly');
  });
});

describe('consent to share, asked once the creditors are known', () => {
  const shared = {
    ...FAMILY,
    vulnerabilities: [{ driver: 'health' as const, note: 'Bipolar disorder', forCreditors: 'Please write rather than phone.' }],
    vulnerabilityConsent: { toRecord: true, toShare: true },
  };

  it('records the creditors the customer agrees to, one by one', async () => {
    const { session } = harness(['Done', 'Some', 'y', 'n', ''], draftAt('debts', shared));
    await sectionStep(session, 'debts');
    expect(session.draft.statement.vulnerabilityConsent).toEqual({ toRecord: true, toShare: true, creditors: ['Acme Bank'] });
  });

  it('records all of them with one Enter, and is not asked without consent to share', async () => {
    const all = harness(['Done', '', ''], draftAt('debts', shared));
    await sectionStep(all.session, 'debts');
    expect(all.session.draft.statement.vulnerabilityConsent).toEqual({ toRecord: true, toShare: true });
    const none = harness(['Done', ''], draftAt('debts', { ...shared, vulnerabilityConsent: { toRecord: true, toShare: false } }));
    await sectionStep(none.session, 'debts');
    expect(none.prompter.questions).not.toContain(SHARE_WITH_QUESTION);
  });
});
