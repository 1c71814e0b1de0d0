/**
 * The parts of a statement that are not lines: the customer's circumstances (household step), the
 * pay schedule (end of income), savings (end of flexible costs) and an expected change (end of the
 * debts). Each is skipped with one Enter, saved as it is answered, and kept from a loaded statement.
 */
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/advise/affordability.js';
import { draftFrom } from '../../src/advise/draft.js';
import { draftToJson, parseDraft } from '../../src/advise/draft-file.js';
import { ADVISE_FILES } from '../../src/advise/export-files.js';
import type { ExportFile } from '../../src/advise/export.js';
import { proposeFor } from '../../src/advise/plans.js';
import { householdStep } from '../../src/advise/steps/household.js';
import { CONSENT_TO_RECORD_QUESTION, CONSENT_TO_SHARE_QUESTION, CREDITORS_NOTE_QUESTION, FILE_NOTE_QUESTION } from '../../src/advise/steps/vulnerability.js';
import { sectionStep } from '../../src/advise/steps/section.js';
import { parseIsoDate, type IsoDate } from '../../src/core/date.js';
import { money } from '../../src/core/money.js';
import type { Statement } from '../../src/core/statement.js';
import { CTRL_C } from './scripted-prompter.js';
import { harness } from './session-harness.js';
import { draftAt, FAMILY, SESSION } from './statements.js';

/** FAMILY with every part that is not a line filled in. */
const DETAILED: Statement = {
  ...FAMILY,
  savings: { amount: money('20.00'), frequency: 'monthly' },
  vulnerabilities: [{ driver: 'health', note: 'Anxiety: prefers letters to calls' }],
  pay: { frequency: 'fortnightly', nextPayDate: '2026-12-04' as IsoDate },
  expectedChanges: [{ from: '2027-03-01' as IsoDate, monthlyChange: money('150.00'), note: 'Car loan ends in February' }],
};

describe("the customer's circumstances, in the household step", () => {
  it('asks respectfully, and one Enter means nothing to note', async () => {
    const { session, prompter } = harness(['', '1', '2', '0', '', '']);
    await householdStep(session);
    expect(prompter.questions).toContain(
      "Is there anything about the customer's health or circumstances that makes managing money harder right now?",
    );
    expect(session.draft.statement.vulnerabilities).toEqual([]);
    expect(session.draft.step).toBe('income');
  });

  it('records each marker with a note in the advisor’s words, saved before moving on', async () => {
    // Consent to record it is asked once, before the first note; consent to share separately (No here).
    const { session, saved, prompter } = harness(['', '1', '2', '0', '', 'Health', 'y', 'n', 'Long Covid, works reduced hours', 'A life event', 'Recently bereaved', '']);
    await householdStep(session);
    expect(prompter.questions.filter((q) => q === CONSENT_TO_RECORD_QUESTION || q === CONSENT_TO_SHARE_QUESTION)).toEqual([CONSENT_TO_RECORD_QUESTION, CONSENT_TO_SHARE_QUESTION]);
    expect(prompter.questions).not.toContain(CREDITORS_NOTE_QUESTION);
    expect(session.draft.statement.vulnerabilities).toEqual([
      { driver: 'health', note: 'Long Covid, works reduced hours' },
      { driver: 'life-events', note: 'Recently bereaved' },
    ]);
    expect(session.draft.statement.vulnerabilityConsent).toEqual({ toRecord: true, toShare: false, on: session.services.asOf });
    const atHousehold = saved.filter((d) => d.step === 'household');
    expect(atHousehold.at(-1)?.statement.vulnerabilities).toHaveLength(2);
  });

  it('keeps nothing about their circumstances when the customer does not agree to it being noted', async () => {
    const { session, prompter } = harness(['', '1', '2', '0', '', 'Health', 'n']);
    await householdStep(session);
    expect(prompter.questions).not.toContain(FILE_NOTE_QUESTION);
    expect(session.draft.statement.vulnerabilities).toEqual([]);
    expect(session.draft.statement.vulnerabilityConsent).toMatchObject({ toRecord: false, toShare: false });
    expect(session.draft.step).toBe('income');
  });

  it('with consent to share, asks separately what the creditors may be told', async () => {
    const { session } = harness(['', '1', '2', '0', '', 'Health', 'y', 'y', 'Bipolar disorder, in hospital in October', 'Please allow extra time to reply', '']);
    await householdStep(session);
    expect(session.draft.statement.vulnerabilities).toEqual([
      { driver: 'health', note: 'Bipolar disorder, in hospital in October', forCreditors: 'Please allow extra time to reply' },
    ]);
    expect(session.draft.statement.vulnerabilityConsent).toMatchObject({ toRecord: true, toShare: true });
  });

  it('lists the notes of a loaded statement, keeps them on Enter, and deletes one on request', async () => {
    const kept = harness(['', '', '', '', '', ''], draftFrom(DETAILED));
    await householdStep(kept.session);
    expect(kept.prompter.transcript).toContain('1. Health: Anxiety: prefers letters to calls');
    expect(kept.session.draft.statement.vulnerabilities).toEqual(DETAILED.vulnerabilities);

    const removed = harness(['', '', '', '', '', 'Remove a note', '1.', 'y', ''], draftFrom(DETAILED));
    await householdStep(removed.session);
    expect(removed.session.draft.statement.vulnerabilities).toEqual([]);
  });
  it('changes a note in place, its old answers offered as the defaults', async () => {
    const { session, prompter } = harness(['', '', '', '', '', 'Edit a note', '1.', 'Capability', '', ''], draftFrom(DETAILED));
    await householdStep(session);
    expect(prompter.menus.find((m) => m.includes('Edit a note'))).toContain('Remove a note');
    expect(session.draft.statement.vulnerabilities).toEqual([{ driver: 'capability', note: 'Anxiety: prefers letters to calls' }]);
  });

  it('keeps a change to a note half made on Ctrl-C, and finishes it in place on resuming', async () => {
    const first = harness(['', '', '', '', '', 'Edit a note', '1.', 'A life event', CTRL_C], draftFrom(DETAILED));
    await expect(householdStep(first.session)).rejects.toMatchObject({ name: 'ExitPromptError' });
    const kept = first.saved.at(-1);
    expect(kept?.pending).toEqual({ item: 'circumstances', index: 0, answers: ['life-events'] });
    expect(kept?.statement.vulnerabilities).toEqual(DETAILED.vulnerabilities);

    const resumed = harness(['Recently bereaved', ''], kept);
    await householdStep(resumed.session);
    expect(resumed.session.draft.statement.vulnerabilities).toEqual([{ driver: 'life-events', note: 'Recently bereaved' }]);
  });
});

describe('the pay schedule, at the end of the income', () => {
  it('records how often and the next payday, and the plans then fall on payday', async () => {
    const { session } = harness(['Done', 'fortnightly', '2026-12-04'], draftAt('income'));
    await sectionStep(session, 'income');
    expect(session.draft.statement.pay).toEqual({ frequency: 'fortnightly', nextPayDate: '2026-12-04' });
    expect(session.draft.step).toBe('fixed');
    const affordable = proposeFor(assess(session.draft.statement, session.services), session.services).options.find((o) => o.kind === 'affordable');
    // 500.00 a month × 12 ÷ 26 = 230.769… a fortnight: 230.76, first on payday, Friday 4 December.
    expect(affordable?.frequency).toBe('fortnightly');
    expect(affordable?.instalments[0]?.due).toBe('2026-12-04');
    expect(affordable?.instalmentAmount.toFixed(2)).toBe('230.76');
  });

  it('is offered at the frequency of the earnings entered', async () => {
    const fortnightly = { ...FAMILY, income: [{ ...FAMILY.income[0]!, amount: money('830.77'), frequency: 'fortnightly' as const }] };
    const { session } = harness(['Done', '', '2026-12-04'], draftAt('income', fortnightly));
    await sectionStep(session, 'income');
    expect(session.draft.statement.pay).toEqual({ frequency: 'fortnightly', nextPayDate: '2026-12-04' });
  });

  it('refuses a payday that has passed, naming the next one, and offers a loaded one rolled forward', async () => {
    const { session, prompter } = harness(['Done', 'fortnightly', '2026-11-13', '2026-11-27'], draftAt('income'));
    await sectionStep(session, 'income');
    // Today is 2026-11-25: a fortnight after 13 November is the 27th.
    expect(prompter.hints).toEqual(['2026-11-13 has passed: the next payday after it is 2026-11-27']);
    expect(session.draft.statement.pay?.nextPayDate).toBe('2026-11-27');

    const stale = { ...DETAILED, pay: { frequency: 'fortnightly' as const, nextPayDate: '2026-11-01' as IsoDate } };
    const loaded = harness(['Done', '', ''], draftAt('income', stale));
    await sectionStep(loaded.session, 'income');
    // 1, 15 and 29 November: the 29th is the first on or after today.
    expect(loaded.session.draft.statement.pay).toEqual({ frequency: 'fortnightly', nextPayDate: '2026-11-29' });
  });

  it('is not recorded with one Enter when no earnings say how often, keeps a loaded one on Enter, and can be taken off', async () => {
    const none = harness(['Done', ''], draftAt('income', { ...FAMILY, income: [] }));
    await sectionStep(none.session, 'income');
    expect(none.session.draft.statement.pay).toBeUndefined();

    const kept = harness(['Done', '', ''], draftAt('income', DETAILED));
    await sectionStep(kept.session, 'income');
    expect(kept.session.draft.statement.pay).toEqual(DETAILED.pay);

    const dropped = harness(['Done', 'Not recorded'], draftAt('income', DETAILED));
    await sectionStep(dropped.session, 'income');
    expect(dropped.session.draft.statement.pay).toBeUndefined();
  });
});

describe('savings, at the end of the flexible costs', () => {
  it('records an amount and how often, counted as spending', async () => {
    const { session } = harness(['Done', '£25', 'monthly', ''], draftAt('flexible'));
    await sectionStep(session, 'flexible');
    expect(session.draft.statement.savings?.amount.toFixed(2)).toBe('25.00');
    expect(session.draft.statement.savings?.frequency).toBe('monthly');
    // 500.00 left before savings − 25.00 = 475.00.
    expect(assess(session.draft.statement, session.services).totals.available.toFixed(2)).toBe('475.00');
  });

  it('is asked each payday when the pay schedule is known, and taken to be paid then unless told otherwise', async () => {
    const paid = { ...FAMILY, pay: { frequency: 'fortnightly' as const, nextPayDate: parseIsoDate('2026-12-04') } };
    const { session, prompter } = harness(['Done', '£25', '', ''], draftAt('flexible', paid));
    await sectionStep(session, 'flexible');
    expect(prompter.questions.slice(1)).toEqual([
      'Savings put by regularly (a small buffer for emergencies helps avoid new debt), each payday (0 if none)',
      'How often',
      'Debt admin fee to a debt management firm, each payday (0 if none)',
    ]);
    expect(session.draft.statement.savings?.frequency).toBe('fortnightly');
  });

  it('is none with one Enter, keeps a loaded amount on Enter, and is taken off with 0', async () => {
    const none = harness(['Done', '', ''], draftAt('flexible'));
    await sectionStep(none.session, 'flexible');
    expect(none.session.draft.statement.savings).toBeUndefined();

    const kept = harness(['Done', '', '', ''], draftAt('flexible', DETAILED));
    await sectionStep(kept.session, 'flexible');
    expect(kept.session.draft.statement.savings?.amount.toFixed(2)).toBe('20.00');

    const dropped = harness(['Done', '0', ''], draftAt('flexible', DETAILED));
    await sectionStep(dropped.session, 'flexible');
    expect(dropped.session.draft.statement.savings).toBeUndefined();
  });
});

describe('the debt admin fee, after the savings', () => {
  it('is nil with one Enter, and the question says so', async () => {
    const { session, prompter } = harness(['Done', '', ''], draftAt('flexible'));
    await sectionStep(session, 'flexible');
    expect(prompter.questions.at(-1)).toBe('Debt admin fee to a debt management firm, a month (0 if none)');
    expect(session.draft.statement.debtAdminFee).toBeUndefined();
    expect(session.draft.step).toBe('priority-debts');
  });

  it('records an amount and how often, saved in the draft, shown in the running totals and taken before the priority debts', async () => {
    const { session, saved } = harness(['Done', '', '£30', 'monthly'], draftAt('flexible'));
    await sectionStep(session, 'flexible');
    const fee = parseDraft(draftToJson(saved.at(-1) ?? session.draft), 'draft.json').statement.debtAdminFee;
    expect([fee?.amount.toFixed(2), fee?.frequency]).toEqual(['30.00', 'monthly']);

    const next = harness(['Done'], session.draft);
    await sectionStep(next.session, 'priority-debts');
    // Spending 700.00 + 400.00 + 150.00 + 50.00 = 1,300.00; 1,800.00 − 1,300.00 − 30.00 = 470.00 left.
    expect(next.prompter.transcript.replace(/\s+/g, ' ')).toContain(
      'A month: income £1,800.00, spending so far £1,300.00, debt admin fee £30.00, left £470.00',
    );
  });

  it('keeps a loaded fee on Enter and takes it off with 0', async () => {
    const loaded = { ...FAMILY, debtAdminFee: { amount: money('12.50'), frequency: 'monthly' as const, note: 'StepClear DMP' } };
    const kept = harness(['Done', '', '', ''], draftAt('flexible', loaded));
    await sectionStep(kept.session, 'flexible');
    expect(kept.session.draft.statement.debtAdminFee).toEqual(loaded.debtAdminFee);

    const dropped = harness(['Done', '', '0'], draftAt('flexible', loaded));
    await sectionStep(dropped.session, 'flexible');
    expect(dropped.session.draft.statement.debtAdminFee).toBeUndefined();
  });

  it('is in the whole statement and in both exported statements', async () => {
    const statement = { ...FAMILY, debtAdminFee: { amount: money('7.00'), frequency: 'weekly' as const } };
    const { prompter, session } = harness(['Show the whole statement', 'Done', ''], draftAt('debts', statement));
    await sectionStep(session, 'debts');
    expect(prompter.transcript).toContain('Debt admin fee: £7.00 weekly');

    const asOf = parseIsoDate('2026-11-25');
    const affordability = assess(statement, session.services);
    const proposal = proposeFor(affordability, { asOf });
    const bundle = { statement, affordability, proposal, optionIndex: 0, asOf, session: SESSION };
    const render = (name: string) => JSON.parse(ADVISE_FILES.find((f): f is ExportFile => 'name' in f && f.name === name)?.render(bundle) ?? 'null');
    expect(render('statement.json').debtAdminFee).toEqual({ amount: '7', frequency: 'weekly' });
    // 7.00 a week × 52 ÷ 12 = 30.333…: 30.33 a month in the SFS.
    expect(render('statement-sfs.json').debts['debt-admin-fee']).toEqual({ 'monthly-amount': 30.33 });
  });
});

describe('an expected change, at the end of the debts', () => {
  it('records more available from a date, which offers a step-up plan', async () => {
    const { session } = harness(
      ['Done', 'Yes', '2027-03-01', 'More', '150', 'Car loan ends in February', ''],
      draftAt('debts'),
    );
    await sectionStep(session, 'debts');
    const [change] = session.draft.statement.expectedChanges;
    expect(change).toMatchObject({ from: '2027-03-01', note: 'Car loan ends in February' });
    expect(change?.monthlyChange.toFixed(2)).toBe('150.00');
    expect(session.draft.step).toBe('summary');
    const kinds = proposeFor(assess(session.draft.statement, session.services), session.services).options.map((o) => o.kind);
    expect(kinds).toContain('step-up');
  });

  it('records less available as a fall, and refuses a date already past', async () => {
    const { session, prompter } = harness(['Done', 'Yes', '2026-01-01', '2027-04-01', 'Less', '80', 'Child Benefit for the eldest ends', ''], draftAt('debts'));
    await sectionStep(session, 'debts');
    expect(prompter.hints).toEqual(['Please choose 2026-11-25 or later']);
    expect(session.draft.statement.expectedChanges[0]?.monthlyChange.toFixed(2)).toBe('-80.00');
  });

  it('is none with one Enter, and a loaded change is listed, kept, or deleted', async () => {
    const none = harness(['Done', ''], draftAt('debts'));
    await sectionStep(none.session, 'debts');
    expect(none.session.draft.statement.expectedChanges).toEqual([]);

    const kept = harness(['Done', ''], draftAt('debts', DETAILED));
    await sectionStep(kept.session, 'debts');
    expect(kept.prompter.transcript).toContain('1. from 2027-03-01, more available: £150.00 a month (Car loan ends in February)');
    expect(kept.session.draft.statement.expectedChanges).toEqual(DETAILED.expectedChanges);

    const removed = harness(['Done', 'Remove an expected change', '1.', 'y', ''], draftAt('debts', DETAILED));
    await sectionStep(removed.session, 'debts');
    expect(removed.session.draft.statement.expectedChanges).toEqual([]);
  });

  it('changes an expected change in place, keeping what is not retyped', async () => {
    const { session } = harness(['Done', 'Edit an expected change', '1.', '', '', '200', '', ''], draftAt('debts', DETAILED));
    await sectionStep(session, 'debts');
    const changes = session.draft.statement.expectedChanges;
    expect(changes.map((c) => [c.from, c.monthlyChange.toFixed(2), c.note])).toEqual([['2027-03-01', '200.00', 'Car loan ends in February']]);
  });

  it('turns more available into less when that is what changes', async () => {
    const { session } = harness(['Done', 'Edit an expected change', '1.', '', 'Less', '', 'Overtime ends', ''], draftAt('debts', DETAILED));
    await sectionStep(session, 'debts');
    expect(session.draft.statement.expectedChanges[0]?.monthlyChange.toFixed(2)).toBe('-150.00');
  });
});

describe('the whole statement', () => {
  it('shows the savings, pay schedule, circumstances and expected change after the lines', async () => {
    const { session, prompter } = harness(['Show the whole statement', 'Done', ''], draftAt('debts', DETAILED));
    await sectionStep(session, 'debts');
    expect(prompter.transcript).toContain('Savings: £20.00 monthly');
    expect(prompter.transcript).toContain('Paid fortnightly, next on 2026-12-04');
    expect(prompter.transcript).toContain('Makes managing money harder: Health: Anxiety: prefers letters to calls');
    // Wrapped to fit the terminal.
    expect(prompter.transcript.replace(/\s+/g, ' ')).toContain(
      'Change expected from 2027-03-01, more available: £150.00 a month (Car loan ends in February)',
    );
  });
});

describe('the draft file', () => {
  it('reads back the savings, circumstances, pay schedule and expected change as written', () => {
    const back = parseDraft(draftToJson(draftAt('summary', DETAILED)), 'draft.json').statement;
    expect(back.savings?.amount.toFixed(2)).toBe('20.00');
    expect(back.savings?.frequency).toBe('monthly');
    expect(back.vulnerabilities).toEqual(DETAILED.vulnerabilities);
    expect(back.pay).toEqual(DETAILED.pay);
    expect(back.expectedChanges.map((c) => [c.from, c.monthlyChange.toFixed(2), c.note])).toEqual([
      ['2027-03-01', '150.00', 'Car loan ends in February'],
    ]);
  });
});
