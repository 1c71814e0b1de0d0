/**
 * What each creditor is offered once a plan is agreed: the agreed payment, as a monthly figure in
 * whole pence, shared pro rata by the same rule as the check's offers (offers.ts). So an SFS
 * document sent with a plan offers what the customer agreed to pay, not what the check found
 * affordable.
 */
import { proRataOffers } from '../affordability/offers.js';
import type { Affordability, Offer } from '../affordability/types.js';
import { toMonthly } from '../frequency.js';
import { NO_PENNIES } from '../money.js';
import type { PlanOption } from './types.js';

export function agreedOffers(affordability: Affordability, option: PlanOption): Offer[] {
  // The payment agreed now: a step-up's reduced payment, not the later one.
  const first = option.pattern[0];
  const monthly = first ? toMonthly(first.amount, option.frequency) : NO_PENNIES;
  return proRataOffers(monthly, affordability.offers.map(({ debt }) => debt));
}
