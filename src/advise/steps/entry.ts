/**
 * Asking for one line of a section, new or edited (an edit offers the old answers as defaults).
 * A flexible cost that takes spending above a guideline is shown at once, with the figures, and
 * the advisor is asked for the explanation creditors expect, kept in the line's note.
 */
import type { GuidelineCheck } from '../../core/affordability/types.js';
import type { Frequency } from '../../core/frequency.js';
import type { Money } from '../../core/money.js';
import { parseIsoDate, type IsoDate } from '../../core/date.js';
import { D } from '../../core/money.js';
import { parsePercentText } from '../../core/percent.js';
import { DEBT_OWNERS, type DebtInterest, type DebtOwner } from '../../core/statement.js';
import type { Debt, ExpenditureCategory, ExpenditureLine, IncomeCategory, IncomeLine, PriorityDebt } from '../../core/statement.js';
import { CATEGORY_NAMES } from '../../render/labels.js';
import { guessSfsField, guessSfsFieldAmong, isOtherField, plainFieldName, sfsFieldsOf } from '../../statement/sfs-fields.js';
import { assess } from '../affordability.js';
import { askFrequency, askMoney, askText } from '../ask.js';
import { guidelineLine, paragraph } from '../render.js';
import { placed } from '../entries.js';
import { SECTION_CATEGORIES, sectionEntries, type SectionEntries, type SectionId } from '../sections.js';
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

/** A field as the list offers it: "Council tax rates · Home and contents", never its code. */
const fieldChoice = (category: IncomeCategory | ExpenditureCategory, field: string): string =>
  `${plainFieldName(field)} · ${CATEGORY_NAMES[category]}`;

/**
 * The SFS field of a line, chosen from those of its section, which also sets its category: offered
 * as recorded, else as its label suggests; with no suggestion the advisor picks from the list.
 */
async function askField<C extends IncomeCategory | ExpenditureCategory>(
  prompter: Prompter,
  categories: readonly C[],
  label: string,
  existing?: { readonly category: C; readonly sfs?: string; readonly label: string },
): Promise<{ category: C; sfs: string }> {
  const choices = categories.flatMap((category) => sfsFieldsOf(category).map((field) => ({ name: fieldChoice(category, field), value: `${category}:${field}` })));
  // An edit keeps the field recorded, unless the description changed to suggest another.
  const kept = existing && existing.label === label ? { category: existing.category, field: existing.sfs ?? guessSfsField(existing.category, existing.label).field } : undefined;
  const guess = kept ?? guessSfsFieldAmong(categories, label);
  const answer = await prompter.select({
    message: 'SFS field (type to search)',
    search: true,
    choices,
    ...(guess ? { default: `${guess.category}:${guess.field}` } : {}),
  });
  const [category, sfs = ''] = answer.split(':') as [C, string];
  return { category, sfs };
}

/** A field that holds what has no field of its own needs a note saying what the money is for; any other line's note is kept. */
async function fieldNote(prompter: Prompter, sfs: string, existing?: string): Promise<{ note?: string }> {
  if (!isOtherField(sfs)) return existing ? { note: existing } : {};
  return { note: await askText(prompter, 'What is it for? (the SFS needs a note for this field)', existing) };
}

const askIncome: AskEntry<'income'> = async (session, prompter, existing) => {
  const label = await askText(prompter, 'Describe it (e.g. Wages, Universal Credit)', existing?.label);
  const field = await askField(prompter, SECTION_CATEGORIES.income, label, existing);
  const money = await askAmountAndFrequency(prompter, session.symbol, label, existing?.amount, existing?.frequency);
  const line: IncomeLine = { ...existing, label, ...field, ...money };
  return { ...line, ...(await fieldNote(prompter, field.sfs, existing?.note)) };
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
    const label = await askText(prompter, 'Describe it (e.g. Rent, Gas, Food)', existing?.label);
    const field = await askField(prompter, SECTION_CATEGORIES[section], label, existing);
    const line: ExpenditureLine = { ...existing, label, ...field, ...(await askAmountAndFrequency(prompter, session.symbol, label, existing?.amount, existing?.frequency)) };
    const overruns = overrunsWith(session, section, line, index);
    if (overruns.length === 0) return { ...line, ...(await fieldNote(prompter, field.sfs, existing?.note)) };
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
  const debt: PriorityDebt = { ...existing, creditor, balance, payment, frequency };
  return { ...debt, ...(await optionalNote(prompter, existing?.note)) };
};

/** Whose name a debt is in, as the menu offers it. */
const OWNER_CHOICES: Readonly<Record<DebtOwner, string>> = {
  customer: "Customer's own",
  partner: "Partner's",
  joint: 'Joint (both names)',
};

/** Asked only of a couple: a single adult's debts are their own. */
async function askOwner(session: Session, prompter: Prompter, existing?: DebtOwner): Promise<{ owner?: DebtOwner }> {
  if (session.draft.statement.household.adults < 2) return existing ? { owner: existing } : {};
  const owner = await prompter.select({
    message: 'Whose name is it in?',
    choices: DEBT_OWNERS.map((o) => ({ name: OWNER_CHOICES[o], value: o })),
    default: existing ?? 'customer',
  });
  return { owner };
}

async function askInterest(prompter: Prompter, existing?: DebtInterest): Promise<DebtInterest> {
  const kind = await prompter.select({
    message: 'Interest and charges',
    choices: [
      { name: 'Frozen (nothing more is added)', value: 'frozen' },
      { name: 'Still charged (continuing interest)', value: 'continuing' },
    ] as const,
    default: existing?.kind ?? 'frozen',
  });
  if (kind === 'frozen') return { kind };
  const rate = await prompter.input({
    message: 'Annual interest rate, % (e.g. 24.9)',
    ...(existing?.kind === 'continuing' ? { default: existing.annualRatePercent.toString() } : {}),
    validate: (text) => {
      try {
        parsePercentText(text);
        return true;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    },
  });
  return { kind, annualRatePercent: new D(parsePercentText(rate)) };
}

/** The day of the last payment or acknowledgement: not in the future; Enter when not known. */
async function askLastPayment(session: Session, prompter: Prompter, existing?: IsoDate): Promise<{ lastPaymentOn?: IsoDate }> {
  const { asOf } = session.services;
  const answer = await prompter.input({
    message: 'Last payment or written acknowledgement (YYYY-MM-DD; Enter if not known)',
    ...(existing ? { default: existing } : {}),
    validate: (text) => {
      if (text.trim() === '') return true;
      try {
        return parseIsoDate(text.trim()) <= asOf ? true : `Please give a day on or before ${asOf}`;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    },
  });
  return answer.trim() === '' ? {} : { lastPaymentOn: parseIsoDate(answer.trim()) };
}

/** A debt, new or changed: what is not asked (a field only a statement gives) is kept as it was. */
const askDebt: AskEntry<'debts'> = async (session, prompter, existing) => {
  const creditor = await askText(prompter, 'Creditor (e.g. Acme Bank credit card)', existing?.creditor);
  const reference = await askText(prompter, 'Their account reference (Enter if not known)', existing?.accountReference, false);
  const balance = await askMoney(prompter, { message: 'Owed', symbol: session.symbol, zero: false, ...(existing ? { default: existing.balance } : {}) });
  const owner = await askOwner(session, prompter, existing?.owner);
  const interest = await askInterest(prompter, existing?.interest);
  const lastPayment = await askLastPayment(session, prompter, existing?.lastPaymentOn);
  const ccj = await prompter.confirm({ message: 'Is there a County Court Judgment on this debt?', default: existing?.ccj ?? false });
  const { accountReference: _r, owner: _o, lastPaymentOn: _l, ccj: _c, note: _n, ...kept } = existing ?? {};
  const debt: Debt = {
    ...kept,
    creditor,
    balance,
    ...(reference ? { accountReference: reference } : {}),
    ...owner,
    interest,
    ...lastPayment,
    ...(ccj ? { ccj } : {}),
  };
  return { ...debt, ...(await optionalNote(prompter, existing?.note)) };
};

export const ASK_ENTRY: { readonly [S in SectionId]: AskEntry<S> } = {
  income: askIncome,
  fixed: askCost('fixed'),
  flexible: askCost('flexible'),
  'priority-debts': askPriorityDebt,
  debts: askDebt,
};
