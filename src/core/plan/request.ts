/**
 * The edge of the plan engine: fills in defaults and refuses requests no schedule could honour,
 * each with the field at fault. A nil or negative affordable amount is not an error: it is the
 * situation a token payment is for.
 */
import { FLAG_CODES, type FlagCode } from '../affordability/types.js';
import { calendarFor, DEFAULT_CALENDAR_REGION } from '../calendar/uk-bank-holidays.js';
import { addDays, addMonths, compareDates, dayOfMonth, type IsoDate } from '../date.js';
import { budgetReviewOn } from '../time-limits.js';
import { FairplanError } from '../errors.js';
import { isPaymentFrequency, PAYMENT_FREQUENCIES } from '../frequency.js';
import { type Dec, type Money, money, penceOf, safePence, sum, toFixed2 } from '../money.js';
import type { PenceRequest, PenceTerms } from './figures.js';
import { closest } from '../suggest.js';
import { commonInterest } from './interest.js';
import type { CreditorDebt, CreditorDiscount, InterestTreatment, PlanRequest, ResolvedCreditor, ResolvedPlanRequest } from './types.js';

/** No schedule runs longer than this: a plan that would is reported as not repaying within it. */
export const HORIZON_YEARS = 50;
const HORIZON_MONTHS = HORIZON_YEARS * 12;

export const DEFAULT_FIXED_TERMS_MONTHS: readonly number[] = [12, 24, 36, 60];
export const DEFAULT_TOKEN = { amount: money('1.00'), reviewAfterMonths: 3 } as const;
/** Five years: the usual length of an IVA, and the longest default fixed term. */
const DEFAULT_REASONABLE_TERM_MONTHS = 60;
// A token arrangement is for a reasonable period (CONC 7.3.5G(c)), not an open-ended one.
const MAX_TOKEN_REVIEW_MONTHS = 24;

function invalid(field: string, message: string): FairplanError {
  return new FairplanError('invalid-argument', message, { field });
}

const isWholePence = (amount: Dec): boolean => amount.decimalPlaces() <= 2;

function positivePence(amount: Money, field: string, what: string): void {
  if (!amount.isFinite() || !amount.gt(0)) throw invalid(field, `${what} must be more than nil (got ${amount.toString()})`);
  if (!isWholePence(amount)) throw invalid(field, `${what} must be in whole pence (got ${amount.toString()})`);
}

function wholeNumber(value: number, field: string, what: string, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalid(field, `${what} must be a whole number from ${min} to ${max} (got ${value})`);
  }
}

function discount(value: Dec, field = 'settlement.discountPercent', orNil = false): void {
  if (!value.isFinite() || (orNil ? value.lt(0) : !value.gt(0)) || !value.lt(100)) {
    const least = orNil ? '0% or more' : 'more than 0%';
    throw invalid(field, `the settlement discount must be ${least} and less than 100% (got ${value.toString()}%)`);
  }
}

/** Each creditor's own discount names a creditor of the plan, once. */
function creditorDiscounts(byCreditor: readonly CreditorDiscount[], creditors: readonly CreditorDebt[] | undefined): void {
  const names = (creditors ?? []).map((c) => c.creditor);
  byCreditor.forEach(({ creditor, discountPercent }, i) => {
    const field = `settlement.byCreditor[${i}]`;
    if (!creditors) throw invalid(field, `a settlement for ${creditor} needs the creditors of a statement`);
    if (!names.includes(creditor)) {
      const near = closest(creditor, names);
      throw invalid(field, `"${creditor}" is not a creditor of the plan${near ? `; did you mean "${near}"?` : ''} (expected one of ${names.join(', ')})`);
    }
    // A discount by name would be given to every creditor of that name, though only one has offered it.
    const named = (creditors ?? []).map((c, at) => ({ ...c, at })).filter((c) => c.creditor === creditor);
    if (named.length > 1) {
      const which = named.map((c) => `creditor ${c.at + 1}, owed ${toFixed2(c.balance)}`).join(' and ');
      throw invalid(field, `"${creditor}" names ${named.length} creditors of the plan (${which}): give them names that tell them apart`);
    }
    if (byCreditor.findIndex((other) => other.creditor === creditor) !== i) throw invalid(field, `${creditor} has two settlement discounts`);
    discount(discountPercent, field);
  });
}

/** The parts of a request that are not one account's own figures: the same for every account of a batch. */
export type PlanTerms = Omit<PlanRequest, 'balance' | 'creditors' | 'affordableMonthly' | 'frequency' | 'start' | 'payDay' | 'budgetReviewOn' | 'reviewFlags' | 'possiblyBarred'>;
/** PlanTerms with every default filled in. */
export type ResolvedPlanTerms = Omit<ResolvedPlanRequest, 'balance' | 'creditors' | 'affordableMonthly' | 'frequency' | 'start' | 'payDay' | 'budgetReviewOn' | 'reviewFlags' | 'possiblyBarred'>;

/** Checks a request and fills in its defaults. Throws FairplanError('invalid-argument') naming the field. */
export function resolvePlanRequest(request: PlanRequest): ResolvedPlanRequest {
  positivePence(request.balance, 'balance', 'the balance');
  if (!request.affordableMonthly.isFinite()) throw invalid('affordableMonthly', 'the affordable amount must be a number');
  // A monthly figure, like every figure of a budget, is whole pence (docs/money.md).
  if (!isWholePence(request.affordableMonthly)) {
    throw invalid('affordableMonthly', `the affordable amount must be in whole pence (got ${request.affordableMonthly.toString()})`);
  }
  if (!isPaymentFrequency(request.frequency)) {
    throw invalid('frequency', `"${String(request.frequency)}" is not a payment frequency (${PAYMENT_FREQUENCIES.join(', ')})`);
  }
  if (compareDates(request.start, request.asOf) < 0) {
    throw invalid('start', `the first payment (${request.start}) cannot be before today (${request.asOf})`);
  }
  const terms = resolvePlanTerms(request);
  const creditors = request.creditors === undefined ? undefined : resolveCreditors(request.creditors, request.balance, terms.interest);
  if (request.settlement?.byCreditor) creditorDiscounts(request.settlement.byCreditor, creditors);
  const start = startAfterPause(request.start, request.pausedUntil);
  const payDay = resolvePayDay(request, start);
  return {
    balance: request.balance,
    ...(creditors ? { creditors } : {}),
    affordableMonthly: request.affordableMonthly,
    frequency: request.frequency,
    start,
    ...(payDay === undefined ? {} : { payDay }),
    ...(request.pausedUntil ? { pausedUntil: request.pausedUntil } : {}),
    budgetReviewOn: request.budgetReviewOn ?? budgetReviewOn(undefined, request.asOf),
    reviewFlags: resolveReviewFlags(request.reviewFlags ?? []),
    ...(request.possiblyBarred && request.possiblyBarred.length > 0 ? { possiblyBarred: request.possiblyBarred } : {}),
    ...terms,
    // What the creditors are charged, when they share one treatment: one debt charging interest is
    // not a plan with interest frozen.
    interest: (creditors && commonInterest(creditors)) ?? terms.interest,
  };
}

/** No payment is asked for while a moratorium lasts: the first falls the day after it ends at the earliest. */
function startAfterPause(start: IsoDate, pausedUntil: IsoDate | undefined): IsoDate {
  return pausedUntil !== undefined && compareDates(start, pausedUntil) <= 0 ? addDays(pausedUntil, 1) : start;
}

/**
 * The payday a monthly plan counts from, when it is not `start`'s day. A start the moratorium moved
 * is no payday, so its own day is kept; any other start must be on the payday or, in a month too
 * short for it, on the month's last day.
 */
function resolvePayDay(request: PlanRequest, start: IsoDate): number | undefined {
  const { payDay } = request;
  if (payDay === undefined) return undefined;
  wholeNumber(payDay, 'payDay', 'the payday', 1, 31);
  if (request.frequency !== 'monthly' || start !== request.start) return undefined;
  if (addMonths(start, 0, payDay) !== start) {
    throw invalid('payDay', `the first payment (${start}) is not on the payday (day ${payDay} of the month, or the last day of a shorter month)`);
  }
  return payDay === dayOfMonth(start) ? undefined : payDay;
}

/** The budget's flags asking for review, each a flag fairplan raises, once and in its order. */
function resolveReviewFlags(flags: readonly FlagCode[]): FlagCode[] {
  flags.forEach((code, i) => {
    if (!FLAG_CODES.includes(code)) throw invalid(`reviewFlags[${i}]`, `"${String(code)}" is not a flag (expected one of ${FLAG_CODES.join(', ')})`);
  });
  return FLAG_CODES.filter((code) => flags.includes(code));
}

/** Each creditor with their interest (the request's when they have none), owed `balance` together. */
function resolveCreditors(creditors: readonly CreditorDebt[], balance: Money, interest: InterestTreatment): ResolvedCreditor[] {
  if (creditors.length === 0) throw invalid('creditors', 'a plan across creditors needs at least one creditor');
  const resolved = creditors.map((creditor, i) => {
    if (!creditor.balance.isFinite() || creditor.balance.isNeg() || !isWholePence(creditor.balance)) {
      throw invalid(`creditors[${i}].balance`, `what ${creditor.creditor} is owed must be nil or more, in whole pence (got ${creditor.balance.toString()})`);
    }
    const own = creditor.interest ?? interest;
    checkInterest(own, `creditors[${i}].interest.annualRatePercent`);
    return { ...creditor, interest: own };
  });
  const owed = sum(resolved.map((creditor) => creditor.balance));
  if (!owed.eq(balance)) {
    throw invalid('creditors', `the creditors are owed ${owed.toString()} together, not the balance of ${balance.toString()}`);
  }
  return resolved;
}

// Zero is allowed (the same as frozen); over 100% a year is a typo or not a rate fairplan should plan around.
export function checkInterest(interest: InterestTreatment, field: string): void {
  if (interest.kind !== 'continuing') return;
  const rate = interest.annualRatePercent;
  if (!rate.isFinite() || rate.lt(0) || rate.gt(100)) {
    throw invalid(field, `the interest rate must be from 0% to 100% a year (got ${rate.toString()}%)`);
  }
}

/** Checks the terms of a request and fills in their defaults (see resolvePlanRequest). */
export function resolvePlanTerms(request: PlanTerms): ResolvedPlanTerms {
  const interest = request.interest ?? { kind: 'frozen' };
  checkInterest(interest, 'interest.annualRatePercent');

  const terms = request.fixedTermsMonths ?? DEFAULT_FIXED_TERMS_MONTHS;
  terms.forEach((months, i) => wholeNumber(months, `fixedTermsMonths[${i}]`, 'a fixed term in months', 1, HORIZON_MONTHS));
  const fixedTermsMonths = [...new Set(terms)].sort((a, b) => a - b);

  const token = request.token ?? DEFAULT_TOKEN;
  positivePence(token.amount, 'token.amount', 'the token payment');
  wholeNumber(token.reviewAfterMonths, 'token.reviewAfterMonths', 'the months to a review', 1, MAX_TOKEN_REVIEW_MONTHS);

  const reasonableTermMonths = request.reasonableTermMonths ?? DEFAULT_REASONABLE_TERM_MONTHS;
  wholeNumber(reasonableTermMonths, 'reasonableTermMonths', 'the reasonable term in months', 1, HORIZON_MONTHS);

  const { stepUp, settlement } = request;
  if (stepUp) {
    wholeNumber(stepUp.periods, 'stepUp.periods', 'the number of reduced payments', 1, HORIZON_YEARS * 52);
    if (!stepUp.laterAffordableMonthly.isFinite()) {
      throw invalid('stepUp.laterAffordableMonthly', 'the later affordable amount must be a number');
    }
    if (!isWholePence(stepUp.laterAffordableMonthly)) {
      throw invalid(
        'stepUp.laterAffordableMonthly',
        `the later affordable amount must be in whole pence (got ${stepUp.laterAffordableMonthly.toString()})`,
      );
    }
    if (stepUp.reducedPayment) positivePence(stepUp.reducedPayment, 'stepUp.reducedPayment', 'the reduced payment');
    if (stepUp.laterPayment) positivePence(stepUp.laterPayment, 'stepUp.laterPayment', 'the later payment');
  }
  if (settlement) {
    discount(settlement.discountPercent, 'settlement.discountPercent', (settlement.byCreditor ?? []).length > 0);
    wholeNumber(settlement.maxInstalments, 'settlement.maxInstalments', 'the most settlement instalments', 1, 120);
  }

  return {
    asOf: request.asOf,
    interest,
    redistribute: request.redistribute ?? true,
    fixedTermsMonths,
    token,
    ...(stepUp ? { stepUp } : {}),
    ...(settlement ? { settlement } : {}),
    reasonableTermMonths,
    calendar: request.calendar ?? calendarFor(DEFAULT_CALENDAR_REGION),
    currencySymbol: request.currencySymbol ?? '£',
  };
}

/** Instalments at the horizon for a frequency's periods a year. */
export const horizonInstalments = (perYear: number): number => HORIZON_YEARS * perYear;

/** Resolved terms in pence, once for every account of a batch. */
export function penceTerms(terms: ResolvedPlanTerms): PenceTerms {
  return {
    asOf: terms.asOf,
    interest: terms.interest,
    redistribute: terms.redistribute,
    fixedTermsMonths: terms.fixedTermsMonths,
    token: { amount: penceOf(terms.token.amount), reviewAfterMonths: terms.token.reviewAfterMonths },
    reasonableTermMonths: terms.reasonableTermMonths,
    calendar: terms.calendar,
  };
}

// Monthly figures are worked to the pay frequency in safe-integer arithmetic (fromMonthly): refused
// past it, as a budget's figures are.
const safe = (amount: Money): bigint => BigInt(safePence(amount));

/** A resolved request in the engine's pence. */
export function penceRequestOf(request: ResolvedPlanRequest): PenceRequest {
  const { stepUp, settlement } = request;
  return {
    ...penceTerms(request),
    balance: penceOf(request.balance),
    ...(request.creditors
      ? { creditors: request.creditors.map((c) => ({ creditor: c.creditor, balance: penceOf(c.balance), interest: c.interest })) }
      : {}),
    affordableMonthly: safe(request.affordableMonthly),
    frequency: request.frequency,
    start: request.start,
    ...(request.payDay === undefined ? {} : { payDay: request.payDay }),
    ...(request.pausedUntil ? { pausedUntil: request.pausedUntil } : {}),
    ...(stepUp
      ? {
          stepUp: {
            periods: stepUp.periods,
            laterAffordableMonthly: safe(stepUp.laterAffordableMonthly),
            ...(stepUp.reducedPayment ? { reducedPayment: penceOf(stepUp.reducedPayment) } : {}),
            ...(stepUp.laterPayment ? { laterPayment: penceOf(stepUp.laterPayment) } : {}),
          },
        }
      : {}),
    ...(settlement ? { settlement } : {}),
    reviewFlags: request.reviewFlags,
  };
}
