/**
 * The plan engine's own figures: every option's amounts in whole pence (BigInt, as products and
 * interest can pass 2^53), with no Decimal and no wording. `proposeInPence` makes them; `batch` writes
 * them as they are, and `summarisePlans` turns them into the Money and words people read (display.ts).
 */
import type { FlagCode } from '../affordability/types.js';
import type { BusinessCalendar } from '../calendar/business-calendar.js';
import type { IsoDate } from '../date.js';
import type { PaymentFrequency } from '../frequency.js';
import type { Dec } from '../money.js';
import type { PenceRun } from './frozen.js';
import type { CreditorDiscount, InterestTreatment, PlanKind, Recommendation, SettlementVariant } from './types.js';

export type { PenceRun } from './frozen.js';

/** One creditor of a plan across several creditors, owed `balance` pence, with their interest resolved. */
export interface PenceCreditor {
  readonly creditor: string;
  readonly balance: bigint;
  readonly interest: InterestTreatment;
}

/** The parts of a request every account of a batch shares, resolved and in pence (see `penceTerms`). */
export interface PenceTerms {
  readonly asOf: IsoDate;
  readonly interest: InterestTreatment;
  readonly redistribute: boolean;
  readonly fixedTermsMonths: readonly number[];
  readonly token: { readonly amount: bigint; readonly reviewAfterMonths: number };
  readonly reasonableTermMonths: number;
  readonly calendar: BusinessCalendar;
}

/** A resolved plan request (see ResolvedPlanRequest), its amounts in pence: what the engine computes from. */
export interface PenceRequest extends PenceTerms {
  readonly balance: bigint;
  readonly creditors?: readonly PenceCreditor[];
  readonly affordableMonthly: bigint;
  readonly frequency: PaymentFrequency;
  readonly start: IsoDate;
  readonly payDay?: number;
  readonly pausedUntil?: IsoDate;
  readonly stepUp?: {
    readonly periods: number;
    readonly laterAffordableMonthly: bigint;
    readonly reducedPayment?: bigint;
    readonly laterPayment?: bigint;
  };
  readonly settlement?: {
    readonly discountPercent: Dec;
    readonly byCreditor?: readonly CreditorDiscount[];
    readonly maxInstalments: number;
  };
  readonly reviewFlags?: readonly FlagCode[];
}

/** How an option's payments are shared among several creditors (see CreditorSharing). */
export interface PenceSharing {
  readonly creditors: readonly PenceCreditor[];
  readonly by: 'balance' | 'equal';
  readonly redistribute: boolean;
  readonly planned: readonly PenceRun[];
}

/** The payment that would repay the balance within a given term (see RepayingPayment). */
export interface PenceRepaying {
  readonly termMonths: number;
  readonly frequency: PaymentFrequency;
  readonly instalments: number;
  readonly amount: bigint;
}

/** Why an option never repays, with the figures its words give (see NeverRepaysOutcome). */
export interface NeverRepaysFigures {
  readonly kind: 'never-repays';
  readonly cause: 'interest' | 'horizon';
  readonly repayingPayment: PenceRepaying;
  /** The payment that keeps on: the last run's. */
  readonly payment: bigint;
  /** Owed, and the interest of the period after, when the last run starts. */
  readonly owedThen: bigint;
  readonly interestThen: bigint;
}

type FiguresOutcome = { readonly kind: 'repaid' } | { readonly kind: 'review'; readonly reviewDate: IsoDate } | NeverRepaysFigures;
/** What an open-ended option (affordable, step-up) comes to. */
export type OpenOutcome = { readonly kind: 'repaid' } | NeverRepaysFigures;

/** What every option's figures say (see OptionBase): totals over the instalments of its schedule. */
export interface OptionFiguresBase<K extends PlanKind, O extends FiguresOutcome = FiguresOutcome> {
  readonly kind: K;
  readonly affordable: boolean;
  readonly frequency: PaymentFrequency;
  readonly interest: InterestTreatment;
  readonly amountToRepay: bigint;
  readonly anchorDate: IsoDate;
  readonly payDay?: number;
  readonly interestFrom?: IsoDate;
  readonly instalmentCount: number;
  readonly instalmentAmount: bigint;
  readonly finalAmount: bigint;
  readonly pattern: readonly PenceRun[];
  readonly firstDate: IsoDate;
  readonly lastDate: IsoDate;
  readonly totalPaid: bigint;
  readonly totalInterest: bigint;
  readonly balanceAfter: bigint;
  readonly outcome: O;
  readonly sharing?: PenceSharing;
}

export type AffordableFigures = OptionFiguresBase<'affordable', OpenOutcome>;
export interface FixedTermFigures extends OptionFiguresBase<'fixed-term', { readonly kind: 'repaid' }> {
  readonly termMonths: number;
  /** The payment that keeps the term (the last instalment may be less). */
  readonly payment: bigint;
}
export type TokenFigures = OptionFiguresBase<'token', Exclude<FiguresOutcome, NeverRepaysFigures>>;
export interface StepUpFigures extends OptionFiguresBase<'step-up', OpenOutcome> {
  readonly reducedPayment: bigint;
  readonly reducedCount: number;
  readonly laterPayment: bigint;
  /** What will be affordable per instalment after the change. */
  readonly laterAffordable: bigint;
  readonly stepDate: IsoDate;
}
export interface SettlementFigures extends OptionFiguresBase<'settlement', { readonly kind: 'repaid' }> {
  readonly variant: SettlementVariant;
  readonly discountPercent: Dec;
  readonly balance: bigint;
  readonly writtenOff: bigint;
}

export type OptionFigures = AffordableFigures | FixedTermFigures | TokenFigures | StepUpFigures | SettlementFigures;

/** An option considered and not offered, with the code of why (display.ts words it). */
export interface NotOfferedFigures {
  readonly kind: PlanKind;
  readonly variant?: SettlementVariant;
  readonly why:
    | 'nothing-available'
    | 'below-a-penny'
    | 'affordable-repays'
    | 'no-change'
    | 'nothing-before-change'
    | 'not-higher-after-change'
    | 'no-settlement'
    | 'nothing-to-pay'
    | 'lump-sum-only';
  /** A settlement that leaves nothing to pay: the discount it came to. */
  readonly discountPercent?: Dec;
}

export interface PenceProposal {
  /** The affordable monthly amount at the pay frequency, rounded down to the penny. */
  readonly perInstalment: bigint;
  readonly options: readonly OptionFigures[];
  readonly notOffered: readonly NotOfferedFigures[];
  readonly recommended: Recommendation;
}

/** One instalment in pence: amount = interest + principal (see Instalment). */
export interface PenceInstalment {
  readonly n: number;
  readonly due: IsoDate;
  readonly movedFrom?: IsoDate;
  readonly amount: bigint;
  readonly interest: bigint;
  readonly principal: bigint;
  readonly balanceAfter: bigint;
}
