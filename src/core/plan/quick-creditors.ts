/**
 * Each creditor's part of a quick option (quick-summary.ts) for a plan across several creditors with
 * interest frozen, by the creditor engine's own rules (creditors.ts): each payment shared by
 * `shareAmongOwed` pro rata to `sharingWeights`, a repaid creditor's share going to those still owed.
 *
 * The engine walks one payment at a time. With interest frozen, every payment until the next
 * creditor is repaid is shared the same way, so here a run of such payments is one step: a plan of
 * hundreds of payments takes a few steps per creditor, and a batch of households (batch --group-by)
 * runs at the speed of one of single accounts. A property test holds the two to the same figures.
 */
import type { BusinessCalendar } from '../calendar/business-calendar.js';
import type { IsoDate } from '../date.js';
import { shareAmongOwed, sharingWeights } from './creditors.js';
import { dueDate } from './dates.js';
import { safePenceOf } from '../money.js';
import type { QuickInstalment, QuickOption } from './quick-summary.js';
import type { CreditorSharing } from './types.js';

/** `count` payments from the `from`-th (0-based), each shared the same way. */
interface Run {
  readonly from: number;
  readonly count: number;
  /** Each creditor's part of every payment of the run, whole pence as safe integers. */
  readonly parts: readonly number[];
  /** Each creditor is owed something as the run starts (and so at each of its payments). */
  readonly owed: readonly boolean[];
}

/** The runs of `option`'s payments among creditors owed `balances` (pence) at the start. */
function runsOf(option: QuickOption, balances: readonly number[], by: CreditorSharing['by']): Run[] {
  const owed = balances.map((balance) => BigInt(balance));
  const weights = sharingWeights(owed, by);
  const payment = BigInt(option.instalmentAmount);
  const runs: Run[] = [];
  let k = 0;
  while (k < option.instalmentCount) {
    const due = owed.reduce((a, b) => a + b, 0n);
    if (due === 0n) break;
    const amount = payment < due ? payment : due;
    const shares = shareAmongOwed(amount, weights, owed);
    // The same parts recur while every creditor is owed at least their part: until then no one is
    // repaid, so nothing is shared afresh.
    let count = amount < payment ? 1 : option.instalmentCount - k;
    shares.forEach((part, i) => {
      if (part > 0n) count = Math.min(count, Number((owed[i] as bigint) / part));
    });
    runs.push({ from: k, count, parts: shares.map(safePenceOf), owed: owed.map((balance) => balance > 0n) });
    shares.forEach((part, i) => {
      owed[i] = (owed[i] as bigint) - part * BigInt(count);
    });
    k += count;
  }
  return runs;
}

export interface QuickShares {
  /** Each creditor's figures for the option, as if it were theirs alone: their payments, dates and totals. */
  readonly options: readonly QuickOption[];
  /** Each creditor's instalments, numbered and dated as the option's. */
  instalments(calendar: BusinessCalendar): QuickInstalment[][];
}

/**
 * `option`, for creditors owed `balances` (pence, together the option's amount to repay), shared pro
 * rata to them (`by` 'balance') or equally (a token payment); `due(k)` is the option's k-th due date.
 */
export function quickShares(option: QuickOption, balances: readonly number[], by: CreditorSharing['by'], due: (k: number) => IsoDate): QuickShares {
  const runs = runsOf(option, balances, by);
  const options = balances.map((balance, i): QuickOption => {
    const paid = runs.filter((run) => run.owed[i]);
    const first = paid[0];
    const last = paid[paid.length - 1];
    const count = paid.reduce((n, run) => n + run.count, 0);
    const totalPaid = paid.reduce((total, run) => total + (run.parts[i] ?? 0) * run.count, 0);
    return {
      ...option,
      amountToRepay: balance,
      instalmentCount: count,
      instalmentAmount: first?.parts[i] ?? 0,
      finalAmount: last?.parts[i] ?? 0,
      firstDate: first ? due(first.from) : option.firstDate,
      lastDate: last ? due(last.from + last.count - 1) : option.firstDate,
      totalPaid,
      totalInterest: 0,
      balanceAfter: balance - totalPaid,
      // A creditor still owed when the option stops is left as the option leaves the household.
      outcome: balance === totalPaid ? { kind: 'repaid' } : option.outcome,
    };
  });
  return {
    options,
    instalments: (calendar) =>
      balances.map((balance, i) => {
        const instalments: QuickInstalment[] = [];
        let owed = balance;
        for (const run of runs) {
          if (!run.owed[i]) continue;
          const amount = run.parts[i] ?? 0;
          for (let k = run.from; k < run.from + run.count; k++) {
            owed -= amount;
            instalments.push({ n: k + 1, ...dueDate(calendar, option.anchorDate, option.frequency, k, option.payDay), amount, interest: 0, principal: amount, balanceAfter: owed });
          }
        }
        return instalments;
      }),
  };
}
