/**
 * The repayment plan engine's types. Renderers (table, JSON, CSV, ICS, letter) and the batch runner
 * code against these, so they change only by adding fields.
 *
 * Money fields are Money (Decimal at full precision; every amount that is paid is whole pence).
 * Dates are IsoDate (calendar days, no time zone).
 */
import type { FlagCode } from '../affordability/types.js';
import type { BusinessCalendar } from '../calendar/business-calendar.js';
import type { IsoDate } from '../date.js';
import type { PaymentFrequency } from '../frequency.js';
import type { Dec, Money } from '../money.js';
import type { PossiblyBarredDebt } from '../time-limits.js';

export type InterestTreatment =
  /** Interest and charges frozen: the forbearance default (CONC 7.3.5G(b)). */
  | { readonly kind: 'frozen' }
  /**
   * Interest continues at a nominal annual rate (19.9 means 19.9%), compounded once per payment
   * period at annual ÷ periods a year (52, 26, 13 or 12).
   */
  | { readonly kind: 'continuing'; readonly annualRatePercent: Dec };

export interface TokenSettings {
  /** The token payment a month (default 1.00). */
  readonly amount: Money;
  /** Months from the first token payment to the review (default 3). */
  readonly reviewAfterMonths: number;
}

/**
 * A reduced payment for a number of instalments, then a higher one, for an expected change such as
 * a job starting or another debt ending. Build it from a statement with `stepUpForChange`.
 */
export interface StepUpRequest {
  /** How many instalments are at the reduced payment. */
  readonly periods: number;
  /** The monthly amount expected to be available after the change. */
  readonly laterAffordableMonthly: Money;
  /** The reduced payment per instalment; default: all that is affordable now. */
  readonly reducedPayment?: Money;
  /** The payment per instalment after the step; default: all that will then be affordable. */
  readonly laterPayment?: Money;
  /** What the change is, in the customer's words ("new job from March"). */
  readonly note?: string;
}

/** A settlement the creditor has offered: a discount on the balance, paid at once or in a few instalments. */
export interface SettlementRequest {
  /**
   * The discount the creditor accepts, in percent of the balance (20 means pay 80%). With several
   * creditors, that of each creditor not in `byCreditor` (0: they are paid in full).
   */
  readonly discountPercent: Dec;
  /** With several creditors, each one's own discount, by name. */
  readonly byCreditor?: readonly CreditorDiscount[];
  /** The most instalments the creditor allows for a settlement (1 offers the lump sum only). */
  readonly maxInstalments: number;
}

/** A creditor's own settlement discount, in percent of what they are owed. */
export interface CreditorDiscount {
  readonly creditor: string;
  readonly discountPercent: Dec;
}

/** One creditor of a plan across several creditors. */
export interface CreditorDebt {
  readonly creditor: string;
  /** What is owed to them when the plan starts, in whole pence. */
  readonly balance: Money;
  /** Their own interest; default: the request's. */
  readonly interest?: InterestTreatment;
}

/** A creditor with their interest resolved. */
export interface ResolvedCreditor extends CreditorDebt {
  readonly interest: InterestTreatment;
}

export interface PlanRequest {
  /** What is owed, in whole pence (with `creditors`, what they are owed together). */
  readonly balance: Money;
  /**
   * The creditors who share each payment, pro rata to what each is owed at the start (see
   * creditors.ts). Without them the plan is for one balance.
   */
  readonly creditors?: readonly CreditorDebt[];
  /**
   * When a creditor is repaid, their share goes to the others (default), so the payment stays the
   * same; false keeps each share fixed, so the payment falls as creditors are repaid.
   */
  readonly redistribute?: boolean;
  /** Available for non-priority creditors, a month (from the affordability core). May be nil or negative. */
  readonly affordableMonthly: Money;
  /** The customer's pay frequency: plans fall due at this frequency. */
  readonly frequency: PaymentFrequency;
  /** The first payment falls on or after this date (usually the next pay date: see `nextPayDate`). */
  readonly start: IsoDate;
  /**
   * Monthly: the day of the month the customer is paid (1 to 31), when `start` is the last day of a
   * month too short for it (28 February for a payday on the 31st): later payments return to it.
   * Default: `start`'s day (see `payDayFor`).
   */
  readonly payDay?: number;
  /** Today, for the plan: `start` may not be before it. */
  readonly asOf: IsoDate;
  /**
   * The last day of a Breathing Space moratorium: no payment falls on or before it (a later start is
   * taken), and interest is frozen until then (the first period is charged only for its days after it).
   */
  readonly pausedUntil?: IsoDate;
  /**
   * When the budget the plan rests on should be reviewed with the customer (see `budgetReviewOn`);
   * default: 12 months after `asOf`. Every plan's review date is this or its token review, the earlier.
   */
  readonly budgetReviewOn?: IsoDate;
  /** Default: frozen. With `creditors`, the interest of each creditor that has none of their own. */
  readonly interest?: InterestTreatment;
  /** Fixed terms to show, in months. Default: 12, 24, 36 and 60. */
  readonly fixedTermsMonths?: readonly number[];
  /** Default: 1.00 a month (to each creditor), reviewed after 3 months. */
  readonly token?: TokenSettings;
  readonly stepUp?: StepUpRequest;
  readonly settlement?: SettlementRequest;
  /** The longest plan recommended without a flag for review, in months. Default 60. */
  readonly reasonableTermMonths?: number;
  /** Working days for due dates. Default: England and Wales bank holidays. */
  readonly calendar?: BusinessCalendar;
  /** Symbol in reasons and labels. Default £. */
  readonly currencySymbol?: string;
  /**
   * The budget's flags that ask a person to look before any plan is agreed (`Flag.review`): the
   * recommendation is flagged for review with them. `planRequestFromStatement` given the
   * affordability fills them in.
   */
  readonly reviewFlags?: readonly FlagCode[];
  /**
   * The statement's debts past the limitation period, with what is done about each: those left out
   * are not among `creditors` (see `possiblyBarredDebts`). `planRequestFromStatement` fills them in;
   * the engine only carries them to the renderers.
   */
  readonly possiblyBarred?: readonly PossiblyBarredDebt[];
}

/** A PlanRequest with every default filled in: what the proposal was computed from. */
export interface ResolvedPlanRequest {
  readonly balance: Money;
  readonly creditors?: readonly ResolvedCreditor[];
  readonly redistribute: boolean;
  readonly affordableMonthly: Money;
  readonly frequency: PaymentFrequency;
  readonly start: IsoDate;
  /** Only when it is not `start`'s own day of the month. */
  readonly payDay?: number;
  readonly asOf: IsoDate;
  readonly pausedUntil?: IsoDate;
  readonly budgetReviewOn: IsoDate;
  /**
   * With creditors who are all charged one treatment (their own or the request's), that treatment;
   * with creditors charged differently, the request's, each creditor's own being in `creditors`.
   */
  readonly interest: InterestTreatment;
  readonly fixedTermsMonths: readonly number[];
  readonly token: TokenSettings;
  readonly stepUp?: StepUpRequest;
  readonly settlement?: SettlementRequest;
  readonly reasonableTermMonths: number;
  /** Serialises to `{ "name": … }` in JSON. */
  readonly calendar: BusinessCalendar;
  readonly currencySymbol: string;
  readonly reviewFlags: readonly FlagCode[];
  readonly possiblyBarred?: readonly PossiblyBarredDebt[];
}

/** One payment in a schedule. amount = interest + principal; balanceAfter is what is still owed. */
export interface Instalment {
  /** 1-based. */
  readonly n: number;
  /** When it is due: a working day under the request's calendar. */
  readonly due: IsoDate;
  /** The date it would have fallen on, when it was moved to a working day. */
  readonly movedFrom?: IsoDate;
  readonly amount: Money;
  readonly interest: Money;
  /** Negative when the amount does not cover the interest (the shortfall is added to the balance). */
  readonly principal: Money;
  readonly balanceAfter: Money;
}

/** Consecutive instalments of the same amount: [{ count: 19, amount: 50 }, { count: 1, amount: 12.34 }]. */
export interface PaymentRun {
  readonly count: number;
  readonly amount: Money;
}

/** The payment that would repay the balance within a given term, offered when a plan never repays. */
export interface RepayingPayment {
  readonly termMonths: number;
  readonly frequency: PaymentFrequency;
  readonly instalments: number;
  readonly amount: Money;
}

/** The schedule clears the balance: balanceAfter of the last instalment is nil. */
export interface RepaidOutcome {
  readonly kind: 'repaid';
}

/** A token arrangement: the schedule runs only until a review and does not repay the balance. */
export interface ReviewOutcome {
  readonly kind: 'review';
  /** A working day after the last token payment. */
  readonly reviewDate: IsoDate;
  readonly message: string;
}

/**
 * The payment never clears the balance: it does not cover the interest ('interest'), or it would
 * take longer than the 50-year horizon ('horizon'). The schedule then shows the first year only.
 */
export interface NeverRepaysOutcome {
  readonly kind: 'never-repays';
  readonly cause: 'interest' | 'horizon';
  /** Plain words for the customer: "This payment never repays the balance: …". */
  readonly message: string;
  readonly repayingPayment: RepayingPayment;
}

export type PlanOutcome = RepaidOutcome | ReviewOutcome | NeverRepaysOutcome;

export const PLAN_KINDS = ['affordable', 'fixed-term', 'token', 'step-up', 'settlement'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

export type SettlementVariant = 'lump-sum' | 'instalments';

/** How an option's payments are shared among several creditors (see creditors.ts). */
export interface CreditorSharing {
  /** Each creditor, with what this option repays them (after a settlement's discount, say). */
  readonly creditors: readonly ResolvedCreditor[];
  /** Shares in proportion to the balances at the start, or equal (token payments: the same to each). */
  readonly by: 'balance' | 'equal';
  readonly redistribute: boolean;
  /**
   * The payments planned, run by run. The option's pattern shows those paid, which fall as
   * creditors are repaid when shares stay fixed.
   */
  readonly planned: readonly PaymentRun[];
}

/** What every option says about itself. Totals are over the instalments in its schedule. */
interface OptionBase<K extends PlanKind, O extends PlanOutcome> {
  readonly kind: K;
  /** Short, for a heading: "Affordable plan: £50.00 a month". */
  readonly label: string;
  /** Why this option is offered. */
  readonly reason: string;
  /** Every instalment is within what was found affordable. */
  readonly affordable: boolean;
  /** Why it is, or is not, affordable, with the figures. */
  readonly affordabilityReason: string;
  readonly frequency: PaymentFrequency;
  readonly interest: InterestTreatment;
  /** The sum this option pays off: the balance, or the settlement sum. */
  readonly amountToRepay: Money;
  /**
   * The nominal date the schedule counts from (the first due date before any move to a working
   * day). Monthly instalments fall on its day of the month, or the last day of a shorter month.
   */
  readonly anchorDate: IsoDate;
  /**
   * Monthly: the customer's payday, when a month too short for it put the anchor date on its last
   * day; later instalments fall on it (or the last day of a shorter month).
   */
  readonly payDay?: number;
  /**
   * After a Breathing Space, the first day interest accrues again (the day after the moratorium):
   * the first instalment is charged interest only for its period's days from then on.
   */
  readonly interestFrom?: IsoDate;
  readonly instalmentCount: number;
  /** The largest instalment: the regular payment (for a step-up, the payment after the step). */
  readonly instalmentAmount: Money;
  /** The last instalment, which absorbs the remainder and is never larger than the regular one. */
  readonly finalAmount: Money;
  /** The whole schedule's amounts, run by run. */
  readonly pattern: readonly PaymentRun[];
  readonly firstDate: IsoDate;
  readonly lastDate: IsoDate;
  readonly totalPaid: Money;
  readonly totalInterest: Money;
  /** Still owed after the last instalment: nil when the outcome is 'repaid'. */
  readonly balanceAfter: Money;
  readonly outcome: O;
  /** With several creditors: how each payment is shared among them. */
  readonly sharing?: CreditorSharing;
}

export type AffordableOption = OptionBase<'affordable', RepaidOutcome | NeverRepaysOutcome>;

export interface FixedTermOption extends OptionBase<'fixed-term', RepaidOutcome> {
  readonly termMonths: number;
}

/**
 * A token payment until a review. Its outcome is 'review' (the balance is not repaid), except for a
 * balance so small that the token payments clear it before the review date.
 */
export type TokenOption = OptionBase<'token', ReviewOutcome | RepaidOutcome>;

export interface StepUpOption extends OptionBase<'step-up', RepaidOutcome | NeverRepaysOutcome> {
  readonly reducedPayment: Money;
  readonly reducedCount: number;
  readonly laterPayment: Money;
  /** Due date of the first instalment at the higher payment (were the balance not repaid before it). */
  readonly stepDate: IsoDate;
  readonly note?: string;
}

export interface SettlementOption extends OptionBase<'settlement', RepaidOutcome> {
  readonly variant: SettlementVariant;
  readonly discountPercent: Dec;
  /** The full balance, before the discount. */
  readonly balance: Money;
  /** Written off by the creditor when the settlement sum (amountToRepay) has been paid. */
  readonly writtenOff: Money;
}

/** An option without its instalments: cheap to compute (see `summarisePlans`). */
export type PlanOptionSummary = AffordableOption | FixedTermOption | TokenOption | StepUpOption | SettlementOption;

/** A creditor's part of an option: what each payment gives them, and where it leaves them. */
export interface CreditorSchedule {
  readonly creditor: string;
  /** What this option repays them (their balance, or their part of a settlement sum). */
  readonly balance: Money;
  readonly interest: InterestTreatment;
  /** Their share of the first payment. */
  readonly share: Money;
  /** One per payment of the option while they are owed; n and the due date are the option's. */
  readonly instalments: readonly Instalment[];
  readonly totalPaid: Money;
  readonly totalInterest: Money;
  /** The due date of the last payment they receive (the first, if they receive none). */
  readonly lastDate: IsoDate;
  readonly balanceAfter: Money;
  readonly outcome: CreditorOutcome;
}

/**
 * 'repaid'; 'review' (a token payment: still owed at the review); 'never-repays' (their share does
 * not cover their interest, with the share that would repay them); 'owed' (the option stops before
 * they are repaid, as a plan shown for its first year does).
 */
export type CreditorOutcome =
  | { readonly kind: 'repaid' }
  | { readonly kind: 'review' | 'owed'; readonly message: string }
  | { readonly kind: 'never-repays'; readonly message: string; readonly repayingPayment: RepayingPayment };

/** An option with its full schedule. */
export type PlanOption = PlanOptionSummary & {
  readonly instalments: readonly Instalment[];
  /** With several creditors: each one's part, in the order given. */
  readonly creditors?: readonly CreditorSchedule[];
};

/** An option the engine considered and does not offer, and why. */
export interface NotOffered {
  readonly kind: PlanKind;
  readonly variant?: SettlementVariant;
  readonly reason: string;
}

export interface Recommendation {
  /** Index into `options`. */
  readonly index: number;
  readonly kind: PlanKind;
  readonly reason: string;
  /**
   * A person should look at this before it is agreed: for the plan's own reasons (a token, a long
   * plan, no plan that repays) or for the budget's flags (`reviewFlags`).
   */
  readonly flagForReview: boolean;
  /** The budget's flags that ask for the review, when there are any (see PlanRequest.reviewFlags). */
  readonly reviewFlags?: readonly FlagCode[];
}

export interface Proposal<O extends PlanOptionSummary> {
  readonly request: ResolvedPlanRequest;
  /** The affordable monthly amount at the pay frequency, rounded down to the penny. */
  readonly affordablePerInstalment: Money;
  readonly options: readonly O[];
  readonly notOffered: readonly NotOffered[];
  readonly recommended: Recommendation;
}

export type PlanProposal = Proposal<PlanOption>;
export type PlanSummaryProposal = Proposal<PlanOptionSummary>;

/** The words of an option (label and reasons), which only a person reads. */
type Wording = 'label' | 'reason' | 'affordabilityReason';

/** An option without its wording, and with only the kind of its outcome: the figures a machine reads. */
export type OptionBrief = PlanOptionSummary extends infer O
  ? O extends PlanOptionSummary
    ? Omit<O, Wording | 'outcome'> & { readonly outcome: { readonly kind: O['outcome']['kind'] } }
    : never
  : never;
