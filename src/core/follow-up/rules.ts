/** How follow-up judges and contacts: the defaults, each documented, and overridable by `--rules`. */
export interface FollowUpRules {
  /** Days after its due date that a payment may still arrive before the instalment counts as missed. */
  readonly graceDays: number;
  /** Missed instalments in a row after which a plan is broken: time to talk and review it. */
  readonly brokenAfter: number;
  /** A reminder is due this many days (or fewer) before an instalment. */
  readonly remindDays: number;
  /** At most this many messages to one customer on one day (CONC 7.9, excessive contact). */
  readonly perDay: number;
  /** At most this many messages to one customer in any seven days. */
  readonly perWeek: number;
}

export const DEFAULT_RULES: FollowUpRules = { graceDays: 5, brokenAfter: 2, remindDays: 3, perDay: 1, perWeek: 3 };
