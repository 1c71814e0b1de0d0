/**
 * `fairplan advise`: the interactive advisor mode. Needs a terminal; the draft is saved after every
 * answer, so Ctrl-C (exit 130) or a crash loses nothing and `--resume FILE` carries on.
 */
import { join } from 'node:path';
import type { Command } from 'commander';
import { loadGuidelines } from '../../guidelines/load.js';
import { loadStatement } from '../../statement/load.js';
import { FairplanError } from '../../core/errors.js';
import type { CalendarRegion } from '../../core/calendar/index.js';
import type { IsoDate } from '../../core/date.js';
import { draftFrom, newDraft, type Draft } from '../../advise/draft.js';
import { loadDraft, saveDraft } from '../../advise/draft-file.js';
import { ADVISE_FILES } from '../../advise/export-files.js';
import { folderExporter } from '../../advise/export.js';
import { InquirerPrompter } from '../../advise/inquirer-prompter.js';
import { isInterrupt } from '../../advise/prompter.js';
import { runSession } from '../../advise/run.js';
import { Session, type Style } from '../../advise/session.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import type { Io } from '../io.js';
import { calendarForCurrency, calendarOption, dateOption, today } from '../options.js';

interface AdviseOptions {
  readonly draft?: string;
  readonly resume?: string;
  readonly guidelines?: string;
  readonly asOf?: IsoDate;
  readonly calendar?: CalendarRegion;
  readonly color: boolean;
}

const HELP = `
Takes a customer through their household, income, spending and debts, shows
what is affordable as you go, and agrees a repayment plan with them. Keyboard
only; works in an 80-column terminal.

The draft is saved after every answer, so nothing is lost if the call drops:
press Ctrl-C at any time and carry on later with --resume.

At the end the statement (fairplan and SFS JSON), the chosen schedule (CSV and
an iCalendar file of payment reminders) and the plan letter are saved into a
folder you name (default ./fairplan-export-<date>/).

Examples:
  $ fairplan advise
  $ fairplan advise fixtures/statements/single-renter-weekly.json
  $ fairplan advise --guidelines irs-2025
  $ fairplan advise --calendar scotland
  $ fairplan advise --resume .fairplan-drafts/advise-20261125-101500.json

Needs a terminal: for scripts use fairplan check or fairplan plan.

Exit codes:
  0    the plan was agreed and exported
  2    no terminal, a statement or draft that cannot be used, or a file
       that could not be read or written
  130  interrupted (Ctrl-C); the draft is kept`;

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

async function advise(context: CommandContext, statementFile: string | undefined, options: AdviseOptions): Promise<void> {
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
  } catch (error) {
    if (!isInterrupt(error)) {
      context.err(`The draft is kept in ${draftFile}.`);
      throw error;
    }
    context.err(`\nStopped. Nothing is lost: carry on with\n  fairplan advise --resume ${draftFile}`);
    context.exitCode = EXIT.interrupted;
  }
}

export function registerAdvise(program: Command, context: CommandContext): void {
  program
    .command('advise')
    .argument('[statement]', 'a statement to start from and review (fairplan or SFS format)')
    .description('Agree an affordable plan with a customer, step by step (interactive)')
    .option('--draft <file>', 'save the draft here (default .fairplan-drafts/advise-<time>.json)')
    .option('--resume <file>', 'carry on from a saved draft')
    .option('--guidelines <table>', 'spending guidelines to check against: irs-2025 or a guideline file')
    .option('--as-of <date>', "today's date for the plan (YYYY-MM-DD)", dateOption)
    .option(
      '--calendar <region>',
      'bank holidays for due dates: england-wales, scotland, northern-ireland, none (default: england-wales; none for a USD statement)',
      calendarOption,
    )
    .option('--no-color', 'no colours')
    .addHelpText('after', HELP)
    .action((statement: string | undefined, options: AdviseOptions) => advise(context, statement, options));
}
