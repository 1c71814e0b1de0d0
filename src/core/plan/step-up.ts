/**
 * Option 4: a reduced payment for a number of instalments, then a higher one, for a change the
 * household expects (a job starting, a loan ending). Offered only when asked for or when the
 * statement records such a change; the higher payment is checked against what will then be affordable.
 */
import { compareDates, type IsoDate } from '../date.js';
import { fromMonthly, PER_YEAR, type PaymentFrequency } from '../frequency.js';
import { add, fromPence, type Money, penniesOf, safePence } from '../money.js';
import type { ExpectedChange } from '../statement.js';
import { type PlanContext, type Built, openEnded, summaryFields } from './context.js';
import { dueDate, nominalDate } from './dates.js';
import { horizonInstalments } from './request.js';
import type { StepUpRequest } from './types.js';

export function stepUpPlan(context: PlanContext): Built {
  const { request, words, perInstalment } = context;
  const { stepUp, frequency } = request;
  if (!stepUp) {
    return {
      notOffered: { kind: 'step-up', reason: 'No change in income or outgoings is expected, and no step-up was asked for.' },
    };
  }
  const laterAffordable = fromPence(fromMonthly(safePence(stepUp.laterAffordableMonthly), frequency));
  const reduced = stepUp.reducedPayment ?? perInstalment;
  const later = stepUp.laterPayment ?? laterAffordable;
  if (reduced.isZero()) {
    return {
      notOffered: {
        kind: 'step-up',
        reason: 'Nothing is affordable before the change: give a reduced payment (a token amount, say) to plan a step-up.',
      },
    };
  }
  if (later.lte(reduced)) {
    return {
      notOffered: {
        kind: 'step-up',
        reason:
          `The payment after the change (${words.rate(later, frequency)}) would not be higher than before it ` +
          `(${words.rate(reduced, frequency)}), so there is no step up to plan.`,
      },
    };
  }

  const { stream, laid, outcome } = openEnded(context, [
    { count: stepUp.periods, amount: reduced },
    { count: 1, amount: later },
  ]);
  const fields = summaryFields(context, stream, request.interest, laid);
  const stepDate = dueDate(request.calendar, request.start, frequency, stepUp.periods, request.payDay).due;
  const problems: string[] = [];
  if (reduced.gt(perInstalment)) {
    problems.push(`the reduced ${words.rate(reduced, frequency)} is more than the ${words.rate(perInstalment, frequency)} affordable now`);
  }
  if (later.gt(laterAffordable)) {
    problems.push(
      `the later ${words.rate(later, frequency)} is more than the ${words.rate(laterAffordable, frequency)} that will then be affordable`,
    );
  }
  const affordabilityReason =
    problems.length === 0
      ? `${words.rate(reduced, frequency)} is within what is affordable now (${words.rate(perInstalment, frequency)}), and ` +
        `${words.rate(later, frequency)} within what will be affordable after the change ` +
        `(${words.rate(laterAffordable, frequency)}).`
      : `Not affordable: ${problems.join('; ')}.`;

  const change = stepUp.note ? ` (${stepUp.note})` : '';
  const reason =
    laid.count <= stepUp.periods && outcome.kind === 'repaid'
      ? `For an expected change${change}: at ${words.rate(reduced, frequency)} the balance is repaid on ${fields.lastDate}, ` +
        'before the step.'
      : `For an expected change${change}: ${words.payments(stepUp.periods, frequency)} of ${words.money(reduced)}, ` +
        `then ${words.rate(later, frequency)} from ${stepDate}` +
        (outcome.kind === 'repaid' ? ` until the balance is repaid on ${fields.lastDate}.` : `. ${outcome.message}`);

  return {
    option: {
      kind: 'step-up',
      label: `Step-up: ${words.rate(reduced, frequency)}, then ${words.rate(later, frequency)} from ${stepDate}`,
      reason,
      affordable: problems.length === 0,
      affordabilityReason,
      ...fields,
      outcome,
      reducedPayment: reduced,
      reducedCount: stepUp.periods,
      laterPayment: later,
      stepDate,
      ...(stepUp.note === undefined ? {} : { note: stepUp.note }),
    },
  };
}

/**
 * A step-up for a change recorded on a statement: the reduced payments are those due before the
 * change, and after it the monthly amount available rises by the change. Undefined when the change
 * does not increase what is available, takes effect by the first payment (nothing to step up from),
 * or is 50 years away.
 */
export function stepUpForChange(
  change: ExpectedChange,
  plan: { readonly affordableMonthly: Money; readonly frequency: PaymentFrequency; readonly start: IsoDate; readonly payDay?: number },
): StepUpRequest | undefined {
  if (!change.monthlyChange.gt(0)) return undefined;
  const horizon = horizonInstalments(PER_YEAR[plan.frequency]);
  let periods = 0;
  while (periods < horizon && compareDates(nominalDate(plan.start, plan.frequency, periods, plan.payDay), change.from) < 0) periods++;
  if (periods === 0 || periods === horizon) return undefined;
  return {
    periods,
    // The change is a monthly figure of the statement, so it is in whole pence like every other.
    laterAffordableMonthly: add(plan.affordableMonthly, penniesOf(change.monthlyChange)),
    note: change.note,
  };
}
