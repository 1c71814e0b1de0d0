/**
 * The figures of a portfolio report, as `fairplan report` works them out from batch results
 * (src/report/) and every renderer shows them: HTML, markdown and JSON draw on this one record, so
 * they cannot disagree. Money is whole pence in safe integers.
 */

/** What is available a month, in bins of whole pence: a bin holds amounts up to and including its `upTo`. */
export const AVAILABLE_BINS: readonly { readonly label: string; readonly upTo: number }[] = [
  { label: 'nothing (£0 or less)', upTo: 0 },
  { label: '£0.01 to £25', upTo: 2_500 },
  { label: '£25.01 to £50', upTo: 5_000 },
  { label: '£50.01 to £100', upTo: 10_000 },
  { label: '£100.01 to £250', upTo: 25_000 },
  { label: '£250.01 to £500', upTo: 50_000 },
  { label: '£500.01 to £1,000', upTo: 100_000 },
  { label: 'over £1,000', upTo: Number.MAX_SAFE_INTEGER },
];

/** Months to clear, in bins: a bin holds plans up to and including its `upTo` months; the last is the plans that do not clear. */
export const LENGTH_BINS: readonly { readonly label: string; readonly upTo: number }[] = [
  { label: 'up to 12 months', upTo: 12 },
  { label: '13 to 24 months', upTo: 24 },
  { label: '25 to 36 months', upTo: 36 },
  { label: '37 to 60 months', upTo: 60 },
  { label: '61 to 120 months', upTo: 120 },
  { label: 'over 120 months', upTo: Number.MAX_SAFE_INTEGER },
];
export const DOES_NOT_CLEAR = 'does not clear';

export interface Count {
  readonly name: string;
  readonly accounts: number;
}

/** The figures of a set of accounts: the whole portfolio, or the accounts of one value of a `--by` column. */
export interface PortfolioFigures {
  readonly accounts: number;
  /** A plan that pays what is affordable (the affordable plan or a fixed term). */
  readonly canPay: number;
  /** A token payment, though something is available. */
  readonly token: number;
  /** Nothing available (£0 or less): what they have does not cover their outgoings. */
  readonly cannotPay: number;
  /** The balances, when the results carry a balance column; otherwise null. */
  readonly owedPence: number | null;
  /** The recommended instalments a month (each frequency's total converted once, as batch's summary does). */
  readonly expectedMonthlyPence: number;
  /** Accounts whose plan repays them, the ones with months to clear. */
  readonly clearing: number;
  readonly monthsMedian: number | null;
  readonly monthsP90: number | null;
  /** review=yes. */
  readonly review: number;
  /** Accounts by flag raised, in name order. */
  readonly flags: readonly Count[];
  /** Accounts by reason for review, when the results have a review_reasons column; otherwise null. */
  readonly reviewReasons: readonly Count[] | null;
  /**
   * Accounts whose figures (a flag, the due dates) rest on a household field batch took by default,
   * and those accounts by field (adults, children, tenure, jurisdiction), when the results have a
   * defaults_used column; otherwise null.
   */
  readonly defaultsUsed: { readonly accounts: number; readonly fields: readonly Count[] } | null;
  /** Accounts in each of AVAILABLE_BINS, in order. */
  readonly available: readonly number[];
  /** Accounts in each of LENGTH_BINS, in order, then those that do not clear. */
  readonly planLength: readonly number[];
  /** Instalments due each calendar month (YYYY-MM, in order), from the schedules; null without them. */
  readonly cash: readonly { readonly month: string; readonly pence: number }[] | null;
}

/** One `--by` column: the figures of the accounts with each of its values, in name order. */
export interface Split {
  readonly column: string;
  readonly groups: readonly ({ readonly value: string } & PortfolioFigures)[];
}

export interface ReportFigures {
  /** The files read, as the user named them. */
  readonly results: string;
  readonly schedules: string | null;
  /** Where figures came from that the results may or may not hold, said on the report. */
  readonly notes: readonly string[];
  readonly all: PortfolioFigures;
  readonly splits: readonly Split[];
}
