/**
 * The one display step: the engine's figures in pence (figures.ts) made into what people and the
 * renderers read, Money and words. Nothing here decides a figure.
 */
import { fromMonthly } from '../frequency.js';
import { fromPence } from '../money.js';
import { affordableShown } from './affordable.js';
import type { PlanContext } from './context.js';
import type { NotOfferedFigures, OpenOutcome, OptionFigures, OptionFiguresBase, PenceProposal, PenceRepaying, PenceRun } from './figures.js';
import { fixedTermShown } from './fixed-term.js';
import { HORIZON_YEARS } from './request.js';
import { settlementShown } from './settlement.js';
import { stepUpShown } from './step-up.js';
import { tokenShown } from './token.js';
import type { NeverRepaysOutcome, NotOffered, PlanKind, PlanOptionSummary, PlanSummaryProposal, RepaidOutcome, RepayingPayment, ResolvedPlanRequest } from './types.js';
import { months, wordsFor, type Words } from './words.js';

/** What every option's display needs: the request as given (Money), its words, and the engine's own figures. */
export interface Shown {
  readonly request: ResolvedPlanRequest;
  readonly words: Words;
  readonly perInstalment: bigint;
  readonly affordableMonthly: bigint;
  /** The token payment a month altogether, and to each creditor. */
  readonly tokenTotal: bigint;
  readonly tokenEach: bigint;
  /** The fields every option shares, in Money. */
  money(figures: OptionFiguresBase<PlanKind>): ReturnType<typeof moneyFields>;
  outcome(outcome: OpenOutcome): RepaidOutcome | NeverRepaysOutcome;
}

const runsInMoney = (runs: readonly PenceRun[]) => runs.map((run) => ({ count: run.count, amount: fromPence(run.amount) }));

function moneyFields(figures: OptionFiguresBase<PlanKind>) {
  const { sharing } = figures;
  return {
    frequency: figures.frequency,
    interest: figures.interest,
    amountToRepay: fromPence(figures.amountToRepay),
    anchorDate: figures.anchorDate,
    ...(figures.payDay === undefined ? {} : { payDay: figures.payDay }),
    ...(figures.interestFrom ? { interestFrom: figures.interestFrom } : {}),
    instalmentCount: figures.instalmentCount,
    instalmentAmount: fromPence(figures.instalmentAmount),
    finalAmount: fromPence(figures.finalAmount),
    pattern: runsInMoney(figures.pattern),
    firstDate: figures.firstDate,
    lastDate: figures.lastDate,
    totalPaid: fromPence(figures.totalPaid),
    totalInterest: fromPence(figures.totalInterest),
    balanceAfter: fromPence(figures.balanceAfter),
    ...(sharing
      ? {
          sharing: {
            creditors: sharing.creditors.map((c) => ({ creditor: c.creditor, balance: fromPence(c.balance), interest: c.interest })),
            by: sharing.by,
            redistribute: sharing.redistribute,
            planned: runsInMoney(sharing.planned),
          },
        }
      : {}),
  };
}

export const repayingInMoney = (repaying: PenceRepaying): RepayingPayment => ({ ...repaying, amount: fromPence(repaying.amount) });

function shownFor(request: ResolvedPlanRequest, context: PlanContext): Shown {
  const words = wordsFor(request.currencySymbol);
  const { frequency } = request;
  return {
    request,
    words,
    perInstalment: context.perInstalment,
    affordableMonthly: context.request.affordableMonthly,
    tokenTotal: context.tokenTotal,
    tokenEach: context.request.token.amount,
    money: moneyFields,
    outcome(outcome) {
      if (outcome.kind !== 'never-repays') return outcome;
      const { cause, repayingPayment, payment, owedThen, interestThen } = outcome;
      const instead =
        `Paying ${words.rate(repayingPayment.amount, frequency)} would repay it within ${months(repayingPayment.termMonths)}. ` +
        'The schedule shows the first year only.';
      const message =
        cause === 'interest'
          ? `This payment never repays the balance: ${words.rate(payment, frequency)} does not cover the interest ` +
            `(${words.rate(interestThen, frequency)} on ${words.money(owedThen)}). ${instead}`
          : `This payment does not repay the balance within ${HORIZON_YEARS} years. ${instead}`;
      return { kind: 'never-repays', cause, message, repayingPayment: repayingInMoney(repayingPayment) };
    },
  };
}

function notOfferedShown({ request, words, perInstalment }: Shown, context: PlanContext, not: NotOfferedFigures): NotOffered {
  const { frequency } = request;
  const reason = (): string => {
    switch (not.why) {
      case 'below-a-penny':
        return `${words.money(request.affordableMonthly)} a month is less than a penny per ${frequency} payment, so there is no affordable payment to plan.`;
      case 'nothing-available':
        return `Nothing is available for non-priority creditors (${words.available(request.affordableMonthly)}), so there is no affordable payment to plan.`;
      case 'affordable-repays':
        return `${words.available(request.affordableMonthly)} is affordable and repays the balance: a token payment would ask for less than the customer can pay.`;
      case 'no-change':
        return 'No change in income or outgoings is expected, and no step-up was asked for.';
      case 'nothing-before-change':
        return 'Nothing is affordable before the change: give a reduced payment (a token amount, say) to plan a step-up.';
      case 'not-higher-after-change': {
        const stepUp = context.request.stepUp;
        const reduced = stepUp?.reducedPayment ?? perInstalment;
        const later = stepUp?.laterPayment ?? fromMonthly(stepUp?.laterAffordableMonthly ?? 0n, frequency);
        return (
          `The payment after the change (${words.rate(later, frequency)}) would not be higher than before it ` +
          `(${words.rate(reduced, frequency)}), so there is no step up to plan.`
        );
      }
      case 'no-settlement':
        return 'The creditor has not offered a settlement.';
      case 'nothing-to-pay':
        return `A ${String(not.discountPercent)}% discount leaves nothing to pay.`;
      case 'lump-sum-only':
        return 'The creditor allows the settlement only as one payment.';
    }
  };
  return { kind: not.kind, ...(not.variant ? { variant: not.variant } : {}), reason: reason() };
}

/** One option as people read it; `affordable`: the affordable option offered beside it, if any (a token's words name it). */
function optionShown(shown: Shown, figures: OptionFigures, affordable: OptionFigures | undefined): PlanOptionSummary {
  switch (figures.kind) {
    case 'affordable':
      return affordableShown(shown, figures);
    case 'fixed-term':
      return fixedTermShown(shown, figures);
    case 'token':
      return tokenShown(shown, figures, affordable);
    case 'step-up':
      return stepUpShown(shown, figures);
    case 'settlement':
      return settlementShown(shown, figures);
  }
}

/** The engine's proposal as people read it: what `summarisePlans` gives. */
export function proposalShown(request: ResolvedPlanRequest, context: PlanContext, proposal: PenceProposal): PlanSummaryProposal {
  const shown = shownFor(request, context);
  const affordable = proposal.options.find((option) => option.kind === 'affordable');
  return {
    request,
    affordablePerInstalment: fromPence(proposal.perInstalment),
    options: proposal.options.map((option) => optionShown(shown, option, affordable)),
    notOffered: proposal.notOffered.map((not) => notOfferedShown(shown, context, not)),
    recommended: proposal.recommended,
  };
}
