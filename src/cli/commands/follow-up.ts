/**
 * `fairplan follow-up`: the nightly job that keeps agreed plans on track, kindly. The work is in
 * src/core/follow-up/ (the decisions) and src/follow-up/ (files); this file reads the options and
 * reports.
 */
import { calendarFor, DEFAULT_CALENDAR_REGION, type CalendarRegion } from '../../core/calendar/index.js';
import { FairplanError } from '../../core/errors.js';
import type { IsoDate } from '../../core/date.js';
import { DEFAULT_RULES } from '../../core/follow-up/rules.js';
import { checkOutputs, type ReadFile, type WrittenFile } from '../../io/output-check.js';
import type { Rejection } from '../../follow-up/table.js';
import type { RejectLimit } from '../../io/reject-limit.js';
import { visible } from '../../render/shared/visible.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { calendarOption, dateOption, nonNegativeIntegerOption, rejectLimitOption } from '../options.js';
import { runProvenance } from '../provenance.js';
import { checkReadable } from '../../io/read-failure.js';
import type { Provenance } from '../../core/provenance.js';
import { summaryLines, type FollowUpSummary } from '../../follow-up/summary.js';
import { FAIRPLAN_VERSION } from '../version.js';
import type { RegisterCommand } from './index.js';
import { Option } from 'commander';

const HELP = `
Examples:
  $ fairplan follow-up --arrangements fixtures/follow-up/arrangements.csv \\
      --payments fixtures/follow-up/payments.csv \\
      --customers fixtures/follow-up/customers.csv \\
      --contacts fixtures/follow-up/contacts.csv \\
      --rules fixtures/follow-up/rules.yaml --as-of 2026-03-09 \\
      -o status.csv --messages messages.csv --errors rejected.csv
  $ fairplan follow-up --book book.sqlite --as-of 2026-06-01 \\
      -o status.csv --messages messages.csv  # the book of book --help

With --book, the plans in force, payments, customers and contacts are read
from the book (fairplan book), and every message issued is recorded in it.
The same night run again issues nothing twice: a message the book holds as
issued that night is held back (already-issued) and not written to
--messages again. A night earlier than the latest night the book holds
messages for is refused (exit 2). Outputs must be files; they are published
only once the book has the messages.
See docs/nightly.md, "Running fairplan every night".

Inputs (CSV with a header row, or NDJSON if named .ndjson or .jsonl, a line
at most 1 MiB; columns in any order, others ignored):
  --arrangements  account_id, n, due, amount (as batch --schedules writes;
                  .ndjson as batch --json writes; plan --csv with account_id),
                  agreed_on (optional: payments before it do not count; without
                  it, those before one instalment interval before the first
                  due date do not)
  --payments      account_id, paid_on, amount (negative for a refund or a
                  returned payment; not 0.00), reference (optional: a
                  reference paid twice for an account counts once)
  --customers     account_id, channel (sms, email, letter, none), name,
                  mobile, email, customer_id, vulnerable (yes/no),
                  breathing_space (standard, mental-health-crisis),
                  breathing_space_end, review_on, contact_days (tue, thu),
                  contact_window (18:00-20:00), and any columns your
                  templates use
  --contacts      account_id, sent_on, message_id (messages already sent)
Column names are matched in any case, with spaces, _ or - alike
(Breathing Space End is breathing_space_end); a column named twice stops
the run.

Protecting the customer comes first. A customer row that cannot be read
keeps what it protects (an opt-out, a vulnerability, a Breathing Space)
and holds back the customer's messages; two rows for one account are read
together, the protective way; a contacts row that cannot be read counts as
a contact and holds back the customer's messages for the night; a row that
cannot be tied to an account holds back every message. Accounts sharing a
customer_id, a mobile number or an email address are one person: one
message a night at most, and the limits count all their accounts.

Statuses: on-track, ahead, behind, missed, broken, completed, paused,
review-due. Messages: reminder, missed-check-in, review-invitation,
thank-you; at most one a day and three in seven days per customer, none
on a Sunday, a bank holiday, Christmas Day, Boxing Day or New Year's Day
(whatever --calendar says), none in Breathing Space, and no reminder on or
after the due date it announces (held back as too-late). A message held
back is listed with held_back set and the reason, except one an earlier run
of the same night issued (--book): it is counted as already-issued in the
summary, and not written again. Instalments that fell due
in a Breathing Space are not missed: they and those after them move to one
plan interval after it ends.

Outputs are checked before any row is read: one that names an input (or
standard output sent to one: -o - >> payments.csv), two that name one file or
both go to standard output (-), are refused. They are written whole or not at
all: a run that fails or stops leaves earlier files as they were.

A text message holds only the firm's template words, next_due_date,
review_date, signpost and a name (name, or a column listed in name_columns
in --rules) when it is plainly one; otherwise it greets without it. A
template with a character that does not show, or a subject with a line
break, is refused. Wording that can threaten or pressure is marked
review=yes (the list: docs/follow-up-wording.md in fairplan's source).

account_id and message_id are written as they are, for a sender to match on:
an id a spreadsheet would run as a formula (starting =, +, -, @) stops a CSV
run (exit 2) before anything is written; --json writes it as it is.

Exit codes:
  0   every row was used
  1   some rows were rejected (listed in --errors, or on stderr); the others
      were used
  2   bad arguments, a missing column, invalid rules, a template that cannot
      be used, or a file that cannot be read or written
  3   nothing usable: rows were rejected and no arrangement could be read, or
      the run stopped over --max-rejects and wrote no file
  74  an output did not fit: the disk is full or a file passed the file-size
      limit (ulimit -f); no output file is left half written
  75  --book: the book is in use by another run that did not finish in time;
      nothing was written or recorded`;

interface FollowUpFlags {
  arrangements?: string;
  payments?: string;
  book?: string;
  wait: number;
  customers?: string;
  contacts?: string;
  rules?: string;
  asOf: IsoDate;
  output: string;
  messages?: string;
  errors?: string;
  summary?: string;
  json?: boolean;
  calendar?: CalendarRegion;
  maxRejects?: RejectLimit;
  quiet?: boolean;
  strict?: boolean;
  /** false with --no-contacts-log. */
  contactsLog: boolean;
}

const SHOWN_REJECTIONS = 20;

// A row of the book has no line: its file names the table (book:payments), its reason the account.
const describeRejection = (r: Rejection): string => visible(`fairplan: ${r.file}${r.line === null ? '' : `:line ${r.line}`}: ${r.reason}`);

/** What the night's figures come from, for the summary file: its inputs hashed, as a batch summary's are. */
const followUpProvenance = (context: CommandContext, flags: FollowUpFlags, calendar: string): Promise<Provenance> =>
  runProvenance(context, {
    asOf: flags.asOf,
    calendar,
    options: flags.calendar !== undefined ? { '--calendar': flags.calendar } : {},
    inputs: (['arrangements', 'payments', 'customers', 'contacts', 'rules'] as const).flatMap((role) => {
      const file = flags[role];
      return file === undefined ? [] : [{ role, file }];
    }),
  });

async function followUp(context: CommandContext, flags: FollowUpFlags): Promise<void> {
  if (flags.book !== undefined) return followUpBook(context, flags, flags.book);
  if (flags.arrangements === undefined || flags.payments === undefined) {
    throw new FairplanError('invalid-argument', `follow-up needs ${flags.arrangements === undefined ? '--arrangements FILE' : '--payments FILE'}, or --book to read the night from a book`);
  }
  // Contact limits count the log of what was sent: without it they would count nothing.
  if (flags.contacts === undefined && flags.contactsLog) {
    throw new FairplanError('invalid-argument', 'follow-up needs --contacts FILE, the log of messages already sent, to keep to the contact limits; on a first night with no log yet, give --no-contacts-log');
  }
  if (flags.contacts !== undefined && !flags.contactsLog) {
    throw new FairplanError('invalid-argument', '--contacts and --no-contacts-log cannot be given together');
  }
  const read = (path: string | undefined, what: string): ReadFile[] => (path === undefined ? [] : [{ path, what }]);
  const written = (path: string | undefined, option: string): WrittenFile[] => (path === undefined ? [] : [{ path, option }]);
  const writes = [...written(flags.output, '-o'), ...written(flags.messages, '--messages'), ...written(flags.errors, '--errors'), ...written(flags.summary, '--summary')];
  await checkOutputs({
    cwd: context.io.cwd,
    reads: [
      ...read(flags.arrangements, 'the arrangements file'),
      ...read(flags.payments, 'the payments file'),
      ...read(flags.customers, 'the customers file'),
      ...read(flags.contacts, 'the contacts log'),
      ...read(flags.rules, 'the rules file'),
    ],
    writes,
    // `-o - >> payments.csv` would write into an input as surely as `-o payments.csv`.
    ...(writes.some((file) => file.path === '-') ? { stdout: context.io.stdout } : {}),
  });
  for (const file of [flags.arrangements, flags.payments, flags.customers, flags.contacts, flags.rules]) {
    if (file !== undefined) await checkReadable(file, context.io.cwd);
  }
  const { runFollowUp } = await import('../../follow-up/run.js');
  const { settings, calendar, shown } = await nightSettings(context, flags);
  const summary = await runFollowUp(
    {
      files: {
        arrangements: flags.arrangements as string,
        payments: flags.payments as string,
        ...(flags.customers ? { customers: flags.customers } : {}),
        ...(flags.contacts ? { contacts: flags.contacts } : {}),
      },
      output: flags.output,
      ...(flags.messages ? { messages: flags.messages } : {}),
      ...(flags.errors ? { errors: flags.errors } : {}),
      ...(flags.summary ? { summary: flags.summary, provenance: await followUpProvenance(context, flags, calendar.name) } : {}),
      ...settings,
      ...(flags.strict ? { strict: true } : {}),
    },
    context.io.stdout,
  );
  finishRun(context, flags, summary, shown());
}

/** Tells how the night went, and sets the exit code. */
/**
 * What a night is judged by, from files or from the book alike: the rules and templates, the
 * calendar, the reject limit, and the rejected rows shown on stderr (counted for the closing line).
 */
async function nightSettings(context: CommandContext, flags: FollowUpFlags) {
  const { DEFAULT_TEMPLATES } = await import('../../follow-up/default-templates.js');
  const firm = flags.rules ? await (await import('../../follow-up/rules-file.js')).loadRulesFile(flags.rules) : undefined;
  const calendar = calendarFor(flags.calendar ?? DEFAULT_CALENDAR_REGION);
  let shown = 0;
  const settings = {
    json: Boolean(flags.json),
    asOf: flags.asOf,
    rules: firm?.rules ?? DEFAULT_RULES,
    templates: firm?.templates ?? DEFAULT_TEMPLATES,
    templatesSource: flags.rules ?? 'the default templates',
    ...(firm ? { nameColumns: firm.nameColumns } : {}),
    calendar,
    ...(flags.maxRejects !== undefined ? { maxRejects: flags.maxRejects } : {}),
    ...(flags.errors
      ? {}
      : {
          onRejection: (rejection: Rejection) => {
            shown++;
            if (shown <= SHOWN_REJECTIONS) context.err(describeRejection(rejection));
          },
        }),
  };
  return { settings, calendar, shown: () => shown };
}

function finishRun(context: CommandContext, flags: FollowUpFlags, summary: FollowUpSummary, shown: number): void {
  if (shown > SHOWN_REJECTIONS) context.err(`fairplan: … and ${shown - SHOWN_REJECTIONS} more rejected rows (use --errors FILE to keep them all)`);
  if (summary.stopped) {
    context.err(`fairplan: stopped: ${summary.stopped}; no output file was written`);
    context.exitCode = EXIT.nothingUsable;
    return;
  }
  if (!flags.quiet) for (const line of summaryLines(summary)) context.err(line);
  // No plan could be followed up: a nightly job must not go on as if the night's files were usable.
  context.exitCode = summary.rejected === 0 ? EXIT.ok : summary.arrangements === 0 ? EXIT.nothingUsable : EXIT.rowsRejected;
}

/**
 * The night read from the book, and the messages issued recorded in it, in one transaction with the
 * outputs: they are written in full first; the book is changed only if they were, and they take their
 * names only once the book has the messages.
 */
async function followUpBook(context: CommandContext, flags: FollowUpFlags, location: string): Promise<void> {
  for (const [given, option] of [[flags.arrangements, '--arrangements'], [flags.payments, '--payments'], [flags.customers, '--customers'], [flags.contacts, '--contacts']] as const) {
    if (given !== undefined) throw new FairplanError('invalid-argument', `--book reads the plans, payments, customers and contacts from the book: leave out ${option}`);
  }
  if (!flags.contactsLog) throw new FairplanError('invalid-argument', '--book counts the contacts the book holds: leave out --no-contacts-log');
  if (flags.messages === undefined) throw new FairplanError('invalid-argument', 'follow-up --book records the messages it issues: give --messages FILE, for the sender');
  const written = (path: string | undefined, option: string): WrittenFile[] => (path === undefined ? [] : [{ path, option }]);
  const writes = [...written(flags.output, '-o'), ...written(flags.messages, '--messages'), ...written(flags.errors, '--errors'), ...written(flags.summary, '--summary')];
  const streamed = writes.find((file) => file.path === '-');
  // What goes to standard output is published as it is written, before the book has the messages.
  if (streamed) throw new FairplanError('invalid-argument', `with --book, ${streamed.option} must name a file: an output is published only once the book has recorded the night`);
  const { bookLocation, openBook } = await import('../../book/connect.js');
  const named = bookLocation(location, context.io.env);
  const isFile = !/^[a-z][a-z0-9+.-]*:\/\//i.test(named);
  await checkOutputs({
    cwd: context.io.cwd,
    reads: [...(flags.rules ? [{ path: flags.rules, what: 'the rules file' }] : []), ...(isFile ? [{ path: named, what: 'the book' }] : [])],
    writes,
  });
  if (flags.rules !== undefined) await checkReadable(flags.rules, context.io.cwd);
  const { runFollowUp } = await import('../../follow-up/run.js');
  const { nightFromBook } = await import('../../book/night.js');
  const { inTransaction } = await import('../../book/transaction.js');
  const { settings, calendar, shown } = await nightSettings(context, flags);
  const provenance = await runProvenance(context, {
    asOf: flags.asOf,
    calendar: calendar.name,
    options: flags.calendar !== undefined ? { '--calendar': flags.calendar } : {},
    inputs: flags.rules === undefined ? [] : [{ role: 'rules', file: flags.rules }],
  });
  const book = await openBook(named, { create: false, waitSeconds: flags.wait, cwd: context.io.cwd });
  let pending: { publish(): void; abort(): Promise<void> } | undefined;
  let summary: FollowUpSummary | undefined;
  let outcome: { recorded: number; issuedEarlier: number } | undefined;
  try {
    await inTransaction(book, async (db, rollBack) => {
      const night = await nightFromBook(db, flags.asOf, {
        command: 'follow-up',
        file: flags.messages as string,
        sha256: '',
        recordedAt: context.io.now().toISOString(),
        provenance: { fairplan: FAIRPLAN_VERSION, options: { '--as-of': flags.asOf, ...(flags.rules ? { '--rules': provenance.inputs[0] } : {}) } },
      });
      const run = await runFollowUp(
        {
          files: { arrangements: book.name, payments: book.name, customers: book.name, contacts: book.name },
          source: night.source,
          onIssued: (message) => night.issue(message),
          deferPublish: true,
          output: flags.output,
          messages: flags.messages as string,
          ...(flags.errors ? { errors: flags.errors } : {}),
          ...(flags.summary ? { summary: flags.summary, provenance: { ...provenance, options: { ...provenance.options, '--book': book.name } } } : {}),
          ...settings,
        },
        context.io.stdout,
      );
      summary = run;
      pending = run.pending;
      // Stopped over --max-rejects: no output, and nothing recorded.
      if (!pending) return rollBack();
      const recorded = await night.recorded();
      outcome = { recorded, issuedEarlier: night.issuedEarlier };
    });
  } catch (error) {
    await pending?.abort();
    throw error;
  } finally {
    await book.close();
  }
  pending?.publish();
  if (outcome && !flags.quiet) {
    const { recorded, issuedEarlier } = outcome;
    context.err(`${recorded} message${recorded === 1 ? '' : 's'} issued and recorded in the book`);
    if (issuedEarlier > 0) {
      context.err(`${issuedEarlier} message${issuedEarlier === 1 ? ' was' : 's were'} issued by an earlier run of this night and ${issuedEarlier === 1 ? 'is' : 'are'} not written again`);
    }
  }
  if (summary) finishRun(context, flags, summary, shown());
}

export const registerFollowUp: RegisterCommand = (program, context) => {
  program
    .command('follow-up')
    .description('Nightly: where each agreed plan stands, and kind, lawful reminders and check-ins.')
    .option('--arrangements <file>', 'required (without --book): the agreed schedules, one row per instalment (batch --schedules output)')
    .option('--payments <file>', 'required (without --book): payments received: account_id, paid_on, amount')
    .option('--book <path-or-url>', 'read the night from a book (SQLite file or postgres://…) instead of files, and record the messages issued in it')
    .addOption(new Option('--wait <seconds>', 'with --book: how long to wait for another run to finish with the book').argParser(nonNegativeIntegerOption).default(60))
    .option('--customers <file>', 'account_id, channel, name, mobile, email, vulnerable, breathing space, contact days (see below)')
    .option('--contacts <file>', 'required (without --book): messages already sent: account_id, sent_on (a date, or a date and time with its zone), message_id')
    .option('--no-contacts-log', 'a first night, with no log of messages sent yet: the limits count only tonight\'s messages')
    .option('--rules <file>', 'YAML: grace_days, broken_after, remind_days, contact_limits, name_columns, templates')
    .requiredOption('--as-of <date>', 'required: the day the run is for (YYYY-MM-DD)', dateOption)
    .requiredOption('-o, --output <file>', 'required: one status row per arrangement (- for stdout)')
    .option('--messages <file>', 'the messages to send, and those held back with the reason')
    .option('--errors <file>', 'rows that could not be used, with file, line and reason')
    .option('--summary <file>', 'the summary as JSON')
    .option('--json', 'newline-delimited JSON instead of CSV, in every output')
    .option('--max-rejects <n|p%>', 'stop and write nothing once more than n rows, or more than p% of the rows read, are rejected', rejectLimitOption)
    .option('--calendar <region>', 'bank holidays on which nothing is sent: england-wales, scotland, northern-ireland, none (default: england-wales)', calendarOption)
    .option('--strict', 'refuse a customers column that fairplan does not read and no template uses (a misspelt "vulnerabel")')
    .option('-q, --quiet', 'no summary on stderr')
    .addHelpText('after', HELP)
    .action((flags: FollowUpFlags) => followUp(context, flags));
};
