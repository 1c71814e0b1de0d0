/**
 * Naming the options of a proposal, so a person can ask for one on the command line
 * (`--schedule fixed-term-24`) and every renderer calls it the same.
 */
import { FairplanError } from '../../core/errors.js';
import type { PlanKind, PlanOptionSummary, Proposal, SettlementVariant } from '../../core/plan/types.js';
import { closest } from '../../core/suggest.js';

/** `affordable`, `fixed-term-24`, `token`, `step-up`, `settlement-lump-sum`, `settlement-instalments`. */
export function optionKey(option: { readonly kind: PlanKind; readonly termMonths?: number; readonly variant?: SettlementVariant }): string {
  switch (option.kind) {
    case 'fixed-term':
      return `fixed-term-${option.termMonths}`;
    case 'settlement':
      return `settlement-${option.variant}`;
    default:
      return option.kind;
  }
}

/**
 * The index of the option named by `name`: its key (`fixed-term-24`), or its kind (`fixed-term`,
 * the first of that kind). Refuses a name that matches nothing, listing the options there are.
 */
export function findOption(proposal: Proposal<PlanOptionSummary>, name: string): number {
  const wanted = name.trim().toLowerCase();
  const keys = proposal.options.map(optionKey);
  const byKey = keys.indexOf(wanted);
  if (byKey >= 0) return byKey;
  const byKind = proposal.options.findIndex((option) => option.kind === wanted);
  if (byKind >= 0) return byKind;
  const hint = closest(wanted, keys);
  throw new FairplanError(
    'invalid-argument',
    `"${name}" is not one of the options offered; ${hint ? `did you mean "${hint}"? ` : ''}options: ${keys.join(', ')}`,
    { field: 'schedule' },
  );
}

/** The option at `index` (a recommendation or a `findOption` answer); a bad index is a fault in the caller. */
export function optionAt<O extends PlanOptionSummary>(proposal: Proposal<O>, index: number): O {
  const option = proposal.options[index];
  if (!option) throw new RangeError(`there is no option ${index}: the proposal has ${proposal.options.length}`);
  return option;
}
