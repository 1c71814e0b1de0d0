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
  const monthly = words.money(request.affordableMonthly);
  if (perInstalment.isZero()) {
    return {
      notOffered: {
        kind: 'affordable',
        reason: request.affordableMonthly.gt(0)
          ? `${monthly} a month is less than a penny per ${request.frequency} payment, so there is no affordable payment to plan.`
          : `Nothing is available for non-priority creditors (${words.available(request.affordableMonthly)}), so there is no affordable payment to plan.`,
      },
    };
  }

  const { stream, laid, outcome } = openEnded(context, [{ count: 1, amount: perInstalment }]);
  const fields = summaryFields(context, stream, request.interest, laid);
  const rate = words.rate(perInstalment, request.frequency);
  const conversion = CONVERSION[request.frequency];
  const affordabilityReason =
    `${rate} is everything found affordable: ${monthly} a month available for non-priority creditors` +
    `${conversion ? ` ${conversion}` : ''}, rounded down to the penny.`;

  let reason: string;
  if (outcome.kind === 'repaid') {
    const term = termInMonths(laid.count, request.frequency);
    reason =
      `Pays all that is affordable, ${rate}, from ${fields.firstDate} until the balance is repaid: ` +
      `${words.payments(laid.count, request.frequency)}${request.frequency === 'monthly' ? '' : ` (about ${months(term)})`}, ` +
      `the last ${words.money(laid.finalAmount)} on ${fields.lastDate}.`;
    if (term > request.reasonableTermMonths) {
      reason +=
        ` That is longer than ${months(request.reasonableTermMonths)}: review it regularly, and free debt advice ` +
        'may find a better solution.';
    }
  } else {
    reason = `Pays all that is affordable, ${rate}. ${outcome.message}`;
  }

  return {
    option: {
      kind: 'affordable',
      label: `Affordable plan: ${rate}`,
      reason,
      affordable: true,
      affordabilityReason,
      ...fields,
      outcome,
    },
  };
}
