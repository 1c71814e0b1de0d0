/**
 * The figures of `summarisePlans` for what a batch asks of every account, in whole pence and without
 * the options' wording. With interest frozen (the forbearance default) they come from closed forms:
 * count = ceil(balance ÷ instalment), the last instalment the remainder, a fixed term's instalment
 * ceil(balance ÷ instalments); and only the first and last due dates are worked out. A batch prints
 * figures, not words, for millions of accounts, and a Decimal per figure was most of its time.
 *
 * Anything else (continuing interest, a plan that does not repay within the horizon, amounts too
 * large for exact arithmetic on whole pence) goes to `summarisePlans`, and its options are given
 * in the same form. A property test holds the two to the same figures and the same recommendation.
 */
import type { IsoDate } from '../date.js';
import { fromMonthly, PER_YEAR, type PaymentFrequency } from '../frequency.js';
import { fromPence, type Money, penceOf } from '../money.js';
import { dueDate, dueDatesOn, type DueDates } from './dates.js';
import { frozenInstalment, layFrozen } from './frozen.js';
import { instalmentsIn } from './finance.js';
import { instalmentsOf, summarisePlans } from './propose.js';
import { recommend } from './recommend.js';
import { horizonInstalments, resolvePlanTerms, type PlanTerms, type ResolvedPlanTerms } from './request.js';
import type { Instalment, InterestTreatment, PlanOptionSummary, Recommendation } from './types.js';

/** One account's own part of a plan request, with amounts in whole pence (safe integers). */
export interface QuickAccount {
  /** More than nil. */
  readonly balance: number;
  /** Available for non-priority creditors a month; may be nil or negative. */
  readonly affordableMonthly: number;
  readonly frequency: PaymentFrequency;
  /** On or after the terms' asOf, and after `pausedUntil`. */
  readonly start: IsoDate;
  /** Monthly: the payday, when not `start`'s day (see PlanRequest.payDay). */
  readonly payDay?: number;
  /** The last day of a Breathing Space: interest is frozen until then (see PlanRequest.pausedUntil). */
  readonly pausedUntil?: IsoDate;
  /** The account's own interest treatment, when it differs from the terms'. */
  readonly interest?: InterestTreatment;
}

/** The terms every account is planned on (no step-up or settlement: they are one account's own). */
export interface QuickTerms extends ResolvedPlanTerms {
  readonly tokenPence: number;
  readonly dueDates: DueDates;
}

export function quickTerms(terms: Omit<PlanTerms, 'stepUp' | 'settlement'>): QuickTerms {
  const resolved = resolvePlanTerms(terms);
  return { ...resolved, tokenPence: Number(penceOf(resolved.token.amount)), dueDates: dueDatesOn(resolved.calendar) };
}

interface QuickFigures {
  readonly affordable: boolean;
  readonly frequency: PaymentFrequency;
  readonly interest: InterestTreatment;
  readonly amountToRepay: number;
  /** The nominal date the due dates count from (see OptionBase.anchorDate). */
  readonly anchorDate: IsoDate;
  /** Monthly: the payday, when not the anchor's day (see OptionBase.payDay). */
  readonly payDay?: number;
  /** After a Breathing Space, the first day interest accrues (see OptionBase.interestFrom). */
  readonly interestFrom?: IsoDate;
  /** instalmentCount − 1 instalments of instalmentAmount, then one of finalAmount. */
  readonly instalmentCount: number;
  readonly instalmentAmount: number;
  readonly finalAmount: number;
  readonly firstDate: IsoDate;
  readonly lastDate: IsoDate;
  readonly totalPaid: number;
  readonly totalInterest: number;
  readonly balanceAfter: number;
  readonly outcome: { readonly kind: 'repaid' | 'review' | 'never-repays' };
}

/** An option's figures, money in whole pence. */
export type QuickOption = QuickFigures &
  ({ readonly kind: 'fixed-term'; readonly termMonths: number } | { readonly kind: 'affordable' | 'token' });

export interface QuickProposal {
  readonly options: readonly QuickOption[];
  readonly recommended: Recommendation;
}

// Up to £100 billion every product and sum below stays far inside Number's exact integers.
const QUICK_LIMIT = 10_000_000_000_000;
const REPAID = { kind: 'repaid' } as const;
const REVIEW = { kind: 'review' } as const;
const FROZEN: InterestTreatment = { kind: 'frozen' };

/** ⌊a ÷ b⌋ for whole a ≥ 0 and b > 0, exactly (a floating division could round up to the next whole number). */
const div = (a: number, b: number): number => (a - (a % b)) / b;
const divUp = (a: number, b: number): number => div(a + b - 1, b);

/** The closed forms give `account`'s options: interest frozen, repaid within the horizon, amounts within exact arithmetic. */
export function quickCovers(terms: QuickTerms, account: QuickAccount): boolean {
  const { balance, affordableMonthly, frequency } = account;
  const perInstalment = fromMonthly(affordableMonthly, frequency);
  return (
    (account.interest ?? terms.interest).kind === 'frozen' &&
    balance <= QUICK_LIMIT &&
    affordableMonthly <= QUICK_LIMIT &&
    !(perInstalment > 0 && divUp(balance, perInstalment) > horizonInstalments(PER_YEAR[frequency]))
  );
}

export function quickSummary(terms: QuickTerms, account: QuickAccount): QuickProposal {
  if (!quickCovers(terms, account)) return fromSummary(terms, account, account.interest ?? terms.interest);
  const { balance, affordableMonthly, frequency, start, payDay } = account;
  const perInstalment = fromMonthly(affordableMonthly, frequency);
  const horizon = horizonInstalments(PER_YEAR[frequency]);

  const { tokenPence } = terms;
  const due = terms.dueDates.of(start, frequency, payDay);
  const anchor = { start, ...(payDay === undefined ? {} : { payDay }) };
  const options: QuickOption[] = [];
  let affordable: QuickOption | undefined;
  if (perInstalment > 0) {
    affordable = laidOut('affordable', undefined, true, balance, anchor, frequency, perInstalment, horizon, due);
    options.push(affordable);
  }
  for (const termMonths of terms.fixedTermsMonths) {
    const count = instalmentsIn(termMonths, frequency);
    // Whole pence back from BigInt: at most the balance, itself a safe integer of pence.
    const instalment = Number(frozenInstalment(BigInt(balance), count));
    options.push(laidOut('fixed-term', termMonths, instalment <= perInstalment, balance, anchor, frequency, instalment, count, due));
  }
  const belowToken = affordableMonthly < tokenPence;
  if (belowToken || affordable === undefined) {
    // A token is a monthly gesture whatever the pay frequency, until a review.
    const monthly = frequency === 'monthly' ? due : terms.dueDates.of(start, 'monthly');
    const { reviewAfterMonths } = terms.token;
    const within = tokenPence <= affordableMonthly;
    options.push(laidOut('token', undefined, within, balance, anchor, 'monthly', tokenPence, reviewAfterMonths, monthly));
  }
  return { options, recommended: recommend({ reasonableTermMonths: terms.reasonableTermMonths, belowToken }, options) };
}

/**
 * `payment` against `balance` at `frequency` for at most `limit` instalments, the last the
 * remainder, due on `due(k)`: every option the closed forms give is one of these.
 */
function laidOut(
  kind: QuickOption['kind'],
  termMonths: number | undefined,
  affordable: boolean,
  balance: number,
  { start, payDay }: { readonly start: IsoDate; readonly payDay?: number },
  frequency: PaymentFrequency,
  payment: number,
  limit: number,
  due: (k: number) => IsoDate,
): QuickOption {
  const laid = layFrozen(BigInt(balance), [{ count: 1, amount: BigInt(payment) }], limit);
  const count = laid.count;
  // Whole pence back from BigInt (frozen.ts): none exceeds the balance or the payment, both safe integers of pence.
  const balanceAfter = Number(laid.balanceAfter);
  const first = due(0);
  // One shape for every kind (termMonths undefined but for a fixed term), built in one place.
  return {
    kind,
    termMonths,
    affordable,
    frequency,
    interest: FROZEN,
    amountToRepay: balance,
    anchorDate: start,
    ...(payDay === undefined ? {} : { payDay }),
    instalmentCount: count,
    instalmentAmount: Number(laid.largest),
    finalAmount: Number(laid.finalAmount),
    firstDate: first,
    lastDate: count <= 1 ? first : due(count - 1),
    totalPaid: Number(laid.totalPaid),
    totalInterest: 0,
    balanceAfter,
    outcome: balanceAfter === 0 ? REPAID : REVIEW,
  } as QuickOption;
}

const pence = (amount: Money): number => Number(penceOf(amount));

/** The same figures from the full engine, for what the closed forms do not cover. */
function fromSummary(terms: QuickTerms, account: QuickAccount, interest: InterestTreatment): QuickProposal {
  // The plan terms, without what only the closed forms use.
  const { tokenPence, dueDates, ...planTerms } = terms;
  const summary = summarisePlans({
    ...planTerms,
    balance: fromPence(BigInt(account.balance)),
    affordableMonthly: fromPence(BigInt(account.affordableMonthly)),
    frequency: account.frequency,
    start: account.start,
    ...(account.payDay === undefined ? {} : { payDay: account.payDay }),
    ...(account.pausedUntil ? { pausedUntil: account.pausedUntil } : {}),
    interest,
  });
  return { options: summary.options.map(quickOption), recommended: summary.recommended };
}

function quickOption(option: PlanOptionSummary): QuickOption {
  const [regular, last] = option.pattern;
  // The options a batch asks for pay one amount, the last instalment perhaps less.
  if (option.pattern.length > 2 || (last && last.count !== 1) || !regular?.amount.eq(option.instalmentAmount)) {
    throw new Error(`a ${option.kind} option has more than one regular payment; it cannot be given in brief`);
  }
  const figures: QuickFigures = {
    affordable: option.affordable,
    frequency: option.frequency,
    interest: option.interest,
    amountToRepay: pence(option.amountToRepay),
    anchorDate: option.anchorDate,
    ...(option.payDay === undefined ? {} : { payDay: option.payDay }),
    ...(option.interestFrom ? { interestFrom: option.interestFrom } : {}),
    instalmentCount: option.instalmentCount,
    instalmentAmount: pence(option.instalmentAmount),
    finalAmount: pence(option.finalAmount),
    firstDate: option.firstDate,
    lastDate: option.lastDate,
    totalPaid: pence(option.totalPaid),
    totalInterest: pence(option.totalInterest),
    balanceAfter: pence(option.balanceAfter),
    outcome: { kind: option.outcome.kind },
  };
  switch (option.kind) {
    case 'fixed-term':
      return { ...figures, kind: 'fixed-term', termMonths: option.termMonths };
    case 'affordable':
    case 'token':
      return { ...figures, kind: option.kind };
    default:
      throw new Error(`a ${option.kind} option is not one a quick summary gives`);
  }
}

/** One instalment's figures, money in whole pence. */
export interface QuickInstalment {
  /** 1-based. */
  readonly n: number;
  readonly due: IsoDate;
  readonly movedFrom?: IsoDate;
  readonly amount: number;
  readonly interest: number;
  readonly principal: number;
  readonly balanceAfter: number;
}

/**
 * An option's instalments, money in whole pence. With interest frozen they follow from its figures:
 * instalmentCount − 1 of instalmentAmount, then finalAmount, all of it principal, on the option's due
 * dates. A 50-year weekly plan has 2,600 of them, and a batch asked for schedules writes every one:
 * laid out in Decimal they took a batch from thousands of accounts a second to tens. Continuing
 * interest is laid out by the engine.
 */
export function quickInstalments(option: QuickOption, terms: QuickTerms): QuickInstalment[] {
  if (option.interest.kind !== 'frozen') return engineInstalments(option, terms).map(instalmentInPence);
  const count = option.instalmentCount;
  const instalments: QuickInstalment[] = [];
  let balance = option.amountToRepay;
  for (let k = 0; k < count; k++) {
    const amount = k === count - 1 ? option.finalAmount : option.instalmentAmount;
    balance -= amount;
    instalments.push({ n: k + 1, ...dueDate(terms.calendar, option.anchorDate, option.frequency, k, option.payDay), amount, interest: 0, principal: amount, balanceAfter: balance });
  }
  return instalments;
}

function engineInstalments(option: QuickOption, terms: QuickTerms): Instalment[] {
  const regular = fromPence(BigInt(option.instalmentAmount));
  const final = fromPence(BigInt(option.finalAmount));
  const count = option.instalmentCount;
  return instalmentsOf(
    {
      anchorDate: option.anchorDate,
      ...(option.payDay === undefined ? {} : { payDay: option.payDay }),
      ...(option.interestFrom ? { interestFrom: option.interestFrom } : {}),
      frequency: option.frequency,
      amountToRepay: fromPence(BigInt(option.amountToRepay)),
      interest: option.interest,
      pattern:
        count === 1 || option.finalAmount === option.instalmentAmount
          ? [{ count, amount: count === 1 ? final : regular }]
          : [
              { count: count - 1, amount: regular },
              { count: 1, amount: final },
            ],
      instalmentCount: count,
    },
    terms.calendar,
  );
}

/** An instalment of the engine's in whole pence, as the batch writes it. */
export const instalmentInPence = (instalment: Instalment): QuickInstalment => ({
  n: instalment.n,
  due: instalment.due,
  ...(instalment.movedFrom ? { movedFrom: instalment.movedFrom } : {}),
  amount: pence(instalment.amount),
  interest: pence(instalment.interest),
  principal: pence(instalment.principal),
  balanceAfter: pence(instalment.balanceAfter),
});
