/**
 * What each creditor is offered once a plan is agreed: the agreed payment, as a monthly figure in
 * whole pence, shared by the largest-remainder rule (allocate.ts) in the proportions the option
 * shares its first payment among its creditors (pro rata to what each is owed, or a token's equal
 * parts), or pro rata as the check's offers are (offers.ts) for a plan for one balance. So an SFS
 * document sent with a plan offers each creditor what the letters offer them, not what the check
 * found affordable.
 */
import { proRataOffers } from '../affordability/offers.js';
import type { Affordability, Offer } from '../affordability/types.js';
import { allocate } from '../allocate.js';
import { toMonthly } from '../frequency.js';
import { fromPence, NO_PENNIES, safePence } from '../money.js';
import type { PlanOption } from './types.js';

export function agreedOffers(affordability: Affordability, option: PlanOption): Offer[] {
  // The payment agreed now: a step-up's reduced payment, not the later one.
  const first = option.pattern[0];
  const monthly = first ? toMonthly(first.amount, option.frequency) : NO_PENNIES;
  const debts = affordability.offers.map(({ debt }) => debt);
  const weights = firstShares(option, debts.map((debt) => debt.creditor));
  if (!weights || monthly.lte(0)) return proRataOffers(monthly, debts);
  const pence = allocate(BigInt(safePence(monthly)), weights);
  return affordability.offers.map(({ debt, share }, i) => ({ debt, offer: fromPence(pence[i] ?? 0n), share }));
}

/**
 * Each debt's share of the option's first payment in pence, the option's creditors matched to the
 * debts by name in order; none when the option has no creditors or pays them nothing.
 */
function firstShares(option: PlanOption, names: readonly string[]): bigint[] | undefined {
  const unmatched = [...(option.creditors ?? [])];
  const shares = names.map((name) => {
    const at = unmatched.findIndex((creditor) => creditor.creditor === name);
    if (at < 0) return 0n;
    const [creditor] = unmatched.splice(at, 1);
    return BigInt(safePence(creditor!.share));
  });
  return shares.some((share) => share > 0n) ? shares : undefined;
}
