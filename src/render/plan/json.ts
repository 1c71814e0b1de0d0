/**
 * The proposal as JSON for scripts: every amount a string with two decimals (never a float), every
 * date `YYYY-MM-DD`, field names that stay put. Documented in docs/commands/plan.md.
 */
import type { Affordability } from '../../core/affordability/types.js';
import type { IsoDate } from '../../core/date.js';
import { type Money, toFixed2 } from '../../core/money.js';
import type {
  CreditorOutcome,
  CreditorSchedule,
  Instalment,
  InterestTreatment,
  PlanOption,
  PlanOutcome,
  PlanProposal,
  ResolvedCreditor,
  ResolvedPlanRequest,
} from '../../core/plan/types.js';
import { commonInterest } from '../../core/plan/interest.js';
import { planReviewOn, reviewOfPlan } from '../../core/plan/review.js';
import type { Provenance } from '../../core/provenance.js';
import { ADVICE_SIGNPOST } from '../../core/signpost.js';
import { isLeftOut, type PossiblyBarredDebt } from '../../core/time-limits.js';
import { FORMAT_VERSION } from '../shared/format-version.js';
import { possiblyBarredNote } from './possibly-barred.js';
import { optionAt, optionKey } from './select.js';

const m = (amount: Money): string => toFixed2(amount);

function interestJson(interest: InterestTreatment) {
  return interest.kind === 'frozen' ? { kind: 'frozen' } : { kind: 'continuing', annualRatePercent: interest.annualRatePercent.toString() };
}

/** A plan's interest: with creditors charged differently, continuing at each one's own rate (in `creditors`). */
function planInterestJson(interest: InterestTreatment, creditors: readonly ResolvedCreditor[] | undefined) {
  return creditors && commonInterest(creditors) === undefined ? { kind: 'continuing', byCreditor: true } : interestJson(interest);
}

function outcomeJson(outcome: PlanOutcome) {
  switch (outcome.kind) {
    case 'repaid':
      return { kind: 'repaid' };
    case 'review':
      return { kind: 'review', reviewDate: outcome.reviewDate, message: outcome.message };
    case 'never-repays': {
      const { repayingPayment: r } = outcome;
      return {
        kind: 'never-repays',
        cause: outcome.cause,
        message: outcome.message,
        repayingPayment: { termMonths: r.termMonths, frequency: r.frequency, instalments: r.instalments, amount: m(r.amount) },
      };
    }
  }
}

function instalmentJson(instalment: Instalment) {
  return {
    n: instalment.n,
    date: instalment.due,
    ...(instalment.movedFrom ? { movedFrom: instalment.movedFrom } : {}),
    amount: m(instalment.amount),
    interest: m(instalment.interest),
    principal: m(instalment.principal),
    balance: m(instalment.balanceAfter),
  };
}

function creditorOutcomeJson(outcome: CreditorOutcome) {
  switch (outcome.kind) {
    case 'repaid':
      return { kind: 'repaid' };
    case 'never-repays': {
      const { repayingPayment: r } = outcome;
      return {
        kind: 'never-repays',
        message: outcome.message,
        repayingPayment: { termMonths: r.termMonths, frequency: r.frequency, instalments: r.instalments, amount: m(r.amount) },
      };
    }
    default:
      return { kind: outcome.kind, message: outcome.message };
  }
}

/** One creditor's part of an option: their amounts add up, payment by payment, to the option's. */
function creditorJson(creditor: CreditorSchedule) {
  return {
    creditor: creditor.creditor,
    balance: m(creditor.balance),
    interest: interestJson(creditor.interest),
    share: m(creditor.share),
    instalments: creditor.instalments.map(({ movedFrom: _, ...instalment }) => instalmentJson(instalment)),
    total: m(creditor.totalPaid),
    totalInterest: m(creditor.totalInterest),
    lastDate: creditor.lastDate,
    balanceAfter: m(creditor.balanceAfter),
    outcome: creditorOutcomeJson(creditor.outcome),
  };
}

/** What only some kinds of option have. */
function kindJson(option: PlanOption) {
  switch (option.kind) {
    case 'fixed-term':
      return { termMonths: option.termMonths };
    case 'step-up':
      return {
        reducedPayment: m(option.reducedPayment),
        reducedCount: option.reducedCount,
        laterPayment: m(option.laterPayment),
        stepDate: option.stepDate,
        ...(option.note ? { note: option.note } : {}),
      };
    case 'settlement':
      return {
        variant: option.variant,
        discountPercent: option.discountPercent.toString(),
        fullBalance: m(option.balance),
        writtenOff: m(option.writtenOff),
      };
    default:
      return {};
  }
}

function optionJson(option: PlanOption, request: ResolvedPlanRequest) {
  return {
    key: optionKey(option),
    kind: option.kind,
    label: option.label,
    affordable: option.affordable,
    reason: option.reason,
    affordabilityReason: option.affordabilityReason,
    ...kindJson(option),
    frequency: option.frequency,
    interest: planInterestJson(option.interest, option.sharing?.creditors),
    amountToRepay: m(option.amountToRepay),
    instalmentCount: option.instalmentCount,
    instalmentAmount: m(option.instalmentAmount),
    finalAmount: m(option.finalAmount),
    firstDate: option.firstDate,
    lastDate: option.lastDate,
    total: m(option.totalPaid),
    totalInterest: m(option.totalInterest),
    balanceAfter: m(option.balanceAfter),
    outcome: outcomeJson(option.outcome),
    reviewOn: planReviewOn(option, request),
    instalments: option.instalments.map(instalmentJson),
    ...(option.creditors ? { redistribute: option.sharing?.redistribute ?? true, creditors: option.creditors.map(creditorJson) } : {}),
  };
}

/** The affordability behind a plan made from a statement: its totals and flags. */
function affordabilityJson(affordability: Affordability) {
  const t = affordability.totals;
  return {
    totals: {
      income: m(t.income),
      expenditure: m(t.expenditure),
      surplus: m(t.surplus),
      priorityPayments: m(t.priorityPayments),
      available: m(t.available),
      nonPriorityBalance: m(t.nonPriorityBalance),
    },
    flags: affordability.flags.map((flag) => ({ code: flag.code, reason: flag.reason, review: flag.review })),
  };
}

/** A debt past the limitation period: whether it is left out of the offers (offered nothing), and why. */
function possiblyBarredJson(possiblyBarred: PossiblyBarredDebt, affordability: Affordability | undefined) {
  const { debt, status } = possiblyBarred;
  return {
    creditor: debt.creditor,
    ...(debt.accountReference ? { accountReference: debt.accountReference } : {}),
    balance: m(debt.balance),
    lastPaymentOn: String(debt.lastPaymentOn),
    status,
    leftOut: isLeftOut(possiblyBarred),
    // Left out, it is offered nothing; included, its offer is in each option's creditors.
    ...(isLeftOut(possiblyBarred) ? { offer: '0.00' } : {}),
    ...(possiblyBarred.reason ? { reason: possiblyBarred.reason } : {}),
    note: possiblyBarredNote(possiblyBarred, affordability?.statement),
  };
}

export interface PlanJsonOptions {
  /** When the plan was made from a statement: its affordability, reported with the plan. */
  readonly affordability?: Affordability;
  /** What the plan was made from (the command line always gives it). */
  readonly provenance?: Provenance;
}

/** The proposal as a plain object ready for JSON.stringify. */
export function planJson(proposal: PlanProposal, { affordability, provenance }: PlanJsonOptions = {}) {
  const { request, recommended } = proposal;
  const chosen = optionAt(proposal, recommended.index);
  const review = reviewOfPlan(recommended, affordability);
  return {
    formatVersion: FORMAT_VERSION,
    asOf: request.asOf,
    balance: m(request.balance),
    affordable: m(request.affordableMonthly),
    affordablePerInstalment: m(proposal.affordablePerInstalment),
    frequency: request.frequency,
    start: request.start,
    ...(request.pausedUntil ? { pausedUntil: request.pausedUntil } : {}),
    interest: planInterestJson(request.interest, request.creditors),
    calendar: request.calendar.name,
    recommended: {
      index: recommended.index,
      key: optionKey(chosen),
      kind: recommended.kind,
      label: chosen.label,
      reason: recommended.reason,
      flagForReview: review.needed,
      ...(review.flags.length > 0 ? { reviewFlags: review.flags } : {}),
    },
    options: proposal.options.map((option) => optionJson(option, request)),
    notOffered: proposal.notOffered.map((n) => ({ kind: n.kind, ...(n.variant ? { variant: n.variant } : {}), reason: n.reason })),
    ...(request.possiblyBarred ? { possiblyStatuteBarred: request.possiblyBarred.map((p) => possiblyBarredJson(p, affordability)) } : {}),
    ...(affordability ? { affordability: affordabilityJson(affordability) } : {}),
    signpost: ADVICE_SIGNPOST,
    ...(provenance ? { provenance } : {}),
  };
}

/** No plan, and why: a Breathing Space with no end recorded, reviewed by a person when it ends. */
export function renderNoPlanJson(asOf: IsoDate, reason: string, affordability: Affordability, provenance?: Provenance): string {
  const result = {
    formatVersion: FORMAT_VERSION,
    asOf,
    noPlan: { reason },
    affordability: affordabilityJson(affordability),
    signpost: ADVICE_SIGNPOST,
    ...(provenance ? { provenance } : {}),
  };
  return `${JSON.stringify(result, null, 2)}\n`;
}

export function renderPlanJson(proposal: PlanProposal, options: PlanJsonOptions = {}): string {
  return `${JSON.stringify(planJson(proposal, options), null, 2)}\n`;
}
