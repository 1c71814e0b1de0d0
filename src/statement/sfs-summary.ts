/**
 * Writing the SFS summary (sfs-summary-schema.json), the document creditors receive: the named
 * lines it has (rent, gas…), each other section by its total, the overview and the debts with their
 * offers. Every figure is the affordability core's own, as in the data-entry export (sfs.ts), so the
 * summary shows the figures of `check`; a line whose SFS field has no summary field of its own is
 * counted in its section's "other" figure or total.
 */
import type { Affordability, MonthlyLine, Offer } from '../core/affordability/types.js';
import { NO_PENNIES, sumPennies, type Pennies } from '../core/money.js';
import type { ExpenditureCategory, IncomeCategory, Line, Statement } from '../core/statement.js';
import { sfsFieldOfLine } from './sfs-fields.js';
import { stringifyJsonExact } from './json-exact.js';
import type { RawObject } from './raw.js';
import {
  additionalNotes,
  figure,
  owedToThePenny,
  refuseUnlessPounds,
  sfsHousehold,
  sfsNonPriorityDebts,
  sfsOverview,
  sfsPriorityDebts,
} from './sfs.js';
import { SUMMARY_FIXED, SUMMARY_FLEXIBLE, SUMMARY_INCOME, type SummaryLine } from './sfs-summary-import.js';

type Layout = readonly SummaryLine<string>[];

/**
 * Each summary field's figure, the sum of its lines' monthly figures: a line goes to the summary
 * field of its data-entry field where the summary has one (rent, council-tax-rates, gas…), any
 * other to the last field of its category, as the schema groups them (the TV licence into
 * other-home-contents, a section's lines into its total).
 */
function summaryFigures(layout: Layout, lines: readonly MonthlyLine<IncomeCategory | ExpenditureCategory>[]): RawObject {
  const fieldOf = (line: Line<IncomeCategory | ExpenditureCategory>): string | undefined => {
    const fields = layout.filter((l) => l.category === line.category).map((l) => l.field);
    const own = sfsFieldOfLine(line);
    return fields.includes(own) ? own : fields.at(-1);
  };
  const figures = new Map<string, Pennies>(layout.map((l) => [l.field, NO_PENNIES]));
  for (const { line, monthly } of lines) {
    const field = fieldOf(line);
    if (field !== undefined) figures.set(field, sumPennies([figures.get(field) ?? NO_PENNIES, monthly]));
  }
  return Object.fromEntries([...figures].map(([field, amount]) => [field, figure(amount)]));
}

/** `offers`: what each non-priority creditor is offered; by default the check's pro-rata offers. */
export function toSfsSummaryJson(statement: Statement, affordability: Affordability, offers: readonly Offer[] = affordability.offers): string {
  refuseUnlessPounds(statement);
  const { totals, income, expenditure } = affordability;
  return stringifyJsonExact({
    ...sfsHousehold(statement),
    overview: sfsOverview(totals),
    'monthly-income': {
      ...summaryFigures(SUMMARY_INCOME, income),
      'total-monthly-income': figure(totals.income),
    },
    'monthly-outgoings': {
      'fixed-costs': { ...summaryFigures(SUMMARY_FIXED, expenditure), 'total-fixed-costs': figure(totals.fixed) },
      'flexible-costs': {
        ...summaryFigures(SUMMARY_FLEXIBLE, expenditure),
        'total-flexible-costs': figure(totals.flexible),
      },
      'total-monthly-outgoings': figure(totals.expenditure),
    },
    confirmations: {
      // fairplan records no decision about the use of assets: the receiving software completes it.
      'asset-use-considered': false,
      'savings-contribution-considered': statement.savings !== undefined,
    },
    debts: {
      'priority-debts': sfsPriorityDebts(affordability),
      'total-priority-debts': figure(owedToThePenny(statement.priorityDebts.map((d) => d.balance))),
      'non-priority-debts': sfsNonPriorityDebts(affordability, offers),
      'total-non-priority-debts': figure(owedToThePenny(statement.debts.map((d) => d.balance))),
    },
    notes: additionalNotes(statement),
  });
}
