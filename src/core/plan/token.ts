/**
 * Option 3: a token payment (default £1 a month) until a review (default 3 months on). Accepting
 * token payments for a reasonable period is forbearance (CONC 7.3.5G(c)); it buys time to recover
 * or to find another solution, and it is never presented as repaying the balance.
 */
import { type PlanContext, type Built, sharingOf, streamOf, optionFigures, REPAID } from './context.js';
import { dueDate } from './dates.js';
import type { Shown } from './display.js';
import type { OptionFigures, TokenFigures } from './figures.js';
import { layStream, periodRate, type Stream } from './schedule.js';
import type { TokenOption } from './types.js';

/**
 * Offered when less than the token amount is available, when there is no affordable plan, or when
 * the affordable plan never repays: the cases where the recommendation may fall to it.
 */
export function tokenPlan(context: PlanContext, affordablePlan: OptionFigures | undefined): Built {
  const { request } = context;
  const short = request.affordableMonthly < context.tokenTotal || affordablePlan === undefined;
  if (!short && affordablePlan.outcome.kind !== 'never-repays') return { notOffered: { kind: 'token', why: 'affordable-repays' } };
  const { reviewAfterMonths } = request.token;
  const amount = context.tokenTotal;
  // A token is a monthly gesture whatever the pay frequency: 23p a week would help nobody. With
  // several creditors, each still owed receives the token amount: a repaid creditor's token is not
  // passed to the others, so the payment falls (docs/plans.md, "Plans across several creditors").
  const stream: Stream = {
    ...streamOf(context, [{ count: reviewAfterMonths, amount }], reviewAfterMonths, sharingOf(context, 'equal', false).sharing),
    frequency: 'monthly',
    rate: periodRate(request.interest, 'monthly'),
  };
  const laid = layStream(stream);
  const reviewDate = dueDate(request.calendar, request.start, 'monthly', reviewAfterMonths, request.payDay).due;
  const outcome = laid.balanceAfter === 0n ? REPAID : { kind: 'review' as const, reviewDate };
  return { option: optionFigures(context, { kind: 'token', affordable: amount <= request.affordableMonthly, outcome }, stream, request.interest, laid) };
}

/** A token payment as people read it. `affordable`: the option the engine offered beside it, if any. */
export function tokenShown({ request, words, money, tokenTotal, tokenEach, affordableMonthly }: Shown, figures: TokenFigures, affordable: OptionFigures | undefined): TokenOption {
  const available = () => words.available(request.affordableMonthly);
  const short = affordableMonthly < tokenTotal || affordable === undefined;
  const outcome = affordable?.outcome;
  const because = (): string =>
    short || outcome?.kind !== 'never-repays'
      ? `Little or nothing is available for non-priority creditors (${available()}): a token payment for a ` +
        'reasonable period gives time to recover or to find another solution (CONC 7.3.5G).'
      : `No affordable payment repays the balance (${
          outcome.cause === 'interest' ? 'it does not cover the interest' : 'not within 50 years'
        }): a token payment holds things while the creditor is asked to freeze interest and the customer gets free debt advice.`;
  // Wording only a person reads: made when a renderer asks for it.
  const each = () => (tokenTotal === tokenEach ? '' : ` (${words.money(request.token.amount)} to each creditor still owed)`);
  const token = () => words.money(tokenTotal);
  const { affordable: within } = figures;
  const affordabilityReason = (): string =>
    within
      ? `${token()} a month is within the ${available()} available for non-priority creditors.`
      : `Even a token payment is more than the budget shows is available (${available()}): offer it only if the ` +
        'customer agrees it can be found. The alternative is to ask creditors to pause payments (an informal ' +
        'moratorium) while the customer gets free debt advice.';

  if (figures.outcome.kind !== 'review') {
    return {
      kind: 'token',
      get label() {
        return `Token payment: ${token()} a month${each()}`;
      },
      get reason() {
        return `${because()} The balance is small enough that ${token()} a month repays it by ${figures.lastDate}, before any review.`;
      },
      affordable: within,
      get affordabilityReason() {
        return affordabilityReason();
      },
      ...money(figures),
      outcome: { kind: 'repaid' },
    };
  }
  const { reviewDate } = figures.outcome;
  const interestNote = () =>
    (request.creditors ?? [request]).some(({ interest }) => interest.kind === 'continuing' && !interest.annualRatePercent.isZero())
      ? ', and interest is still being added: ask the creditor to freeze it while token payments are made (CONC 7.3.5G(b))'
      : '';
  return {
    kind: 'token',
    get label() {
      return `Token payment: ${token()} a month${each()} until a review on ${reviewDate}`;
    },
    get reason() {
      return `${because()} ${token()} a month${each()}, reviewed on ${reviewDate}.`;
    },
    affordable: within,
    get affordabilityReason() {
      return affordabilityReason();
    },
    ...money(figures),
    outcome: {
      kind: 'review',
      reviewDate,
      get message() {
        return (
          `A token payment does not repay the balance: ${words.money(figures.balanceAfter)} will still be owed at the ` +
          `review on ${reviewDate}${interestNote()}.`
        );
      },
    },
  };
}
