/**
 * `fairplan report`: the portfolio at a glance, from a batch's results (and schedules). The figures
 * are worked out in src/report/, drawn in src/render/report/; this file reads the options and writes.
 */
import { Option } from 'commander';
import type { IsoDate } from '../../core/date.js';
import { FairplanError } from '../../core/errors.js';
import { writeFileAtomic } from '../../io/atomic-file.js';
import { columnKey } from '../../io/column-names.js';
import { checkOutputs } from '../../io/output-check.js';
import { checkReadable } from '../../io/read-failure.js';
import type { CommandContext } from '../context.js';
import { dateOption, nonNegativeIntegerOption, positiveIntegerOption, today } from '../options.js';
import type { RegisterCommand } from './index.js';

const HELP = `
Examples:
  $ fairplan batch fixtures/accounts/household-export.csv \\
      --map fixtures/accounts/household-export.map.json \\
      --date-format DD/MM/YYYY -o results.csv --schedules schedules.csv
  $ fairplan report results.csv --schedules schedules.csv --by Region \\
      -o report.html
  $ fairplan report results.csv --format md > report.md
  $ fairplan report results.csv --json > report.json
  $ fairplan report --book book.sqlite --outcomes --as-of 2026-12-01 \\
      -o outcomes.html     # the book fairplan book --help's examples fill

Reads the CSV results of fairplan batch (not --json): account_id, available,
flags, review, plan, instalment, frequency, instalments, outcome, and when
they are there, balance (the total owed: run batch with --carry balance if
its results have no balance column), plan_months (months to clear) and
review_reasons (fairplan help report tells more). Column names match in any case, with spaces, _ or -.

Figures: accounts; can pay (a plan that pays what is affordable), token (a
token payment though something is available), cannot pay (£0 or less
available); total owed; expected a month (the recommended instalments, each
frequency converted once, as batch's summary does); the median and 90th
percentile (nearest rank) of months to clear, over the plans that repay
(without a plan_months column, a plan's instalments as months, rounded up); to
review; flags; review reasons.

Charts (SVG, drawn without a browser), each with its table and a text
alternative: what is available a month; months to clear; instalments due
month by month (needs --schedules, from the same batch run: both are read
in the accounts' order); flags; each again split by every --by column (at
most 50 values each).

The HTML page is one file: no script and nothing fetched, so it opens from
disk and prints with each chart beside its table. --format md and --json
give the same figures. Both inputs are streamed: memory stays flat.

Outcomes (--outcomes, with --book or FAIRPLAN_BOOK; see docs/outcomes.md):
the book's arrangements by the month they were agreed, and the share kept,
broken, renegotiated (superseded by a later agreement), completed and paused
(Breathing Space) 3, 6 and 12 months after agreement, as follow-up would have
judged each on that day (its rules, or those of --rules); a month is counted
at a horizon once all its arrangements have reached it by --as-of. Split by
vulnerability, channel and plan kind as the book recorded them when the plan
was agreed, and by each --by customer column the book keeps. A group whose
share differs from the others' in its split by more than --threshold
percentage points (default 10), each with at least --smallest-group
arrangements (default 20), is pointed out in a sentence.

Exit codes:
  0  the report was written
  2  bad arguments, a missing column, a row that is not batch's, or a file
     that cannot be read or written`;

interface ReportFlags {
  book?: string;
  outcomes?: boolean;
  asOf?: IsoDate;
  threshold: number;
  smallestGroup: number;
  rules?: string;
  schedules?: string;
  by: string[];
  output: string;
  format: 'html' | 'md';
  json?: boolean;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

async function report(context: CommandContext, results: string | undefined, flags: ReportFlags): Promise<void> {
  if (flags.outcomes) return outcomes(context, results, flags);
  if (results === undefined) throw new FairplanError('invalid-argument', 'name the results of fairplan batch to report on, or give --outcomes to report on a book\'s arrangements');
  for (const [given, option] of [[flags.book, '--book'], [flags.asOf, '--as-of'], [flags.rules, '--rules']] as const) {
    if (given !== undefined) throw new FairplanError('invalid-argument', `${option} goes with --outcomes`);
  }
  const twice = flags.by.find((column, i) => flags.by.findIndex((other) => columnKey(other) === columnKey(column)) !== i);
  if (twice !== undefined) throw new FairplanError('invalid-argument', `--by ${twice} is given twice`);
  const output = flags.output === '-' ? undefined : flags.output;
  await checkOutputs({
    cwd: context.io.cwd,
    reads: [{ path: results, what: 'the results file' }, ...(flags.schedules === undefined ? [] : [{ path: flags.schedules, what: 'the schedules file' }])],
    writes: output === undefined ? [] : [{ path: output, option: '-o' }],
    ...(output === undefined ? { stdout: context.io.stdout } : {}),
  });
  await checkReadable(results, context.io.cwd);
  if (flags.schedules !== undefined) await checkReadable(flags.schedules, context.io.cwd);
  const { makeReport } = await import('../../report/run.js');
  const figures = await makeReport({ results, ...(flags.schedules === undefined ? {} : { schedules: flags.schedules }), by: flags.by });
  const text = flags.json
    ? (await import('../../render/report/headline.js')).reportJson(figures)
    : flags.format === 'md'
      ? await (await import('../../render/report/markdown.js')).reportMarkdown(figures)
      : await (await import('../../render/report/html.js')).reportHtml(figures);
  if (output === undefined) context.io.stdout.write(text);
  else await writeFileAtomic(output, text);
}

/** A report reads a snapshot of the book, which another run's changes do not hold up for long. */
const READ_WAIT_SECONDS = 60;

/** `--outcomes`: how the book's arrangements turned out. */
async function outcomes(context: CommandContext, results: string | undefined, flags: ReportFlags): Promise<void> {
  if (results !== undefined) throw new FairplanError('invalid-argument', `--outcomes reports on a book, not on ${results}: give --book BOOK (or set FAIRPLAN_BOOK) and no results file`);
  if (flags.schedules !== undefined) throw new FairplanError('invalid-argument', '--schedules goes with a results file, not with --outcomes');
  if (flags.threshold > 100) throw new FairplanError('invalid-argument', '--threshold is in percentage points: expected a whole number from 0 to 100', { field: '--threshold' });
  const twice = flags.by.find((column, i) => flags.by.findIndex((other) => columnKey(other) === columnKey(column)) !== i);
  if (twice !== undefined) throw new FairplanError('invalid-argument', `--by ${twice} is given twice`);
  const always = flags.by.find((column) => ['vulnerability', 'channel', 'plan_kind'].includes(columnKey(column)));
  if (always !== undefined) throw new FairplanError('invalid-argument', `--by ${always}: the outcomes are always split by vulnerability, channel and plan kind; --by names another customers column`);
  const output = flags.output === '-' ? undefined : flags.output;
  await checkOutputs({
    cwd: context.io.cwd,
    reads: flags.rules === undefined ? [] : [{ path: flags.rules, what: 'the rules file' }],
    writes: output === undefined ? [] : [{ path: output, option: '-o' }],
    ...(output === undefined ? { stdout: context.io.stdout } : {}),
  });
  const { DEFAULT_RULES } = await import('../../core/follow-up/rules.js');
  const rules = flags.rules === undefined ? DEFAULT_RULES : (await (await import('../../follow-up/rules-file.js')).loadRulesFile(flags.rules)).rules;
  const { bookLocation, openBook } = await import('../../book/connect.js');
  const { inSnapshot } = await import('../../book/transaction.js');
  const { bookArrangements } = await import('../../book/outcomes.js');
  const { makeOutcomesReport } = await import('../../report/outcomes.js');
  const book = await openBook(bookLocation(flags.book, context.io.env), { create: false, waitSeconds: READ_WAIT_SECONDS, cwd: context.io.cwd });
  let figures;
  try {
    const asOf = flags.asOf ?? today(context.io);
    figures = await inSnapshot(book, (db) =>
      makeOutcomesReport(bookArrangements(db), { book: book.name, asOf, thresholdPoints: flags.threshold, smallestGroup: flags.smallestGroup, rules, by: flags.by }),
    );
  } finally {
    await book.close();
  }
  const text = flags.json
    ? (await import('../../render/report/outcomes-words.js')).outcomesJson(figures)
    : flags.format === 'md'
      ? await (await import('../../render/report/outcomes-markdown.js')).outcomesMarkdown(figures)
      : await (await import('../../render/report/outcomes-html.js')).outcomesHtml(figures);
  if (output === undefined) context.io.stdout.write(text);
  else await writeFileAtomic(output, text);
}

export const registerReport: RegisterCommand = (program, context) => {
  program
    .command('report')
    .description('The portfolio at a glance: headline figures and charts from batch results; or, with --outcomes, how a book\'s arrangements turned out.')
    .argument('[results]', 'the CSV results of fairplan batch (not with --outcomes)')
    .option('--schedules <file>', 'the schedules of the same batch run (batch --schedules), for the cash month by month')
    .option('--by <column>', 'split every figure and chart by a column of the results, e.g. a carried Region, or with --outcomes a customers column the book keeps (repeatable)', collect, [])
    .option('--outcomes', 'report on the arrangements in a book: kept, broken, renegotiated and completed 3, 6 and 12 months after agreement')
    .option('--book <path-or-url>', 'with --outcomes: the book, a SQLite file or postgres://… (default: $FAIRPLAN_BOOK)')
    .option('--as-of <date>', 'with --outcomes: the day to report as of (default: today)', dateOption)
    .addOption(new Option('--threshold <points>', 'with --outcomes: point out a group whose share differs from the others\' by more than this many percentage points').argParser(nonNegativeIntegerOption).default(10))
    .addOption(new Option('--smallest-group <n>', 'with --outcomes: compare only groups with at least this many arrangements at a horizon').argParser(positiveIntegerOption).default(20))
    .option('--rules <file>', 'with --outcomes: the follow-up rules (grace days, broken after) to judge the plans by, as follow-up --rules')
    .option('-o, --output <file>', 'where to write the report (- for stdout)', '-')
    .addOption(new Option('--format <format>', 'html: one self-contained page; md: markdown tables').choices(['html', 'md']).default('html'))
    .option('--json', 'the figures as one JSON document instead')
    .addHelpText('after', HELP)
    .action((results: string | undefined, flags: ReportFlags) => report(context, results, flags));
};
