/**
 * The figures of an outcomes report (`fairplan report --outcomes`), as src/report/outcomes.ts works
 * them out from a book and every renderer shows them: HTML, markdown and JSON draw on this one record.
 */
import type { IsoDate } from '../../core/date.js';
import type { FollowUpRules } from '../../core/follow-up/rules.js';
import type { Difference, OutcomeCounts } from '../../core/outcomes.js';

/** Arrangements agreed (on or before the day of the report), and their outcomes at each horizon. */
export interface OutcomeGroup {
  readonly name: string;
  readonly agreed: number;
  /** One per HORIZONS entry: the arrangements old enough to be looked at then, and their outcomes. */
  readonly at: readonly OutcomeCounts[];
}

/** How arrangements were split: vulnerability, channel, plan kind, or a customer column (`--by`). */
export interface OutcomeSplit {
  /** `vulnerability`, `channel`, `plan kind`, or the customer column's name. */
  readonly dimension: string;
  readonly column: boolean;
  readonly groups: readonly OutcomeGroup[];
}

export interface OutcomesFigures {
  /** The book, as it may be shown (a PostgreSQL URL without its password). */
  readonly book: string;
  readonly asOf: IsoDate;
  /** Percentage points beyond which a difference between groups is pointed out. */
  readonly thresholdPoints: number;
  /** Groups with fewer arrangements at a horizon are not compared. */
  readonly smallestGroup: number;
  readonly rules: FollowUpRules;
  readonly notes: readonly string[];
  readonly all: OutcomeGroup;
  /** By the month agreed (YYYY-MM), in order. */
  readonly cohorts: readonly OutcomeGroup[];
  readonly splits: readonly OutcomeSplit[];
  /** With the split each was found in. */
  readonly differences: readonly (Difference & { readonly dimension: string; readonly column: boolean })[];
}
