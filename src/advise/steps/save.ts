/**
 * Saving into a folder the advisor names, shared by the export step and the statement saved when no
 * plan can be agreed.
 */
import { renderError } from '../../render/shared/error.js';
import { isFairplanError } from '../../core/errors.js';
import { paragraph, signpost } from '../render.js';
import type { Session } from '../session.js';
import type { Saved, Written } from '../export.js';

const FOLDER_QUESTION = 'Save the statement and plan into folder';

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

/**
 * Asks for a folder and writes into it with `write`, until it is written: something the question
 * could not see coming (the folder changed since, the export would overwrite the statement, the disk
 * is full) is said plainly, and the question asked again. Then says what was saved, with the signpost.
 */
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
