/**
 * Step 9: the agreed plan, shown first (a resumed call sees what was agreed), then the statement and
 * plan written into a folder the advisor names, or back to the plan choice.
 */
import { renderError } from '../../render/shared/error.js';
import { noPlanDuring } from '../../core/breathing-space.js';
import { isFairplanError } from '../../core/errors.js';
import { assess } from '../affordability.js';
import { atStep, nextStep } from '../draft.js';
import { concernsOf, withOverrideNote } from '../override.js';
import { indexOfChoice, proposeFor } from '../plans.js';
import { paragraph, signpost } from '../render.js';
import type { Session } from '../session.js';
import type { Saved, Written } from '../export.js';
import { limitationChoicesOf, withLimitationNotes } from './limitation.js';
import { showChosen } from './plans.js';

export const EXPORT_QUESTION = 'The plan is agreed: save it?';
export const FOLDER_QUESTION = 'Save the statement and plan into folder';

/** The export folder, checked while the question is open: one the export cannot go into gets a hint. */
async function askFolder(session: Session, fallback: string, message: string): Promise<string> {
  const answer = await session.prompter.input({
    message,
    default: fallback,
    validate: async (text) => {
      const folder = text.trim();
      if (folder === '') return 'Please name a folder';
      const problem = await session.services.exporter.problem(folder);
      return problem ? `${folder}: ${problem}; please name another folder` : true;
    },
  });
  return answer.trim();
}

/**
 * Asks for a folder and writes into it with `write`, until it is written: something the question
 * could not see coming (the folder changed since, the export would overwrite the statement, the disk
 * is full) is said plainly, and the question asked again. Then says what was saved, with the signpost.
 */
/** What was saved, a line each; a letter written in several formats is one line: "…/letter.txt, .docx, .pdf: the letter for the customer". */
function savedLines(written: readonly Written[]): string[] {
  const lines: { path: string; formats: string[]; describe: string }[] = [];
  const base = (path: string) => path.replace(/\.[^./]+$/, '');
  for (const { path, describe } of written) {
    const last = lines.at(-1);
    if (last && last.describe === describe && base(last.path) === base(path)) last.formats.push(path.slice(base(path).length));
    else lines.push({ path, formats: [], describe });
  }
  return lines.map(({ path, formats, describe }) => `  ${[path, ...formats].join(', ')}: ${describe}`);
}

export async function saveInto(session: Session, write: (folder: string) => Promise<Saved>, message = FOLDER_QUESTION): Promise<void> {
  let fallback = session.services.defaultExportFolder;
  for (;;) {
    const folder = await askFolder(session, fallback, message);
    try {
      const written = await write(folder);
      const list = savedLines(written);
      // A gap a letter shows (the customer's address, the sender's telephone) is said before anything is sent.
      const gaps = (written.warnings ?? []).flatMap((warning) => paragraph(`Before sending: ${warning}`).map((line) => session.services.style.warning(line)));
      session.say(['', session.services.style.heading('Saved'), ...list, ...(gaps.length > 0 ? ['', ...gaps] : []), '', ...signpost()].join('\n'));
      return;
    } catch (error) {
      if (!isFairplanError(error)) throw error;
      session.say(session.services.style.warning(renderError(error).join('\n')));
      fallback = folder;
    }
  }
}

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
