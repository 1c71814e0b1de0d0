/**
 * Option 2: repay within a fixed number of months. Every configured term is shown; one that needs
 * more than is affordable is marked so, with the instalment it would need, never dropped or cut.
 */
import { type PlanContext, type Built, paymentWithin, optionFigures, REPAID } from './context.js';
import type { Shown } from './display.js';
import type { FixedTermFigures } from './figures.js';
import { instalmentsIn } from './finance.js';
import type { FixedTermOption } from './types.js';
import { months } from './words.js';

export function fixedTermPlan(context: PlanContext, termMonths: number): Built {
  const { request, perInstalment } = context;
  const { instalment, stream, laid } = paymentWithin(context, instalmentsIn(termMonths, request.frequency));
  return {
    option: Object.assign(optionFigures(context, { kind: 'fixed-term', affordable: instalment <= perInstalment, outcome: REPAID }, stream, request.interest, laid), {
      termMonths,
      payment: instalment,
    }),
  };
}

/** A fixed term as people read it. */
export function fixedTermShown({ request, words, perInstalment, money }: Shown, figures: FixedTermFigures): FixedTermOption {
  const { termMonths, affordable, payment: instalment } = figures;
  const needs = () => words.rate(instalment, request.frequency);
  // Wording only a person reads: made when a renderer asks for it.
  return {
    kind: 'fixed-term',
    termMonths,
    get label() {
      return `Repay in ${months(termMonths)}: ${needs()}`;
    },
    get reason() {
      const last = figures.finalAmount === instalment ? '' : `, the last ${words.money(figures.finalAmount)}`;
      return (
        `A fixed term for a customer who wants a set end date: ${words.payments(figures.instalmentCount, request.frequency)} ` +
        `of ${words.money(instalment)}${last}, ending on ${figures.lastDate}.`
      );
    },
    affordable,
    get affordabilityReason() {
      return affordable
        ? `${needs()} is within the ${words.rate(perInstalment, request.frequency)} found affordable.`
        : perInstalment === 0n
          ? `Needs ${needs()}, and nothing was found affordable: shown so everyone can see what this term would take; it should not be agreed.`
          : `Needs ${needs()}, ${words.money(instalment - perInstalment)} more than the ` +
            `${words.rate(perInstalment, request.frequency)} found affordable: shown so everyone can see what this term ` +
            'would take; it should not be agreed.';
    },
    ...money(figures),
    outcome: { kind: 'repaid' },
  };
}
