export * from './types.js';
export * from './figures.js';
export { proposeInPence, proposePlans, summarisePlans, instalmentsOf } from './propose.js';
export { instalmentsIn } from './finance.js';
export { nextPayDate, payDayFor } from './dates.js';
export { stepUpForChange } from './step-up.js';
export { planRequestFromStatement } from './from-statement.js';
export {
  resolvePlanRequest,
  resolvePlanTerms,
  penceTerms,
  DEFAULT_TOKEN,
} from './request.js';
export { planReviewOn } from './review.js';
