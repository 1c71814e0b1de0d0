/**
 * Instead of the plan options, during a mental health crisis Breathing Space with no end recorded:
 * no payment can be asked for until it ends, so there is no plan to agree. The advisor can save the
 * statement (fairplan JSON, and the SFS with no offers) for the review when it ends, or go back.
 */
import type { Affordability } from '../../core/affordability/types.js';
import { atStep, nextStep } from '../draft.js';
import { paragraph } from '../render.js';
import type { Session } from '../session.js';
import { saveInto } from './save.js';
import { goBack } from './navigate.js';

export const NO_PLAN_QUESTION = 'No plan can be agreed yet: save the statement?';
export const STATEMENT_FOLDER_QUESTION = 'Save the statement into folder';

export async function noPlanStep(session: Session, affordability: Affordability, reason: string): Promise<void> {
  const { services } = session;
  session.say(['', services.style.heading('No plan until the moratorium ends'), ...paragraph(reason)].join('\n'));
  const next = await session.prompter.select({
    message: NO_PLAN_QUESTION,
    choices: [
      { name: 'Save the statement (fairplan JSON and SFS, no plan) into a folder', value: 'save' },
      { name: 'Go back to another part', value: 'back' },
    ] as const,
    default: 'save',
    escape: 'back',
  });
  if (next === 'back') return goBack(session);
  const bundle = { statement: { ...session.draft.statement, takenOn: services.asOf }, affordability, asOf: services.asOf };
  await saveInto(session, (folder) => services.exporter.exportStatement(folder, bundle), STATEMENT_FOLDER_QUESTION);
  // Past the plan and its export: the session ends here.
  await session.update(atStep(session.draft, nextStep('export')));
}
