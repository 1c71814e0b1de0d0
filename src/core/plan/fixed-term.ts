/**
 * Option 2: repay within a fixed number of months. Every configured term is shown; one that needs
 * more than is affordable is marked so, with the instalment it would need, never dropped or cut.
 */
import { subtract } from '../money.js';
import { type PlanContext, type Built, paymentWithin, summaryFields } from './context.js';
import { instalmentsIn } from './finance.js';
import { months } from './words.js';

export function fixedTermPlan(context: PlanContext, termMonths: number): Built {
  const { request, words, perInstalment } = context;
  const count = instalmentsIn(termMonths, request.frequency);
  const { instalment, stream, laid } = paymentWithin(context, count);
  const fields = summaryFields(context, stream, request.interest, laid);
  const affordable = instalment.lte(perInstalment);
  // Wording only a person reads: made when a renderer asks for it, not for every plan a batch works out.
  const needs = () => words.rate(instalment, request.frequency);
  return {
    option: {
      kind: 'fixed-term',
      termMonths,
      get label() {
        return `Repay in ${months(termMonths)}: ${needs()}`;
      },
      get reason() {
        const last = fields.finalAmount.eq(instalment) ? '' : `, the last ${words.money(fields.finalAmount)}`;
        return (
          `A fixed term for a customer who wants a set end date: ${words.payments(fields.instalmentCount, request.frequency)} ` +
          `of ${words.money(instalment)}${last}, ending on ${fields.lastDate}.`
        );
      },
      affordable,
      get affordabilityReason() {
        return affordable
          ? `${needs()} is within the ${words.rate(perInstalment, request.frequency)} found affordable.`
          : perInstalment.isZero()
            ? `Needs ${needs()}, and nothing was found affordable: shown so everyone can see what this term would take; it should not be agreed.`
            : `Needs ${needs()}, ${words.money(subtract(instalment, perInstalment))} more than the ` +
              `${words.rate(perInstalment, request.frequency)} found affordable: shown so everyone can see what this term ` +
              'would take; it should not be agreed.';
      },
      ...fields,
      outcome: { kind: 'repaid' },
    },
  };
}
