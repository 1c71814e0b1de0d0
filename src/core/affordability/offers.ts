/**
 * Pro-rata offers to non-priority creditors: available × balance ÷ total balances.
 *
 * The remainder rule (no source fixes one; this is fairplan's): the amount shared is what is
 * available rounded DOWN to the penny (the payment rule). Each creditor first gets their exact share
 * rounded down to the penny; the pennies left over go one each to the creditors with the largest
 * fractions of a penny cut off, ties to the creditor listed first. So the offers always add up to
 * exactly the amount shared, and no offer is more than a penny from its exact share.
 * Worked example (domain notes): £100 over balances 500, 1000, 233 and 200 → 25.87, 51.73, 12.05, 10.35.
 */
import { D, fromPence, money, penceOf, sum, type Money } from '../money.js';
import type { Debt } from '../statement.js';
import type { Offer } from './types.js';

export function proRataOffers(available: Money, debts: readonly Debt[]): Offer[] {
  const total = sum(debts.map((d) => d.balance));
  const shares = debts.map((d) => (total.isZero() ? money(new D(1).div(debts.length)) : money(d.balance.div(total))));
  const pot = available.gt(0) ? penceOf(available) : 0n;
  const exact = shares.map((share) => share.times(pot.toString()));
  const floors = exact.map((e) => BigInt(e.floor().toFixed(0)));
  let left = pot - floors.reduce((a, b) => a + b, 0n);
  const byRemainder = exact
    .map((e, index) => ({ index, fraction: e.minus(e.floor()) }))
    .sort((a, b) => b.fraction.comparedTo(a.fraction) || a.index - b.index);
  const pence = [...floors];
  for (const { index } of byRemainder) {
    if (left <= 0n) break;
    pence[index] = (pence[index] ?? 0n) + 1n;
    left -= 1n;
  }
  return debts.map((debt, i) => ({ debt, offer: fromPence(pence[i] ?? 0n), share: shares[i] ?? money('0') }));
}
