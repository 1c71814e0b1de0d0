/**
 * advise and a debt past the limitation period: the advisor is told, the debt is left out by
 * default, and they are asked (skippable) whether time has run out on it or whether to include it
 * with a reason. FAMILY has £500.00 a month for Acme Bank (£3,000.00) and Lender Ltd (£1,000.00);
 * Old Loans (£1,000.00) was last paid on 10 January 2019, more than six years before 25 November 2026.
 */
import { describe, expect, it } from 'vitest';
import { parseDraft, draftToJson } from '../../src/advise/draft-file.js';
import { exportStep } from '../../src/advise/steps/export.js';
import { INCLUDE_REASON_QUESTION, LIMITATION_QUESTION } from '../../src/advise/steps/limitation.js';
import { plansStep } from '../../src/advise/steps/plans.js';
import { parseIsoDate } from '../../src/core/date.js';
import { money } from '../../src/core/money.js';
import type { PlanOption } from '../../src/core/plan/types.js';
import type { Statement } from '../../src/core/statement.js';
import { creditorPack } from '../../src/render/plan/creditor-pack.js';
import { renderLetter } from '../../src/render/plan/letter.js';
import { optionAt } from '../../src/render/plan/select.js';
import { ESC } from './scripted-prompter.js';
import { harness } from './session-harness.js';
import { draftAt, FAMILY } from './statements.js';

const OLD: Statement = { ...FAMILY, debts: [...FAMILY.debts, { creditor: 'Old Loans', balance: money('1000.00'), lastPaymentOn: parseIsoDate('2019-01-10') }] };
const REASON = 'Customer paid Old Loans in 2023 by card';

/** The plan step with `answers` to the limitation question, then the affordable plan agreed and exported into ./out/. */
async function agreeAndExport(answers: readonly (string | typeof ESC)[]) {
  const h = harness([...answers, 'Affordable', 'Agree', '', './out/'], draftAt('plans', OLD));
  await plansStep(h.session);
  await exportStep(h.session);
  const bundle = h.exports[0]?.bundle;
  if (!bundle) throw new Error('nothing was exported');
  const option = optionAt(bundle.proposal, bundle.optionIndex);
  const { files: pack } = await creditorPack(bundle.proposal, bundle.optionIndex, bundle.affordability, { formats: ['txt'] });
  const letter = renderLetter(bundle.proposal, bundle.optionIndex, { affordability: bundle.affordability }).replace(/\s+/g, ' ');
  return { ...h, bundle, option, pack, letter };
}

const shares = (option: PlanOption) => option.creditors?.map((c) => [c.creditor, c.share.toFixed(2)]);

describe('advise with a debt past the limitation period', () => {
  it('tells the advisor, and by default (Enter) leaves it out: the others share the £500.00, it gets no letter, and the customer is told not to pay it', async () => {
    const { prompter, session, option, pack, letter, bundle } = await agreeAndExport(['']);
    expect(prompter.questions[0]).toBe(LIMITATION_QUESTION);
    expect(prompter.transcript).toContain('Old Loans: may be statute-barred');
    expect(prompter.transcript).toContain('It is left out of the offers until it has been checked');
    expect(session.draft.limitation).toEqual([{ creditor: 'Old Loans', status: 'unchecked' }]);
    // £500.00 shared 3,000 : 1,000: £375.00 and £125.00.
    expect(shares(option)).toEqual([
      ['Acme Bank', '375.00'],
      ['Lender Ltd', '125.00'],
    ]);
    expect(pack.map((f) => f.name)).toEqual(['letter-01-acme-bank.txt', 'letter-02-lender-ltd.txt', 'letter-customer.txt', 'sfs-summary.txt', 'sfs-summary.json']);
    // Only the customer is told of it: the creditors' letters and the SFS summary never name it.
    for (const file of pack.filter((f) => f.name !== 'letter-customer.txt')) expect(file.content, file.name).not.toMatch(/statute|barred|limitation/i);
    expect(letter).toContain('Please do not pay, sign or promise anything to Old Loans until it has been checked');
    // Agreed without an override: the debt left out is no reason to ask for one.
    expect(prompter.questions).not.toContain('Agree it all the same?');
    expect(bundle.statement.notes).toContain('Old Loans may be statute-barred (last payment 2019-01-10): left out of the offers until it has been checked.');
  });

  it('leaves it out with Esc too', async () => {
    const { option } = await agreeAndExport([ESC]);
    expect(option.creditors?.map((c) => c.creditor)).toEqual(['Acme Bank', 'Lender Ltd']);
  });

  it('adds the "time has run out" letter when the advisor is reasonably sure nothing was paid or acknowledged, and still offers it nothing', async () => {
    const { option, pack, session } = await agreeAndExport(['Time has run out']);
    expect(shares(option)).toEqual([
      ['Acme Bank', '375.00'],
      ['Lender Ltd', '125.00'],
    ]);
    const letter = String(pack.find((f) => f.name === 'letter-03-old-loans-time-run-out.txt')?.content).replace(/\s+/g, ' ');
    expect(letter).toContain('I do not admit any liability for this debt.');
    expect(letter).toContain('Limitation Act 1980');
    expect(session.draft.step).toBe('done');
  });

  it('includes it with the reason given, refusing a reason that is not one, and keeps the reason in the draft and the export', async () => {
    const { option, prompter, bundle, saved } = await agreeAndExport(['Include', 'x', REASON]);
    expect(prompter.questions.slice(0, 3)).toEqual([LIMITATION_QUESTION, INCLUDE_REASON_QUESTION, INCLUDE_REASON_QUESTION]);
    expect(prompter.hints).toHaveLength(1);
    // £500.00 shared 3,000 : 1,000 : 1,000.
    expect(shares(option)).toEqual([
      ['Acme Bank', '300.00'],
      ['Lender Ltd', '100.00'],
      ['Old Loans', '100.00'],
    ]);
    expect(saved.some((d) => d.limitation?.[0]?.reason === REASON)).toBe(true);
    expect(bundle.statement.notes).toContain(`Old Loans may be statute-barred (last payment 2019-01-10) and is offered money all the same. Reason given: ${REASON}`);
  });

  it('leaves it out when the advisor chooses to include it but gives no reason', async () => {
    const { option } = await agreeAndExport(['Include', '']);
    expect(option.creditors?.map((c) => c.creditor)).not.toContain('Old Loans');
  });

  it('asks once: a resumed draft keeps the answer', async () => {
    const draft = { ...draftAt('plans', OLD), limitation: [{ creditor: 'Old Loans', status: 'time-run-out' as const }] };
    const read = parseDraft(draftToJson(draft), 'draft.json');
    expect(read.limitation).toEqual(draft.limitation);
    const { prompter, session } = harness(['Affordable', 'Agree'], read);
    await plansStep(session);
    expect(prompter.questions).not.toContain(LIMITATION_QUESTION);
    expect(session.draft.step).toBe('export');
  });
});
