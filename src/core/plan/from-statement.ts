/**
 * A plan request from a statement: what every front end (plan, advise, batch) asks the engine when
 * it starts from a household's I&E rather than from figures typed on the command line.
 */
import { breathingSpaceEnd, breathingSpaceToHonour, firstPaymentDay, noPlanDuring } from '../breathing-space.js';
import { FairplanError } from '../errors.js';
import { budgetReviewOn, isLeftOut, possiblyBarredDebts, type LimitationChoices } from '../time-limits.js';
import type { IsoDate } from '../date.js';
import { sum, type Money } from '../money.js';
import type { Affordability } from '../affordability/types.js';
import type { Debt, Statement } from '../statement.js';
import { nextPayDate, payDayFor } from './dates.js';
import { stepUpForChange } from './step-up.js';
import type { PlanRequest } from './types.js';

/**
 * - balance: what is owed to the non-priority creditors together, and each of them as a creditor who
 *   shares every payment, with the interest their debt records (the request's otherwise);
 * - affordableMonthly: the statement's available amount for them (from the affordability core);
 * - frequency and start: the customer's pay schedule, first payment on the next payday (today and
 *   monthly when the statement records none); monthly payments on the payday's day of the month
 *   (`payDay`), even when the first falls at the end of a shorter month;
 * - step-up: from the first expected change that raises what is available;
 * - the budget's review: 12 months after it was taken (`takenOn`), or after `asOf` (see `budgetReviewOn`);
 * - a Breathing Space in force with a known end: paused until it ends, the first payment on the first
 *   payday after it (a start given in `overrides` is moved past it too, by the engine);
 * - reviewFlags: given the statement's affordability (rather than only what it leaves available), its
 *   flags that ask a person to look first, so the recommendation is flagged for review as the command
 *   line's is;
 * - possiblyBarred: each debt past the limitation period, with the person's decision (`limitation`);
 *   those left out (all, unless a person includes one with a reason) are not creditors of the plan
 *   and not in its balance, so the whole amount available is shared among the others.
 * Anything else in `overrides` wins. Throws FairplanError('invalid-argument') during a mental health
 * crisis Breathing Space with no end recorded (see `noPlanDuring`): a front end checks that first;
 * for a `limitation` choice naming no debt past the period (see `possiblyBarredDebts`); and when
 * every debt is left out, as there is then no one to offer anything to (field 'debts').
 */
export function planRequestFromStatement(
  statement: Statement,
  available: Money | Pick<Affordability, 'totals' | 'flags'>,
  asOf: IsoDate,
  overrides: Partial<Omit<PlanRequest, 'asOf' | 'possiblyBarred'>> = {},
  limitation: LimitationChoices = {},
): PlanRequest {
  const assessed = 'totals' in available ? available : undefined;
  const availableMonthly = assessed ? assessed.totals.available : (available as Money);
  const reviewFlags = overrides.reviewFlags ?? assessed?.flags.filter((flag) => flag.review).map((flag) => flag.code);
  const frequency = overrides.frequency ?? statement.pay?.frequency ?? 'monthly';
  const noPlan = noPlanDuring(statement.breathingSpace, asOf);
  if (noPlan !== undefined) throw new FairplanError('invalid-argument', noPlan, { field: 'breathingSpace.end' });
  const space = breathingSpaceToHonour(statement.breathingSpace, asOf);
  const pausedUntil = overrides.pausedUntil ?? (space && breathingSpaceEnd(space));
  const earliest = firstPaymentDay(asOf, pausedUntil);
  const start = overrides.start ?? (statement.pay ? nextPayDate(statement.pay, earliest) : earliest);
  // Paid on the 31st, a first payment on 28 February is followed by 31 March, not 28 March.
  const payDay = overrides.payDay ?? payDayFor(statement.pay, frequency, start);
  const affordableMonthly = overrides.affordableMonthly ?? availableMonthly;
  const stepUp =
    overrides.stepUp ??
    statement.expectedChanges
      .map((change) => stepUpForChange(change, { affordableMonthly, frequency, start, ...(payDay === undefined ? {} : { payDay }) }))
      .find((request) => request !== undefined);
  const possiblyBarred = possiblyBarredDebts(statement, asOf, limitation);
  const leftOut = new Set<Debt>(possiblyBarred.filter(isLeftOut).map((p) => p.debt));
  const offered = statement.debts.filter((debt) => !leftOut.has(debt));
  if (overrides.balance === undefined && statement.debts.length > 0 && offered.length === 0) {
    throw new FairplanError(
      'invalid-argument',
      'every non-priority debt is past the limitation period and left out of the offers until a person has checked it, so there is no one to offer anything to',
      { field: 'debts' },
    );
  }
  // A balance given instead of the statement's is one balance, with no creditors to share it.
  const creditors =
    overrides.balance === undefined && offered.length > 0
      ? offered.map(({ creditor, balance, interest }) => ({ creditor, balance, ...(interest ? { interest } : {}) }))
      : undefined;
  return {
    ...overrides,
    balance: overrides.balance ?? sum(offered.map((d) => d.balance)),
    ...(creditors ? { creditors } : {}),
    affordableMonthly,
    frequency,
    start,
    ...(payDay === undefined ? {} : { payDay }),
    asOf,
    ...(pausedUntil ? { pausedUntil } : {}),
    budgetReviewOn: overrides.budgetReviewOn ?? budgetReviewOn(statement.takenOn, asOf),
    ...(reviewFlags && reviewFlags.length > 0 ? { reviewFlags } : {}),
    ...(stepUp ? { stepUp } : {}),
    ...(possiblyBarred.length > 0 ? { possiblyBarred } : {}),
  };
}
