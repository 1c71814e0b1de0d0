/**
 * A call that drops in the middle of a question of several answers (the pay schedule, savings, the
 * debt admin fee, an expected change, a note about the customer's circumstances) loses none of the
 * answers given: each is saved in the draft as it is given, kept out of the statement until the
 * last one, and on resuming the advisor carries on at the first part not yet answered.
 */
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/advise/affordability.js';
import { draftToJson, parseDraft } from '../../src/advise/draft-file.js';
import type { Draft } from '../../src/advise/draft.js';
import { proposeFor } from '../../src/advise/plans.js';
import { runSession } from '../../src/advise/run.js';
import { householdStep } from '../../src/advise/steps/household.js';
import { sectionStep } from '../../src/advise/steps/section.js';
import { CTRL_C, type Answer } from './scripted-prompter.js';
import { harness } from './session-harness.js';
import { draftAt, FAMILY } from './statements.js';
import { FILE_NOTE_QUESTION } from '../../src/advise/steps/vulnerability.js';

/** Runs `step` until the script presses Ctrl-C; the draft saved last, as read back from its file. */
async function interrupted(answers: readonly Answer[], draft: Draft, step: (h: ReturnType<typeof harness>) => Promise<void>): Promise<Draft> {
  const first = harness([...answers, CTRL_C], draft);
  await expect(step(first)).rejects.toMatchObject({ name: 'ExitPromptError' });
  const last = first.saved.at(-1);
  if (!last) throw new Error('no draft was saved');
  return parseDraft(draftToJson(last), 'draft.json');
}

describe('the pay schedule, interrupted after how often', () => {
  it('keeps the frequency, out of the statement, and on resuming asks only the next payday', async () => {
    const kept = await interrupted(['Done', 'fortnightly'], draftAt('income'), (h) => sectionStep(h.session, 'income'));
    expect(kept.pending).toEqual({ item: 'pay', answers: ['fortnightly'] });
    expect(kept.statement.pay).toBeUndefined();
    expect(kept.step).toBe('income');

    const resumed = harness(['2026-12-04'], kept);
    await sectionStep(resumed.session, 'income');
    expect(resumed.prompter.questions).toEqual(['Next payday (YYYY-MM-DD)']);
    expect(resumed.prompter.transcript).toContain('Carrying on with the pay schedule, from the answers kept:');
    expect(resumed.prompter.transcript).toContain('✔ How often is the customer paid? (plans then fall on payday) fortnightly');
    expect(resumed.session.draft.statement.pay).toEqual({ frequency: 'fortnightly', nextPayDate: '2026-12-04' });
    expect(resumed.session.draft.pending).toBeUndefined();
    expect(resumed.session.draft.step).toBe('fixed');
  });
});

describe('savings, interrupted after the amount', () => {
  it('keeps the amount out of the totals until how often is answered', async () => {
    const kept = await interrupted(['Done', '£25'], draftAt('flexible'), (h) => sectionStep(h.session, 'flexible'));
    expect(kept.pending).toEqual({ item: 'savings', answers: ['£25'] });
    // 500.00 left before debts, nothing taken for savings yet.
    expect(assess(kept.statement, harness([]).session.services).totals.available.toFixed(2)).toBe('500.00');

    const resumed = harness(['weekly', ''], kept);
    await sectionStep(resumed.session, 'flexible');
    expect(resumed.prompter.questions).toEqual(['How often', 'Debt admin fee to a debt management firm, a month (0 if none)']);
    // 25.00 a week × 52 ÷ 12 = 108.333…, 108.33 to the penny: 500.00 − 108.33 = 391.67.
    expect(assess(resumed.session.draft.statement, resumed.session.services).totals.available.toFixed(2)).toBe('391.67');
    expect(resumed.session.draft.step).toBe('priority-debts');
  });
});

describe('the debt admin fee, interrupted after the amount', () => {
  it('keeps the amount out of the totals, and on resuming asks only how often', async () => {
    const kept = await interrupted(['Done', '', '£30'], draftAt('flexible'), (h) => sectionStep(h.session, 'flexible'));
    expect(kept.pending).toEqual({ item: 'debt-admin-fee', answers: ['£30'] });
    expect(assess(kept.statement, harness([]).session.services).totals.debtAdminFee.isZero()).toBe(true);

    const resumed = harness(['monthly'], kept);
    await sectionStep(resumed.session, 'flexible');
    expect(resumed.prompter.questions).toEqual(['How often']);
    // 500.00 − 30.00 = 470.00.
    expect(assess(resumed.session.draft.statement, resumed.session.services).totals.available.toFixed(2)).toBe('470.00');
  });
});

describe('a note about their circumstances, interrupted before the note', () => {
  it('keeps the driver, raises no flag yet, and on resuming asks for the note without going through the household again', async () => {
    const kept = await interrupted(['', '1', '2', '0', '', 'Health', 'y', 'n'], draftAt('household'), (h) => householdStep(h.session));
    expect(kept.pending).toEqual({ item: 'circumstances', answers: ['health'] });
    expect(kept.statement.vulnerabilities).toEqual([]);
    expect(assess(kept.statement, harness([]).session.services).flags.map((f) => f.code)).not.toContain('vulnerability');

    const resumed = harness(['Long Covid, works reduced hours', ''], kept);
    await householdStep(resumed.session);
    expect(resumed.prompter.questions[0]).toBe(FILE_NOTE_QUESTION);
    expect(resumed.prompter.questions).not.toContain('Adults in the household');
    expect(resumed.session.draft.statement.vulnerabilities).toEqual([{ driver: 'health', note: 'Long Covid, works reduced hours' }]);
    expect(resumed.session.draft.step).toBe('income');
  });
});

describe('an expected change, interrupted before what is changing', () => {
  it('is not in the statement, the plans or the export until finished, and is then exported once', async () => {
    // The household; income, its payday; fixed costs and no forgotten bills; flexible costs, no savings or fee; no priority debts; the debts.
    const opening = ['', '1', '2', '0', '', '', 'Done', '', '2026-12-01', 'Done', '', '', '', 'Done', '', '', 'Done', 'Done'];
    const kept = await interrupted([...opening, 'Yes', '2027-03-01', 'More', '150'], draftAt('household'), (h) => runSession(h.session));
    expect(kept.step).toBe('debts');
    expect(kept.pending).toEqual({ item: 'expected-changes', answers: ['2027-03-01', 'more', '150'] });
    expect(kept.statement.expectedChanges).toEqual([]);
    const services = harness([]).session.services;
    expect(proposeFor(assess(kept.statement, services), services).options.map((o) => o.kind)).not.toContain('step-up');

    const resumed = harness(['Car loan ends in February', '', 'On to the plan options', 'Step-up', 'Agree', '', ''], kept);
    await runSession(resumed.session);
    expect(resumed.prompter.questions.slice(0, 2)).toEqual([
      'What is changing?',
      'Any change expected in what they can afford (a new job, a loan ending)?',
    ]);
    const [{ bundle } = { bundle: undefined }] = resumed.exports;
    expect(bundle?.statement.expectedChanges.map((c) => [c.from, c.monthlyChange.toFixed(2), c.note])).toEqual([
      ['2027-03-01', '150.00', 'Car loan ends in February'],
    ]);
    expect(bundle?.proposal.options[bundle.optionIndex]?.kind).toBe('step-up');
  });
});

describe('a kept answer the question no longer accepts', () => {
  it('is asked again, offered as the default, with the hint', async () => {
    // A draft from a call on 2026-11-01 resumed on 2026-11-25: its date is now in the past; "more" still stands.
    const kept: Draft = { ...draftAt('debts', FAMILY), pending: { item: 'expected-changes', answers: ['2026-11-10', 'more'] } };
    const resumed = harness(['', '2026-12-01', '40', 'Overtime', ''], kept);
    await sectionStep(resumed.session, 'debts');
    expect(resumed.prompter.hints).toEqual(['Please choose 2026-11-25 or later']);
    expect(resumed.session.draft.statement.expectedChanges[0]).toMatchObject({ from: '2026-12-01', note: 'Overtime' });
  });
});
