/**
 * Dates after which something recorded should no longer be relied on without a person: a budget
 * taken too long ago, and a debt whose last payment is old enough for it to be statute-barred.
 */
import { addMonths, compareDates, type IsoDate } from './date.js';
import { FairplanError } from './errors.js';
import type { Debt, Jurisdiction, Statement } from './statement.js';
import { closest } from './suggest.js';

/** A budget taken more than this many months before the as-of date is stale (by default: `--stale-after`). */
export const STATEMENT_STALE_MONTHS = 12;

/**
 * Years after the last payment or written acknowledgement when most unsecured debts can no longer be
 * enforced (CONC 7.15), by the law where the customer lives: six under the Limitation Act 1980
 * (England and Wales) and the Limitation (Northern Ireland) Order 1989; five in Scotland, where the
 * five-year prescription of the Prescription and Limitation (Scotland) Act 1973 extinguishes the debt.
 */
export const LIMITATION: Readonly<Record<Jurisdiction, { readonly years: number; readonly law: string }>> = {
  'england-wales': { years: 6, law: 'Limitation Act 1980' },
  scotland: { years: 5, law: 'Prescription and Limitation (Scotland) Act 1973, five-year prescription' },
  'northern-ireland': { years: 6, law: 'Limitation (Northern Ireland) Order 1989' },
};

/** The law a statement's debts are under: where the customer lives, England and Wales unless it says. */
export const limitationFor = (statement: Pick<Statement, 'jurisdiction'>) => LIMITATION[statement.jurisdiction ?? 'england-wales'];

/** Whether `on` is more than `months` months before `asOf`. */
const moreThanMonthsBefore = (on: IsoDate, months: number, asOf: IsoDate): boolean => compareDates(addMonths(on, months), asOf) < 0;

export const isStale = (takenOn: IsoDate, asOf: IsoDate, months = STATEMENT_STALE_MONTHS): boolean => moreThanMonthsBefore(takenOn, months, asOf);

/**
 * The day a budget should be reviewed with the customer: the day it turns stale, `months` after it
 * was taken (after `asOf` when the statement does not say when), or `asOf` itself once that has passed.
 */
export function budgetReviewOn(takenOn: IsoDate | undefined, asOf: IsoDate, months = STATEMENT_STALE_MONTHS): IsoDate {
  const due = addMonths(takenOn ?? asOf, months);
  return compareDates(due, asOf) < 0 ? asOf : due;
}

export const mayBeStatuteBarred = (lastPaymentOn: IsoDate, asOf: IsoDate, years = LIMITATION['england-wales'].years): boolean =>
  moreThanMonthsBefore(lastPaymentOn, years * 12, asOf);

/**
 * Whether a debt last paid (or acknowledged in writing) on `lastPaymentOn` is past the limitation
 * period on `asOf` where the customer lives: the one rule for a statement's debts and a batch's accounts.
 * Past it on the day after the anniversary (the anniversary of 29 February being 28 February).
 */
export const pastLimitation = (lastPaymentOn: IsoDate | undefined, asOf: IsoDate, jurisdiction: Jurisdiction = 'england-wales'): boolean =>
  lastPaymentOn !== undefined && mayBeStatuteBarred(lastPaymentOn, asOf, LIMITATION[jurisdiction].years);

/** The statement's non-priority debts whose last payment is old enough for them to be statute-barred on `asOf`. */
export function debtsPastLimitation(statement: Pick<Statement, 'debts' | 'jurisdiction'>, asOf: IsoDate): Debt[] {
  return statement.debts.filter((debt) => pastLimitation(debt.lastPaymentOn, asOf, statement.jurisdiction));
}

/**
 * What is done about a debt past the limitation period (domain notes 2.9): by default it is left out
 * of the offers until a person has checked it ('unchecked'); a person reasonably sure nothing was
 * paid or acknowledged in writing in the period sends the "time has run out" letter instead of an
 * offer ('time-run-out'); or a person includes it in the offers all the same, for a reason ('included').
 */
export type LimitationStatus = 'unchecked' | 'time-run-out' | 'included';

/** A person's decisions about debts past the limitation period, by creditor; any other is 'unchecked'. */
export interface LimitationChoices {
  /** Creditors the person is reasonably sure were neither paid nor acknowledged in writing in the period. */
  readonly timeRunOut?: readonly string[];
  /** Creditors to offer money all the same, each with the person's reason. */
  readonly include?: readonly { readonly creditor: string; readonly reason: string }[];
}

/** A debt past the limitation period, and what is done about it. */
export interface PossiblyBarredDebt {
  readonly debt: Debt & { readonly lastPaymentOn: IsoDate };
  readonly status: LimitationStatus;
  /** Why it is offered money all the same ('included' only). */
  readonly reason?: string;
}

/** Left out of the offers: every status but 'included'. */
export const isLeftOut = (possiblyBarred: PossiblyBarredDebt): boolean => possiblyBarred.status !== 'included';

/**
 * Each debt of the statement past the limitation period on `asOf`, with the person's decision about
 * it (`choices`). Throws FairplanError('invalid-argument', field 'timeRunOut[i]' or 'include[i]') for a
 * choice naming no such debt, or a debt given both decisions.
 */
export function possiblyBarredDebts(statement: Pick<Statement, 'debts' | 'jurisdiction'>, asOf: IsoDate, choices: LimitationChoices = {}): PossiblyBarredDebt[] {
  const past = debtsPastLimitation(statement, asOf) as (Debt & { lastPaymentOn: IsoDate })[];
  const names = past.map((debt) => debt.creditor);
  const known = (creditor: string, field: string): void => {
    if (names.includes(creditor)) return;
    const near = closest(creditor, names);
    const which = names.length === 0 ? 'no debt of the statement is' : `only ${names.map((n) => `"${n}"`).join(', ')} ${names.length === 1 ? 'is' : 'are'}`;
    throw new FairplanError('invalid-argument', `"${creditor}" is not a debt past the limitation period: ${which}${near ? `; did you mean "${near}"?` : ''}`, { field });
  };
  const timeRunOut = choices.timeRunOut ?? [];
  const include = choices.include ?? [];
  timeRunOut.forEach((creditor, i) => known(creditor, `timeRunOut[${i}]`));
  include.forEach(({ creditor }, i) => {
    known(creditor, `include[${i}]`);
    if (timeRunOut.includes(creditor)) {
      throw new FairplanError('invalid-argument', `"${creditor}" cannot both get the "time has run out" letter and be offered money: choose one`, { field: `include[${i}]` });
    }
  });
  return past.map((debt) => {
    const included = include.find((choice) => choice.creditor === debt.creditor);
    if (included) return { debt, status: 'included', reason: included.reason };
    return { debt, status: timeRunOut.includes(debt.creditor) ? 'time-run-out' : 'unchecked' };
  });
}
