/**
 * What goes to the creditors of a plan across several: an offer letter to each and the SFS summary
 * the letters enclose. `plan --letters` writes it beside the customer's letter, and an advise
 * session's export beside the rest of what it saves, so both send the same letters.
 */
import type { Affordability } from '../../core/affordability/types.js';
import { agreedOffers } from '../../core/plan/agreed-offers.js';
import type { PlanProposal } from '../../core/plan/types.js';
import { withLetterReference, type Provenance } from '../../core/provenance.js';
import { toSfsSummaryJson } from '../../statement/sfs-summary.js';
import { creditorLetterNames, creditorSlug, renderCreditorLetter } from './creditor-letter.js';
import type { LetterOptions } from './letter.js';
import { optionAt } from './select.js';
import { renderTimeRunOutLetter } from './time-run-out-letter.js';

export interface PackFile {
  readonly name: string;
  readonly describe: string;
  readonly content: string;
}

/**
 * The letter to each creditor of the option at `optionIndex`, then the "time has run out" letter to
 * each creditor a person is reasonably sure time has run out on (see `possiblyBarredDebts`), then
 * the SFS summary offering them their part of that option's payment, as the letters do (nothing to
 * a debt left out of the offers); no files for a plan without creditors. A debt left out until it
 * is checked gets no letter at all.
 * `options`: the run's provenance, from which each letter's own reference is made, and a person's
 * reason for an option above the budget.
 */
export function creditorPack(
  proposal: PlanProposal,
  optionIndex: number,
  affordability: Affordability,
  { provenance, ...options }: Pick<LetterOptions, 'overrideReason'> & { readonly provenance?: Provenance } = {},
): PackFile[] {
  const option = optionAt(proposal, optionIndex);
  const creditors = option.creditors ?? [];
  if (creditors.length === 0) return [];
  const { statement } = affordability;
  const timeRunOut = (proposal.request.possiblyBarred ?? []).filter((p) => p.status === 'time-run-out');
  return [
    ...creditorLetterNames(option).map((name, i) => ({
      name,
      describe: `the offer letter to ${creditors[i]?.creditor}`,
      // Each letter its own reference: two creditors' letters never share one.
      content: withLetterReference(provenance, (reference) => renderCreditorLetter(proposal, optionIndex, i, { ...options, affordability, ...(reference ? { reference } : {}) })),
    })),
    ...timeRunOut.map(({ debt }, i) => ({
      // Numbered after the offer letters, so that no two letters share a name.
      name: `letter-${String(creditors.length + i + 1).padStart(2, '0')}-${creditorSlug(debt.creditor)}-time-run-out.txt`,
      describe: `the "time has run out" letter to ${debt.creditor}`,
      content: withLetterReference(provenance, (reference) =>
        renderTimeRunOutLetter({
          debt,
          ...(statement.jurisdiction ? { jurisdiction: statement.jurisdiction } : {}),
          ...(statement.customer ? { customer: statement.customer } : {}),
          on: proposal.request.asOf,
          ...(reference ? { reference } : {}),
        }),
      ),
    })),
    { name: 'sfs-summary.json', describe: 'the SFS summary the creditor letters enclose', content: toSfsSummaryJson(affordability.statement, affordability, agreedOffers(affordability, option)) },
  ];
}
