/**
 * What the affordability core finds in a statement. Every figure is monthly and in whole pence
 * (Pennies): each line's figure is rounded half up once, when it is converted, and every total is
 * the sum of those pennies, so what is shown adds up. Offers are paid, so they share the whole
 * pence available (see offers.ts for the remainder rule).
 */
import type { IsoDate } from '../date.js';
import type { Money, Pennies } from '../money.js';
import type {
  Debt,
  ExpenditureCategory,
  IncomeCategory,
  Line,
  PriorityDebt,
  Statement,
} from '../statement.js';
import type { GuidelineCategory, GuidelineSource, GuidelineTable } from './guidelines.js';

/** A statement line with its monthly figure, rounded half up to the penny. */
export interface MonthlyLine<C extends string> {
  readonly line: Line<C>;
  readonly monthly: Pennies;
}

export interface MonthlyPriorityDebt {
  readonly debt: PriorityDebt;
  readonly monthly: Pennies;
}

/** The SFS totals (formulas in docs/affordability.md). */
export interface Totals {
  readonly income: Pennies;
  readonly fixed: Pennies;
  readonly flexible: Pennies;
  /** fixed + flexible */
  readonly expenditure: Pennies;
  /** income − expenditure */
  readonly surplus: Pennies;
  readonly savings: Pennies;
  readonly debtAdminFee: Pennies;
  /** income − expenditure − savings − debt admin fee */
  readonly availableForPriority: Pennies;
  readonly priorityPayments: Pennies;
  /** availableForPriority − priority payments: what the non-priority creditors share. */
  readonly available: Pennies;
  /** What is owed to the non-priority creditors together. */
  readonly nonPriorityBalance: Money;
  readonly priorityBalance: Money;
}

/** A non-priority creditor's pro-rata share of what is available, in whole pence. */
export interface Offer {
  readonly debt: Debt;
  readonly offer: Pennies;
  /** balance ÷ total balances, exact: the share the offer is worked from. */
  readonly share: Money;
}

export type GuidelineStatus = 'within' | 'over';

export interface GuidelineCheck {
  readonly category: GuidelineCategory;
  readonly guideline: Money;
  readonly spent: Pennies;
  /** spent − guideline when over, else zero. */
  readonly over: Money;
  readonly status: GuidelineStatus;
  /** The advisor's explanation, from the notes on the category's lines, if any. */
  readonly explained: boolean;
}

export interface GuidelineResult {
  readonly source: GuidelineSource;
  /** The household make-up the figures were looked up for, in words ("1 adult, 2 children"). */
  readonly household: string;
  readonly checks: readonly GuidelineCheck[];
}

export const FLAG_CODES = [
  'breathing-space',
  'deficit',
  'token-payment',
  'dro-indicator',
  'guideline-over',
  'vulnerability',
  'statement-stale',
  'limitation-check',
  'advice',
] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

export interface Flag {
  readonly code: FlagCode;
  /** One plain sentence a customer could be read. */
  readonly reason: string;
  /** A person should look at this before a plan is agreed. */
  readonly review: boolean;
  /** Further points, e.g. the DRO conditions fairplan cannot check. */
  readonly details?: readonly string[];
}

export interface AffordabilitySettings {
  readonly asOf: IsoDate;
  /** Spending guidelines to check flexible costs against; none means no guideline check. */
  readonly guidelines?: GuidelineTable;
  /** A token payment is advised when available is below this per creditor (default 1.00). */
  readonly tokenThresholdPerCreditor?: Money;
  /** A budget taken more than this many months before `asOf` is stale (default 12). */
  readonly staleAfterMonths?: number;
}

export interface Affordability {
  readonly asOf: IsoDate;
  readonly statement: Statement;
  readonly income: readonly MonthlyLine<IncomeCategory>[];
  readonly expenditure: readonly MonthlyLine<ExpenditureCategory>[];
  readonly priorityDebts: readonly MonthlyPriorityDebt[];
  /** Monthly total per SFS section, every category present (zero when it has no lines). */
  readonly incomeBySection: Readonly<Record<IncomeCategory, Pennies>>;
  readonly expenditureBySection: Readonly<Record<ExpenditureCategory, Pennies>>;
  readonly totals: Totals;
  readonly offers: readonly Offer[];
  readonly guidelines?: GuidelineResult;
  readonly flags: readonly Flag[];
}
