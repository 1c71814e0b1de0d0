/**
 * What goes to the creditors of a plan across several: an offer letter to each and the SFS summary
 * the letters enclose. `plan --letters` writes it beside the customer's letter, and an advise
 * session's export beside the rest of what it saves, so both send the same letters.
 */
import type { Affordability } from '../../core/affordability/types.js';
import { agreedOffers } from '../../core/plan/agreed-offers.js';
import type { PlanProposal } from '../../core/plan/types.js';
import { toSfsSummaryJson } from '../../statement/sfs-summary.js';
import { creditorLetterNames, renderCreditorLetter } from './creditor-letter.js';
import type { LetterOptions } from './letter.js';
import { optionAt } from './select.js';

export interface PackFile {
  readonly name: string;
  readonly describe: string;
  readonly content: string;
}

/**
 * The letter to each creditor of the option at `optionIndex`, then the SFS summary offering them
 * their part of that option's payment, as the letters do; no files for a plan without creditors.
 * `options`: the letters' provenance reference and a person's reason for an option above the budget.
 */
export function creditorPack(
  proposal: PlanProposal,
  optionIndex: number,
  affordability: Affordability,
  options: Pick<LetterOptions, 'reference' | 'overrideReason'> = {},
): PackFile[] {
  const option = optionAt(proposal, optionIndex);
  const creditors = option.creditors ?? [];
  if (creditors.length === 0) return [];
  return [
    ...creditorLetterNames(option).map((name, i) => ({
      name,
      describe: `the offer letter to ${creditors[i]?.creditor}`,
      content: renderCreditorLetter(proposal, optionIndex, i, { ...options, affordability }),
    })),
    { name: 'sfs-summary.json', describe: 'the SFS summary the creditor letters enclose', content: toSfsSummaryJson(affordability.statement, affordability, agreedOffers(affordability, option)) },
  ];
}
