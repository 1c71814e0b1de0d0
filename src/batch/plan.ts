/**
 * The plans for one account, from the plan engine: the figures of every option (no instalment lists,
 * which a batch rarely needs, and no wording, which it does not print; see `quickSummary`) and the
 * recommended one, laid out in full only when schedules are asked for.
 */
import type { GuidelineTable } from '../core/affordability/guidelines.js';
import type { IsoDate } from '../core/date.js';
import { planRequestFromStatement, quickSummary, instalmentsOf } from '../core/plan/index.js';
import type { BriefProposal, Instalment, InterestTreatment, OptionBrief } from '../core/plan/types.js';
import type { Account } from './account.js';
import { accountAffordability, accountStatement, type AccountAffordability } from './affordability.js';
import { penceToMoney } from './pence.js';

/** Frozen: the forbearance default (CONC 7.3.5G(b)). apr: the account's own rate continues. */
export type InterestChoice = 'frozen' | 'apr';
export const INTEREST_CHOICES: readonly InterestChoice[] = ['frozen', 'apr'];

export interface PlanSettings {
  readonly asOf: IsoDate;
  readonly guidelines?: GuidelineTable;
  readonly interest: InterestChoice;
  readonly schedules: boolean;
}

export interface AccountResult {
  readonly account: Account;
  readonly affordability: AccountAffordability;
  readonly proposal: BriefProposal;
  readonly recommended: OptionBrief;
  /** A person should look at this account: a flag or the recommendation asks for it. */
  readonly review: boolean;
  /** The recommended option's instalments, when schedules are asked for. */
  readonly instalments?: readonly Instalment[];
}

const FROZEN: InterestTreatment = { kind: 'frozen' };

export function planAccount(account: Account, settings: PlanSettings): AccountResult {
  const affordability = accountAffordability(
    account,
    settings.guidelines ? { table: settings.guidelines, asOf: settings.asOf } : undefined,
  );
  const interest: InterestTreatment =
    settings.interest === 'apr' && account.apr ? { kind: 'continuing', annualRatePercent: account.apr } : FROZEN;
  const request = planRequestFromStatement(accountStatement(account), penceToMoney(affordability.available), settings.asOf, {
    interest,
  });
  const proposal = quickSummary(request);
  const recommended = proposal.options[proposal.recommended.index] as OptionBrief;
  return {
    account,
    affordability,
    proposal,
    recommended,
    review: affordability.review || proposal.recommended.flagForReview,
    ...(settings.schedules ? { instalments: instalmentsOf(recommended, proposal.request.calendar) } : {}),
  };
}
