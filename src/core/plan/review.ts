/**
 * When a plan should be reviewed with the customer. Every plan carries a review date: a token
 * payment's review (CONC 7.3.5G(c): a token is accepted for a reasonable period, then looked at
 * again), or the day the budget it rests on turns stale, whichever comes first.
 */
import { compareDates, type IsoDate } from '../date.js';
import type { PlanOptionSummary, ResolvedPlanRequest } from './types.js';

export function planReviewOn(option: Pick<PlanOptionSummary, 'outcome'>, request: Pick<ResolvedPlanRequest, 'budgetReviewOn'>): IsoDate {
  const budget = request.budgetReviewOn;
  if (option.outcome.kind !== 'review') return budget;
  return compareDates(option.outcome.reviewDate, budget) < 0 ? option.outcome.reviewDate : budget;
}
