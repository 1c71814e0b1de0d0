/**
 * Several accounts of one customer (`batch --group-by`): one household's debts, planned together.
 *
 * The budget is the household's, so its columns must agree across the accounts; what is available
 * is shared among the accounts by the several-creditor rules of the plan engine (docs/plans.md,
 * "Plans across several creditors"), each account a creditor. Each account's result then carries its own
 * part of every option: instalment and total are its share, while the budget figures are the
 * household's. Each account's part is the engine's own figures for that creditor (`creditorParts`),
 * in whole pence.
 */
import type { GuidelineTable } from '../core/affordability/guidelines.js';
import type { BusinessCalendar } from '../core/calendar/business-calendar.js';
import type { IsoDate } from '../core/date.js';
import { PER_YEAR, type PaymentFrequency } from '../core/frequency.js';
import { REPAID } from '../core/plan/context.js';
import { creditorParts, type CreditorPart } from '../core/plan/creditors.js';
import { dueDatesOn } from '../core/plan/dates.js';
import { sharedInterest } from '../core/plan/interest.js';
import { horizonInstalments } from '../core/plan/request.js';
import { scheduleStream } from '../core/plan/schedule.js';
import { proposeInPence, type OptionFigures } from '../core/plan/index.js';
import type { Account } from './account.js';
import { accountAffordability, type AccountAffordability } from './affordability.js';
import { EXPENSE_FIELDS } from './fields.js';
import { formatPence } from '../core/pence.js';
import { interestOf, leftOutResult, possiblyBarredAccount, startOf, termsFor, type AccountResult, type BatchResult, type PlanSettings } from './plan.js';

/** The budget columns, as the row reads them, for comparing one account of a household with another. */
function budgetOf(account: Account): [string, string][] {
  return [
    ['monthly_income', formatPence(account.income)],
    ...EXPENSE_FIELDS.map((field): [string, string] => [field, formatPence(account.expenses[field])]),
    ['pay_frequency', account.pay.frequency],
    ['next_pay_date', account.pay.nextPayDate],
    ['breathing_space_end', account.breathingSpaceEnd ?? 'blank'],
    // Its household too: the flags and the due dates rest on it.
    ['adults', String(account.household.adults)],
    ['children', String(account.household.children)],
    ['tenure', account.household.tenure],
    ['jurisdiction', account.household.jurisdiction],
    ['calendar', account.household.calendar],
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

/**
 * The plans of a household's accounts (at least one, their budgets agreeing), one result per account
 * in the order given: an account that may be statute-barred (see `possiblyBarredAccount`) is left
 * out, offered nothing, and the others share all that is available. Throws the engine's
 * FairplanError for a request it refuses.
 */
export function planHouseholdLeavingOut(accounts: readonly Account[], settings: PlanSettings): BatchResult[] {
  const own = onCalendarOf(accounts, settings);
  const { asOf } = own.terms;
  const offered = accounts.filter((account) => !possiblyBarredAccount(account, asOf));
  const { household, affordability } = householdOf(offered.length > 0 ? offered : accounts, own, accounts);
  const planned = offered.length > 0 ? planOf(offered, household, affordability, own) : [];
  let next = 0;
  return accounts.map((account) => (possiblyBarredAccount(account, asOf) ? leftOutResult(account, affordability) : (planned[next++] as AccountResult)));
}

/** The plans of a household's accounts, every one offered money (see planHouseholdLeavingOut). */
export function planHousehold(accounts: readonly Account[], settings: PlanSettings): AccountResult[] {
  const own = onCalendarOf(accounts, settings);
  const { household, affordability } = householdOf(accounts, own);
  return planOf(accounts, household, affordability, own);
}


/** The settings with the terms on the household's own calendar (its accounts agree on their jurisdiction). */
const onCalendarOf = (accounts: readonly Account[], settings: PlanSettings): PlanSettings => ({ ...settings, terms: termsFor(accounts[0] as Account, settings) });

/**
 * The household's affordability (its budget, what all its accounts owe together) and its plan
 * request's own part: what the accounts offered money owe, sharing all that is available.
 */
function householdOf(accounts: readonly Account[], settings: PlanSettings, all: readonly Account[] = accounts): { household: Household; affordability: AccountAffordability } {
  const { asOf } = settings.terms;
  const first = accounts[0] as Account;
  const balance = accounts.reduce((total, account) => total + account.balance, 0);
  const owed = all.reduce((total, account) => total + account.balance, 0);
  const { start, payDay, pausedUntil } = startOf(first, asOf);
  const limitation = all.some((account) => possiblyBarredAccount(account, asOf));
  const affordability = accountAffordability({ ...first, balance: owed }, guidelineCheck(settings.guidelines, asOf), accounts.length, pausedUntil !== undefined, limitation);
  return {
    household: { balance, affordableMonthly: affordability.available, frequency: first.pay.frequency, start, ...(payDay === undefined ? {} : { payDay }), ...(pausedUntil ? { pausedUntil } : {}) },
    affordability,
  };
}

/** The household's own part of its plan request: what the accounts offered money owe together, and its pay schedule. */
interface Household {
  readonly balance: number;
  readonly affordableMonthly: number;
  readonly frequency: PaymentFrequency;
  readonly start: IsoDate;
  readonly payDay?: number;
  readonly pausedUntil?: IsoDate;
}

/**
 * The household's plans from the plan engine, each account a creditor: each option's part for each
 * account, and the recommended option's instalments of each when schedules are asked for (the
 * household's own instalments are never written).
 */
function planOf(accounts: readonly Account[], household: Household, affordability: AccountAffordability, settings: PlanSettings): AccountResult[] {
  const { terms } = settings;
  const creditors = accounts.map((account) => ({ creditor: account.id, balance: BigInt(account.balance), interest: interestOf(account, settings) ?? terms.interest }));
  const proposal = proposeInPence({
    ...terms,
    balance: BigInt(household.balance),
    creditors,
    affordableMonthly: BigInt(household.affordableMonthly),
    frequency: household.frequency,
    start: household.start,
    ...(household.payDay === undefined ? {} : { payDay: household.payDay }),
    ...(household.pausedUntil ? { pausedUntil: household.pausedUntil } : {}),
    // What the accounts are charged, when they share one treatment (as resolvePlanRequest does).
    interest: sharedInterest(creditors.map((creditor) => creditor.interest)) ?? terms.interest,
  });
  const review = affordability.review || proposal.recommended.flagForReview;
  const parts = proposal.options.map((option, k) => ownParts(option, settings.schedules && k === proposal.recommended.index ? terms.calendar : undefined));
  return accounts.map((account, i) => {
    const options = proposal.options.map((option, k) => shareOf(option, parts[k]?.[i] as CreditorPart, terms.calendar));
    const creditor = parts[proposal.recommended.index]?.[i] as CreditorPart;
    return {
      account,
      affordability,
      proposal: { options, recommended: proposal.recommended },
      recommended: options[proposal.recommended.index] as OptionFigures,
      review,
      instalments: settings.schedules ? creditor.instalments : undefined,
    };
  });
}

/** Where `option` leaves the creditor of `part`: 'owed' when still owed after the last payment shown, their share covering their interest. */
function partOutcome(option: OptionFigures, part: CreditorPart): OptionFigures['outcome']['kind'] | 'owed' {
  if (part.balanceAfter === 0n) return 'repaid';
  if (option.outcome.kind === 'review') return 'review';
  return part.count === 0 || part.finalAmount <= part.nextInterest ? 'never-repays' : 'owed';
}

/**
 * Each account's part of `option`. An option that never repays the household is shown for its first
 * year, which may stop before an account its share repays (a £10 account beside a £5,000 one at
 * 40%): that account's part runs on to its last payment, as its outcome is its own.
 */
function ownParts(option: OptionFigures, calendar: BusinessCalendar | undefined): CreditorPart[] {
  const stream = scheduleStream(option);
  if (!stream.sharing) throw new Error('a household plan is shared among its accounts');
  const parts = creditorParts(stream, stream.sharing, calendar);
  if (option.outcome.kind !== 'never-repays' || !parts.some((part) => partOutcome(option, part) === 'owed')) return parts;
  const whole = creditorParts({ ...stream, limit: horizonInstalments(PER_YEAR[option.frequency]) }, stream.sharing, calendar);
  return parts.map((part, i) => (partOutcome(option, part) === 'owed' && whole[i]?.balanceAfter === 0n ? (whole[i] as CreditorPart) : part));
}

/** One account's part of an option, in the figures a batch writes. */
function shareOf(option: OptionFigures, part: CreditorPart, calendar: BusinessCalendar): OptionFigures {
  const due = dueDatesOn(calendar).of(option.anchorDate, option.frequency, option.payDay);
  const outcome = partOutcome(option, part);
  const figures = {
    affordable: option.affordable,
    frequency: option.frequency,
    interest: part.creditor.interest,
    amountToRepay: part.creditor.balance,
    anchorDate: option.anchorDate,
    ...(option.payDay === undefined ? {} : { payDay: option.payDay }),
    instalmentCount: part.count,
    instalmentAmount: part.share,
    finalAmount: part.finalAmount,
    pattern: option.pattern,
    firstDate: part.first === undefined ? option.firstDate : due(part.first),
    lastDate: part.last === undefined ? option.firstDate : due(part.last),
    totalPaid: part.totalPaid,
    totalInterest: part.totalInterest,
    balanceAfter: part.balanceAfter,
    // A creditor still owed when the option's schedule stops is left as the option leaves the household.
    outcome: outcome === 'repaid' ? REPAID : option.outcome,
  };
  return { ...option, ...figures } as OptionFigures;
}

const guidelineCheck = (table: GuidelineTable | undefined, asOf: IsoDate) => (table ? { table, asOf } : undefined);
