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
import type { SectionId } from './sections.js';

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

/** A line still being typed: the answers so far, so that a dropped call loses none of them. */
export interface PendingEntry {
  readonly section: SectionId;
  /** The place of the line being changed; absent for a new line. */
  readonly index?: number;
  readonly answers: readonly string[];
}

export interface Draft {
  readonly step: Step;
  readonly statement: Statement;
  readonly plan?: PlanChoice;
  readonly pending?: PendingEntry;
}

export const EMPTY_HOUSEHOLD: Household = { adults: 1, children: 0, vehicles: 0, tenure: 'tenant-private' };

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

/** The statement changed; a line that was being typed is now in it. */
export function withStatement(draft: Draft, statement: Statement): Draft {
  const { pending: _done, ...rest } = draft;
  return { ...rest, statement };
}

export const withPending = (draft: Draft, pending: PendingEntry): Draft => ({ ...draft, pending });

export const withHousehold = (draft: Draft, household: Household): Draft =>
  withStatement(draft, { ...draft.statement, household });

export const withPlan = (draft: Draft, plan: PlanChoice): Draft => ({ ...draft, plan });
