/** Step 9: the agreed plan and the statement, written into a folder the advisor names. */
import { assess } from '../affordability.js';
import { atStep, nextStep } from '../draft.js';
import { indexOfChoice, proposeFor } from '../plans.js';
import { signpost } from '../render.js';
import type { Session } from '../session.js';
import { askText } from '../ask.js';

export async function exportStep(session: Session): Promise<void> {
  const { services } = session;
  const affordability = assess(session.draft.statement, services);
  const { plan } = session.draft;
  const proposal = proposeFor(affordability, services, plan);
  const optionIndex = plan && indexOfChoice(proposal, plan);
  if (optionIndex === undefined) {
    session.say('\nNo plan is chosen for this statement yet (or the one chosen is no longer offered); please choose one.');
    return session.update(atStep(session.draft, 'plans'));
  }
  const folder = await askText(session.prompter, 'Save the statement and plan into folder', services.defaultExportFolder);
  const written = await services.exporter.export(folder, {
    statement: session.draft.statement,
    affordability,
    proposal,
    optionIndex,
    asOf: services.asOf,
  });
  const list = written.map(({ path, describe }) => `  ${path}: ${describe}`);
  session.say(['', services.style.heading('Saved'), ...list, '', ...signpost()].join('\n'));
  await session.update(atStep(session.draft, nextStep('export')));
}
