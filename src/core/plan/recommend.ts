/**
 * Which option fairplan recommends, by one documented rule (docs/plans.md, "Which plan fairplan recommends").
 * The first that applies:
 *   1. Less than the token amount is available (nil, negative or below it): the token payment, with
 *      its review, flagged for a person to look at.
 *   2. The affordable plan repays within the reasonable term (default 60 months): the affordable plan.
 *   3. Otherwise the shortest fixed term that is affordable (only a term longer than the reasonable
 *      term can be), flagged for review.
 *   4. Otherwise the affordable plan, if it repays at all within 50 years, flagged for review: a plan
 *      this long should be looked at again, and another debt solution may suit better.
 *   5. Otherwise (no affordable payment ever repays the balance) the token payment, flagged for
 *      review, while the creditor is asked to freeze interest and the customer gets free advice.
 * Never a settlement (CONC 7.3.10R: no pressure to pay in one or a few large payments) and never a
 * step-up (it rests on a change that has not happened yet); both stay on the list for the adviser.
 */
import type { PaymentFrequency } from '../frequency.js';
import { instalmentsIn } from './finance.js';
import type { PlanKind, PlanOutcome, Recommendation } from './types.js';
import { months, termInMonths } from './words.js';

/** What the rule looks at in an option: the engine's figures in pence, or an option as people read it. */
export interface Candidate {
  readonly kind: PlanKind;
  readonly termMonths?: number;
  readonly affordable: boolean;
  readonly frequency: PaymentFrequency;
  readonly instalmentCount: number;
  readonly outcome: { readonly kind: PlanOutcome['kind'] };
}

export interface RecommendationTerms {
  readonly reasonableTermMonths: number;
  /** Less than the token payment is available a month (nil, negative or below it). */
  readonly belowToken: boolean;
}

export function recommend(terms: RecommendationTerms, options: readonly Candidate[]): Recommendation {
  const reasonable = terms.reasonableTermMonths;
  const pick = (index: number, reason: string, flagForReview: boolean): Recommendation => {
    const option = options[index];
    if (!option) throw new Error('fairplan could not find the option it means to recommend');
    return { index, kind: option.kind, reason, flagForReview };
  };
  const token = options.findIndex((o) => o.kind === 'token');
  const affordableIndex = options.findIndex((o) => o.kind === 'affordable');
  const affordable = options[affordableIndex];

  if (terms.belowToken || !affordable) {
    return pick(
      token,
      'Little or nothing is available for non-priority creditors, so a token payment with a review is the fair ' +
        'arrangement for now (CONC 7.3.5G); free debt advice can help with what comes next.',
      true,
    );
  }
  const term = termInMonths(affordable.instalmentCount, affordable.frequency);
  if (affordable.outcome.kind === 'repaid' && affordable.instalmentCount <= instalmentsIn(reasonable, affordable.frequency)) {
    return pick(
      affordableIndex,
      `It pays what the customer can afford and repays the balance in about ${months(term)}, within the ` +
        `${months(reasonable)} fairplan treats as reasonable.`,
      false,
    );
  }
  const fixed = options.findIndex((o) => o.kind === 'fixed-term' && o.affordable);
  const fixedTerm = options[fixed]?.termMonths;
  if (fixedTerm !== undefined) {
    return pick(
      fixed,
      `Paying all that is affordable would take longer than ${months(reasonable)}; this ${months(fixedTerm)} ` +
        'term is within what is affordable and leaves some room in the budget. A plan this long should be reviewed.',
      true,
    );
  }
  if (affordable.outcome.kind === 'repaid') {
    return pick(
      affordableIndex,
      `It pays what the customer can afford, but takes about ${months(term)}, longer than the ${months(reasonable)} ` +
        'fairplan treats as reasonable: a person should review it, and free debt advice may find a better solution.',
      true,
    );
  }
  return pick(
    token,
    'No affordable payment repays the balance, so a token payment with a review, while the creditor is asked to ' +
      'freeze interest and charges (CONC 7.3.5G(b)) and the customer gets free debt advice.',
    true,
  );
}
