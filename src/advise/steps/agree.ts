/**
 * Agreeing the chosen plan. A plan that needs an override (override.ts) is never agreed with one
 * Enter: a second question defaults to No, then the advisor types the reason, which the export
 * keeps. Both answers are saved as they are given, so a dropped call carries on where it stopped.
 */
import type { Affordability } from '../../core/affordability/types.js';
import type { PossiblyBarredDebt } from '../../core/time-limits.js';
import { askReason } from '../ask.js';
import { agreed, withoutPending } from '../draft.js';
import { ABOVE_BUDGET, concernsOf } from '../override.js';
import { paragraph } from '../render.js';
import type { Session } from '../session.js';
import { askCarryingOn } from './item.js';

export const OVERRIDE_QUESTION = 'Agree it all the same?';
export const REASON_QUESTION = 'Why is it agreed all the same? (kept in the export; leave empty to go back)';

/** Agrees the plan, or leaves it unagreed when the advisor does not confirm the override. */
export async function agreePlan(session: Session, affordability: Affordability, option: { readonly affordable: boolean }, possiblyBarred?: readonly PossiblyBarredDebt[]): Promise<void> {
  const concerns = concernsOf(affordability, option, possiblyBarred);
  if (concerns.length === 0) return session.update(agreed(session.draft));
  const { style } = session.services;
  const pressure = concerns.includes(ABOVE_BUDGET) ? ' Nobody should be pressed to pay more than they can afford (CONC 7.3.10R).' : '';
  session.say(['', ...paragraph(`Agreeing this plan needs an override: ${concerns.join('; and ')}.${pressure}`).map((l) => style.warning(l))].join('\n'));
  const override = await askCarryingOn(session, 'override', 'agreeing the plan', async (prompter) => {
    if (!(await prompter.confirm({ message: OVERRIDE_QUESTION, default: false }))) return undefined;
    // Yes is not final: an empty reason goes back without agreeing.
    const reason = await askReason(prompter, REASON_QUESTION, session.draft.override?.reason);
    return reason === '' ? undefined : { reason };
  });
  await session.update(override ? agreed(session.draft, override) : withoutPending(session.draft));
}
