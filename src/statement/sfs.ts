/**
 * SFS interchange (SFS Data Definition Specification v1.1, data-entry format): statements from
 * other advice software are read by sfs-import.ts; `toSfsJson` writes one back.
 *
 * Export rules:
 * - Every figure is the affordability core's own, in whole pence (each line's monthly figure rounded
 *   half up once, every total the sum of those pennies), written as a JSON number with two decimals
 *   (straight from the Decimal's text, never through a float). So the document adds up the way an
 *   SFS reader checks it, and shows the very figures of `check`, the plan and the letter.
 * - A line goes to the SFS field it records (`sfs`), or else the one its label suggests (see
 *   sfs-fields.ts; loading the statement warns of each guess), its label kept in the notes, so
 *   nothing is lost. A field is the sum of its lines' figures.
 * - Balances, which are not monthly figures, are each shown to the penny (half up), and their totals
 *   are the sums of the balances shown.
 * - The customer's name, address (its lines joined by commas) and employment status are the
 *   statement's `customer`, when recorded; fairplan holds no date of birth. What is not recorded is
 *   left empty ("Other", "not recorded" for employment) for the receiving software to complete.
 * - The notes are those for creditors (notesForCreditors, and what is noted for creditors of the
 *   customer's circumstances only with their consent to share), never the advisor's file notes;
 *   expected changes have no SFS field either: they go to additional-notes too.
 * - The offers to non-priority creditors are the check's, unless others are given (advise gives
 *   the agreed payment's shares).
 */
import { breathingSpaceEnd, type BreathingSpace } from '../core/breathing-space.js';
import { FairplanError } from '../core/errors.js';
import type { Affordability, MonthlyLine, Offer, Totals } from '../core/affordability/types.js';
import { formatMoney, NO_PENNIES, penniesOf, sumPennies, toFixed2, type Money, type Pennies } from '../core/money.js';
import { notesForCreditors, type ExpenditureCategory, type IncomeCategory, type Statement } from '../core/statement.js';
import { NumberLiteral, type RawObject, type RawValue } from './raw.js';
import { sfsFieldOfLine } from './sfs-fields.js';
import { stringifyJsonExact } from './json-exact.js';
import {
  SFS_FIXED,
  SFS_FLEXIBLE,
  SFS_INCOME,
  SFS_OTHER_ESSENTIAL,
  SFS_TENURES,
  type SfsSection,
} from './sfs-layout.js';

export { isSfsDocument, statementFromSfs } from './sfs-import.js';

export const figure = (m: Money): NumberLiteral => new NumberLiteral(toFixed2(m));

/** The SFS field a label names, if any: `Child benefit` and `child-benefit` both name child-benefit. */
export const fieldName = (label: string): string => label.trim().toLowerCase().replace(/\s+/g, '-');

/** A line's label kept in the notes of the SFS field it is added into. */
const labelled = (line: { label: string; note?: string }): string =>
  `${line.label}${line.note ? `: ${line.note}` : ''}`;

interface Field {
  readonly amount: Pennies;
  readonly notes: readonly string[];
}

/** A section's SFS fields, each the sum of its lines, and its total: the core's total for the category. */
function sectionFields<C extends IncomeCategory | ExpenditureCategory>(
  section: SfsSection<C>,
  lines: readonly MonthlyLine<C>[],
  total: Pennies,
): RawObject {
  const fields = new Map<string, Field>(section.lines.map((name) => [name, { amount: NO_PENNIES, notes: [] }]));
  for (const { line, monthly } of lines.filter((l) => l.line.category === section.category)) {
    const named = sfsFieldOfLine(line);
    const name = section.lines.includes(named) ? named : section.other;
    // The label says what the money is for when the field's name does not.
    const note = name === fieldName(line.label) ? line.note : labelled(line);
    const field = fields.get(name) ?? { amount: NO_PENNIES, notes: [] };
    fields.set(name, { amount: sumPennies([field.amount, monthly]), notes: note ? [...field.notes, note] : field.notes });
  }
  const entries = [...fields].map(([name, f]) => [name, lineObject(f.amount, f.notes)] as const);
  return Object.fromEntries([...entries, [section.total, figure(total)]]);
}

const lineObject = (amount: Money, notes: readonly string[]): RawObject => ({
  'monthly-amount': figure(amount),
  ...(notes.length > 0 ? { notes: notes.join('; ') } : {}),
});

const TENURE_NAMES = Object.fromEntries(Object.entries(SFS_TENURES).map(([name, tenure]) => [tenure, name]));

/** The notes every creditor who receives the SFS reads: never the advisor's file notes. */
export function additionalNotes(statement: Statement): string[] {
  return [
    ...notesForCreditors(statement),
    ...statement.expectedChanges.map(
      (c) => `Expected change from ${c.from}: ${formatMoney(c.monthlyChange, '£')} a month (${c.note})`,
    ),
    ...(statement.pay ? [`Paid ${statement.pay.frequency}, next on ${statement.pay.nextPayDate}`] : []),
    ...(statement.breathingSpace ? [breathingSpaceNote(statement.breathingSpace)] : []),
  ];
}

/** The SFS has no field for a moratorium: the creditor reads it in the notes, with its dates. */
function breathingSpaceNote(space: BreathingSpace): string {
  const end = breathingSpaceEnd(space);
  const until = space.end ? `to ${space.end}` : end ? `to ${end} (no end recorded: a standard one lasts 60 days)` : 'with no end recorded yet';
  return `Breathing Space (${space.kind === 'standard' ? 'standard' : 'mental health crisis'}) from ${space.start} ${until}: no payment may be asked for and interest and charges are frozen while it lasts`;
}

/** SFS is a UK format: its figures are pounds. */
export function refuseUnlessPounds(statement: Statement): void {
  if ((statement.currency ?? 'GBP') !== 'GBP') {
    throw new FairplanError(
      'invalid-argument',
      'the SFS is a UK format: only a statement in GBP can be written as SFS',
    );
  }
}

/** The customer's employment status, or "Other" and "not recorded" when the statement does not say. */
function employment(statement: Statement): Record<string, RawValue> {
  const status = statement.customer?.employment;
  return status && status !== 'Other'
    ? { 'client-employment-status': [status] }
    : { 'client-employment-status': ['Other'], 'client-employment-status-other': 'not recorded' };
}

/** The people and home, as both SFS documents give them. */
export function sfsHousehold(statement: Statement): Record<string, RawValue> {
  const { adults, children, vehicles, tenure } = statement.household;
  const joint = adults >= 2;
  return {
    'client-name': statement.customer?.name ?? '',
    'client-date-of-birth': '',
    'is-joint-application': joint,
    'client-address': (statement.customer?.address ?? []).join(', '),
    'dependent-children-under-16': new NumberLiteral(String(children)),
    'dependent-children-16-18': new NumberLiteral('0'),
    'other-dependents': new NumberLiteral('0'),
    'non-dependents': new NumberLiteral(String(adults - (joint ? 2 : 1))),
    'total-number-in-household': new NumberLiteral(String(adults + children)),
    vehicles: new NumberLiteral(String(vehicles)),
    'housing-tenure': TENURE_NAMES[tenure] ?? 'other',
    ...employment(statement),
  };
}

/** The overview both documents open with; the summary's has no income-minus-outgoings. */
export const sfsOverview = (totals: Totals, surplus?: 'with-surplus'): RawObject => ({
  'total-monthly-income': figure(totals.income),
  'total-monthly-outgoings': figure(totals.expenditure),
  ...(surplus ? { 'income-minus-outgoings': figure(totals.surplus) } : {}),
  'savings-contribution': figure(totals.savings),
  'debt-admin-fee': figure(totals.debtAdminFee),
  'total-available-for-priority-debts': figure(totals.availableForPriority),
  'total-available-for-non-priority-debts': figure(totals.available),
});

/** Balances, which are not monthly figures, are shown to the penny and added up as shown. */
export const owedToThePenny = (balances: readonly Money[]): Pennies => sumPennies(balances.map((b) => penniesOf(b)));

/** The priority debts, each with its monthly payment as the offer. */
export const sfsPriorityDebts = (affordability: Affordability): RawObject[] =>
  affordability.priorityDebts.map(({ debt, monthly }) => ({
    creditor: debt.creditor,
    'amount-owed': figure(debt.balance),
    'repayment-offer': figure(monthly),
    ...(debt.note ? { notes: debt.note } : {}),
  }));

/** The non-priority debts, each with its offer: by default the check's pro-rata offer. */
export const sfsNonPriorityDebts = (affordability: Affordability, offers: readonly Offer[] = affordability.offers): RawObject[] =>
  offers.map(({ debt, offer }) => ({
    creditor: debt.creditor,
    'amount-owed': figure(debt.balance),
    'repayment-offer': figure(offer),
    ...(debt.ccj === undefined ? {} : { ccj: debt.ccj }),
    ...(debt.note ? { notes: debt.note } : {}),
  }));

/**
 * The SFS data-entry document: every line in its SFS field. `offers`: what each non-priority
 * creditor is offered; by default the check's pro-rata offers.
 */
export function toSfsJson(statement: Statement, affordability: Affordability, offers: readonly Offer[] = affordability.offers): string {
  refuseUnlessPounds(statement);
  const { totals, incomeBySection, expenditureBySection } = affordability;
  const income = SFS_INCOME.map((s) => ({ section: s, object: sectionFields(s, affordability.income, incomeBySection[s.category]) }));
  const fixed = SFS_FIXED.map((s) => ({ section: s, object: sectionFields(s, affordability.expenditure, expenditureBySection[s.category]) }));
  const flexible = SFS_FLEXIBLE.map((s) => ({ section: s, object: sectionFields(s, affordability.expenditure, expenditureBySection[s.category]) }));
  const otherEssential = affordability.expenditure.filter((l) => l.line.category === SFS_OTHER_ESSENTIAL.category);

  const document: Record<string, RawValue> = {
    ...sfsHousehold(statement),
    overview: sfsOverview(totals, 'with-surplus'),
    'monthly-income': {
      ...Object.fromEntries(income.map((s) => [s.section.key, s.object])),
      'total-monthly-income': figure(totals.income),
    },
    'monthly-outgoings': {
      'fixed-costs': {
        ...Object.fromEntries(fixed.map((s) => [s.section.key, s.object])),
        [SFS_OTHER_ESSENTIAL.key]: {
          [SFS_OTHER_ESSENTIAL.list]: otherEssential.map(({ line, monthly }) =>
            lineObject(
              monthly,
              [line.label === SFS_OTHER_ESSENTIAL.list ? line.note : labelled(line)].filter((n): n is string => !!n),
            ),
          ),
          [SFS_OTHER_ESSENTIAL.total]: figure(expenditureBySection[SFS_OTHER_ESSENTIAL.category]),
        },
        'total-fixed-costs': figure(totals.fixed),
      },
      'flexible-costs': {
        ...Object.fromEntries(flexible.map((s) => [s.section.key, s.object])),
        'total-flexible-costs': figure(totals.flexible),
      },
      'total-monthly-outgoings': figure(totals.expenditure),
    },
    savings: {
      'savings-contribution': figure(totals.savings),
      'savings-contribution-considered': statement.savings !== undefined,
    },
    debts: {
      'debt-admin-fee': lineObject(totals.debtAdminFee, statement.debtAdminFee?.note ? [statement.debtAdminFee.note] : []),
      'total-available-for-priority-debts': figure(totals.availableForPriority),
      'priority-debts': sfsPriorityDebts(affordability),
      'total-priority-debts': figure(owedToThePenny(statement.priorityDebts.map((d) => d.balance))),
      'total-priority-debt-offers': figure(totals.priorityPayments),
      'total-available-for-non-priority-debts': figure(totals.available),
      'non-priority-debts': sfsNonPriorityDebts(affordability, offers),
      'total-non-priority-debts': figure(owedToThePenny(statement.debts.map((d) => d.balance))),
    },
    'additional-notes': additionalNotes(statement),
  };
  return stringifyJsonExact(document);
}
