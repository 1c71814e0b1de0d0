/**
 * An account as an SFS statement, and its monthly totals and flags worked out in whole pence.
 *
 * How the export's columns become a statement: monthly_income is one income line; housing and
 * council tax are fixed home costs (council tax as an ongoing bill, not arrears: the export records
 * no arrears, so there are no priority debts); utilities and transport are fixed costs; food is
 * food & housekeeping (flexible); other_expenses are other essential costs. The balance is one
 * non-priority debt. The household (adults, children, tenure, jurisdiction) is the row's, each field
 * it does not record by default (household-fields.ts); food is checked against a spending guideline
 * for that household when one is given.
 *
 * `accountAffordability` works out the totals and flags by the affordability core's own rule
 * (budget.ts), on the export's amounts as they are: already monthly figures in whole pence, so no
 * Decimal is made per amount.
 */
import { budgetTotals, droPossible, flagCodes, flagNeedsReview, TOKEN_THRESHOLD_PER_CREDITOR } from '../core/affordability/budget.js';
import { checkGuidelines, type GuidelineTable } from '../core/affordability/guidelines.js';
import type { FlagCode } from '../core/affordability/types.js';
import type { IsoDate } from '../core/date.js';
import { fromPence } from '../core/money.js';
import type { ExpenditureLine, Household, Statement } from '../core/statement.js';
import type { Account } from './account.js';
import { HOUSEHOLD_FIELDS } from './fields.js';
import { DEFAULT_ADULTS, DEFAULT_CHILDREN, DEFAULT_TENURE } from './household-fields.js';

export interface AccountAffordability {
  readonly income: number;
  readonly expenditure: number;
  readonly surplus: number;
  /** For the non-priority creditor: surplus, as there are no savings, fees or priority payments. */
  readonly available: number;
  readonly flags: readonly FlagCode[];
  /** A flag asks for a person to look at the account. */
  readonly review: boolean;
}

/** The household a guideline table is checked for before any row is read: the defaults. */
const DEFAULT_HOUSEHOLD: Household = { adults: DEFAULT_ADULTS, children: DEFAULT_CHILDREN, vehicles: 0, tenure: DEFAULT_TENURE };

// An export records no vehicles; the guidelines' figures for none are used.
const householdOf = ({ household }: Account): Household =>
  household.defaulted.length === HOUSEHOLD_FIELDS.length ? DEFAULT_HOUSEHOLD : { adults: household.adults, children: household.children, vehicles: 0, tenure: household.tenure };

/** A spending guideline table and the day it is applied on. */
export interface GuidelineCheck {
  readonly table: GuidelineTable;
  readonly asOf: IsoDate;
}

/** Refuses, before any row is read, a table that is not in force on the day or has no figures for the household. */
export function checkGuidelineTable({ table, asOf }: GuidelineCheck): void {
  checkGuidelines(table, DEFAULT_HOUSEHOLD, [], asOf);
}

/** The core's guideline check on the one flexible line, food: the amounts are exact, so this costs a Decimal or two. */
function overGuideline(account: Account, { table, asOf }: GuidelineCheck): boolean {
  const food = foodLine(account);
  const result = checkGuidelines(table, householdOf(account), [{ line: food, monthly: fromPence(account.expenses.food) }], asOf);
  return result.checks.some((c) => c.status === 'over');
}

/**
 * `creditors`: the accounts the budget is shared across (a household's, under --group-by);
 * `breathingSpace`: a moratorium is in force on the as-of date (see `pausedUntilEnd`);
 * `limitation`: an account's last payment is past the limitation period (see `possiblyBarredAccount`).
 */
export function accountAffordability(account: Account, guidelines?: GuidelineCheck, creditors = 1, breathingSpace = false, limitation = false): AccountAffordability {
  const e = account.expenses;
  const totals = budgetTotals({
    income: account.income,
    fixed: e.housing + e.council_tax + e.utilities + e.transport + e.other_expenses,
    flexible: e.food,
    savings: 0,
    debtAdminFee: 0,
    priorityPayments: 0,
  });
  const flags = flagCodes({
    available: totals.available,
    // Each account is one creditor, at the core's default threshold.
    creditors,
    tokenThreshold: TOKEN_THRESHOLD_PER_CREDITOR,
    totalDebt: account.balance,
    // By the core's rule, on the row's tenure (a batch run is in pounds).
    droPossible: droPossible('GBP', account.household.tenure),
    guidelineOver: guidelines !== undefined && overGuideline(account, guidelines),
    vulnerable: false,
    breathingSpace,
    // A batch row records no date the budget was taken.
    stale: false,
    limitation,
  });
  // No line carries an advisor's note, so an overrun is always for a person to look at.
  const review = flags.some((code) => flagNeedsReview(code, false));
  return { income: totals.income, expenditure: totals.expenditure, surplus: totals.surplus, available: totals.available, flags, review };
}

const monthly = (category: ExpenditureLine['category'], label: string, pence: number): ExpenditureLine => ({
  category,
  label,
  amount: fromPence(pence),
  frequency: 'monthly',
});

const foodLine = (account: Account): ExpenditureLine => monthly('food-housekeeping', 'food', account.expenses.food);

export function accountStatement(account: Account): Statement {
  const e = account.expenses;
  return {
    jurisdiction: account.household.jurisdiction,
    household: householdOf(account),
    income: [{ category: 'earnings', label: 'monthly income', amount: fromPence(account.income), frequency: 'monthly' }],
    expenditure: [
      monthly('home', 'housing', e.housing),
      monthly('home', 'council tax', e.council_tax),
      monthly('utilities', 'utilities', e.utilities),
      foodLine(account),
      monthly('transport', 'transport', e.transport),
      monthly('other-essential', 'other expenses', e.other_expenses),
    ],
    priorityDebts: [],
    debts: [{ creditor: account.id, balance: fromPence(account.balance) }],
    vulnerabilities: [],
    pay: account.pay,
    expectedChanges: [],
  };
}
