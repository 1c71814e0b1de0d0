/** Option 1: everything found affordable, at the pay frequency, until the balance is repaid. */
import { type PlanContext, type Built, openEnded, summaryFields } from './context.js';
import { months, termInMonths } from './words.js';

const CONVERSION = {
  weekly: '× 12 ÷ 52',
  fortnightly: '× 12 ÷ 26',
  'four-weekly': '× 12 ÷ 13',
  monthly: '',
} as const;

export function affordablePlan(context: PlanContext): Built {
  const { request, words, perInstalment } = context;
  const monthly = () => words.money(request.affordableMonthly);
  if (perInstalment.isZero()) {
    return {
      notOffered: {
        kind: 'affordable',
        reason: request.affordableMonthly.gt(0)
          ? `${monthly()} a month is less than a penny per ${request.frequency} payment, so there is no affordable payment to plan.`
          : `Nothing is available for non-priority creditors (${words.available(request.affordableMonthly)}), so there is no affordable payment to plan.`,
      },
    };
  }

  const { stream, laid, outcome } = openEnded(context, [{ count: 1, amount: perInstalment }]);
  const fields = summaryFields(context, stream, request.interest, laid);
  // Wording only a person reads: made when a renderer asks for it, not for every plan a batch works out.
  const rate = () => words.rate(perInstalment, request.frequency);
  return {
    option: {
      kind: 'affordable',
      get label() {
        return `Affordable plan: ${rate()}`;
      },
      get reason() {
        if (outcome.kind !== 'repaid') return `Pays all that is affordable, ${rate()}. ${outcome.message}`;
        const term = termInMonths(laid.count, request.frequency);
        const long =
          term > request.reasonableTermMonths
            ? ` That is longer than ${months(request.reasonableTermMonths)}: review it regularly, and free debt advice ` + 'may find a better solution.'
            : '';
        return (
          `Pays all that is affordable, ${rate()}, from ${fields.firstDate} until the balance is repaid: ` +
          `${words.payments(laid.count, request.frequency)}${request.frequency === 'monthly' ? '' : ` (about ${months(term)})`}, ` +
          `the last ${words.money(laid.finalAmount)} on ${fields.lastDate}.${long}`
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
      ...fields,
      outcome,
    },
  };
}
