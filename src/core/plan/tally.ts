/** Running totals of the payments a walk lays out, in pence: what a laid-out stream reports. */
import type { Laid } from './schedule.js';

export class Tally {
  count = 0;
  private totalPaid = 0n;
  private totalInterest = 0n;
  private largest = 0n;
  private finalAmount = 0n;
  private readonly pattern: { count: number; amount: bigint }[] = [];

  /** One more payment of `amount`, of which `interest` is interest. */
  add(amount: bigint, interest: bigint): void {
    this.totalPaid += amount;
    this.totalInterest += interest;
    if (amount > this.largest) this.largest = amount;
    this.finalAmount = amount;
    const last = this.pattern[this.pattern.length - 1];
    if (last && last.amount === amount) last.count++;
    else this.pattern.push({ count: 1, amount });
    this.count++;
  }

  /** What was laid out; the next period's interest is worked out only if it is asked for. */
  laid(balanceAfter: bigint, nextInterest: () => bigint): Laid {
    return {
      count: this.count,
      totalPaid: this.totalPaid,
      totalInterest: this.totalInterest,
      largest: this.largest,
      finalAmount: this.finalAmount,
      balanceAfter,
      pattern: this.pattern,
      get nextInterest() {
        return nextInterest();
      },
    };
  }
}
