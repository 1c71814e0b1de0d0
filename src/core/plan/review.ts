/**
 * When a plan should be reviewed with the customer. Every plan carries a review date: a token
 * payment's review (CONC 7.3.5G(c): a token is accepted for a reasonable period, then looked at
 * again), or the day the budget it rests on turns stale, whichever comes first.
 */
import { FLAG_CODES, type Affordability, type FlagCode } from '../affordability/types.js';
import { compareDates, type IsoDate } from '../date.js';
import type { PlanOptionSummary, Recommendation, ResolvedPlanRequest } from './types.js';

export function planReviewOn(option: Pick<PlanOptionSummary, 'outcome'>, request: Pick<ResolvedPlanRequest, 'budgetReviewOn'>): IsoDate {
  const budget = request.budgetReviewOn;
  if (option.outcome.kind !== 'review') return budget;
  return compareDates(option.outcome.reviewDate, budget) < 0 ? option.outcome.reviewDate : budget;
}

/**
 * Whether a person should look at the recommended plan before it is agreed: for the plan's own
 * reasons (a token, a long term) or because the budget's flags ask for it (a moratorium, a stale
 * budget, a debt that may be statute-barred), named by `flags`: those the recommendation already
 * carries (PlanRequest.reviewFlags), and those of `affordability` when it is given.
 */
export function reviewOfPlan(recommended: Pick<Recommendation, 'flagForReview' | 'reviewFlags'>, affordability: Pick<Affordability, 'flags'> | undefined): { readonly needed: boolean; readonly flags: readonly FlagCode[] } {
  const asking = new Set([...(recommended.reviewFlags ?? []), ...(affordability?.flags ?? []).filter((flag) => flag.review).map((flag) => flag.code)]);
  const flags = FLAG_CODES.filter((code) => asking.has(code));
  return { needed: recommended.flagForReview || flags.length > 0, flags };
}
