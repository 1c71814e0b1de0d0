import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newDraft } from '../../src/advise/draft.js';
import { runSession } from '../../src/advise/run.js';
import { householdStep } from '../../src/advise/steps/household.js';
import { sectionStep } from '../../src/advise/steps/section.js';
import { summaryStep } from '../../src/advise/steps/summary.js';
import { FREQUENCIES } from '../../src/core/frequency.js';
import { fromPence, money } from '../../src/core/money.js';
import { ADVICE_SIGNPOST } from '../../src/core/signpost.js';
import { parseGuidelinesText } from '../../src/guidelines/load.js';
import { fixture } from '../helpers/cli.js';
import { CTRL_C } from './scripted-prompter.js';
import { harness } from './session-harness.js';
import { draftAt, FAMILY } from './statements.js';

const EXAMPLE_GUIDELINES = parseGuidelinesText(
  readFileSync(fixture('guidelines', 'example-guidelines.yaml'), 'utf8'),
  'example-guidelines.yaml',
);
const oneLine = (text: string) => text.replace(/\s+/g, ' ');

describe('household step', () => {
  it('records the household make-up and saves the draft after every answer', async () => {
    // The customer's name is left out with one Enter; then the make-up.
    const { session, saved } = harness(['', '2', '1', '1', 'Buying with a mortgage', '']);
    await householdStep(session);
    expect(session.draft.statement.household).toEqual({ adults: 2, children: 1, vehicles: 1, tenure: 'mortgage' });
    expect(session.draft.statement.customer).toBeUndefined();
    expect(session.draft.step).toBe('income');
    expect(saved.slice(1).map((d) => d.statement.household.adults)).toEqual([2, 2, 2, 2, 2]);
    expect(saved[1]?.statement.household.children).toBe(0);
    expect(saved[2]?.statement.household.children).toBe(1);
  });
});

describe('the words offered', () => {
  it('names the tenures in words, each starting with a letter of its own', async () => {
    const { session, prompter } = harness(['', '1', '0', '0', '', '']);
    await householdStep(session);
    expect(prompter.menus).toContainEqual([
      'Owns the home outright',
      'Buying with a mortgage',
      'Living with parents',
      'Renting privately',
      'Council or housing association tenant',
      'Another kind of home',
    ]);
  });

  it("offers each line's SFS field by its name and section, never its code, the one its description suggests first", async () => {
    const income = harness(['Add a line', 'Wages', CTRL_C], { ...newDraft(), step: 'income' });
    await expect(sectionStep(income.session, 'income')).rejects.toMatchObject({ name: 'ExitPromptError' });
    const fields = income.prompter.selects.at(-1);
    expect(fields?.choices.map((c) => c.name)).toContain('Client salary or wages · Earnings');
    expect(fields?.choices.map((c) => c.name)).toContain('Child benefit · Benefits');
    expect(fields?.choices.find((c) => c.value === fields.default)?.name).toBe('Client salary or wages · Earnings');
    const fixed = harness(['Add another line', 'Council tax (band D)', CTRL_C], draftAt('fixed'));
    await expect(sectionStep(fixed.session, 'fixed')).rejects.toMatchObject({ name: 'ExitPromptError' });
    const costs = fixed.prompter.selects.at(-1);
    expect(costs?.choices.find((c) => c.value === costs.default)?.name).toBe('Council tax rates · Home and contents');
    for (const name of costs?.choices.map((c) => c.name) ?? []) expect(name).not.toMatch(/[a-z]+-[a-z]+/);
  });
});

describe('a section of lines', () => {
  it('adds a line typed with a hint on a bad amount, and shows the running totals', async () => {
    const empty = newDraft();
    const { session, prompter } = harness(
      ['Add a line', 'Wages', '', '12,34', '£1,234.50', 'weekly', 'Done', '', '2026-11-27'],
      { ...empty, step: 'income' },
    );
    await sectionStep(session, 'income');
    expect(session.draft.step).toBe('fixed');
    const [wages] = session.draft.statement.income;
    expect(wages).toMatchObject({ category: 'earnings', label: 'Wages', frequency: 'weekly', sfs: 'client-salary-or-wages' });
    expect(wages?.amount.toFixed(2)).toBe('1234.50');
    expect(prompter.hints).toEqual(['"12,34" is not an amount of money (expected e.g. 1234.56 or £1,234.56)']);
    // 1,234.50 a week × 52 ÷ 12 = 5,349.50 a month.
    expect(prompter.transcript).toContain('A month: income £5,349.50, spending so far £0.00, left £5,349.50');
  });

  it('shows running totals that add up on screen: income − spending so far − the fee = left, whatever the frequencies', async () => {
    const pounds = (text: string) => money(text.replace(/[£,]/g, ''));
    const line = fc.record({
      pence: fc.integer({ min: 1, max: 300_000 }),
      frequency: fc.constantFrom(...FREQUENCIES),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 4 }), fc.array(line, { maxLength: 8 }), fc.array(line, { maxLength: 2 }), fc.option(line), fc.option(line), async (incomes, costs, priority, savings, fee) => {
        const statement = {
          ...FAMILY,
          income: incomes.map(({ pence, frequency }) => ({ category: 'earnings' as const, label: 'Wages', amount: fromPence(pence), frequency })),
          expenditure: costs.map(({ pence, frequency }) => ({ category: 'food-housekeeping' as const, label: 'Food', amount: fromPence(pence), frequency })),
          priorityDebts: priority.map(({ pence, frequency }) => ({ creditor: 'Council', balance: money('900.00'), payment: fromPence(pence), frequency })),
          ...(savings ? { savings: { amount: fromPence(savings.pence), frequency: savings.frequency } } : {}),
          ...(fee ? { debtAdminFee: { amount: fromPence(fee.pence), frequency: fee.frequency } } : {}),
        };
        // Done, then no water, TV licence or home insurance.
        const { session, prompter } = harness(['Done', '', '', ''], draftAt('fixed', statement));
        await sectionStep(session, 'fixed');
        const shown = oneLine(prompter.transcript).match(
          /A month: income (£[\d,.]+), spending so far (£[\d,.]+)(?:, debt admin fee (£[\d,.]+))?, left (-?£[\d,.]+)/,
        );
        expect(shown).not.toBeNull();
        const [, income = '', spending = '', shownFee = '£0', left = ''] = shown ?? [];
        const leftShown = left.startsWith('-') ? pounds(left.slice(1)).neg() : pounds(left);
        expect(pounds(income).minus(pounds(spending)).minus(pounds(shownFee)).toFixed(2)).toBe(leftShown.toFixed(2));
      }),
      { seed: 12, numRuns: 200 },
    );
  });

  it('changes a line with its old answers as defaults, and deletes another', async () => {
    const { session, prompter } = harness(
      ['Edit a line', '2.', '', '', '175', '', 'Remove a line', '1.', 'y', 'Done', '', '', ''],
      draftAt('fixed'),
    );
    await sectionStep(session, 'fixed');
    const fixed = session.draft.statement.expenditure.filter((l) => l.category === 'home' || l.category === 'utilities');
    expect(fixed.map((l) => [l.label, l.amount.toFixed(2)])).toEqual([['Energy', '175.00']]);
    // Income 1,800.00; food 400.00 + phone 50.00 + energy 175.00 = 625.00; left 1,175.00.
    expect(prompter.transcript).toContain('A month: income £1,800.00, spending so far £625.00, left £1,175.00');
  });

  it('saves each answer of a line as it is typed, and after Ctrl-C carries on at the first part not answered', async () => {
    const first = harness(['Add a line', 'Wages', '', '1500', CTRL_C], { ...newDraft(), step: 'income' });
    await expect(sectionStep(first.session, 'income')).rejects.toMatchObject({ name: 'ExitPromptError' });
    const kept = first.saved.at(-1);
    expect(kept?.pending).toEqual({ item: 'income', answers: ['Wages', 'earnings:client-salary-or-wages', '1500'] });
    expect(kept?.statement.income).toEqual([]);

    // Resumed: the answers already typed are kept; only how often is asked.
    const second = harness(['weekly', 'Done', '', '2026-11-27'], kept);
    await sectionStep(second.session, 'income');
    expect(oneLine(second.prompter.transcript)).toContain(
      'Carrying on with the line that was being typed, from the answers kept: ✔ Describe it (e.g. Wages, Universal Credit) Wages ✔ SFS field (type to search) Client salary or wages · Earnings ✔ Wages amount 1500',
    );
    expect(second.prompter.questions.slice(0, 1)).toEqual(['How often']);
    const [wages] = second.session.draft.statement.income;
    expect(wages).toMatchObject({ category: 'earnings', label: 'Wages', frequency: 'weekly' });
    expect(wages?.amount.toFixed(2)).toBe('1500.00');
    expect(second.session.draft.pending).toBeUndefined();
  });

  it('keeps a line when the advisor thinks again about deleting it', async () => {
    const { session } = harness(['Remove a line', '1.', 'n', 'Done', ''], draftAt('debts'));
    await sectionStep(session, 'debts');
    expect(session.draft.statement.debts.map((d) => d.creditor)).toEqual(['Acme Bank', 'Lender Ltd']);
  });

  it('records a debt with a County Court Judgment', async () => {
    const { session } = harness(['Add another line', 'Quick Loans', '', '£450', '', '', 'y', 'Judgment March 2026', 'Done', ''], draftAt('debts'));
    await sectionStep(session, 'debts');
    expect(session.draft.statement.debts[2]).toMatchObject({ creditor: 'Quick Loans', ccj: true, note: 'Judgment March 2026' });
    expect(session.draft.statement.debts[2]?.balance.toFixed(2)).toBe('450.00');
  });

  it('rests on adding another line after a line is added, and on moving on otherwise', async () => {
    const { session, prompter } = harness(['Add another line', 'Quick Loans', '', '£450', '', '', 'n', '', '', 'Lend Co', '', '£90', '', '', 'n', '', 'Done', ''], draftAt('debts'));
    await sectionStep(session, 'debts');
    expect(session.draft.statement.debts.map((d) => d.creditor)).toEqual(['Acme Bank', 'Lender Ltd', 'Quick Loans', 'Lend Co']);
    expect(prompter.questions.filter((q) => q === 'Other debts: what next?')).toHaveLength(3);
    // Entering the section with lines already there, one Enter moves on.
    const entering = harness(['', ''], draftAt('debts'));
    await sectionStep(entering.session, 'debts');
    expect(entering.session.draft.step).toBe('summary');
  });

  it('shows spending above a guideline as it is typed and asks for the explanation, kept in the note', async () => {
    const { session, prompter } = harness(
      ['Add another line', 'Special diet', 'Groceries', '150', 'monthly', 'Coeliac: gluten-free food on prescription costs more', 'Done', '', ''],
      draftAt('flexible'),
      { guidelines: EXAMPLE_GUIDELINES },
    );
    await sectionStep(session, 'flexible');
    // Example guideline for 1 adult and 2 children: 400.00 (1 adult, 1 child) + 100.00 a further child = 500.00.
    // Food 400.00 + 150.00 = 550.00: 50.00 above it.
    expect(oneLine(prompter.transcript)).toContain(
      'Above the spending guideline: Food and housekeeping: £550.00 a month, £50.00 above the guideline of £500.00.',
    );
    expect(prompter.questions).toContain('What makes this spending necessary? (kept in the note for creditors)');
    expect(session.draft.statement.expenditure.find((l) => l.label === 'Special diet')?.note).toBe(
      'Coeliac: gluten-free food on prescription costs more',
    );
  });

  it('asks for no explanation when spending is within the guideline', async () => {
    const { session, prompter } = harness(
      ['Add another line', 'Clothes', '', '40', 'monthly', 'Done', '', ''],
      draftAt('flexible'),
      { guidelines: EXAMPLE_GUIDELINES },
    );
    await sectionStep(session, 'flexible');
    expect(prompter.transcript).not.toContain('Above the spending guideline');
    expect(prompter.questions).not.toContain('What makes this spending necessary? (kept in the note for creditors)');
    expect(session.draft.statement.expenditure.at(-1)).toMatchObject({ label: 'Clothes', sfs: 'clothing-footwear' });
  });

  it('goes back to another part, and shows the whole statement on request', async () => {
    const { session, prompter } = harness(['Show the whole statement', 'Go back', 'Income'], draftAt('debts'));
    await sectionStep(session, 'debts');
    expect(session.draft.step).toBe('income');
    expect(prompter.transcript).toContain('Household: 1 adult, 2 children, 0 vehicles, renting privately');
    // Each line with its SFS field: these were loaded without one, so it is the one their label suggests.
    expect(prompter.transcript).toMatch(/Rent · Rent \(guessed\) +£700\.00 +monthly +£700\.00 a month/);
    expect(prompter.transcript).toMatch(/Lender Ltd +owes £1,000\.00/);
    // Closed by the totals a month of it all.
    const whole = prompter.said.find((text) => text.includes('Household:')) ?? '';
    expect(whole).toMatch(/Food · Groceries \(guessed\) +£400\.00 +monthly +£400\.00 a month/);
    expect(whole).toMatch(/Total +£450\.00 a month/);
    expect(whole).toContain('A month: income £1,800.00, spending so far £1,300.00, left £500.00');
  });
});

describe('affordability summary', () => {
  it('shows the totals, the fair shares between creditors and the free advice signpost', async () => {
    const { session, prompter } = harness(['On to the plan options'], draftAt('summary'));
    await summaryStep(session);
    expect(session.draft.step).toBe('plans');
    // 1,800.00 − 700.00 − 150.00 − 400.00 − 50.00 = 500.00, shared 3,000 : 1,000 = 375.00 : 125.00.
    expect(prompter.transcript).toMatch(/Left for other creditors +£500\.00/);
    expect(prompter.transcript).toMatch(/Acme Bank +£375\.00/);
    expect(prompter.transcript).toMatch(/Lender Ltd +£125\.00/);
    expect(oneLine(prompter.transcript)).toContain(ADVICE_SIGNPOST);
  });

  it('lists what a person should review apart from the other points, saying so once', async () => {
    const marked = { ...FAMILY, vulnerabilities: [{ driver: 'resilience' as const, note: 'No savings' }] };
    const { session, prompter } = harness(['On to the plan options'], draftAt('summary', marked));
    await summaryStep(session);
    const text = oneLine(prompter.transcript);
    expect(text).toContain(
      'For a person to review before a plan is agreed: - The statement records circumstances that may make the customer vulnerable: a person should review any plan before it is agreed. Points to note: - ',
    );
    expect(text).not.toContain('(for review by a person)');
  });
});

describe('the whole session', () => {
  it('takes a household from nothing to an exported plan', async () => {
    const { session, exports, prompter } = harness([
      '', '1', '0', '0', 'Renting privately', '',
      'Add a line', 'Wages', '', '1500', 'monthly', 'Done', '', '2026-11-25',
      'Add a line', 'Rent', '', '900', 'monthly', 'Done', '', '', '',
      'Add a line', 'Food', '', '300', 'monthly', 'Done', '', '',
      'Done',
      'Add a line', 'Acme Bank', '', '1200', '', '', 'n', '', 'Done', '',
      'On to the plan options',
      'Affordable', 'Agree',
      'Save', '',
    ]);
    await runSession(session);
    expect(session.draft.step).toBe('done');
    expect(prompter.remaining).toBe(0);
    expect(oneLine(prompter.said[0] ?? '')).toBe(ADVICE_SIGNPOST);
    // 1,500.00 − 900.00 − 300.00 = 300.00 a month: 1,200.00 is repaid in 4 payments.
    const [{ folder, bundle } = { folder: '', bundle: undefined }] = exports;
    expect(folder).toBe('./fairplan-export-2026-11-25/');
    const chosen = bundle?.proposal.options[bundle.optionIndex];
    expect(chosen?.kind).toBe('affordable');
    expect(chosen?.instalments.map((i) => i.amount.toFixed(2))).toEqual(['300.00', '300.00', '300.00', '300.00']);
    expect(oneLine(prompter.transcript)).toContain(ADVICE_SIGNPOST);
  });

  it('stops on Ctrl-C with everything answered so far already saved', async () => {
    const { session, saved } = harness(['', '2', '0', CTRL_C]);
    await expect(runSession(session)).rejects.toMatchObject({ name: 'ExitPromptError' });
    expect(saved.at(-1)?.statement.household).toMatchObject({ adults: 2, children: 0 });
    expect(saved.at(-1)?.step).toBe('household');
  });
});
