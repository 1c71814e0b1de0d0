/**
 * Several accounts of one customer (`batch --group-by`): one household's debts, planned together.
 *
 * The budget is the household's, so its columns must agree across the accounts; what is available
 * is shared among the accounts by the several-creditor rules of the plan engine (README "Plans
 * across several creditors"), each account a creditor. Each account's result then carries its own
 * part of every option: instalment and total are its share, while the budget figures are the
 * household's. The engine lays out each account's payments here (no quick summary): grouped runs are slower.
 */
import type { GuidelineTable } from '../core/affordability/guidelines.js';
import type { IsoDate } from '../core/date.js';
import { fromPence, type Money, penceOf } from '../core/money.js';
import { creditorSchedules } from '../core/plan/creditor-schedules.js';
import { instalmentInPence } from '../core/plan/quick-summary.js';
import {
  summarisePlans,
  type CreditorSchedule,
  type PlanOptionSummary,
  type QuickOption,
} from '../core/plan/index.js';
import type { Account } from './account.js';
import { accountAffordability } from './affordability.js';
import { EXPENSE_FIELDS } from './fields.js';
import { formatPence } from './pence.js';
import { interestOf, startOf, type AccountResult, type PlanSettings } from './plan.js';

const pence = (amount: Money): number => Number(penceOf(amount));

/** The budget columns, as the row reads them, for comparing one account of a household with another. */
function budgetOf(account: Account): [string, string][] {
  return [
    ['monthly_income', formatPence(account.income)],
    ...EXPENSE_FIELDS.map((field): [string, string] => [field, formatPence(account.expenses[field])]),
    ['pay_frequency', account.pay.frequency],
    ['next_pay_date', account.pay.nextPayDate],
    ['breathing_space_end', account.breathingSpaceEnd ?? 'blank'],
  ];
}

/**
 * Why `account`'s budget cannot be its household's, naming both lines; undefined when it agrees
 * with `first`, the household's first account.
 */
export function budgetDisagreement(first: Account, account: Account, customer: string): { field: string; reason: string } | undefined {
  const theirs = budgetOf(first);
  const index = budgetOf(account).findIndex(([, value], i) => value !== theirs[i]?.[1]);
  if (index < 0) return undefined;
  const [field, value] = budgetOf(account)[index] as [string, string];
  return {
    field,
    reason: `${field} is ${value} on line ${account.line} but ${theirs[index]?.[1]} on line ${first.line}, an account of the same customer ${customer}: a customer's accounts share one budget`,
  };
}

/** One account's part of an option, in the figures a batch writes. */
function shareOf(option: PlanOptionSummary, creditor: CreditorSchedule): QuickOption {
  const paid = creditor.instalments;
  const first = paid[0];
  const last = paid[paid.length - 1];
  // A creditor still owed when the option's schedule stops is left as the option leaves the household.
  const outcome = creditor.outcome.kind === 'owed' ? option.outcome.kind : creditor.outcome.kind;
  const figures = {
    affordable: option.affordable,
    frequency: option.frequency,
    interest: creditor.interest,
    amountToRepay: pence(creditor.balance),
    anchorDate: option.anchorDate,
    instalmentCount: paid.length,
    instalmentAmount: pence(creditor.share),
    finalAmount: last ? pence(last.amount) : 0,
    firstDate: first?.due ?? option.firstDate,
    lastDate: creditor.lastDate,
    totalPaid: pence(creditor.totalPaid),
    totalInterest: pence(creditor.totalInterest),
    balanceAfter: pence(creditor.balanceAfter),
    outcome: { kind: outcome },
  };
  return option.kind === 'fixed-term' ? { ...figures, kind: 'fixed-term', termMonths: option.termMonths } : { ...figures, kind: option.kind as 'affordable' | 'token' };
}


/**
 * The plans of a household's accounts (at least one, their budgets agreeing), one result per account
 * in the order given. Throws the engine's FairplanError for a request it refuses.
 */
export function planHousehold(accounts: readonly Account[], settings: PlanSettings): AccountResult[] {
  const { asOf } = settings.terms;
  const first = accounts[0] as Account;
  const balance = accounts.reduce((total, account) => total + account.balance, 0);
  const household: Account = { ...first, balance };
  const { start, pausedUntil } = startOf(first, asOf);
  const affordability = accountAffordability(household, guidelineCheck(settings.guidelines, asOf), accounts.length, pausedUntil !== undefined);
  const proposal = summarisePlans({
    ...settings.terms,
    balance: fromPence(BigInt(balance)),
    creditors: accounts.map((account) => {
      const interest = interestOf(account, settings);
      return { creditor: account.id, balance: fromPence(BigInt(account.balance)), ...(interest ? { interest } : {}) };
    }),
    affordableMonthly: fromPence(BigInt(affordability.available)),
    frequency: first.pay.frequency,
    start,
    ...(pausedUntil ? { pausedUntil } : {}),
  });
  const review = affordability.review || proposal.recommended.flagForReview;
  // Each option's part for each account; the household's own instalments are never written.
  const parts = proposal.options.map((option) => creditorSchedules(option, proposal.request) ?? []);
  return accounts.map((account, i) => {
    const options = proposal.options.map((option, k) => shareOf(option, parts[k]?.[i] as CreditorSchedule));
    const recommended = options[proposal.recommended.index] as QuickOption;
    const creditor = parts[proposal.recommended.index]?.[i] as CreditorSchedule;
    return {
      account,
      affordability,
      proposal: { options, recommended: proposal.recommended },
      recommended,
      review,
      instalments: settings.schedules ? creditor.instalments.map(instalmentInPence) : undefined,
    };
  });
}

const guidelineCheck = (table: GuidelineTable | undefined, asOf: IsoDate) => (table ? { table, asOf } : undefined);
