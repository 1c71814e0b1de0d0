/**
 * The advise session's state, kept as plain data so that it can be saved after every answer and
 * resumed: the step reached, the statement so far and the plan being agreed. Every change is a
 * small pure function returning a new Draft.
 */
import type { IsoDate } from '../core/date.js';
import type { PaymentFrequency } from '../core/frequency.js';
import type { Money } from '../core/money.js';
import type { PlanKind, SettlementVariant } from '../core/plan/types.js';
import type { Household, Statement } from '../core/statement.js';
import type { LimitationStatus } from '../core/time-limits.js';
import { SECTIONS } from './sections.js';

/** The session's steps, in the order an advisor goes through them. */
export const STEPS = [
  'household',
  'income',
  'fixed',
  'flexible',
  'priority-debts',
  'debts',
  'summary',
  'plans',
  'export',
  'done',
] as const;
export type Step = (typeof STEPS)[number];

/**
 * Which plan option the advisor chose, and what they changed. An option is named by its kind (and
 * term or settlement variant), not its position, so it survives the options being worked out again.
 */
export interface PlanChoice {
  readonly kind: PlanKind;
  readonly termMonths?: number;
  readonly variant?: SettlementVariant;
  readonly start?: IsoDate;
  readonly frequency?: PaymentFrequency;
  /** A payment per instalment the advisor agreed instead of the one worked out. */
  readonly amount?: Money;
}

/**
 * Why a plan was agreed although it asks for more than the budget shows is affordable, or while a
 * flag asks for a person's review: the advisor's own words, kept with the export (CONC 7.3.10R).
 */
export interface Override {
  readonly reason: string;
}

/**
 * The parts of a statement asked in more than one answer: a line of a section, a note about the
 * customer's circumstances, an expected change, the pay schedule, savings, the debt admin fee; and
 * the override of a plan being agreed (are you sure, then why).
 */
export const ITEMS = [...SECTIONS, 'circumstances', 'expected-changes', 'pay', 'savings', 'debt-admin-fee', 'override'] as const;
export type Item = (typeof ITEMS)[number];

/**
 * An item still being answered: the answers so far, so that a dropped call loses none of them.
 * It lives here, never in the statement, until its last answer is given.
 */
export interface PendingItem {
  readonly item: Item;
  /** The place of the entry being changed in its list; absent for a new one. */
  readonly index?: number;
  readonly answers: readonly string[];
}

/** The advisor's answer about a debt past the limitation period (steps/limitation.ts), by creditor. */
export interface LimitationDecision {
  readonly creditor: string;
  readonly status: LimitationStatus;
  /** Why it is offered money all the same ('included' only). */
  readonly reason?: string;
}

export interface Draft {
  readonly step: Step;
  readonly statement: Statement;
  readonly plan?: PlanChoice;
  /** What the advisor decided about each debt past the limitation period they were asked about. */
  readonly limitation?: readonly LimitationDecision[];
  /** Given when the plan was agreed; any change to the plan takes it away. */
  readonly override?: Override;
  readonly pending?: PendingItem;
}

const EMPTY_HOUSEHOLD: Household = { adults: 1, children: 0, vehicles: 0, tenure: 'tenant-private' };

export function newDraft(): Draft {
  return {
    step: 'household',
    statement: {
      household: EMPTY_HOUSEHOLD,
      income: [],
      expenditure: [],
      priorityDebts: [],
      debts: [],
      vulnerabilities: [],
      expectedChanges: [],
    },
  };
}

/** A session that starts from a statement already written: the advisor reviews it from the top. */
export const draftFrom = (statement: Statement): Draft => ({ step: 'household', statement });

export const atStep = (draft: Draft, step: Step): Draft => ({ ...draft, step });

export function nextStep(step: Step): Step {
  return STEPS[Math.min(STEPS.indexOf(step) + 1, STEPS.length - 1)] ?? 'done';
}

/** The statement changed; an item that was being answered is now in it. */
export const withStatement = (draft: Draft, statement: Statement): Draft => ({ ...withoutPending(draft), statement });

export const withPending = (draft: Draft, pending: PendingItem): Draft => ({ ...draft, pending });

/** The item left half answered, when it is `item`. */
export const pendingOf = (draft: Draft, item: Item): PendingItem | undefined => (draft.pending?.item === item ? draft.pending : undefined);

export const withHousehold = (draft: Draft, household: Household): Draft =>
  withStatement(draft, { ...draft.statement, household });

/** Another plan, or the plan changed: an override given for the plan before is no longer its own. */
export function withPlan(draft: Draft, plan: PlanChoice): Draft {
  const { override: _dropped, ...rest } = draft;
  return { ...rest, plan };
}

/** The item that was being answered is set aside, unanswered. */
export function withoutPending(draft: Draft): Draft {
  const { pending: _dropped, ...rest } = draft;
  return rest;
}

/** The plan is agreed, with the override it needed (or none): on to the export. */
export function agreed(draft: Draft, override?: Override): Draft {
  const { override: _old, ...rest } = withoutPending(draft);
  return { ...rest, ...(override ? { override } : {}), step: 'export' };
}
