/**
 * Step 9: the agreed plan, shown first (a resumed call sees what was agreed), then the statement and
 * plan written into a folder the advisor names, or back to the plan choice.
 */
import { noPlanDuring } from '../../core/breathing-space.js';
import { assess } from '../affordability.js';
import { atStep, nextStep } from '../draft.js';
import { concernsOf, withOverrideNote } from '../override.js';
import { indexOfChoice, proposeFor } from '../plans.js';
import { paragraph } from '../render.js';
import type { Session } from '../session.js';
import { limitationChoicesOf, withLimitationNotes } from './limitation.js';
import { showChosen } from './plans.js';
import { saveInto } from './save.js';

export const EXPORT_QUESTION = 'The plan is agreed: save it?';

export async function exportStep(session: Session): Promise<void> {
  const { services } = session;
  // A moratorium recorded since the plan was agreed: the plan step says why there is none.
  if (noPlanDuring(session.draft.statement.breathingSpace, services.asOf)) return session.update(atStep(session.draft, 'plans'));
  // The budget exported was taken today, with the customer: its figures are worked out as dated so.
  const statement = { ...session.draft.statement, takenOn: services.asOf };
  const affordability = assess(statement, services);
  const { plan, override } = session.draft;
  const proposal = proposeFor(affordability, services, plan, limitationChoicesOf(session.draft, services.asOf));
  const possiblyBarred = proposal.request.possiblyBarred ?? [];
  const optionIndex = plan && indexOfChoice(proposal, plan);
  const option = optionIndex === undefined ? undefined : proposal.options[optionIndex];
  if (optionIndex === undefined || !option) {
    session.say('\nNo plan is chosen for this statement yet (or the one chosen is no longer offered); please choose one.');
    return session.update(atStep(session.draft, 'plans'));
  }
  const concerns = concernsOf(affordability, option, possiblyBarred);
  if (concerns.length > 0 && !override) {
    session.say('\nThis plan can only be agreed with an override and the reason for it; please agree it again.');
    return session.update(atStep(session.draft, 'plans'));
  }
  // An override given before the statement changed so that none is needed no longer applies.
  const overrideReason = concerns.length > 0 ? override?.reason : undefined;
  showChosen(session, affordability, proposal, option, true);
  if (overrideReason) session.say(['', ...paragraph(`Agreed all the same, for this reason: ${overrideReason}`)].join('\n'));
  const next = await session.prompter.select({
    message: EXPORT_QUESTION,
    choices: [
      { name: 'Save the statement and plan into a folder', value: 'save' },
      { name: 'Go back to the plan choice', value: 'plans' },
    ] as const,
    default: 'save',
    escape: 'plans',
  });
  if (next === 'plans') return session.update(atStep(session.draft, 'plans'));
  const bundle = {
    statement: withLimitationNotes(overrideReason ? withOverrideNote(statement, concerns, overrideReason) : statement, possiblyBarred),
    affordability,
    proposal,
    optionIndex,
    asOf: services.asOf,
    session: services.provenance,
    ...(overrideReason ? { overrideReason } : {}),
  };
  await saveInto(session, (folder) => services.exporter.export(folder, bundle));
  await session.update(atStep(session.draft, nextStep('export')));
}
