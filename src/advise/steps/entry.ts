/**
 * Asking for one line of a section, new or edited (an edit offers the old answers as defaults).
 * A flexible cost that takes spending above a guideline is shown at once, with the figures, and
 * the advisor is asked for the explanation creditors expect, kept in the line's note.
 */
import type { GuidelineCheck } from '../../core/affordability/types.js';
import type { Frequency } from '../../core/frequency.js';
import type { Money } from '../../core/money.js';
import type { Debt, ExpenditureLine, IncomeLine, PriorityDebt } from '../../core/statement.js';
import { assess } from '../affordability.js';
import { askFrequency, askMoney, askText } from '../ask.js';
import { guidelineLine, paragraph } from '../render.js';
import { placed } from '../entries.js';
import { categoryChoice, SECTION_CATEGORIES, sectionEntries, type SectionEntries, type SectionId } from '../sections.js';
import type { Prompter } from '../prompter.js';
import type { Session } from '../session.js';

/** Asks for one line through `prompter` (which keeps each answer), in the context of the session's statement. */
export type AskEntry<S extends SectionId> = (
  session: Session,
  prompter: Prompter,
  existing?: SectionEntries[S],
  index?: number,
) => Promise<SectionEntries[S]>;

const optionalNote = async (prompter: Prompter, existing?: string): Promise<{ note?: string }> => {
  const note = await askText(prompter, 'Note (optional)', existing, false);
  return note ? { note } : {};
};

async function askAmountAndFrequency(prompter: Prompter, symbol: string, label: string, amount?: Money, frequency?: Frequency) {
  const asked = await askMoney(prompter, { message: `${label} amount`, symbol, ...(amount ? { default: amount } : {}) });
  return { amount: asked, frequency: await askFrequency(prompter, 'How often', frequency ?? 'monthly') };
}

const askIncome: AskEntry<'income'> = async (session, prompter, existing) => {
  const category = await prompter.select({
    message: 'Kind of income',
    choices: SECTION_CATEGORIES.income.map((c) => ({ name: categoryChoice(c), value: c })),
    ...(existing ? { default: existing.category } : {}),
  });
  const label = await askText(prompter, 'Describe it (e.g. Wages, Universal Credit)', existing?.label);
  const money = await askAmountAndFrequency(prompter, session.symbol, label, existing?.amount, existing?.frequency);
  const line: IncomeLine = { category, label, ...money };
  return { ...line, ...(await optionalNote(prompter, existing?.note)) };
};

/** The guideline checks this line's category takes over the guideline, were the line in the statement. */
function overrunsWith(session: Session, section: 'fixed' | 'flexible', line: ExpenditureLine, index?: number): GuidelineCheck[] {
  if (!session.services.guidelines || section !== 'flexible') return [];
  const candidate = placed(sectionEntries(section), session.draft.statement, line, index);
  const checks = assess(candidate, session.services).guidelines?.checks ?? [];
  return checks.filter((c) => c.status === 'over' && (c.category === line.category || c.category === 'all-flexible'));
}

const askCost =
  <S extends 'fixed' | 'flexible'>(section: S): AskEntry<S> =>
  async (session, prompter, existing, index) => {
    const category = await prompter.select({
      message: 'Kind of cost',
      choices: SECTION_CATEGORIES[section].map((c) => ({ name: categoryChoice(c), value: c })),
      ...(existing ? { default: existing.category } : {}),
    });
    const label = await askText(prompter, 'Describe it (e.g. Rent, Gas, Food)', existing?.label);
    const line: ExpenditureLine = { category, label, ...(await askAmountAndFrequency(prompter, session.symbol, label, existing?.amount, existing?.frequency)) };
    const overruns = overrunsWith(session, section, line, index);
    if (overruns.length === 0) return { ...line, ...(await optionalNote(prompter, existing?.note)) };
    const { style } = session.services;
    for (const check of overruns) {
      session.say(paragraph(`Above the spending guideline: ${guidelineLine(check, session.symbol)}.`).map((l) => style.warning(l)).join('\n'));
    }
    const note = await askText(prompter, 'What makes this spending necessary? (kept in the note for creditors)', existing?.note);
    return { ...line, note };
  };

const askPriorityDebt: AskEntry<'priority-debts'> = async (session, prompter, existing) => {
  const creditor = await askText(prompter, 'Creditor and kind of debt (e.g. Council tax arrears)', existing?.creditor);
  const balance = await askMoney(prompter, { message: 'Owed', symbol: session.symbol, ...(existing ? { default: existing.balance } : {}) });
  const payment = await askMoney(prompter, { message: 'Payment agreed', symbol: session.symbol, ...(existing ? { default: existing.payment } : {}) });
  const frequency = await askFrequency(prompter, 'How often', existing?.frequency ?? 'monthly');
  const debt: PriorityDebt = { creditor, balance, payment, frequency };
  return { ...debt, ...(await optionalNote(prompter, existing?.note)) };
};

const askDebt: AskEntry<'debts'> = async (session, prompter, existing) => {
  const creditor = await askText(prompter, 'Creditor (e.g. Acme Bank credit card)', existing?.creditor);
  const balance = await askMoney(prompter, { message: 'Owed', symbol: session.symbol, zero: false, ...(existing ? { default: existing.balance } : {}) });
  const ccj = await prompter.confirm({ message: 'Is there a County Court Judgment on this debt?', default: existing?.ccj ?? false });
  const debt: Debt = { creditor, balance, ...(ccj ? { ccj } : {}) };
  return { ...debt, ...(await optionalNote(prompter, existing?.note)) };
};

export const ASK_ENTRY: { readonly [S in SectionId]: AskEntry<S> } = {
  income: askIncome,
  fixed: askCost('fixed'),
  flexible: askCost('flexible'),
  'priority-debts': askPriorityDebt,
  debts: askDebt,
};
