export * from './types.js';
export { proposePlans, summarisePlans, instalmentsOf } from './propose.js';
export {
  quickCovers,
  quickSummary,
  quickTerms,
  quickInstalments,
  type QuickAccount,
  type QuickInstalment,
  type QuickOption,
  type QuickProposal,
  type QuickTerms,
} from './quick-summary.js';
export { pmt, nper, ratePerPeriod, instalmentsIn } from './finance.js';
export { nextPayDate, payDayFor, dueDate, nominalDate, type DueDate } from './dates.js';
export { stepUpForChange } from './step-up.js';
export { planRequestFromStatement } from './from-statement.js';
export {
  resolvePlanRequest,
  resolvePlanTerms,
  type PlanTerms,
  type ResolvedPlanTerms,
  HORIZON_YEARS,
  DEFAULT_FIXED_TERMS_MONTHS,
  DEFAULT_TOKEN,
  DEFAULT_REASONABLE_TERM_MONTHS,
} from './request.js';
export { planReviewOn } from './review.js';
