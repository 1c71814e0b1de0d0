/**
 * Reading an SFS summary (SFS Data Definition Specification v1.1, sfs-summary-schema.json): the
 * document advice agencies send creditors. It holds a few named lines (rent, gas…) and otherwise
 * section totals; each becomes a monthly line, labelled with the SFS field it is read from (a
 * section total with its section's "other" field, so that writing it back puts it where it was).
 * Every subtotal, total and overview figure is then worked out again from those figures; one that
 * disagrees with what the summary states is a warning naming its path, and the check goes on with
 * the computed figure.
 */
import type * as z from 'zod';
import { FairplanError } from '../core/errors.js';
import { formatMoney, sum, ZERO, type Money } from '../core/money.js';
import type { ExpenditureCategory, IncomeCategory, Line, Statement } from '../core/statement.js';
import { amount, flag, list, record, text } from './fields.js';
import { problemsOf } from './problems.js';
import type { RawObject, RawValue } from './raw.js';
import { bottomLines, debtsOf, householdOf, isSfsDocument, SFS_DEBT_FIELDS, SFS_HOUSEHOLD_FIELDS, type TotalCheck } from './sfs-import.js';
import { SFS_FIXED, SFS_FLEXIBLE, SFS_INCOME, SFS_OTHER_ESSENTIAL } from './sfs-layout.js';
import { SFS_FIGURE_DIFFERS, type StatementDocument, type StatementWarning } from './warnings.js';

/** A summary field read as a monthly line: its SFS path, and the category and label it becomes. */
export interface SummaryLine<C extends string> {
  readonly field: string;
  readonly category: C;
  readonly label: string;
}

const home = SFS_FIXED.find((s) => s.category === 'home');
const utilities = SFS_FIXED.find((s) => s.category === 'utilities');

/** The named lines of the summary's fixed costs, and each other section by its total. */
export const SUMMARY_INCOME: readonly SummaryLine<IncomeCategory>[] = SFS_INCOME.map((s) => ({ field: s.total, category: s.category, label: s.other }));
export const SUMMARY_FIXED: readonly SummaryLine<ExpenditureCategory>[] = [
  ...['rent', 'mortgage', 'secured-loans', 'council-tax-rates', 'other-home-contents'].map((field) => ({ field, category: home?.category ?? 'home', label: field })),
  ...['gas', 'electricity', 'other-utilities'].map((field) => ({ field, category: utilities?.category ?? 'utilities', label: field })),
  ...SFS_FIXED.filter((s) => s !== home && s !== utilities).map((s) => ({ field: s.total, category: s.category, label: s.other })),
  { field: SFS_OTHER_ESSENTIAL.total, category: SFS_OTHER_ESSENTIAL.category, label: SFS_OTHER_ESSENTIAL.list },
];
export const SUMMARY_FLEXIBLE: readonly SummaryLine<ExpenditureCategory>[] = SFS_FLEXIBLE.map((s) => ({ field: s.total, category: s.category, label: s.other }));

/** Every SFS figure is a monthly amount in pounds and pence: a fraction of a penny is a mistake, not rounded away. */
const wholePence = (money: Money, ctx: z.RefinementCtx): void => {
  if (money.decimalPlaces() > 2) ctx.addIssue({ code: 'custom', message: `${money.toString()} is not in whole pence: an SFS figure is in pounds and pence`, input: money });
};
const figure = () => amount().superRefine(wholePence).optional();
const total = () => amount('any').superRefine(wholePence).optional();
const figures = (lines: readonly SummaryLine<string>[], totalKey: string) => ({
  ...Object.fromEntries(lines.map((l) => [l.field, figure()])),
  [totalKey]: total(),
});

const summarySchema = record(
  {
    ...SFS_HOUSEHOLD_FIELDS,
    overview: record(
      {
        'total-monthly-income': total(),
        'total-monthly-outgoings': total(),
        // Not in the summary schema, but in the data-entry overview: some software writes it in both.
        'income-minus-outgoings': total(),
        'savings-contribution': figure(),
        'debt-admin-fee': figure(),
        'total-available-for-priority-debts': total(),
        'total-available-for-non-priority-debts': total(),
      },
      'the SFS overview',
    ).optional(),
    'monthly-income': record(figures(SUMMARY_INCOME, 'total-monthly-income'), 'the SFS summary monthly income').optional(),
    'monthly-outgoings': record(
      {
        'fixed-costs': record(figures(SUMMARY_FIXED, 'total-fixed-costs'), 'the SFS summary fixed costs').optional(),
        'flexible-costs': record(figures(SUMMARY_FLEXIBLE, 'total-flexible-costs'), 'the SFS summary flexible costs').optional(),
        'total-monthly-outgoings': total(),
      },
      'the SFS summary monthly outgoings',
    ).optional(),
    confirmations: record(
      { 'asset-use-considered': flag().optional(), 'savings-contribution-considered': flag().optional() },
      'the SFS confirmations',
    ).optional(),
    debts: record(
      {
        'priority-debts': list(record(SFS_DEBT_FIELDS, 'an SFS priority debt'), 'a list of priority debts').optional(),
        'total-priority-debts': total(),
        'non-priority-debts': list(record({ ...SFS_DEBT_FIELDS, ccj: flag().optional() }, 'an SFS non-priority debt'), 'a list of non-priority debts').optional(),
        'total-non-priority-debts': total(),
        'token-payments': total(),
      },
      'the SFS debts',
    ).optional(),
    notes: list(text(), 'a list of notes').optional(),
  },
  'an SFS summary',
);

type Summary = z.output<typeof summarySchema>;
type Figures = Readonly<Record<string, Money | undefined>> | undefined;

/**
 * An SFS summary rather than a data-entry document: its monthly income holds section totals
 * directly, or it has the summary's confirmations.
 */
export function isSfsSummary(raw: RawValue): boolean {
  if (!isSfsDocument(raw)) return false;
  const income = (raw as RawObject)['monthly-income'];
  const incomeHoldsTotals = typeof income === 'object' && income !== null && !Array.isArray(income) && 'total-earnings' in income;
  return 'confirmations' in (raw as RawObject) || incomeHoldsTotals;
}

const linesOf = <C extends string>(layout: readonly SummaryLine<C>[], values: Figures): Line<C>[] =>
  layout.flatMap(({ field, category, label }) => {
    const monthly = values?.[field];
    return monthly === undefined || monthly.isZero() ? [] : [{ category, label, amount: monthly, frequency: 'monthly' as const }];
  });

const check = (values: Figures, path: string, key: string, computed: Money, because: string): TotalCheck => ({
  path: `${path}.${key}`,
  stated: values?.[key],
  computed,
  because,
});

function checksOf(summary: Summary, income: Money, fixed: Money, flexible: Money): TotalCheck[] {
  const overview = summary.overview as Figures;
  const outgoings = summary['monthly-outgoings'];
  const debts = summary.debts;
  const priority = debts?.['priority-debts'] ?? [];
  const nonPriority = debts?.['non-priority-debts'] ?? [];
  const spent = sum([fixed, flexible]);
  const priorityOffers = sum(priority.map((d) => d['repayment-offer'] ?? ZERO));
  const { surplus, forPriority, forNonPriority } = bottomLines(income, spent, overview?.['savings-contribution'] ?? ZERO, overview?.['debt-admin-fee'] ?? ZERO, priorityOffers);
  return [
    check(summary['monthly-income'] as Figures, 'monthly-income', 'total-monthly-income', income, 'the income totals add up to'),
    check(outgoings?.['fixed-costs'] as Figures, 'monthly-outgoings.fixed-costs', 'total-fixed-costs', fixed, 'the fixed costs add up to'),
    check(outgoings?.['flexible-costs'] as Figures, 'monthly-outgoings.flexible-costs', 'total-flexible-costs', flexible, 'the flexible costs add up to'),
    check(outgoings as Figures, 'monthly-outgoings', 'total-monthly-outgoings', spent, 'fixed and flexible costs add up to'),
    check(overview, 'overview', 'total-monthly-income', income, 'the income totals add up to'),
    check(overview, 'overview', 'total-monthly-outgoings', spent, 'the outgoings add up to'),
    check(overview, 'overview', 'income-minus-outgoings', surplus, 'income minus outgoings is'),
    check(overview, 'overview', 'total-available-for-priority-debts', forPriority, 'income − outgoings − savings − debt admin fee is'),
    check(overview, 'overview', 'total-available-for-non-priority-debts', forNonPriority, 'available for priority debts − priority debt offers is'),
    check(debts as Figures, 'debts', 'total-priority-debts', sum(priority.map((d) => d['amount-owed'])), 'the priority debts add up to'),
    check(debts as Figures, 'debts', 'total-non-priority-debts', sum(nonPriority.map((d) => d['amount-owed'])), 'the non-priority debts add up to'),
  ];
}

const shown = (m: Money): string => formatMoney(m, '');

const warningOf = ({ path, stated, computed, because }: TotalCheck & { stated: Money }): StatementWarning => ({
  code: SFS_FIGURE_DIFFERS,
  path,
  stated,
  computed,
  message: `states ${shown(stated)} but ${because} ${shown(computed)}`,
});

export function statementFromSfsSummary(raw: RawValue): StatementDocument {
  const parsed = summarySchema.safeParse(raw);
  if (!parsed.success) {
    const problems = problemsOf(parsed.error);
    throw new FairplanError('invalid-statement', `not a valid SFS summary: ${problems.length} problem(s)`, { problems });
  }
  const summary = parsed.data;
  const { household, problems } = householdOf(summary);
  if (problems.length > 0) throw new FairplanError('invalid-statement', `not a valid SFS summary: ${problems.length} problem(s)`, { problems });

  const outgoings = summary['monthly-outgoings'];
  const income = linesOf(SUMMARY_INCOME, summary['monthly-income'] as Figures);
  const fixed = linesOf(SUMMARY_FIXED, outgoings?.['fixed-costs'] as Figures);
  const flexible = linesOf(SUMMARY_FLEXIBLE, outgoings?.['flexible-costs'] as Figures);
  const totalOf = (lines: readonly Line<string>[]) => sum(lines.map((l) => l.amount));
  const warnings = checksOf(summary, totalOf(income), totalOf(fixed), totalOf(flexible))
    .filter((c): c is TotalCheck & { stated: Money } => c.stated !== undefined && !c.stated.eq(c.computed))
    .map(warningOf);

  const savings = summary.overview?.['savings-contribution'];
  const fee = summary.overview?.['debt-admin-fee'];
  const notes = summary.notes ?? [];
  const statement: Statement = {
    household,
    income,
    expenditure: [...fixed, ...flexible],
    ...debtsOf(summary.debts),
    ...(savings === undefined || savings.isZero() ? {} : { savings: { amount: savings, frequency: 'monthly' as const } }),
    ...(fee === undefined || fee.isZero() ? {} : { debtAdminFee: { amount: fee, frequency: 'monthly' as const } }),
    vulnerabilities: [],
    expectedChanges: [],
    ...(notes.length === 0 ? {} : { notesForCreditors: notes.join('\n') }),
  };
  return { statement, warnings };
}
