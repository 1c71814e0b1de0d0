/**
 * The session `fairplan advise` runs: loaded when the command runs, so the prompts, the statement
 * readers and the exports are not loaded by every other command at start-up.
 */
import { join } from 'node:path';
import { loadGuidelines } from '../../guidelines/load.js';
import { loadStatement } from '../../statement/load.js';
import { FairplanError } from '../../core/errors.js';
import { draftFrom, newDraft, type Draft } from '../../advise/draft.js';
import { loadDraft, removeDraft, saveDraft } from '../../advise/draft-file.js';
import { ADVISE_FILES } from '../../advise/export-files.js';
import { folderExporter } from '../../advise/export.js';
import { InquirerPrompter } from '../../advise/inquirer-prompter.js';
import { isInterrupt } from '../../advise/prompter.js';
import { runSession } from '../../advise/run.js';
import { Session, type Style } from '../../advise/session.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import type { Io } from '../io.js';
import { invokedAs } from '../invoked-as.js';
import { calendarForCurrency, today } from '../options.js';
import type { AdviseOptions } from './advise.js';

/** The draft's default name, from the clock the CLI was given: advise-20261125-101500.json. */
function defaultDraftFile(io: Io): string {
  const stamp = io.now().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return join('.fairplan-drafts', `advise-${stamp}.json`);
}

function styleFor(context: CommandContext, colour: boolean): Style {
  const chalk = context.stdoutChalk(!colour);
  return { heading: chalk.bold, warning: chalk.yellow, quiet: chalk.dim };
}

/** Where the session starts: a saved draft, a statement to review, or nothing. */
async function startingDraft(statementFile: string | undefined, resume: string | undefined): Promise<Draft> {
  if (statementFile && resume) {
    throw new FairplanError('invalid-argument', 'give a statement to start from, or --resume a draft, not both');
  }
  if (resume) return loadDraft(resume);
  return statementFile ? draftFrom(await loadStatement(statementFile)) : newDraft();
}

export async function advise(context: CommandContext, statementFile: string | undefined, options: AdviseOptions): Promise<void> {
  const { io } = context;
  if (!io.stdin.isTTY || !io.stdout.isTTY) {
    throw new FairplanError(
      'invalid-argument',
      'fairplan advise asks questions, so it needs a terminal. For scripts, use "fairplan check" or "fairplan plan".',
    );
  }
  const draftFile = options.draft ?? options.resume ?? defaultDraftFile(io);
  const draft = await startingDraft(statementFile, options.resume);
  const asOf = options.asOf ?? today(io);
  const guidelines = options.guidelines ? await loadGuidelines(options.guidelines) : undefined;
  const colour = context.stdoutChalk(!options.color).level > 0;
  const prompter = new InquirerPrompter(io.stdout, colour);
  const session = new Session(draft, prompter, {
    asOf,
    ...(guidelines ? { guidelines } : {}),
    calendar: calendarForCurrency(options.calendar, draft.statement.currency ?? 'GBP'),
    saveDraft: (d) => saveDraft(draftFile, d),
    exporter: folderExporter(ADVISE_FILES),
    defaultExportFolder: `./fairplan-export-${asOf}/`,
    style: styleFor(context, colour),
  });
  await session.update(draft);
  prompter.say(`Draft saved as you go: ${draftFile}`);
  try {
    await runSession(session);
    if (options.keepDraft) prompter.say(`The draft is kept in ${draftFile} (--keep-draft): it holds the customer's budget.`);
    else {
      await removeDraft(draftFile);
      prompter.say(`The draft ${draftFile} is removed: the export holds everything.`);
    }
  } catch (error) {
    if (!isInterrupt(error)) {
      context.err(`The draft is kept in ${draftFile}.`);
      throw error;
    }
    const command = invokedAs(io.env, process.argv[1], io.cwd);
    context.err(`\nStopped. Nothing is lost: carry on with\n  ${command} advise --resume ${draftFile}`);
    context.exitCode = EXIT.interrupted;
  }
}

