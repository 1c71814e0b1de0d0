/**
 * The session `fairplan advise` runs: loaded when the command runs, so the prompts, the statement
 * readers and the exports are not loaded by every other command at start-up.
 */
import { join } from 'node:path';
import { loadGuidelines } from '../../guidelines/load.js';
import { loadStatement } from '../../statement/load.js';
import { FairplanError } from '../../core/errors.js';
import { draftFrom, newDraft, type Draft } from '../../advise/draft.js';
import { DRAFTS_FOLDER_MODE, loadDraft, removeDraft, saveDraft } from '../../advise/draft-file.js';
import { adviseFiles, ADVISE_STATEMENT_FILES } from '../../advise/export-files.js';
import { readLetterTemplates } from '../../render/letter/template-folder.js';
import { readSender } from '../../render/letter/sender.js';
import { LETTER_SPECS } from '../../render/plan/letter-templates.js';
import { folderExporter } from '../../advise/export.js';
import { createFolder } from '../../io/folder.js';
import { checkOutputs, type ReadFile } from '../../io/output-check.js';
import { InquirerPrompter } from '../../advise/inquirer-prompter.js';
import { isInterrupt } from '../../advise/prompter.js';
import { runSession } from '../../advise/run.js';
import { Session, type Style } from '../../advise/session.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import type { Io } from '../io.js';
import { invokedAs } from '../invoked-as.js';
import { whenStopped } from '../stop.js';
import { calendarForCurrency, today } from '../options.js';
import { guidelinesInput, hashInputs } from '../provenance.js';
import type { OptionValue } from '../../core/provenance.js';
import { FAIRPLAN_VERSION } from '../version.js';
import type { AdviseOptions } from './advise.js';
import { visible } from '../../render/shared/visible.js';

const DRAFTS_FOLDER = '.fairplan-drafts';

/**
 * The draft's default name, from the clock the CLI was given and the customer's name when the
 * statement started from gives it: advise-sam-green-20261125-101500.json.
 */
export function defaultDraftFile(now: Date, draft: Draft): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const name = (draft.statement.customer?.name ?? '').toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 30).replace(/-$/, '');
  return join(DRAFTS_FOLDER, `advise-${name ? `${name}-` : ''}${stamp}.json`);
}

/**
 * Where the draft goes, checked before the first question: the default drafts folder is made for
 * it, and no draft may overwrite the statement or guidelines the session reads.
 */
async function draftFileFor(io: Io, options: AdviseOptions, reads: readonly ReadFile[], draft: Draft): Promise<string> {
  const chosen = options.draft ?? options.resume;
  if (!chosen) await createFolder(DRAFTS_FOLDER, DRAFTS_FOLDER_MODE);
  const draftFile = chosen ?? defaultDraftFile(io.now(), draft);
  await checkOutputs({ reads, writes: [{ path: draftFile, option: options.draft ? '--draft' : 'the draft' }] });
  return draftFile;
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

/** A word of the command line, quoted for a POSIX shell when it needs to be. */
const shellWord = (word: string): string => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

/** The options that set the figures, so that a resumed session works them out as this one did. */
export const sameFigures = (options: AdviseOptions): string[] => [
  ...(options.guidelines !== undefined ? ['--guidelines', shellWord(options.guidelines)] : []),
  ...(options.calendar !== undefined ? ['--calendar', options.calendar] : []),
  ...(options.asOf !== undefined ? ['--as-of', options.asOf] : []),
];

/** Whose draft is being resumed, so that the advisor knows before the first question. */
export function whose(draft: Draft): string {
  const customer = draft.statement.customer;
  if (!customer) return 'Carrying on with a draft that names no customer yet.';
  return `Carrying on with the draft for ${visible(customer.name)}${customer.reference ? ` (reference ${visible(customer.reference)})` : ''}.`;
}

/** The options given that change the figures an export holds, for its provenance. */
export const adviseOptionsGiven = (options: AdviseOptions): Record<string, OptionValue> => ({
  ...(options.guidelines !== undefined ? { '--guidelines': options.guidelines } : {}),
  ...(options.calendar !== undefined ? { '--calendar': options.calendar } : {}),
});

export async function advise(context: CommandContext, statementFile: string | undefined, options: AdviseOptions): Promise<void> {
  const { io } = context;
  if (!io.stdin.isTTY || !io.stdout.isTTY) {
    throw new FairplanError(
      'invalid-argument',
      'fairplan advise asks questions, so it needs a terminal. For scripts, use "fairplan check" or "fairplan plan".',
    );
  }
  const reads = [
    ...(statementFile ? [{ path: statementFile, what: 'the statement' }] : []),
    ...(options.guidelines ? [{ path: options.guidelines, what: 'the guidelines file' }] : []),
  ];
  const draft = await startingDraft(statementFile, options.resume);
  const draftFile = await draftFileFor(io, options, reads, draft);
  const asOf = options.asOf ?? today(io);
  const guidelines = options.guidelines ? await loadGuidelines(options.guidelines) : undefined;
  // Read and checked before the call starts, not found wanting at its end.
  const sender = options.sender === undefined ? undefined : await readSender(options.sender);
  const templates = options.templates === undefined ? undefined : await readLetterTemplates(options.templates, LETTER_SPECS);
  const colour = context.stdoutChalk(!options.color).level > 0;
  const prompter = new InquirerPrompter(io.stdout, colour);
  const session = new Session(draft, prompter, {
    asOf,
    ...(guidelines ? { guidelines } : {}),
    calendar: calendarForCurrency(options.calendar, draft.statement.currency ?? 'GBP'),
    saveDraft: (d) => saveDraft(draftFile, d),
    exporter: folderExporter(
      adviseFiles({ ...(sender ? { sender } : {}), ...(templates ? { templates } : {}) }),
      [...reads, { path: draftFile, what: 'the draft' }],
      ADVISE_STATEMENT_FILES,
    ),
    provenance: {
      fairplanVersion: FAIRPLAN_VERSION,
      options: adviseOptionsGiven(options),
      inputs: await hashInputs(context, guidelinesInput(options.guidelines)),
    },
    defaultExportFolder: `./fairplan-export-${asOf}/`,
    style: styleFor(context, colour),
  });
  await session.update(draft);
  if (options.resume) prompter.say(whose(draft));
  prompter.say(`Draft saved as you go: ${draftFile}`);
  const resumeHint = `\nStopped. Nothing is lost: carry on with\n  ${invokedAs(io.env, process.argv[1], io.cwd)} advise --resume ${[draftFile, ...sameFigures(options)].join(' ')}`;
  // A kill or a closed terminal keeps the draft as Ctrl-C does, and says so the same way.
  const forget = whenStopped(() => context.err(resumeHint));
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
    context.err(resumeHint);
    context.exitCode = EXIT.interrupted;
  } finally {
    forget();
  }
}

