/**
 * `fairplan advise`: the interactive advisor mode. Needs a terminal; the draft is saved after every
 * answer, so Ctrl-C (exit 130) or a crash loses nothing and `--resume FILE` carries on.
 */
import type { Command } from 'commander';
import type { CalendarRegion } from '../../core/calendar/index.js';
import type { IsoDate } from '../../core/date.js';
import type { CommandContext } from '../context.js';
import { calendarOption, dateOption } from '../options.js';

export interface AdviseOptions {
  readonly draft?: string;
  readonly resume?: string;
  readonly keepDraft?: boolean;
  readonly guidelines?: string;
  readonly asOf?: IsoDate;
  readonly calendar?: CalendarRegion;
  /** Who the exported letters are from, and an organisation's own letter templates. */
  readonly sender?: string;
  readonly templates?: string;
  readonly color: boolean;
}

const HELP = `
Takes a customer through their household, income, spending and debts, shows
what is affordable as you go, and agrees a repayment plan with them. Keyboard
only; works in an 80-column terminal.

Enter takes what is offered; a typed letter picks the one choice of a menu
that starts with it; Esc goes back from any question. fairplan help advise
takes the call step by step.

The draft is saved after every answer, so nothing is lost if the call drops:
press Ctrl-C at any time and carry on later with --resume. It holds the
customer's budget, so only you can read it, and it is removed once the plan
is exported (unless --keep-draft).

At the end the statement (fairplan and SFS JSON), the agreed plan (JSON), its
schedule (CSV and an iCalendar file of payment reminders), the plan letter,
an offer letter to each creditor and the SFS summary they enclose (each as
text, DOCX and PDF; see docs/letters.md) are saved into a new or empty folder
you name (default ./fairplan-export-<date>/). A plan
above what the budget shows, or any plan while a flag asks for review, is
agreed only by an override whose reason the export keeps. The draft and the
export both hold personal data.

Examples:
  $ fairplan advise                        # start from nothing
  $ fairplan advise fixtures/statements/single-renter-weekly.json  # review it
  $ fairplan advise --guidelines irs-2025  # flexible costs against a table
  $ fairplan advise --calendar scotland    # around Scottish bank holidays
  $ fairplan advise --sender fixtures/letters/sender.yaml  # who signs letters
  $ fairplan advise --resume .fairplan-drafts/advise-20261125-101500.json
  $ fairplan advise --keep-draft           # keep the draft after the export

Needs a terminal: for scripts use fairplan check or fairplan plan.

Exit codes:
  0    the plan was agreed and exported
  2    no terminal, a statement or draft that cannot be used, or a file
       that could not be read or written
  74   the draft could not be saved: the disk is full or a file passed the
       file-size limit (an export that does not fit asks for another folder)
  130  interrupted (Ctrl-C); the draft is kept`;

export function registerAdvise(program: Command, context: CommandContext): void {
  program
    .command('advise')
    .argument('[statement]', 'a statement to start from and review (fairplan or SFS format)')
    .description('Agree an affordable plan with a customer, step by step (interactive)')
    .option('--draft <file>', 'save the draft here (default .fairplan-drafts/advise-<time>.json)')
    .option('--resume <file>', 'carry on from a saved draft')
    .option('--keep-draft', 'keep the draft after the plan is exported (it is removed by default: it holds personal data)')
    .option('--guidelines <table>', 'spending guidelines to check against: irs-2025 or a guideline file')
    .option('--as-of <date>', "today's date for the plan (YYYY-MM-DD)", dateOption)
    .option(
      '--calendar <region>',
      'bank holidays for due dates: england-wales, scotland, northern-ireland, none (default: england-wales; none for a USD statement)',
      calendarOption,
    )
    .option('--sender <file>', 'who the exported letters are from (organisation, adviser, address, phone, email), a YAML or JSON file; see docs/letters.md')
    .option('--templates <folder>', "an organisation's own letter templates (creditor-offer.mustache, customer.mustache, time-run-out.mustache); see docs/letters.md")
    .option('--no-color', 'no colours')
    .addHelpText('after', HELP)
    .action(async (statement: string | undefined, options: AdviseOptions) =>
      (await import('./advise-session.js')).advise(context, statement, options),
    );
}
