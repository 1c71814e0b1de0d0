/**
 * Dates after which something recorded should no longer be relied on without a person: a budget
 * taken too long ago, and a debt whose last payment is old enough for it to be statute-barred.
 */
import { addMonths, compareDates, type IsoDate } from './date.js';
import type { Debt, Jurisdiction, Statement } from './statement.js';

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

/** The statement's non-priority debts whose last payment is old enough for them to be statute-barred on `asOf`. */
export function debtsPastLimitation(statement: Pick<Statement, 'debts' | 'jurisdiction'>, asOf: IsoDate): Debt[] {
  const { years } = limitationFor(statement);
  return statement.debts.filter((debt) => debt.lastPaymentOn !== undefined && mayBeStatuteBarred(debt.lastPaymentOn, asOf, years));
}
