/**
 * The affordability check: every line converted to an exact monthly figure, the SFS totals, the
 * pro-rata offers, the guideline checks and the flags. Pure: the date is a parameter.
 *
 *   surplus               = income − (fixed + flexible)
 *   available for priority = surplus − savings − debt admin fee
 *   available             = available for priority − priority debt payments
 */
import { toMonthly } from '../frequency.js';
import { money, subtract, sum, ZERO, type Money } from '../money.js';
import {
  EXPENDITURE_CATEGORIES,
  FIXED_CATEGORIES,
  FLEXIBLE_CATEGORIES,
  INCOME_CATEGORIES,
  type Line,
  type RegularAmount,
  type Statement,
} from '../statement.js';
import { raiseFlags } from './flags.js';
import { checkGuidelines } from './guidelines.js';
import { proRataOffers } from './offers.js';
import type { Affordability, AffordabilitySettings, MonthlyLine, Totals } from './types.js';

const monthlyLines = <C extends string>(lines: readonly Line<C>[]): MonthlyLine<C>[] =>
  lines.map((line) => ({ line, monthly: toMonthly(line.amount, line.frequency) }));

function bySection<C extends string>(categories: readonly C[], lines: readonly MonthlyLine<C>[]): Record<C, Money> {
  const totals = Object.fromEntries(categories.map((c) => [c, ZERO])) as Record<C, Money>;
  for (const { line, monthly } of lines) totals[line.category] = sum([totals[line.category], monthly]);
  return totals;
}

const monthlyOf = (regular: RegularAmount | undefined): Money =>
  regular ? toMonthly(regular.amount, regular.frequency) : ZERO;

export function assessAffordability(statement: Statement, settings: AffordabilitySettings): Affordability {
  const income = monthlyLines(statement.income);
  const expenditure = monthlyLines(statement.expenditure);
  const priorityDebts = statement.priorityDebts.map((debt) => ({ debt, monthly: toMonthly(debt.payment, debt.frequency) }));
  const incomeBySection = bySection(INCOME_CATEGORIES, income);
  const expenditureBySection = bySection(EXPENDITURE_CATEGORIES, expenditure);

  const totalIncome = sum(Object.values<Money>(incomeBySection));
  const fixed = sum(FIXED_CATEGORIES.map((c) => expenditureBySection[c]));
  const flexible = sum(FLEXIBLE_CATEGORIES.map((c) => expenditureBySection[c]));
  const totalExpenditure = sum([fixed, flexible]);
  const surplus = subtract(totalIncome, totalExpenditure);
  const savings = monthlyOf(statement.savings);
  const debtAdminFee = monthlyOf(statement.debtAdminFee);
  const availableForPriority = subtract(subtract(surplus, savings), debtAdminFee);
  const priorityPayments = sum(priorityDebts.map((p) => p.monthly));
  const totals: Totals = {
    income: totalIncome,
    fixed,
    flexible,
    expenditure: totalExpenditure,
    surplus,
    savings,
    debtAdminFee,
    availableForPriority,
    priorityPayments,
    available: subtract(availableForPriority, priorityPayments),
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
      totals,
      ...(guidelines ? { guidelines } : {}),
      tokenThresholdPerCreditor: settings.tokenThresholdPerCreditor ?? money('1.00'),
    }),
  };
}
