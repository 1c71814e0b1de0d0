/**
 * Option 4: a reduced payment for a number of instalments, then a higher one, for a change the
 * household expects (a job starting, a loan ending). Offered only when asked for or when the
 * statement records such a change; the higher payment is checked against what will then be affordable.
 */
import { compareDates, type IsoDate } from '../date.js';
import { fromMonthly, PER_YEAR, type PaymentFrequency } from '../frequency.js';
import { add, fromPence, type Money, penniesOf } from '../money.js';
import type { ExpectedChange } from '../statement.js';
import { type PlanContext, type Built, openEnded, optionFigures } from './context.js';
import { dueDate, nominalDate } from './dates.js';
import type { Shown } from './display.js';
import type { StepUpFigures } from './figures.js';
import { horizonInstalments } from './request.js';
import type { StepUpOption, StepUpRequest } from './types.js';

export function stepUpPlan(context: PlanContext): Built {
  const { request, perInstalment } = context;
  const { stepUp, frequency } = request;
  if (!stepUp) return { notOffered: { kind: 'step-up', why: 'no-change' } };
  const laterAffordable = fromMonthly(stepUp.laterAffordableMonthly, frequency);
  const reduced = stepUp.reducedPayment ?? perInstalment;
  const later = stepUp.laterPayment ?? laterAffordable;
  if (reduced === 0n) return { notOffered: { kind: 'step-up', why: 'nothing-before-change' } };
  if (later <= reduced) return { notOffered: { kind: 'step-up', why: 'not-higher-after-change' } };

  const { stream, laid, outcome } = openEnded(context, [
    { count: stepUp.periods, amount: reduced },
    { count: 1, amount: later },
  ]);
  return {
    option: Object.assign(optionFigures(context, { kind: 'step-up', affordable: reduced <= perInstalment && later <= laterAffordable, outcome }, stream, request.interest, laid), {
      reducedPayment: reduced,
      reducedCount: stepUp.periods,
      laterPayment: later,
      laterAffordable,
      stepDate: dueDate(request.calendar, request.start, frequency, stepUp.periods, request.payDay).due,
    }),
  };
}

/** A step-up as people read it. */
export function stepUpShown({ request, words, perInstalment, money, outcome: shownOutcome }: Shown, figures: StepUpFigures): StepUpOption {
  const { frequency } = request;
  const { reducedPayment: reduced, laterPayment: later, laterAffordable, stepDate, reducedCount: periods } = figures;
  const outcome = shownOutcome(figures.outcome);
  const problems: string[] = [];
  if (reduced > perInstalment) {
    problems.push(`the reduced ${words.rate(reduced, frequency)} is more than the ${words.rate(perInstalment, frequency)} affordable now`);
  }
  if (later > laterAffordable) {
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

  const note = request.stepUp?.note;
  const change = note ? ` (${note})` : '';
  const reason =
    figures.instalmentCount <= periods && outcome.kind === 'repaid'
      ? `For an expected change${change}: at ${words.rate(reduced, frequency)} the balance is repaid on ${figures.lastDate}, ` +
        'before the step.'
      : `For an expected change${change}: ${words.payments(periods, frequency)} of ${words.money(reduced)}, ` +
        `then ${words.rate(later, frequency)} from ${stepDate}` +
        (outcome.kind === 'repaid' ? ` until the balance is repaid on ${figures.lastDate}.` : `. ${outcome.message}`);

  return {
    kind: 'step-up',
    label: `Step-up: ${words.rate(reduced, frequency)}, then ${words.rate(later, frequency)} from ${stepDate}`,
    reason,
    affordable: figures.affordable,
    affordabilityReason,
    ...money(figures),
    outcome,
    reducedPayment: fromPence(reduced),
    reducedCount: periods,
    laterPayment: fromPence(later),
    stepDate,
    ...(note === undefined ? {} : { note }),
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
