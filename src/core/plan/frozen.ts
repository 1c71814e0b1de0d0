/**
 * THE rule for payments against a balance with interest frozen, in whole pence: each run's payments
 * in turn, the last run repeated, until the balance is repaid or `limit` instalments are laid out;
 * the instalment that repays pays exactly what is left, so the last absorbs the remainder and is
 * never the larger. No loop: ceil(remaining ÷ payment) instalments repay a run's remainder, which is
 * what lets the plan engine (schedule.ts), for one plan or a batch of a million accounts, lay
 * out any plan at the cost of a 6-instalment one. BigInt, as a product can pass 2^53.
 */

/** `count` payments of `amount` pence. */
export interface PenceRun {
  readonly count: number;
  readonly amount: bigint;
}

export interface FrozenLaid {
  readonly count: number;
  readonly totalPaid: bigint;
  /** The largest instalment (nil if none). */
  readonly largest: bigint;
  /** The last instalment (nil if none). */
  readonly finalAmount: bigint;
  readonly balanceAfter: bigint;
  /** The amounts actually paid, run by run, runs of one amount merged. */
  readonly pattern: readonly PenceRun[];
}

function pushRun(pattern: PenceRun[], count: number, amount: bigint): void {
  if (count <= 0) return;
  const last = pattern[pattern.length - 1];
  if (last && last.amount === amount) pattern[pattern.length - 1] = { count: last.count + count, amount };
  else pattern.push({ count, amount });
}

/** `runs` (positive amounts) against `principal` pence, at most `limit` instalments, interest frozen. */
export function layFrozen(principal: bigint, runs: readonly PenceRun[], limit: number): FrozenLaid {
  const pattern: PenceRun[] = [];
  let remaining = principal;
  let count = 0;
  let largest = 0n;
  let finalAmount = 0n;
  runs.forEach((run, i) => {
    const open = i === runs.length - 1;
    const room = Math.min(open ? Infinity : run.count, limit - count);
    if (room <= 0 || remaining === 0n) return;
    // ceil(remaining ÷ amount), compared with the room first so an open run's Infinity never meets BigInt.
    const needed = (remaining + run.amount - 1n) / run.amount;
    if (needed <= BigInt(room)) {
      const n = Number(needed);
      const last = remaining - run.amount * (needed - 1n);
      pushRun(pattern, n - 1, run.amount);
      pushRun(pattern, 1, last);
      if (n > 1 && run.amount > largest) largest = run.amount;
      if (last > largest) largest = last;
      finalAmount = last;
      count += n;
      remaining = 0n;
    } else {
      pushRun(pattern, room, run.amount);
      if (run.amount > largest) largest = run.amount;
      finalAmount = run.amount;
      count += room;
      remaining -= run.amount * BigInt(room);
    }
  });
  return { count, totalPaid: principal - remaining, largest, finalAmount, balanceAfter: remaining, pattern };
}

/**
 * The smallest payment that repays `principal` pence in `count` instalments with interest frozen:
 * ceil(principal ÷ count), so the term is kept and the last instalment is the smaller.
 */
export const frozenInstalment = (principal: bigint, count: number): bigint => (principal + BigInt(count) - 1n) / BigInt(count);
