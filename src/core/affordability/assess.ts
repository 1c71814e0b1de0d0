/**
 * The affordability check: every line converted to its monthly figure in whole pence, the SFS
 * totals as sums of those pennies (budget.ts), the pro-rata offers, the guideline checks and the
 * flags. Pure: the date is a parameter.
 */
import { compareDates, type IsoDate } from '../date.js';
import { FairplanError } from '../errors.js';
import { toMonthly } from '../frequency.js';
import { fromPence, NO_PENNIES, safePence, sum, sumPennies, type Pennies } from '../money.js';
import {
  EXPENDITURE_CATEGORIES,
  FIXED_CATEGORIES,
  FLEXIBLE_CATEGORIES,
  INCOME_CATEGORIES,
  type Line,
  type RegularAmount,
  type Statement,
} from '../statement.js';
import { budgetTotals, TOKEN_THRESHOLD_PER_CREDITOR } from './budget.js';
import { raiseFlags } from './flags.js';
import { checkGuidelines } from './guidelines.js';
import { proRataOffers } from './offers.js';
import { STATEMENT_STALE_MONTHS } from '../time-limits.js';
import type { Affordability, AffordabilitySettings, MonthlyLine, Totals } from './types.js';

const monthlyLines = <C extends string>(lines: readonly Line<C>[]): MonthlyLine<C>[] =>
  lines.map((line) => ({ line, monthly: toMonthly(line.amount, line.frequency) }));

function bySection<C extends string>(categories: readonly C[], lines: readonly MonthlyLine<C>[]): Record<C, Pennies> {
  const totals = Object.fromEntries(categories.map((c) => [c, NO_PENNIES])) as Record<C, Pennies>;
  for (const { line, monthly } of lines) totals[line.category] = sumPennies([totals[line.category], monthly]);
  return totals;
}

const monthlyOf = (regular: RegularAmount | undefined): Pennies =>
  regular ? toMonthly(regular.amount, regular.frequency) : NO_PENNIES;

/**
 * Dates a statement records that cannot come after the day it is used: a budget not yet taken, or a
 * payment not yet made, is a typing mistake (or the wrong --as-of), and would silently switch off
 * the stale-budget and limitation checks.
 */
function refuseLaterThan(statement: Statement, asOf: IsoDate): void {
  const later = (date: IsoDate | undefined) => date !== undefined && compareDates(date, asOf) > 0;
  if (later(statement.takenOn)) {
    throw new FairplanError('invalid-argument', `${statement.takenOn} is after the as-of date ${asOf}: a budget cannot be taken after the day it is used`, { field: 'takenOn' });
  }
  statement.debts.forEach((debt, i) => {
    if (later(debt.lastPaymentOn)) {
      throw new FairplanError('invalid-argument', `${debt.lastPaymentOn} is after the as-of date ${asOf}: a last payment cannot be in the future`, { field: `debts[${i}].lastPaymentOn` });
    }
  });
}

export function assessAffordability(statement: Statement, settings: AffordabilitySettings): Affordability {
  refuseLaterThan(statement, settings.asOf);
  const income = monthlyLines(statement.income);
  const expenditure = monthlyLines(statement.expenditure);
  const priorityDebts = statement.priorityDebts.map((debt) => ({ debt, monthly: toMonthly(debt.payment, debt.frequency) }));
  const incomeBySection = bySection(INCOME_CATEGORIES, income);
  const expenditureBySection = bySection(EXPENDITURE_CATEGORIES, expenditure);

  const pence = budgetTotals({
    income: safePence(sumPennies(Object.values<Pennies>(incomeBySection))),
    fixed: safePence(sumPennies(FIXED_CATEGORIES.map((c) => expenditureBySection[c]))),
    flexible: safePence(sumPennies(FLEXIBLE_CATEGORIES.map((c) => expenditureBySection[c]))),
    savings: safePence(monthlyOf(statement.savings)),
    debtAdminFee: safePence(monthlyOf(statement.debtAdminFee)),
    priorityPayments: safePence(sumPennies(priorityDebts.map((p) => p.monthly))),
  });
  const totals: Totals = {
    income: fromPence(pence.income),
    fixed: fromPence(pence.fixed),
    flexible: fromPence(pence.flexible),
    expenditure: fromPence(pence.expenditure),
    surplus: fromPence(pence.surplus),
    savings: fromPence(pence.savings),
    debtAdminFee: fromPence(pence.debtAdminFee),
    availableForPriority: fromPence(pence.availableForPriority),
    priorityPayments: fromPence(pence.priorityPayments),
    available: fromPence(pence.available),
    nonPriorityBalance: sum(statement.debts.map((d) => d.balance)),
    priorityBalance: sum(statement.priorityDebts.map((d) => d.balance)),
  };

  const guidelines = settings.guidelines
    ? checkGuidelines(settings.guidelines, statement.household, expenditure, settings.asOf)
    : undefined;
  return {
    asOf: settings.asOf,
    statement,
    income,
    expenditure,
    priorityDebts,
    incomeBySection,
    expenditureBySection,
    totals,
    offers: proRataOffers(totals.available, statement.debts),
    ...(guidelines ? { guidelines } : {}),
    flags: raiseFlags({
      statement,
      asOf: settings.asOf,
      totals,
      ...(guidelines ? { guidelines } : {}),
      tokenThresholdPerCreditor: settings.tokenThresholdPerCreditor ?? fromPence(TOKEN_THRESHOLD_PER_CREDITOR),
      staleAfterMonths: settings.staleAfterMonths ?? STATEMENT_STALE_MONTHS,
    }),
  };
}
