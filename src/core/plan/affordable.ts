/** Option 1: everything found affordable, at the pay frequency, until the balance is repaid. */
import { type PlanContext, type Built, openEnded, optionFigures } from './context.js';
import type { Shown } from './display.js';
import type { AffordableFigures } from './figures.js';
import type { AffordableOption } from './types.js';
import { months, termInMonths } from './words.js';

const CONVERSION = {
  weekly: '× 12 ÷ 52',
  fortnightly: '× 12 ÷ 26',
  'four-weekly': '× 12 ÷ 13',
  monthly: '',
} as const;

export function affordablePlan(context: PlanContext): Built {
  const { request, perInstalment } = context;
  if (perInstalment === 0n) return { notOffered: { kind: 'affordable', why: request.affordableMonthly > 0n ? 'below-a-penny' : 'nothing-available' } };
  const { stream, laid, outcome } = openEnded(context, [{ count: 1, amount: perInstalment }]);
  return { option: optionFigures(context, { kind: 'affordable', affordable: true, outcome }, stream, request.interest, laid) };
}

/** The affordable plan as people read it. */
export function affordableShown({ request, words, perInstalment, money, outcome }: Shown, figures: AffordableFigures): AffordableOption {
  const monthly = () => words.money(request.affordableMonthly);
  const rate = () => words.rate(perInstalment, request.frequency);
  const o = outcome(figures.outcome);
  // Wording only a person reads: made when a renderer asks for it.
  return {
    kind: 'affordable',
    get label() {
      return `Affordable plan: ${rate()}`;
    },
    get reason() {
      if (o.kind !== 'repaid') return `Pays all that is affordable, ${rate()}. ${o.message}`;
      const term = termInMonths(figures.instalmentCount, request.frequency);
      const long =
        term > request.reasonableTermMonths
          ? ` That is longer than ${months(request.reasonableTermMonths)}: review it regularly, and free debt advice ` + 'may find a better solution.'
          : '';
      return (
        `Pays all that is affordable, ${rate()}, from ${figures.firstDate} until the balance is repaid: ` +
        `${words.payments(figures.instalmentCount, request.frequency)}${request.frequency === 'monthly' ? '' : ` (about ${months(term)})`}, ` +
        `the last ${words.money(figures.finalAmount)} on ${figures.lastDate}.${long}`
      );
    },
    affordable: true,
    get affordabilityReason() {
      const conversion = CONVERSION[request.frequency];
      return (
        `${rate()} is everything found affordable: ${monthly()} a month available for non-priority creditors` +
        `${conversion ? ` ${conversion}` : ''}, rounded down to the penny.`
      );
    },
    ...money(figures),
    outcome: o,
  };
}
