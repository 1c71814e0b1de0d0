/**
 * How agreed arrangements turned out (Consumer Duty outcomes monitoring): each arrangement looked at
 * 3, 6 and 12 months after the day it was agreed, and counted as kept, broken, renegotiated,
 * completed or paused. Kept, broken, completed and paused are follow-up's own statuses on that day
 * (status.ts, with the same rules), not a second reading of them; renegotiated is an arrangement the
 * book shows superseded by a later agreement by then. Pure: the day looked at is a parameter.
 */
import { addDays, addMonths, compareDates, parseIsoDate, type IsoDate } from './date.js';
import type { FollowUpRules } from './follow-up/rules.js';
import { arrangementStatus, type BreathingSpace, type Instalment, type Payment, type Status } from './follow-up/status.js';
import { PLAN_KINDS } from './plan/types.js';

/** Months after agreement at which an arrangement is looked at. */
export const HORIZONS = [3, 6, 12] as const;

export const OUTCOMES = ['kept', 'broken', 'renegotiated', 'completed', 'paused'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The outcomes one group is compared with another on: a Breathing Space is a protection, not an outcome of the plan. */
const COMPARED_OUTCOMES = ['kept', 'broken', 'renegotiated', 'completed'] as const satisfies readonly Outcome[];

/** Follow-up's statuses as outcomes: a plan still running, on time or not yet broken by the rules, is kept. */
const OUTCOME_OF_STATUS: Readonly<Record<Status, Outcome>> = {
  'on-track': 'kept',
  ahead: 'kept',
  behind: 'kept',
  missed: 'kept',
  'review-due': 'kept',
  broken: 'broken',
  completed: 'completed',
  paused: 'paused',
};

/** What the book knew of the customer from a day on. */
export interface CircumstanceFrom {
  readonly effectiveOn: IsoDate;
  readonly breathingSpace?: BreathingSpace;
  readonly reviewOn?: IsoDate;
}

export interface TrackedArrangement<C extends CircumstanceFrom = CircumstanceFrom> {
  readonly accountId: string;
  readonly agreedOn: IsoDate;
  /** The day a later agreement took its place, if one did. */
  readonly supersededOn?: IsoDate;
  /** In due order. */
  readonly instalments: readonly Instalment[];
  /** The account's payments (follow-up counts those from the day the plan was agreed). */
  readonly payments: readonly Payment[];
  /** The account's circumstances, in the order they took effect. */
  readonly circumstances: readonly C[];
}

/** YYYY-MM: the month a day falls in, an arrangement's cohort. */
export const monthOf = (day: IsoDate): string => day.slice(0, 7);

/** The day `months` after `agreedOn` (the same day of the month, or the last of a shorter month). */
const horizonDay = (agreedOn: IsoDate, months: number): IsoDate => addMonths(agreedOn, months);

/**
 * Whether every arrangement agreed in `month` (YYYY-MM) is `months` old on `asOf`: a cohort is
 * counted at a horizon whole or not at all, so a month's figures do not shift as its later days age.
 */
export function cohortReaches(month: string, months: number, asOf: IsoDate): boolean {
  const lastDay = addDays(addMonths(parseIsoDate(`${month}-01`), months + 1), -1);
  return compareDates(lastDay, asOf) <= 0;
}

/** The circumstances in effect on `day`: the latest that took effect on or before it. */
function circumstanceOn<C extends CircumstanceFrom>(circumstances: readonly C[], day: IsoDate): C | undefined {
  let found: C | undefined;
  for (const circumstance of circumstances) if (compareDates(circumstance.effectiveOn, day) <= 0) found = circumstance;
  return found;
}

/**
 * The customer as they were when the arrangement was agreed: the circumstances in effect that day,
 * or, when the book learnt of the customer only later, the first it recorded.
 */
export const circumstanceAtAgreement = <C extends CircumstanceFrom>(arrangement: TrackedArrangement<C>): C | undefined =>
  circumstanceOn(arrangement.circumstances, arrangement.agreedOn) ?? arrangement.circumstances[0];

/** The arrangement's outcome `months` after it was agreed: follow-up's status on that day, with the customer's circumstances of that day. */
export function outcomeAt(arrangement: TrackedArrangement, months: number, rules: FollowUpRules): Outcome {
  const day = horizonDay(arrangement.agreedOn, months);
  if (arrangement.supersededOn !== undefined && compareDates(arrangement.supersededOn, day) <= 0) return 'renegotiated';
  const circumstance = circumstanceOn(arrangement.circumstances, day);
  const { status } = arrangementStatus(
    {
      accountId: arrangement.accountId,
      instalments: arrangement.instalments,
      payments: arrangement.payments,
      agreedOn: arrangement.agreedOn,
      ...(circumstance?.breathingSpace ? { breathingSpace: circumstance.breathingSpace } : {}),
      ...(circumstance?.reviewOn ? { reviewOn: circumstance.reviewOn } : {}),
    },
    day,
    rules,
  );
  return OUTCOME_OF_STATUS[status];
}

/** The kind of plan an option key names: `fixed-term-24` is a fixed term; a key fairplan does not know is its own kind. */
export const planKind = (key: string): string => PLAN_KINDS.find((kind) => key === kind || key.startsWith(`${kind}-`)) ?? key;

/** Arrangements at one horizon: how many were looked at, and how many had each outcome. */
export type OutcomeCounts = { arrangements: number } & Record<Outcome, number>;

export const noCounts = (): OutcomeCounts => ({ arrangements: 0, kept: 0, broken: 0, renegotiated: 0, completed: 0, paused: 0 });

export interface GroupCounts {
  readonly name: string;
  /** One per HORIZONS entry. */
  readonly at: readonly OutcomeCounts[];
}

/** A group whose share of an outcome differs from the rest of its split's by more than the threshold. */
export interface Difference {
  readonly group: string;
  /** The other groups of the split, taken together. */
  readonly others: readonly string[];
  readonly months: number;
  readonly outcome: Outcome;
  readonly count: number;
  readonly of: number;
  readonly othersCount: number;
  readonly othersOf: number;
}

/**
 * Each group set against the others of its split, at each horizon, for each outcome compared: a
 * difference of more than `thresholdPoints` percentage points is pointed out, when the group and
 * the others each have at least `smallest` arrangements at that horizon (fewer say little). Of two
 * groups each other's only others, the difference is said once, of the first.
 */
export function differences(groups: readonly GroupCounts[], thresholdPoints: number, smallest: number): Difference[] {
  const found: Difference[] = [];
  const said = new Set<string>();
  HORIZONS.forEach((months, h) => {
    for (const outcome of COMPARED_OUTCOMES) {
      for (const group of groups) {
        const own = group.at[h];
        if (!own) continue;
        const others = groups.filter((other) => other !== group && (other.at[h]?.arrangements ?? 0) > 0);
        const othersOf = others.reduce((sum, other) => sum + (other.at[h]?.arrangements ?? 0), 0);
        const othersCount = others.reduce((sum, other) => sum + (other.at[h]?.[outcome] ?? 0), 0);
        if (own.arrangements < Math.max(1, smallest) || othersOf < Math.max(1, smallest)) continue;
        // Exactly, in whole numbers: |a/n − b/m| × 100 > t  ⇔  |a·m − b·n| × 100 > t·n·m.
        if (Math.abs(own[outcome] * othersOf - othersCount * own.arrangements) * 100 <= thresholdPoints * own.arrangements * othersOf) continue;
        const only = others.length === 1 ? others[0]?.name : undefined;
        if (only !== undefined && said.has(`${months}\u0000${outcome}\u0000${only}\u0000${group.name}`)) continue;
        said.add(`${months}\u0000${outcome}\u0000${group.name}\u0000${only ?? ''}`);
        found.push({ group: group.name, others: others.map((other) => other.name), months, outcome, count: own[outcome], of: own.arrangements, othersCount, othersOf });
      }
    }
  });
  return found;
}
