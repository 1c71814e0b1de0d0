/**
 * THE rule for payments against a balance with interest frozen, in whole pence: each run's payments
 * in turn, the last run repeated, until the balance is repaid or `limit` instalments are laid out;
 * the instalment that repays pays exactly what is left, so the last absorbs the remainder and is
 * never the larger. No loop: ceil(remaining ÷ payment) instalments repay a run's remainder, which is
 * what lets the plan engine (schedule.ts), for one plan or a batch of a million accounts, lay
 * out any plan at the cost of a 6-instalment one.
 *
 * Amounts are BigInt, as a balance (and a product) can pass 2^53. When the balance and every payment
 * are safe integers, so is every figure worked out from them (what is left only falls, and a run's
 * payments are only multiplied out when they come to less than what is left): the rule is then worked
 * in Number pence, which a batch of a million accounts needs, as each BigInt operation makes an object
 * for the garbage collector. Past 2^53 it is worked in BigInt; a property test holds the two to the
 * payments walked one at a time on both sides of 2^53.
 */

/** `count` payments of `amount` pence. */
export interface PenceRun {
  readonly count: number;
  readonly amount: bigint;
}

/** A stream laid out with interest frozen: the figures of schedule.ts's `Laid`, without interest. */
export interface FrozenLaid {
  readonly count: number;
  readonly totalPaid: bigint;
  /** Always nil: interest is frozen. */
  readonly totalInterest: bigint;
  /** The largest instalment (nil if none). */
  readonly largest: bigint;
  /** The last instalment (nil if none). */
  readonly finalAmount: bigint;
  readonly balanceAfter: bigint;
  /** The amounts actually paid, run by run, runs of one amount merged. */
  readonly pattern: readonly PenceRun[];
  /** Always nil: interest is frozen. */
  readonly nextInterest: bigint;
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * The runs actually paid, merged, in an array of the most there can be (a run's payments and its
 * remainder: one more than the runs), cut to those used at the end: pushed one by one from empty,
 * V8 would give each array room for 16, and a batch makes several for every account.
 */
class Pattern {
  readonly runs: PenceRun[];
  private used = 0;

  constructor(most: number) {
    this.runs = new Array<PenceRun>(most);
  }

  push(count: number, amount: bigint): void {
    if (count <= 0) return;
    const last = this.used > 0 ? (this.runs[this.used - 1] as PenceRun) : undefined;
    if (last && last.amount === amount) this.runs[this.used - 1] = { count: last.count + count, amount };
    else this.runs[this.used++] = { count, amount };
  }

  done(): PenceRun[] {
    this.runs.length = this.used;
    return this.runs;
  }
}

/** `runs` (positive amounts) against `principal` pence, at most `limit` instalments, interest frozen. */
export function layFrozen(principal: bigint, runs: readonly PenceRun[], limit: number): FrozenLaid {
  let safe = principal >= 0n && principal <= SAFE;
  for (let i = 0; safe && i < runs.length; i++) {
    const { amount } = runs[i] as PenceRun;
    safe = amount > 0n && amount <= SAFE;
  }
  return safe ? layInNumbers(principal, runs, limit) : layInBigInt(principal, runs, limit);
}

/** layFrozen's rule in Number pence: `principal` and every run's amount are safe integers, the amounts positive. */
function layInNumbers(principal: bigint, runs: readonly PenceRun[], limit: number): FrozenLaid {
  const pattern = new Pattern(runs.length + 1);
  let remaining = Number(principal);
  let count = 0;
  let largest = 0n;
  let finalAmount = 0n;
  for (let i = 0; i < runs.length && remaining > 0; i++) {
    const run = runs[i] as PenceRun;
    const room = Math.min(i === runs.length - 1 ? Infinity : run.count, limit - count);
    if (room <= 0) continue;
    const amount = Number(run.amount);
    // ceil(remaining ÷ amount) by the remainder, which `%` gives exactly, not by rounding a quotient.
    const odd = remaining % amount;
    const needed = (remaining - odd) / amount + (odd > 0 ? 1 : 0);
    if (needed <= room) {
      // What is left after needed − 1 payments: the remainder, or a whole payment when there is none.
      const last = odd > 0 ? BigInt(odd) : run.amount;
      pattern.push(needed - 1, run.amount);
      pattern.push(1, last);
      if (needed > 1 && run.amount > largest) largest = run.amount;
      if (last > largest) largest = last;
      finalAmount = last;
      count += needed;
      remaining = 0;
    } else {
      pattern.push(room, run.amount);
      if (run.amount > largest) largest = run.amount;
      finalAmount = run.amount;
      count += room;
      remaining -= amount * room;
    }
  }
  const balanceAfter = remaining === 0 ? 0n : BigInt(remaining);
  return { count, totalPaid: remaining === 0 ? principal : principal - balanceAfter, totalInterest: 0n, largest, finalAmount, balanceAfter, pattern: pattern.done(), nextInterest: 0n };
}

/** layFrozen's rule in BigInt pence, for amounts past 2^53. */
function layInBigInt(principal: bigint, runs: readonly PenceRun[], limit: number): FrozenLaid {
  const pattern = new Pattern(runs.length + 1);
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
      pattern.push(n - 1, run.amount);
      pattern.push(1, last);
      if (n > 1 && run.amount > largest) largest = run.amount;
      if (last > largest) largest = last;
      finalAmount = last;
      count += n;
      remaining = 0n;
    } else {
      pattern.push(room, run.amount);
      if (run.amount > largest) largest = run.amount;
      finalAmount = run.amount;
      count += room;
      remaining -= run.amount * BigInt(room);
    }
  });
  return { count, totalPaid: principal - remaining, totalInterest: 0n, largest, finalAmount, balanceAfter: remaining, pattern: pattern.done(), nextInterest: 0n };
}

/**
 * The smallest payment that repays `principal` pence in `count` instalments with interest frozen:
 * ceil(principal ÷ count), so the term is kept and the last instalment is the smaller. In Number
 * pence when the principal is a safe integer, not negative (as layFrozen).
 */
export function frozenInstalment(principal: bigint, count: number): bigint {
  if (principal < 0n || principal > SAFE) return (principal + BigInt(count) - 1n) / BigInt(count);
  const whole = Number(principal);
  const odd = whole % count;
  return BigInt((whole - odd) / count + (odd > 0 ? 1 : 0));
}
