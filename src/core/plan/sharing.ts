/**
 * Sharing a payment among several creditors, in whole pence: THE rule, used by the plan engine
 * (creditors.ts) and by a batch's households (batch --group-by) alike (docs/plans.md, "Plans across
 * several creditors"). Shares are pro rata to `sharingWeights` by `allocate` (largest remainder, ties
 * to the creditor listed first), so they add up to the payment exactly; none is negative or more than
 * a creditor is owed, a repaid creditor's share going to those still owed.
 *
 * With interest frozen, every payment until the next creditor is repaid is shared the same way, so
 * `frozenShares` takes a run of such payments as one step: a plan of hundreds of payments takes a few
 * steps per creditor, which is what lets a batch of households run at the speed of single accounts.
 */
import { allocate } from '../allocate.js';
import type { PenceRun } from './frozen.js';
import type { CreditorSharing } from './types.js';

/** What each creditor's share is in proportion to: what they are owed at the start, or one each; nothing to a creditor owed nothing. */
export const sharingWeights = (balances: readonly bigint[], by: CreditorSharing['by']): bigint[] =>
  balances.map((balance) => (balance <= 0n ? 0n : by === 'equal' ? 1n : balance));

/**
 * `amount` shared among the creditors with room (`caps`: what each is owed now), pro rata to
 * `weights`; a share above what a creditor is owed is cut to it and the rest shared among the
 * others, pro rata again, until all is placed. `amount` is at most the caps together.
 */
export function shareAmongOwed(amount: bigint, weights: readonly bigint[], caps: readonly bigint[]): bigint[] {
  const shares = caps.map(() => 0n);
  const open = caps.map((cap) => cap > 0n);
  let left = amount;
  while (left > 0n) {
    const parts = allocate(left, weights.map((weight, i) => (open[i] ? weight : 0n)));
    left = 0n;
    parts.forEach((part, i) => {
      const room = (caps[i] as bigint) - (shares[i] as bigint);
      if (part >= room && open[i]) {
        shares[i] = caps[i] as bigint;
        left += part - room;
        open[i] = false;
      } else shares[i] = (shares[i] as bigint) + part;
    });
  }
  return shares;
}

/** `count` payments from the `from`-th (0-based), each shared the same way. */
export interface SharedRun {
  readonly from: number;
  readonly count: number;
  /** Each creditor's part of every payment of the run. */
  readonly parts: readonly bigint[];
  /** Each creditor is owed something as the run starts (and so at each of its payments). */
  readonly owed: readonly boolean[];
}

/**
 * The payments of `runs` (the last repeated; at most `limit` payments) among creditors owed
 * `balances` at the start, interest frozen, each payment shared by `shareAmongOwed` pro rata to
 * `weights`; a payment larger than what is left pays what is left, and the payments stop when all
 * are repaid.
 */
export function frozenShares(balances: readonly bigint[], weights: readonly bigint[], runs: readonly PenceRun[], limit: number): SharedRun[] {
  const owed = [...balances];
  const shared: SharedRun[] = [];
  let k = 0;
  let runIndex = 0;
  let runEnd = runs[0]?.count ?? 0;
  while (k < limit) {
    while (k >= runEnd && runIndex < runs.length - 1) runEnd += runs[++runIndex]?.count ?? 0;
    const due = owed.reduce((a, b) => a + b, 0n);
    if (due <= 0n) break;
    const payment = (runs[runIndex] as PenceRun).amount;
    const amount = payment < due ? payment : due;
    const parts = shareAmongOwed(amount, weights, owed);
    // The same parts recur while every creditor is owed at least their part and the payment stays
    // the same: until then no one is repaid, so nothing is shared afresh.
    const last = runIndex === runs.length - 1;
    let count = amount < payment ? 1 : Math.min(limit, last ? limit : runEnd) - k;
    parts.forEach((part, i) => {
      if (part > 0n) count = Math.min(count, Number((owed[i] as bigint) / part));
    });
    shared.push({ from: k, count, parts, owed: owed.map((balance) => balance > 0n) });
    parts.forEach((part, i) => {
      owed[i] = (owed[i] as bigint) - part * BigInt(count);
    });
    k += count;
  }
  return shared;
}
