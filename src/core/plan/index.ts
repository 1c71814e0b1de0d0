export * from './types.js';
export * from './figures.js';
export { proposeInPence, proposePlans, summarisePlans, instalmentsOf } from './propose.js';
export { pmt, nper, ratePerPeriod, instalmentsIn } from './finance.js';
export { nextPayDate, payDayFor, dueDate, nominalDate, type DueDate } from './dates.js';
export { stepUpForChange } from './step-up.js';
export { planRequestFromStatement } from './from-statement.js';
export {
  resolvePlanRequest,
  resolvePlanTerms,
  penceTerms,
  type PlanTerms,
  type ResolvedPlanTerms,
  HORIZON_YEARS,
  DEFAULT_FIXED_TERMS_MONTHS,
  DEFAULT_TOKEN,
  DEFAULT_REASONABLE_TERM_MONTHS,
} from './request.js';
export { planReviewOn } from './review.js';
