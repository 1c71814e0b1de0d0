/**
 * Pro-rata offers to non-priority creditors: available × balance ÷ total balances.
 *
 * The remainder rule (no source fixes one; this is fairplan's): the amount shared is what is
 * available rounded DOWN to the penny (the payment rule), shared by `allocate` (largest remainder,
 * ties to the creditor listed first). So the offers always add up
 * to exactly the amount shared, and no offer is more than a penny from its exact share.
 * Worked example (domain notes): £100 over balances 500, 1000, 233 and 200 → 25.87, 51.73, 12.05, 10.35.
 */
import { allocate, ratiosOf } from '../allocate.js';
import { D, fromPence, money, penceOf, sum, type Money } from '../money.js';
import type { Debt } from '../statement.js';
import type { Offer } from './types.js';

export function proRataOffers(available: Money, debts: readonly Debt[]): Offer[] {
  const total = sum(debts.map((d) => d.balance));
  const shares = debts.map((d) => (total.isZero() ? money(new D(1).div(debts.length)) : money(d.balance.div(total))));
  const pot = available.gt(0) ? penceOf(available) : 0n;
  // Nothing owed at all: shared equally, as the shares above are.
  const pence = debts.length === 0 ? [] : allocate(pot, total.isZero() ? debts.map(() => 1n) : ratiosOf(debts.map((d) => d.balance)));
  return debts.map((debt, i) => ({ debt, offer: fromPence(pence[i] ?? 0n), share: shares[i] ?? money('0') }));
}
