/**
 * Pro-rata offers to non-priority creditors: available × balance ÷ total balances.
 *
 * The remainder rule (no source fixes one; this is fairplan's): the whole pence available are
 * shared by `allocate` (largest remainder, ties to the creditor listed first). So the offers always
 * add up to exactly what is available, and no offer is more than a penny from its exact share. A
 * creditor owed nothing has no share and no offer; when nobody is owed anything, nothing is offered.
 * Worked example (domain notes): £100 over balances 500, 1000, 233 and 200 → 25.87, 51.73, 12.05, 10.35.
 */
import { allocate, ratiosOf } from '../allocate.js';
import { fromPence, money, NO_PENNIES, safePence, sum, type Pennies, ZERO } from '../money.js';
import type { Debt } from '../statement.js';
import type { Offer } from './types.js';

export function proRataOffers(available: Pennies, debts: readonly Debt[]): Offer[] {
  const total = sum(debts.map((d) => d.balance));
  if (!total.gt(0)) return debts.map((debt) => ({ debt, offer: NO_PENNIES, share: ZERO }));
  const shares = debts.map((d) => money(d.balance.div(total)));
  const pot = available.gt(0) ? BigInt(safePence(available)) : 0n;
  const pence = allocate(pot, ratiosOf(debts.map((d) => d.balance)));
  return debts.map((debt, i) => ({ debt, offer: fromPence(pence[i] ?? 0n), share: shares[i] ?? ZERO }));
}
