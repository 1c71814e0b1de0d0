/**
 * Several accounts of one customer (`batch --group-by`): one household's debts, planned together.
 *
 * The budget is the household's, so its columns must agree across the accounts; what is available
 * is shared among the accounts by the several-creditor rules of the plan engine (docs/plans.md,
 * "Plans across several creditors"), each account a creditor. Each account's result then carries its own
 * part of every option: instalment and total are its share, while the budget figures are the
 * household's. With interest frozen the household's options come from the quick summary and each
 * account's part from `quickShares`, the engine's own sharing (`frozenShares`, a run of payments at a time); other
 * households (interest continuing on an account, amounts past the quick summary's) go through the
 * engine, which lays out each account's payments.
 */
import type { GuidelineTable } from '../core/affordability/guidelines.js';
import type { IsoDate } from '../core/date.js';
import { fromPence, type Money, penceOf, safePenceOf } from '../core/money.js';
import { creditorSchedules } from '../core/plan/creditor-schedules.js';
import { instalmentInPence, type QuickInstalment } from '../core/plan/quick-summary.js';
import { dueDate } from '../core/plan/dates.js';
import { frozenShares, sharingWeights } from '../core/plan/sharing.js';
import type { BusinessCalendar } from '../core/calendar/business-calendar.js';
import { horizonInstalments } from '../core/plan/request.js';
import { PER_YEAR } from '../core/frequency.js';
import {
  quickCovers,
  quickSummary,
  summarisePlans,
  type CreditorSchedule,
  type PlanOptionSummary,
  type ResolvedPlanRequest,
  type QuickAccount,
  type QuickOption,
} from '../core/plan/index.js';
import type { Account } from './account.js';
import { accountAffordability, type AccountAffordability } from './affordability.js';
import { EXPENSE_FIELDS } from './fields.js';
import { formatPence } from '../core/pence.js';
import { interestOf, leftOutResult, possiblyBarredAccount, startOf, termsFor, type AccountResult, type BatchResult, type PlanSettings } from './plan.js';

const pence = (amount: Money): number => Number(penceOf(amount));

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
    ...(option.payDay === undefined ? {} : { payDay: option.payDay }),
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

const planOf = (accounts: readonly Account[], household: QuickAccount, affordability: AccountAffordability, settings: PlanSettings): AccountResult[] =>
  quickHousehold(accounts, household, affordability, settings) ?? engineHousehold(accounts, household, affordability, settings);

/** The settings with the terms on the household's own calendar (its accounts agree on their jurisdiction). */
const onCalendarOf = (accounts: readonly Account[], settings: PlanSettings): PlanSettings => ({ ...settings, terms: termsFor(accounts[0] as Account, settings) });

/** The same plans, every one from the plan engine: what the quick path must give. */
export function planHouseholdByEngine(accounts: readonly Account[], settings: PlanSettings): AccountResult[] {
  const own = onCalendarOf(accounts, settings);
  const { household, affordability } = householdOf(accounts, own);
  return engineHousehold(accounts, household, affordability, own);
}

/**
 * The household's affordability (its budget, what all its accounts owe together) and its plan
 * request's own part: what the accounts offered money owe, sharing all that is available.
 */
function householdOf(accounts: readonly Account[], settings: PlanSettings, all: readonly Account[] = accounts): { household: QuickAccount; affordability: AccountAffordability } {
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

interface QuickShares {
  /** Each account's figures for the option, as if it were theirs alone: their payments, dates and totals. */
  readonly options: readonly QuickOption[];
  /** Each account's instalments, numbered and dated as the option's. */
  instalments(calendar: BusinessCalendar): QuickInstalment[][];
}

/**
 * `option` (interest frozen), for accounts owed `balances` (pence, together the option's amount to
 * repay), shared by the engine's rule (`frozenShares`) pro rata to them (`by` 'balance') or equally
 * (a token payment); `due(k)` is the option's k-th due date.
 */
function quickShares(option: QuickOption, balances: readonly number[], by: 'balance' | 'equal', due: (k: number) => IsoDate): QuickShares {
  const owed = balances.map((balance) => BigInt(balance));
  const runs = frozenShares(owed, sharingWeights(owed, by), [{ count: option.instalmentCount, amount: BigInt(option.instalmentAmount) }], option.instalmentCount).map(
    (run) => ({ ...run, parts: run.parts.map(safePenceOf) }),
  );
  const options = balances.map((balance, i): QuickOption => {
    const paid = runs.filter((run) => run.owed[i]);
    const first = paid[0];
    const last = paid[paid.length - 1];
    const count = paid.reduce((n, run) => n + run.count, 0);
    const totalPaid = paid.reduce((total, run) => total + (run.parts[i] ?? 0) * run.count, 0);
    return {
      ...option,
      amountToRepay: balance,
      instalmentCount: count,
      instalmentAmount: first?.parts[i] ?? 0,
      finalAmount: last?.parts[i] ?? 0,
      firstDate: first ? due(first.from) : option.firstDate,
      lastDate: last ? due(last.from + last.count - 1) : option.firstDate,
      totalPaid,
      totalInterest: 0,
      balanceAfter: balance - totalPaid,
      // An account still owed when the option stops is left as the option leaves the household.
      outcome: balance === totalPaid ? { kind: 'repaid' } : option.outcome,
    };
  });
  return {
    options,
    instalments: (calendar) =>
      balances.map((balance, i) => {
        const instalments: QuickInstalment[] = [];
        let left = balance;
        for (const run of runs) {
          if (!run.owed[i]) continue;
          const amount = run.parts[i] ?? 0;
          for (let k = run.from; k < run.from + run.count; k++) {
            left -= amount;
            instalments.push({ n: k + 1, ...dueDate(calendar, option.anchorDate, option.frequency, k, option.payDay), amount, interest: 0, principal: amount, balanceAfter: left });
          }
        }
        return instalments;
      }),
  };
}

/**
 * The household's plans from the quick summary, each account's part by `quickShares`; undefined
 * where the quick summary does not cover them (see `quickCovers`) or an account's interest continues.
 */
function quickHousehold(accounts: readonly Account[], household: QuickAccount, affordability: AccountAffordability, settings: PlanSettings): AccountResult[] | undefined {
  if (!settings.terms.redistribute || accounts.some((account) => interestOf(account, settings) !== undefined)) return undefined;
  // The token amount goes to each account (see tokenPlan); each owes something, a nil balance being rejected.
  const terms = { ...settings.terms, tokenPence: settings.terms.tokenPence * accounts.length };
  if (!quickCovers(terms, household)) return undefined;
  const proposal = quickSummary(terms, household);
  // `quickShares` passes a repaid account's part to the others; a token is only to accounts still
  // owed (see tokenPlan), so an account its tokens repay before the review goes to the engine.
  const token = proposal.options.find((option) => option.kind === 'token');
  if (token && accounts.some((account) => account.balance < settings.terms.tokenPence * token.instalmentCount)) return undefined;
  const balances = accounts.map((account) => account.balance);
  const shares = proposal.options.map((option) =>
    quickShares(option, balances, option.kind === 'token' ? 'equal' : 'balance', terms.dueDates.of(option.anchorDate, option.frequency, option.payDay)),
  );
  const recommended = shares[proposal.recommended.index];
  const instalments = settings.schedules ? recommended?.instalments(terms.calendar) : undefined;
  const review = affordability.review || proposal.recommended.flagForReview;
  return accounts.map((account, i) => {
    const options = shares.map((share) => share.options[i] as QuickOption);
    return {
      account,
      affordability,
      proposal: { options, recommended: proposal.recommended },
      recommended: options[proposal.recommended.index] as QuickOption,
      review,
      instalments: instalments?.[i],
    };
  });
}

/** The household's plans from the plan engine, which lays out each account's payments. */
function engineHousehold(accounts: readonly Account[], household: QuickAccount, affordability: AccountAffordability, settings: PlanSettings): AccountResult[] {
  const proposal = summarisePlans({
    ...settings.terms,
    balance: fromPence(BigInt(household.balance)),
    creditors: accounts.map((account) => {
      const interest = interestOf(account, settings);
      return { creditor: account.id, balance: fromPence(BigInt(account.balance)), ...(interest ? { interest } : {}) };
    }),
    affordableMonthly: fromPence(BigInt(household.affordableMonthly)),
    frequency: household.frequency,
    start: household.start,
    ...(household.payDay === undefined ? {} : { payDay: household.payDay }),
    ...(household.pausedUntil ? { pausedUntil: household.pausedUntil } : {}),
  });
  const review = affordability.review || proposal.recommended.flagForReview;
  // Each option's part for each account; the household's own instalments are never written.
  const parts = proposal.options.map((option) => ownParts(option, proposal.request));
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

/**
 * Each account's part of `option`. An option that never repays the household is shown for its first
 * year, which may stop before an account its share repays (a £10 account beside a £5,000 one at
 * 40%): that account's part runs on to its last payment, as its outcome is its own.
 */
function ownParts(option: PlanOptionSummary, request: ResolvedPlanRequest): CreditorSchedule[] {
  const parts = creditorSchedules(option, request) ?? [];
  if (option.outcome.kind !== 'never-repays' || !parts.some((part) => part.outcome.kind === 'owed')) return parts;
  const whole = creditorSchedules({ ...option, instalmentCount: horizonInstalments(PER_YEAR[option.frequency]) }, request) ?? [];
  return parts.map((part, i) => (part.outcome.kind === 'owed' && whole[i]?.outcome.kind === 'repaid' ? whole[i] : part));
}

const guidelineCheck = (table: GuidelineTable | undefined, asOf: IsoDate) => (table ? { table, asOf } : undefined);
