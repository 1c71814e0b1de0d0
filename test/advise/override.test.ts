/**
 * A plan that asks for more than the budget shows is affordable, or any plan while a flag asks for
 * a person's review, is agreed only by a deliberate override: a second question that defaults to
 * No, then a reason the advisor types, kept with the draft and in every exported document.
 */
import { describe, expect, it } from 'vitest';
import { draftToJson, parseDraft } from '../../src/advise/draft-file.js';
import { withPlan, type Draft } from '../../src/advise/draft.js';
import { OVERRIDE_QUESTION, REASON_QUESTION } from '../../src/advise/steps/agree.js';
import { exportStep } from '../../src/advise/steps/export.js';
import { plansStep } from '../../src/advise/steps/plans.js';
import { money } from '../../src/core/money.js';
import type { Statement } from '../../src/core/statement.js';
import { CTRL_C, type Answer } from './scripted-prompter.js';
import { harness } from './session-harness.js';
import { draftAt, FAMILY } from './statements.js';

/** Wages of 1,400.00 leave 100.00 a month; 12 months of 4,000.00 needs 333.34 a month: not affordable. */
const TIGHT: Statement = { ...FAMILY, income: [{ ...FAMILY.income[0]!, amount: money('1400.00') }] };
/** The family as it is (500.00 a month, every plan affordable), with a note about the customer's health. */
const VULNERABLE: Statement = { ...FAMILY, vulnerabilities: [{ driver: 'health', note: 'Recovering from an operation' }] };
const oneLine = (text: string) => text.replace(/\s+/g, ' ');
const REASON = 'Partner starts work on 4 January and will share the payments';

async function untilCtrlC(answers: readonly Answer[], draft: Draft) {
  const run = harness([...answers, CTRL_C], draft);
  await expect(plansStep(run.session)).rejects.toMatchObject({ name: 'ExitPromptError' });
  return run;
}

describe('agreeing a fixed term that is not affordable', () => {
  it('is not done by Enter, nor by Enter twice: the second question defaults to No', async () => {
    const { session, prompter } = await untilCtrlC(['Fixed 12 months', '', ''], draftAt('plans', TIGHT));
    expect(prompter.questions).toEqual(['Which plan?', 'Agree this plan, or change it?', OVERRIDE_QUESTION, 'Agree this plan, or change it?']);
    expect(oneLine(prompter.transcript)).toContain('Agreeing this plan needs an override: the payments are above what the budget shows is affordable.');
    expect(prompter.transcript).toContain('(CONC 7.3.10R)');
    expect(session.draft.step).toBe('plans');
    expect(session.draft.override).toBeUndefined();
  });

  it('names the agreement in the menu as needing a reason', async () => {
    const { prompter } = await untilCtrlC(['Fixed 12 months'], draftAt('plans', TIGHT));
    expect(prompter.menus.at(-1)?.[0]).toBe('Agree this plan all the same (asks why)');
  });

  it('is done with Yes and a reason a person can read later: "x" is not one', async () => {
    const { session, prompter } = harness(['Fixed 12 months', 'Agree', 'y', 'x', 'ok ok', REASON], draftAt('plans', TIGHT));
    await plansStep(session);
    expect(prompter.hints).toHaveLength(2);
    expect(prompter.hints[0]).toMatch(/say why in a few words/);
    expect(session.draft.step).toBe('export');
    expect(session.draft.override).toEqual({ reason: REASON });
  });

  it('can still be backed out of after Yes: an empty reason goes back, agreeing nothing', async () => {
    const { session, prompter } = await untilCtrlC(['Fixed 12 months', 'Agree', 'y', ''], draftAt('plans', TIGHT));
    expect(prompter.questions.slice(-2)).toEqual([REASON_QUESTION, 'Agree this plan, or change it?']);
    expect(session.draft.step).toBe('plans');
    expect(session.draft.override).toBeUndefined();
  });

  it('keeps the Yes on Ctrl-C, and on --resume asks only for the reason', async () => {
    const first = await untilCtrlC(['Fixed 12 months', 'Agree', 'y'], draftAt('plans', TIGHT));
    const kept = parseDraft(draftToJson(first.saved.at(-1)!), 'draft.json');
    expect(kept.pending).toEqual({ item: 'override', answers: ['true'] });
    expect(kept.step).toBe('plans');

    const resumed = harness([REASON], kept);
    await plansStep(resumed.session);
    expect(resumed.prompter.questions).toEqual([REASON_QUESTION]);
    expect(resumed.prompter.transcript).toContain(`✔ ${OVERRIDE_QUESTION} Yes`);
    expect(resumed.session.draft).toMatchObject({ step: 'export', override: { reason: REASON } });
    expect(resumed.session.draft.pending).toBeUndefined();
  });

  it('keeps the override in the draft file, and loses it when the plan is changed', () => {
    const agreed: Draft = { ...draftAt('export', TIGHT), plan: { kind: 'fixed-term', termMonths: 12 }, override: { reason: REASON } };
    const kept = parseDraft(draftToJson(agreed), 'draft.json');
    expect(kept.override).toEqual({ reason: REASON });
    expect(withPlan(kept, { ...kept.plan!, start: '2027-01-04' as never }).override).toBeUndefined();
  });

  it('refuses a draft whose override has no reason, naming the field', () => {
    const text = draftToJson({ ...draftAt('export', TIGHT), plan: { kind: 'fixed-term', termMonths: 12 } }).replace('"step"', '"override": {"reason": " "},\n  "step"');
    expect(() => parseDraft(text, 'draft.json')).toThrow(expect.objectContaining({ context: { file: 'draft.json', field: 'override.reason' } }));
  });
});

describe('agreeing any plan while a flag asks for a person’s review', () => {
  it('takes the override even for an affordable plan', async () => {
    const { session, prompter } = await untilCtrlC(['Affordable', 'Agree', 'n'], draftAt('plans', VULNERABLE));
    expect(oneLine(prompter.transcript)).toContain("Agreeing this plan needs an override: a flag asks for a person's review (Vulnerability).");
    expect(prompter.transcript).not.toContain('CONC 7.3.10R');
    expect(session.draft.step).toBe('plans');
  });

  it('is not asked when nothing calls for it', async () => {
    const { session, prompter } = harness(['Affordable', 'Agree'], draftAt('plans'));
    await plansStep(session);
    expect(prompter.questions).not.toContain(OVERRIDE_QUESTION);
    expect(session.draft.step).toBe('export');
  });
});

describe('the export of a plan agreed by override', () => {
  const agreed: Draft = { ...draftAt('export', TIGHT), plan: { kind: 'fixed-term', termMonths: 12 }, override: { reason: REASON } };

  it('carries the reason, and keeps it in the exported statement’s notes (not in the draft’s statement)', async () => {
    const { session, exports } = harness(['', './out/'], agreed);
    await exportStep(session);
    const [{ bundle } = { bundle: undefined }] = exports;
    expect(bundle?.overrideReason).toBe(REASON);
    expect(bundle?.statement.notes).toBe(
      `Plan agreed all the same although the payments are above what the budget shows is affordable. Reason given: ${REASON}`,
    );
    expect(session.draft.statement.notes).toBeUndefined();
  });

  it('drops an override once the statement changed so that none is needed', async () => {
    const { session, exports, prompter } = harness(['', './out/'], { ...agreed, statement: FAMILY });
    await exportStep(session);
    expect(exports[0]?.bundle.overrideReason).toBeUndefined();
    expect(exports[0]?.bundle.statement.notes).toBeUndefined();
    expect(prompter.transcript).not.toContain('Agreed all the same');
  });

  it('is refused without an override, back to the plan choice', async () => {
    const { session, exports, prompter } = harness([], { ...agreed, override: undefined });
    await exportStep(session);
    expect(exports).toEqual([]);
    expect(session.draft.step).toBe('plans');
    expect(prompter.transcript).toContain('This plan can only be agreed with an override and the reason for it');
  });
});
