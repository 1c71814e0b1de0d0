/**
 * The running figures of a set of accounts, in memory that does not grow with the file: counts in
 * fixed bins, months to clear counted by whole month (so the median and 90th percentile are exact),
 * instalments summed by frequency, cash summed by calendar month. Money is whole pence; sums of
 * amounts that are never negative only grow, so a total past 2^53 is caught once, at the end.
 */
import { FairplanError } from '../core/errors.js';
import { toMonthly, type PaymentFrequency } from '../core/frequency.js';
import { fromPence, safePence } from '../core/money.js';
import { termInMonths } from '../core/plan/words.js';
import { AVAILABLE_BINS, LENGTH_BINS, type Count, type PortfolioFigures } from '../render/report/figures.js';
import { MOST_MONTHS, type ResultRow } from './read.js';
import { HOUSEHOLD_FIELDS } from '../batch/fields.js';

const safe = (pence: number, what: string): number => {
  if (!Number.isSafeInteger(pence)) throw new FairplanError('invalid-amount', `${what} is too large to add up exactly in pence`);
  return pence;
};

const counted = (counts: ReadonlyMap<string, number>): Count[] =>
  [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, accounts]) => ({ name, accounts }));

/** The household fields in batch's order (adults, children, tenure, jurisdiction), any other after, by name. */
const byField = (counts: ReadonlyMap<string, number>): Count[] => {
  const order = (name: string): number => ((HOUSEHOLD_FIELDS as readonly string[]).includes(name) ? (HOUSEHOLD_FIELDS as readonly string[]).indexOf(name) : HOUSEHOLD_FIELDS.length);
  return counted(counts).sort((a, b) => order(a.name) - order(b.name));
};

const inc = (counts: number[] | Uint32Array, i: number): void => void (counts[i] = (counts[i] ?? 0) + 1);

const bump = (counts: Map<string, number>, name: string): void => void counts.set(name, (counts.get(name) ?? 0) + 1);

/** The k-th smallest (1-based) of the months counted in `byMonth`. */
function nth(byMonth: Uint32Array, k: number): number {
  let seen = 0;
  for (let months = 0; months < byMonth.length; months++) {
    seen += byMonth[months] ?? 0;
    if (seen >= k) return months;
  }
  throw new RangeError(`there are fewer than ${k} months counted`);
}

/**
 * Months to clear: the results' own `plan_months` when they have it, otherwise the plan's instalments
 * as months (rounded up, as fairplan states a plan's term); none for a plan that does not repay.
 */
const monthsToClear = (row: ResultRow): number | undefined =>
  row.outcome !== 'repaid' ? undefined : (row.months ?? termInMonths(row.instalments, row.frequency));

export class Tally {
  private accounts = 0;
  private canPay = 0;
  private token = 0;
  private cannotPay = 0;
  private owed = 0;
  private review = 0;
  private clearing = 0;
  private readonly byFrequency = new Map<PaymentFrequency, number>();
  private readonly flags = new Map<string, number>();
  private readonly reasons = new Map<string, number>();
  private onDefault = 0;
  private readonly defaults = new Map<string, number>();
  private readonly available = new Array<number>(AVAILABLE_BINS.length).fill(0);
  private readonly planLength = new Array<number>(LENGTH_BINS.length + 1).fill(0);
  private readonly byMonth = new Uint32Array(MOST_MONTHS + 1);
  /** Pence due by month, keyed year × 12 + month − 1: a plan is at most 50 years, so a few hundred keys. */
  private readonly cash = new Map<number, number>();

  add(row: ResultRow): void {
    this.accounts++;
    if (row.available <= 0) this.cannotPay++;
    else if (row.plan === 'token') this.token++;
    else this.canPay++;
    this.owed += row.balance ?? 0;
    if (row.review) this.review++;
    this.byFrequency.set(row.frequency, (this.byFrequency.get(row.frequency) ?? 0) + row.instalment);
    for (const flag of row.flags) bump(this.flags, flag);
    for (const reason of row.reviewReasons ?? []) bump(this.reasons, reason);
    if (row.defaultsUsed && row.defaultsUsed.length > 0) this.onDefault++;
    for (const field of row.defaultsUsed ?? []) bump(this.defaults, field);
    inc(this.available, AVAILABLE_BINS.findIndex((bin) => row.available <= bin.upTo));
    const months = monthsToClear(row);
    if (months === undefined) inc(this.planLength, LENGTH_BINS.length);
    else {
      if (months > MOST_MONTHS) {
        throw new FairplanError('invalid-row', `a plan of ${months} months is longer than batch writes (${MOST_MONTHS} at most)`, { line: row.line });
      }
      this.clearing++;
      inc(this.byMonth, months);
      inc(this.planLength, LENGTH_BINS.findIndex((bin) => months <= bin.upTo));
    }
  }

  addCash(month: number, pence: number): void {
    this.cash.set(month, (this.cash.get(month) ?? 0) + pence);
  }

  figures(columns: { readonly balance: boolean; readonly reviewReasons: boolean; readonly defaultsUsed: boolean; readonly schedules: boolean }): PortfolioFigures {
    const n = this.clearing;
    const expected = [...this.byFrequency].reduce(
      (total, [frequency, pence]) => total + safePence(toMonthly(fromPence(safe(pence, 'the instalments')), frequency)),
      0,
    );
    return {
      accounts: this.accounts,
      canPay: this.canPay,
      token: this.token,
      cannotPay: this.cannotPay,
      owedPence: columns.balance ? safe(this.owed, 'the total owed') : null,
      expectedMonthlyPence: expected,
      clearing: n,
      // The median of an even count is the mean of the middle two (it may be a half month).
      monthsMedian: n === 0 ? null : n % 2 === 1 ? nth(this.byMonth, (n + 1) / 2) : (nth(this.byMonth, n / 2) + nth(this.byMonth, n / 2 + 1)) / 2,
      // Nearest rank: the smallest figure that at least 90% of the plans are within.
      monthsP90: n === 0 ? null : nth(this.byMonth, Math.ceil((n * 9) / 10)),
      review: this.review,
      flags: counted(this.flags),
      reviewReasons: columns.reviewReasons ? counted(this.reasons) : null,
      defaultsUsed: columns.defaultsUsed ? { accounts: this.onDefault, fields: byField(this.defaults) } : null,
      available: [...this.available],
      planLength: [...this.planLength],
      cash: columns.schedules ? this.months() : null,
    };
  }

  /** Every month from the first instalment due to the last, a month with none at £0, so a chart's gaps are true. */
  private months(): { month: string; pence: number }[] {
    if (this.cash.size === 0) return [];
    const keys = [...this.cash.keys()];
    const months: { month: string; pence: number }[] = [];
    for (let month = Math.min(...keys), last = Math.max(...keys); month <= last; month++) {
      months.push({
        month: `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`,
        pence: safe(this.cash.get(month) ?? 0, 'the instalments due in a month'),
      });
    }
    return months;
  }
}
