import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessAffordability } from '../../src/core/affordability/assess.js';
import { calendarFor } from '../../src/core/calendar/index.js';
import { parseIsoDate } from '../../src/core/date.js';
import { PAYMENT_FREQUENCIES, fromMonthly } from '../../src/core/frequency.js';
import { fromPence, money, penceOf } from '../../src/core/money.js';
import { affordableAt, indexOfChoice, monthlyFor, proposeFor } from '../../src/advise/plans.js';
import { plansStep } from '../../src/advise/steps/plans.js';
import { EXPORT_QUESTION, exportStep } from '../../src/advise/steps/export.js';
import { NO_PLAN_QUESTION, STATEMENT_FOLDER_QUESTION } from '../../src/advise/steps/no-plan.js';
import { runSession } from '../../src/advise/run.js';
import { cannotWrite } from '../../src/io/write-failure.js';
import { CTRL_C, ESC } from './scripted-prompter.js';
import { harness } from './session-harness.js';
import { draftAt, FAMILY } from './statements.js';

const asOf = parseIsoDate('2026-11-25');
const family = assessAffordability(FAMILY, { asOf });

describe('an amount the advisor agrees', () => {
  it('comes back from the plan engine as exactly that amount per instalment, at every frequency', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10_000_000n }), fc.constantFrom(...PAYMENT_FREQUENCIES), (pence, frequency) => {
        const amount = fromPence(pence);
        expect(fromMonthly(penceOf(monthlyFor(amount, frequency)), frequency)).toBe(pence);
        expect(monthlyFor(amount, frequency).decimalPlaces()).toBeLessThanOrEqual(2);
      }),
    );
  });

  it('may be at most what is affordable at the frequency, to the penny', () => {
    // 500.00 a month × 12 ÷ 52 = 115.3846… a week: 115.38.
    expect(affordableAt(family, 'weekly').toFixed(2)).toBe('115.38');
    expect(affordableAt(family, 'monthly').toFixed(2)).toBe('500.00');
  });
});

describe('finding the chosen option again', () => {
  it('names a fixed term by its months, so it is found after the options are worked out again', () => {
    const proposal = proposeFor(family, { asOf });
    const index = indexOfChoice(proposal, { kind: 'fixed-term', termMonths: 24 });
    expect(index).toBeDefined();
    expect(proposal.options[index ?? -1]).toMatchObject({ kind: 'fixed-term', termMonths: 24 });
    expect(indexOfChoice(proposal, { kind: 'fixed-term', termMonths: 7 })).toBeUndefined();
  });
});

describe('plan step', () => {
  it('shows the options side by side, then the chosen schedule, and records the choice', async () => {
    const { session, prompter } = harness(['Affordable', 'Agree'], draftAt('plans'));
    await plansStep(session);
    expect(session.draft.plan).toEqual({ kind: 'affordable' });
    expect(session.draft.step).toBe('export');
    const text = prompter.transcript;
    expect(text).toMatch(/Option +Payment +Term +Total +Interest +Fits/);
    // 4,000.00 at 500.00 a month: 8 payments from 25 November 2026, nothing left after the 8th.
    expect(text).toMatch(/ 1 +2026-11-25 +£500\.00 +£0\.00 +£3,500\.00/);
    expect(text).toMatch(/ 8 +2027-06-25 +£500\.00 +£0\.00 +£0\.00/);
  });

  it('says when the chosen plan is to be reviewed with the customer: 12 months on, when the budget records no date taken', async () => {
    const { session, prompter } = harness(['Affordable', 'Agree'], draftAt('plans'));
    await plansStep(session);
    expect(prompter.transcript).toContain('Review with the customer by 2027-11-25.');
  });

  it('shows how the chosen plan shares each payment between the creditors, before its schedule', async () => {
    const { session, prompter } = harness(['Affordable', 'Agree'], draftAt('plans'));
    await plansStep(session);
    const text = prompter.transcript;
    // Owed 3,000.00 and 1,000.00: £375.00 and £125.00 of each £500.00, both repaid with the 8th payment.
    expect(text).toMatch(/Creditors\n  Each payment from 2026-11-25 is shared pro rata/);
    expect(text).toMatch(/Acme Bank +£3,000\.00 +frozen +£375\.00 +8 +2027-06-25 +£3,000\.00/);
    expect(text).toMatch(/Lender Ltd +£1,000\.00 +frozen +£125\.00 +8 +2027-06-25 +£1,000\.00/);
    expect(text.indexOf('Creditors')).toBeLessThan(text.indexOf('2026-11-25  '));
  });

  it('fits an 80-column terminal, the options beside the two-column cursor', async () => {
    const { session, prompter } = harness(['Affordable', 'Agree'], draftAt('plans'));
    await plansStep(session);
    const said = prompter.said.flatMap((t) => t.split('\n'));
    const options = prompter.menus[0] ?? [];
    expect(options[0]).toMatch(/^Affordable +£500\.00\/mo +8 months +£4,000\.00 +£0\.00 +yes/);
    expect(Math.max(...said.map((r) => r.length))).toBeLessThanOrEqual(80);
    expect(Math.max(...options.map((r) => 2 + r.length))).toBeLessThanOrEqual(80);
  });

  it('works the schedule out again when the amount changes, refusing more than is affordable', async () => {
    const { session, prompter } = harness(['Affordable', 'Change the amount', '600', '£400', 'Agree'], draftAt('plans'));
    await plansStep(session);
    expect(prompter.hints).toEqual(['That is more than the £500.00 found affordable; a plan never asks for more']);
    expect(session.draft.plan?.amount?.toFixed(2)).toBe('400.00');
    expect(prompter.transcript).toContain('Agreed payment: £400.00 a month');
    expect(prompter.transcript).toContain('It is within the £500.00 a month found affordable.');
    // 4,000.00 at 400.00 a month: 10 payments, the last on 25 August 2027.
    expect(prompter.transcript).toMatch(/10 +2027-08-25 +£400\.00 +£0\.00 +£0\.00/);
  });

  it('works the schedule out again for another frequency and start date', async () => {
    const { session, prompter } = harness(
      ['Affordable', 'How often', 'weekly', 'First payment on another date', '2027-01-04', 'Agree'],
      draftAt('plans'),
    );
    await plansStep(session);
    expect(session.draft.plan).toEqual({ kind: 'affordable', frequency: 'weekly', start: '2027-01-04' });
    // 500.00 a month is 115.38 a week; 4,000.00 takes 34 × 115.38 = 3,922.92 and a last 77.08: 35 payments.
    expect(prompter.transcript).toMatch(/ 1 +2027-01-04 +£115\.38/);
    expect(prompter.transcript).toContain('Payments 1–12 of 35');
  });

  it('shows a term that is not affordable as such, with a warning', async () => {
    // Wages of 1,400.00 leave 100.00 a month; 12 months needs 4,000.00 ÷ 12 = 333.34 (rounded up to repay).
    const tighter = { ...FAMILY, income: [{ ...FAMILY.income[0]!, amount: money('1400.00') }] };
    const { session, prompter } = harness(['Fixed 12 months', CTRL_C], draftAt('plans', tighter));
    await expect(plansStep(session)).rejects.toMatchObject({ name: 'ExitPromptError' });
    expect(prompter.menus.flat()).toContainEqual(expect.stringMatching(/^Fixed 12 months +£333\.34\/mo +12 months +£4,000\.00 +£0\.00 +no/));
    expect(prompter.transcript).toContain('This plan asks for more than was found affordable');
  });

  it('shows a step-up as plan does, its payment before and after the step in one cell', async () => {
    // 500.00 a month now, 300.00 more from March 2027: 500.00 → 800.00 a month.
    const stepping = { ...FAMILY, expectedChanges: [{ from: parseIsoDate('2027-03-01'), monthlyChange: money('300.00'), note: 'New job' }] };
    const { session, prompter } = harness(['Step-up', CTRL_C], draftAt('plans', stepping));
    await expect(plansStep(session)).rejects.toMatchObject({ name: 'ExitPromptError' });
    expect(prompter.menus[0]).toContainEqual(expect.stringMatching(/^Step-up +£500\.00→£800\.00\/mo /));
  });

  it('shows the date each payment moved from, and pages through the whole schedule, back to the start after the last', async () => {
    // Monthly, Christmas Day moves the second payment to 29 December; weekly: 115.38 a week, 35 payments.
    const { session, prompter } = harness(
      ['Affordable', 'How often', 'weekly', 'Next payments: 13–24 of 35', '', '', CTRL_C],
      draftAt('plans'),
    );
    await expect(plansStep(session)).rejects.toMatchObject({ name: 'ExitPromptError' });
    const text = prompter.transcript;
    expect(text).toMatch(/Still owed +Moved from/);
    expect(text).toMatch(/ 2 +2026-12-29 +£500\.00 +£0\.00 +£3,000\.00 +2026-12-25/);
    expect(text).toContain('Payments 13–24 of 35');
    expect(text).toMatch(/35 +\d{4}-\d\d-\d\d +£77\.08 +£0\.00 +£0\.00/);
    // Enter pages on once paging has begun: 25–35, then back to 1–12.
    expect(prompter.menus.slice(-4).map((menu) => menu[1])).toEqual([
      'Next payments: 13–24 of 35', 'Next payments: 25–35 of 35', 'Next payments: 1–12 of 35', 'Next payments: 13–24 of 35',
    ]);
  });

  it('has nothing to plan without other debts, and sends the advisor back', async () => {
    const { session, prompter } = harness(['Other debts'], draftAt('plans', { ...FAMILY, debts: [] }));
    await plansStep(session);
    expect(prompter.transcript).toContain('There are no debts to other creditors yet');
    expect(session.draft.step).toBe('debts');
  });
});

describe('export step', () => {
  it('exports the chosen plan into the folder named, and ends the session', async () => {
    const draft = { ...draftAt('export'), plan: { kind: 'fixed-term' as const, termMonths: 12 } };
    const { session, exports, prompter } = harness(['', './out/'], draft);
    await exportStep(session);
    expect(exports[0]?.folder).toBe('./out/');
    const chosen = exports[0]?.bundle.proposal.options[exports[0].bundle.optionIndex];
    expect(chosen).toMatchObject({ kind: 'fixed-term', termMonths: 12 });
    expect(session.draft.step).toBe('done');
    expect(prompter.transcript).toContain('./out/schedule.csv: the agreed schedule');
  });

  it('shows the agreed plan first, so that a resumed call sees what was agreed', async () => {
    const draft = { ...draftAt('export'), plan: { kind: 'fixed-term' as const, termMonths: 12 } };
    const { session, prompter } = harness([CTRL_C], draft);
    await expect(exportStep(session)).rejects.toMatchObject({ name: 'ExitPromptError' });
    expect(prompter.questions).toEqual([EXPORT_QUESTION]);
    // 4,000.00 over 12 months: 333.34 a month, the first on 25 November 2026.
    expect(prompter.transcript).toContain('Agreed: Repay in 1 year: £333.34 a month');
    expect(prompter.transcript).toMatch(/ 1 +2026-11-25 +£333\.34/);
  });

  it('goes back to the plan choice on request, or with Esc, exporting nothing', async () => {
    const draft = { ...draftAt('export'), plan: { kind: 'fixed-term' as const, termMonths: 12 } };
    for (const back of ['Go back to the plan choice', ESC] as const) {
      const { session, exports, prompter } = harness([back], draft);
      await exportStep(session);
      expect(prompter.menus).toEqual([['Save the statement and plan into a folder', 'Go back to the plan choice']]);
      expect(exports).toEqual([]);
      expect(session.draft).toMatchObject({ step: 'plans', plan: { kind: 'fixed-term', termMonths: 12 } });
    }
  });

  it('checks the folder while the question is open: one the export cannot go into gets a plain hint, and another can be typed', async () => {
    const draft = { ...draftAt('export'), plan: { kind: 'fixed-term' as const, termMonths: 12 } };
    const problems: Readonly<Record<string, string>> = { 'README.md': 'is a file, not a folder', 'missing/customer': 'no such folder' };
    const exporter = {
      problem: async (folder: string) => problems[folder],
      export: async (folder: string) => [{ path: `${folder}/letter.txt`, describe: 'the plan letter for the customer' }],
      exportStatement: async () => [],
    };
    const { session, prompter } = harness(['', 'README.md', 'missing/customer', 'customer'], draft, { exporter });
    await exportStep(session);
    expect(prompter.hints).toEqual([
      'README.md: is a file, not a folder; please name another folder',
      'missing/customer: no such folder; please name another folder',
    ]);
    expect(prompter.transcript).toContain('customer/letter.txt');
    expect(session.draft.step).toBe('done');
  });

  it('says plainly why an export failed, and asks for the folder again with the one typed offered', async () => {
    const draft = { ...draftAt('export'), plan: { kind: 'fixed-term' as const, termMonths: 12 } };
    const tried: string[] = [];
    const exporter = {
      problem: async () => undefined,
      export: async (folder: string) => {
        tried.push(folder);
        if (tried.length === 1) throw cannotWrite(`${folder}/letter.txt`, 'the disk is full');
        return [{ path: `${folder}/letter.txt`, describe: 'the plan letter for the customer' }];
      },
      exportStatement: async () => [],
    };
    const { session, prompter } = harness(['', 'customer', ''], draft, { exporter });
    await exportStep(session);
    expect(prompter.transcript).toContain('customer/letter.txt: the disk is full');
    expect(tried).toEqual(['customer', 'customer']);
    expect(session.draft.step).toBe('done');
  });

  it('sends the advisor back to the plan options when no plan is chosen', async () => {
    const { session, exports } = harness([], draftAt('export'));
    await exportStep(session);
    expect(exports).toEqual([]);
    expect(session.draft.step).toBe('plans');
  });
});

describe('the bank holidays payments move around', () => {
  const secondDue = (calendar?: ReturnType<typeof calendarFor>) =>
    proposeFor(family, { asOf, ...(calendar ? { calendar } : {}) }).options.find((o) => o.kind === 'affordable')?.instalments[1]?.due;

  it('are those of England and Wales unless told otherwise: Christmas and the Boxing Day holiday move a payment to 29 December', () => {
    // Monthly from 2026-11-25: the second falls on Friday 25 December; Monday 28 December is the Boxing Day holiday.
    expect(secondDue()).toBe('2026-12-29');
  });

  it('are none with the "none" calendar: the payment stays on 25 December', () => {
    expect(secondDue(calendarFor('none'))).toBe('2026-12-25');
  });
});

describe('plan step during a mental health crisis Breathing Space with no end recorded', () => {
  const CRISIS = { ...FAMILY, breathingSpace: { kind: 'mental-health-crisis' as const, start: parseIsoDate('2026-11-20') } };

  it('says no plan can be asked for until it ends, saves the statement without a plan, and ends the session', async () => {
    const { session, prompter, statementExports, exports } = harness(['Save the statement', './held/'], draftAt('plans', CRISIS));
    await runSession(session);
    expect(prompter.transcript).toContain('No plan until the moratorium ends');
    expect(prompter.transcript.replace(/\s+/g, ' ')).toContain('No plan is made: the customer is in a mental health crisis Breathing Space from 2026-11-20');
    expect(prompter.questions).toEqual([NO_PLAN_QUESTION, STATEMENT_FOLDER_QUESTION]);
    expect(statementExports.map((e) => e.folder)).toEqual(['./held/']);
    expect(statementExports[0]?.bundle.statement.breathingSpace).toEqual(CRISIS.breathingSpace);
    expect(exports).toEqual([]);
    expect(prompter.transcript).toContain('./held/statement-sfs.json');
    expect(session.draft.step).toBe('done');
  });

  it('goes back to another part on request, or with Esc, saving nothing', async () => {
    for (const back of ['Go back to another part', ESC] as const) {
      const { session, statementExports } = harness([back, 'Other debts'], draftAt('plans', CRISIS));
      await plansStep(session);
      expect(statementExports).toEqual([]);
      expect(session.draft.step).toBe('debts');
    }
  });

  it('sends an agreed plan back to the plan step once such a moratorium is recorded', async () => {
    const draft = { ...draftAt('export', CRISIS), plan: { kind: 'fixed-term' as const, termMonths: 12 } };
    const { session, exports } = harness([], draft);
    await exportStep(session);
    expect(exports).toEqual([]);
    expect(session.draft.step).toBe('plans');
  });
});

describe('an amount agreed, then the budget changed', () => {
  // The family had £500.00 a month; their rent turns out to be £100.00 more: £400.00 is affordable.
  const tighter = assessAffordability(
    { ...FAMILY, expenditure: FAMILY.expenditure.map((line) => (line.label === 'Rent' ? { ...line, amount: money('800.00') } : line)) },
    { asOf },
  );

  it('is checked again against the new budget: above it, the plan is not affordable and says so', () => {
    const choice = { kind: 'affordable' as const, amount: money('450.00') };
    const before = proposeFor(family, { asOf }, choice);
    expect(before.options[indexOfChoice(before, choice) ?? -1]).toMatchObject({ affordable: true });
    const after = proposeFor(tighter, { asOf }, choice);
    const option = after.options[indexOfChoice(after, choice) ?? -1];
    expect(option?.instalmentAmount.toFixed(2)).toBe('450.00');
    expect(option).toMatchObject({ affordable: false });
  });

  it('is never called "within" what was found affordable when it is above it', async () => {
    const draft = { ...draftAt('plans', tighter.statement), plan: { kind: 'affordable' as const, amount: money('450.00') } };
    const { session, prompter } = harness(['Go back'], draft);
    await plansStep(session).catch(() => undefined);
    expect(prompter.transcript).not.toMatch(/It is within the/);
    expect(prompter.transcript).toMatch(/above the £400\.00 a month found affordable/);
  });
});
