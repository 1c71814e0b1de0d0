/**
 * An income & expenditure statement, shaped on the UK Standard Financial Statement (SFS) sections.
 * Amounts carry their own frequency; the affordability core converts them to monthly figures.
 * Validation of untrusted input lives outside the core (src/statement/); these types describe a
 * statement that has already been read and checked.
 */
import type { BreathingSpace } from './breathing-space.js';
import type { IsoDate } from './date.js';
import type { Frequency, PaymentFrequency } from './frequency.js';
import type { Money } from './money.js';
import type { InterestTreatment } from './plan/types.js';

export const INCOME_CATEGORIES = ['earnings', 'benefits', 'pensions', 'other'] as const;
export type IncomeCategory = (typeof INCOME_CATEGORIES)[number];

/** SFS fixed costs: taken at actual amounts, no spending guideline. */
export const FIXED_CATEGORIES = [
  'home',
  'utilities',
  'water',
  'care-health',
  'transport',
  'school',
  'pensions-insurance',
  'professional',
  'other-essential',
] as const;
export type FixedCategory = (typeof FIXED_CATEGORIES)[number];

/** SFS flexible costs: the three areas that have spending guidelines. */
export const FLEXIBLE_CATEGORIES = ['communications-leisure', 'food-housekeeping', 'personal'] as const;
export type FlexibleCategory = (typeof FLEXIBLE_CATEGORIES)[number];

export const EXPENDITURE_CATEGORIES = [...FIXED_CATEGORIES, ...FLEXIBLE_CATEGORIES] as const;
export type ExpenditureCategory = FixedCategory | FlexibleCategory;

export const TENURES = ['owner', 'mortgage', 'living-with-parents', 'tenant-private', 'tenant-social', 'other'] as const;
export type Tenure = (typeof TENURES)[number];

/** FCA FG21/1 drivers of vulnerability. */
export const VULNERABILITY_DRIVERS = ['health', 'life-events', 'resilience', 'capability'] as const;
export type VulnerabilityDriver = (typeof VULNERABILITY_DRIVERS)[number];

/** The currency a statement's amounts are in: it picks the symbol shown and which rules apply. */
export const CURRENCIES = ['GBP', 'USD'] as const;
export type Currency = (typeof CURRENCIES)[number];
export const CURRENCY_SYMBOLS: Readonly<Record<Currency, string>> = { GBP: '£', USD: '$' };

export interface Household {
  readonly adults: number;
  readonly children: number;
  readonly vehicles: number;
  readonly tenure: Tenure;
}

export interface Line<C extends string> {
  readonly category: C;
  readonly label: string;
  readonly amount: Money;
  readonly frequency: Frequency;
  /**
   * Its field in the SFS data-entry schema (`council-tax-rates`), which the SFS documents put it
   * in; when absent, the field its label suggests is used and the statement is warned of.
   */
  readonly sfs?: string;
  /** Free text, e.g. the advisor's explanation of spending above a guideline. */
  readonly note?: string;
}

export type IncomeLine = Line<IncomeCategory>;
export type ExpenditureLine = Line<ExpenditureCategory>;

/** Priority debts (rent or mortgage arrears, council tax, energy, fines…) and what is paid on them. */
export interface PriorityDebt {
  readonly creditor: string;
  readonly balance: Money;
  readonly payment: Money;
  readonly frequency: Frequency;
  readonly note?: string;
}

/** Whether a creditor freezes interest or keeps charging it: the plan engine's own treatment. */
export type DebtInterest = InterestTreatment;

/** Non-priority debts share what is left, pro rata to their balances. */
export interface Debt {
  readonly creditor: string;
  readonly balance: Money;
  /** The creditor's interest, when recorded; plans otherwise take their default (frozen, or a rate given). */
  readonly interest?: DebtInterest;
  /** A County Court Judgment is recorded against this debt. */
  readonly ccj?: boolean;
  /** The day of the last payment (or written acknowledgement), for the limitation check. */
  readonly lastPaymentOn?: IsoDate;
  /** The creditor's own reference for the account (its account number), so their letter can be matched to it. */
  readonly accountReference?: string;
  /** Whose name the debt is in: a creditor may only be offered money from the household for a debt it holds. */
  readonly owner?: DebtOwner;
  readonly note?: string;
}

/** Whose name a debt is in: the customer's, their partner's, or both (joint). */
export const DEBT_OWNERS = ['customer', 'partner', 'joint'] as const;
export type DebtOwner = (typeof DEBT_OWNERS)[number];

/** The SFS employment statuses (SFS Data Definition Specification v1.1), as its documents spell them. */
export const EMPLOYMENT_STATUSES = [
  'Full-time',
  'Part-time',
  'Unemployed',
  'Not working due to illness / disability',
  'Self-employed',
  'Retired',
  'Carer',
  'Student',
  'Other',
] as const;
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];

/** Who the statement is for, as a creditor's letter and the SFS name them. */
export interface Customer {
  /** The customer's name, or both names for a couple ("Sam and Alex Green"). */
  readonly name: string;
  /** Their postal address, a line each, for the letters and the SFS. */
  readonly address?: readonly string[];
  /** The adviser's or firm's own reference for the customer. */
  readonly reference?: string;
  readonly employment?: EmploymentStatus;
}

export interface Vulnerability {
  readonly driver: VulnerabilityDriver | 'other';
  /** For the advisor's file: never sent to creditors. */
  readonly note: string;
  /** What creditors may be told of it: sent only with the customer's consent to share. */
  readonly forCreditors?: string;
}

/**
 * The customer's consent about their circumstances (health is UK GDPR special category data): to
 * record them at all, and, separately, to share what is noted for creditors with them.
 */
export interface VulnerabilityConsent {
  readonly toRecord: boolean;
  readonly toShare: boolean;
  /**
   * The creditors, by name, that may be told, when the customer agreed to some and not others;
   * every creditor when absent.
   */
  readonly creditors?: readonly string[];
  /** The day it was given or refused. */
  readonly on?: IsoDate;
}

export interface RegularAmount {
  readonly amount: Money;
  readonly frequency: Frequency;
  readonly note?: string;
}

/** When and how the customer is paid, so that plans can fall on or just after payday. */
export interface PaySchedule {
  readonly frequency: PaymentFrequency;
  readonly nextPayDate: IsoDate;
}

/** A change the household expects (a job starting, a loan ending), for step-up plans. */
export interface ExpectedChange {
  readonly from: IsoDate;
  /** Change to the monthly amount available: positive when more will be available. */
  readonly monthlyChange: Money;
  readonly note: string;
}

/** The UK legal systems a customer's debts may be under (not the bank-holiday calendar of due dates). */
export const JURISDICTIONS = ['england-wales', 'scotland', 'northern-ireland'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

export interface Statement {
  /** GBP unless stated. */
  readonly currency?: Currency;
  /**
   * Where the customer lives, for the rules that depend on it (limitation, Breathing Space);
   * England and Wales unless stated.
   */
  readonly jurisdiction?: Jurisdiction;
  /** Who it is for: optional, as a budget can be worked out without it; letters to creditors name them. */
  readonly customer?: Customer;
  readonly household: Household;
  readonly income: readonly IncomeLine[];
  readonly expenditure: readonly ExpenditureLine[];
  readonly priorityDebts: readonly PriorityDebt[];
  readonly debts: readonly Debt[];
  readonly savings?: RegularAmount;
  /** SFS "debt admin fee": a fee the household pays a debt management provider. */
  readonly debtAdminFee?: RegularAmount;
  readonly vulnerabilities: readonly Vulnerability[];
  /**
   * Absent in statements written before it was asked: their vulnerabilities are read as recorded
   * but not to be shared, so nothing of them reaches a creditor.
   */
  readonly vulnerabilityConsent?: VulnerabilityConsent;
  readonly pay?: PaySchedule;
  readonly expectedChanges: readonly ExpectedChange[];
  /** A Breathing Space moratorium recorded for the customer (England and Wales). */
  readonly breathingSpace?: BreathingSpace;
  /** The day the budget was taken: an old one is flagged for checking with the customer. */
  readonly takenOn?: IsoDate;
  /** For the advisor's file: never sent to creditors. */
  readonly notes?: string;
  /** For the creditors: the SFS summary's notes. */
  readonly notesForCreditors?: string;
}

/**
 * Whether `creditor` may be told what is noted for creditors of the customer's circumstances; with
 * no creditor named, for a document every creditor reads, whether all of them may.
 */
function mayBeToldCircumstances(statement: Statement, creditor?: string): boolean {
  const consent = statement.vulnerabilityConsent;
  if (consent?.toShare !== true) return false;
  if (consent.creditors === undefined) return true;
  const allowed = new Set(consent.creditors);
  return creditor === undefined ? statement.debts.every((d) => allowed.has(d.creditor)) : allowed.has(creditor);
}

/**
 * What creditors may read of the statement's own notes: its notes for creditors and, only with the
 * customer's consent to share with them (`creditor`, or every creditor when none is named), what is
 * noted for creditors of their circumstances.
 */
export function notesForCreditors(statement: Statement, creditor?: string): string[] {
  const shared = mayBeToldCircumstances(statement, creditor)
    ? statement.vulnerabilities.flatMap((v) => (v.forCreditors ? [v.forCreditors] : []))
    : [];
  return [...(statement.notesForCreditors ? [statement.notesForCreditors] : []), ...shared];
}
