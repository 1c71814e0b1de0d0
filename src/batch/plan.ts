/**
 * The plans for one account, from the plan engine in pence (`proposeInPence`): every option's figures
 * in whole pence (no instalment lists, which a batch rarely needs, and no Money or wording, which it
 * does not print) and the recommended one, laid out in full only when schedules are asked for.
 *
 * The account's plan request is the one `planRequestFromStatement` makes from the account's statement
 * (see affordability.ts): the balance, the available amount, and the pay schedule, the first payment
 * on the next payday; during a Breathing Space (`breathing_space_end` on or after the as-of date) the
 * first payday after it, with interest frozen until then.
 */
import type { GuidelineTable } from '../core/affordability/guidelines.js';
import { firstPaymentDay, pausedUntilEnd } from '../core/breathing-space.js';
import type { CalendarRegion } from '../core/calendar/index.js';
import type { IsoDate } from '../core/date.js';
import { D } from '../core/money.js';
import { pastLimitation } from '../core/time-limits.js';
import {
  nextPayDate,
  payDayFor,
  proposeInPence,
  type InterestTreatment,
  type OptionFigures,
  type PenceInstalment,
  type PenceProposal,
  type PenceTerms,
} from '../core/plan/index.js';
import { checkInterest } from '../core/plan/request.js';
import { penceInstalmentsOfStream, scheduleStream } from '../core/plan/schedule.js';
import type { Account } from './account.js';
import { accountAffordability, type AccountAffordability } from './affordability.js';

/** Frozen: the forbearance default (CONC 7.3.5G(b)). apr: the account's own rate continues. */
export type InterestChoice = 'frozen' | 'apr';
export const INTEREST_CHOICES: readonly InterestChoice[] = ['frozen', 'apr'];
/** Forbearance: interest and charges frozen, unless --interest apr. */
export const DEFAULT_INTEREST: InterestChoice = 'frozen';

export interface PlanSettings {
  /** The plan terms for every account (today, fixed terms, token, calendar), resolved once. */
  readonly terms: PenceTerms;
  /**
   * The same terms on the bank holidays of `calendar`, for an account whose household has its own
   * (see household-fields.ts); without it, every account's dates are moved by `terms`' calendar.
   */
  readonly termsOn?: (calendar: CalendarRegion) => PenceTerms;
  readonly guidelines?: GuidelineTable;
  readonly interest: InterestChoice;
  readonly schedules: boolean;
}

export interface AccountResult {
  readonly account: Account;
  readonly affordability: AccountAffordability;
  readonly proposal: Pick<PenceProposal, 'options' | 'recommended'>;
  readonly recommended: OptionFigures;
  /** A person should look at this account: a flag or the recommendation asks for it. */
  readonly review: boolean;
  /** The recommended option's instalments, when schedules are asked for. */
  readonly instalments?: readonly PenceInstalment[];
}

/** The terms of `account`'s plans: on its own calendar, when the settings know calendars. */
export const termsFor = (account: Account, settings: PlanSettings): PenceTerms => settings.termsOn?.(account.household.calendar) ?? settings.terms;

/**
 * An account offered nothing: its last payment (or written acknowledgement) is past the limitation
 * period, so it may be statute-barred and is left out of any plan until a person has checked it
 * (domain notes 2.9); under --group-by its share goes to the customer's other accounts.
 */
export interface LeftOutResult {
  readonly account: Account & { readonly lastPaymentOn: IsoDate };
  readonly affordability: AccountAffordability;
  readonly leftOut: 'possibly-statute-barred';
}

export type BatchResult = AccountResult | LeftOutResult;

export const isLeftOut = (result: BatchResult): result is LeftOutResult => 'leftOut' in result;

/** The account's last payment is past the limitation period where its customer lives (the rule `plan` uses: `pastLimitation`). */
export const possiblyBarredAccount = (account: Account, asOf: IsoDate): account is Account & { readonly lastPaymentOn: IsoDate } =>
  pastLimitation(account.lastPaymentOn, asOf, account.household.jurisdiction);

export const leftOutResult = (account: Account & { readonly lastPaymentOn: IsoDate }, affordability: AccountAffordability): LeftOutResult => ({
  account,
  affordability,
  leftOut: 'possibly-statute-barred',
});

/** One account alone, left out of the offers when it may be statute-barred (see `possiblyBarredAccount`). */
export function planOrLeaveOut(account: Account, settings: PlanSettings): BatchResult {
  const { asOf } = termsFor(account, settings);
  if (!possiblyBarredAccount(account, asOf)) return planAccount(account, settings);
  const guidelines = settings.guidelines ? { table: settings.guidelines, asOf } : undefined;
  return leftOutResult(account, accountAffordability(account, guidelines, 1, startOf(account, asOf).pausedUntil !== undefined, true));
}

/** The account's own interest, when --interest apr and it records a rate, checked as the engine checks a request's. */
export function interestOf(account: Account, settings: PlanSettings): InterestTreatment | undefined {
  if (settings.interest !== 'apr' || !account.apr) return undefined;
  const interest = { kind: 'continuing', annualRatePercent: new D(account.apr) } as const;
  checkInterest(interest, 'interest.annualRatePercent');
  return interest;
}

/**
 * The first payday the account's plan may start on (with the payday's day of the month, when a
 * shorter month moved it: see `payDayFor`), and the moratorium's last day if one is in force.
 */
export function startOf(account: Account, asOf: IsoDate): { start: IsoDate; payDay?: number; pausedUntil: IsoDate | undefined } {
  const pausedUntil = pausedUntilEnd(account.breathingSpaceEnd, asOf);
  const start = nextPayDate(account.pay, firstPaymentDay(asOf, pausedUntil));
  const payDay = payDayFor(account.pay, account.pay.frequency, start);
  return { start, ...(payDay === undefined ? {} : { payDay }), pausedUntil };
}

export function planAccount(account: Account, settings: PlanSettings): AccountResult {
  const terms = termsFor(account, settings);
  const { asOf } = terms;
  const { start, payDay, pausedUntil } = startOf(account, asOf);
  const guidelines = settings.guidelines ? { table: settings.guidelines, asOf } : undefined;
  const affordability = accountAffordability(account, guidelines, 1, pausedUntil !== undefined);
  // Field by field, with no spreading: this runs for every account.
  const proposal = proposeInPence({
    asOf,
    interest: interestOf(account, settings) ?? terms.interest,
    redistribute: terms.redistribute,
    fixedTermsMonths: terms.fixedTermsMonths,
    token: terms.token,
    reasonableTermMonths: terms.reasonableTermMonths,
    calendar: terms.calendar,
    balance: BigInt(account.balance),
    affordableMonthly: BigInt(affordability.available),
    frequency: account.pay.frequency,
    start,
    payDay,
    pausedUntil,
  });
  const recommended = proposal.options[proposal.recommended.index] as OptionFigures;
  return {
    account,
    affordability,
    proposal,
    recommended,
    review: affordability.review || proposal.recommended.flagForReview,
    instalments: settings.schedules ? penceInstalmentsOfStream(scheduleStream(recommended), terms.calendar) : undefined,
  };
}
