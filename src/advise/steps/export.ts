/**
 * Step 9: the agreed plan, shown first (a resumed call sees what was agreed), then the statement and
 * plan written into a folder the advisor names, or back to the plan choice.
 */
import { assess } from '../affordability.js';
import { atStep, nextStep } from '../draft.js';
import { concernsOf, withOverrideNote } from '../override.js';
import { indexOfChoice, proposeFor } from '../plans.js';
import { paragraph, signpost } from '../render.js';
import type { Session } from '../session.js';
import { askText } from '../ask.js';
import { showChosen } from './plans.js';

export const EXPORT_QUESTION = 'The plan is agreed: save it?';

export async function exportStep(session: Session): Promise<void> {
  const { services } = session;
  const affordability = assess(session.draft.statement, services);
  const { plan, override } = session.draft;
  const proposal = proposeFor(affordability, services, plan);
  const optionIndex = plan && indexOfChoice(proposal, plan);
  const option = optionIndex === undefined ? undefined : proposal.options[optionIndex];
  if (optionIndex === undefined || !option) {
    session.say('\nNo plan is chosen for this statement yet (or the one chosen is no longer offered); please choose one.');
    return session.update(atStep(session.draft, 'plans'));
  }
  const concerns = concernsOf(affordability, option);
  if (concerns.length > 0 && !override) {
    session.say('\nThis plan can only be agreed with an override and the reason for it; please agree it again.');
    return session.update(atStep(session.draft, 'plans'));
  }
  // An override given before the statement changed so that none is needed no longer applies.
  const overrideReason = concerns.length > 0 ? override?.reason : undefined;
  showChosen(session, affordability, option, true);
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
  const folder = await askText(session.prompter, 'Save the statement and plan into folder', services.defaultExportFolder);
  const written = await services.exporter.export(folder, {
    statement: overrideReason ? withOverrideNote(session.draft.statement, concerns, overrideReason) : session.draft.statement,
    affordability,
    proposal,
    optionIndex,
    asOf: services.asOf,
    ...(overrideReason ? { overrideReason } : {}),
  });
  const list = written.map(({ path, describe }) => `  ${path}: ${describe}`);
  session.say(['', services.style.heading('Saved'), ...list, '', ...signpost()].join('\n'));
  await session.update(atStep(session.draft, nextStep('export')));
}
