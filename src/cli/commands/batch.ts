/**
 * `fairplan batch`: affordability and a recommended plan for every account in a CSV export, for
 * analysts and nightly jobs. The work is in src/batch/; this file reads the options and reports.
 */
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Option } from 'commander';
import type { IsoDate } from '../../core/date.js';
import { FairplanError } from '../../core/errors.js';
import { checkOutputs, type ReadFile, type WrittenFile } from '../../io/output-check.js';
import type { Rejection } from '../../batch/account.js';
import type { Field } from '../../batch/fields.js';
import { parseDelimiter } from '../../io/delimiter.js';
import { parseColumnOption, resolveColumns, type Carry, type ColumnNames } from '../../batch/mapping.js';
import { DEFAULT_INTEREST, INTEREST_CHOICES, type InterestChoice } from '../../batch/plan.js';
import { calendarFor, type CalendarRegion } from '../../core/calendar/index.js';
import type { Jurisdiction } from '../../core/statement.js';
import { householdDefaults, readJurisdiction } from '../../batch/household-fields.js';
import type { RejectLimit } from '../../io/reject-limit.js';
import type { BatchOptions } from '../../batch/run.js';
import { summaryLines } from '../../batch/summary.js';
import { visible } from '../../render/shared/visible.js';
import type { CommandContext } from '../context.js';
import { guidelinesInput, runProvenance } from '../provenance.js';
import type { OptionValue } from '../../core/provenance.js';
import type { GuidelineSource } from '../../core/affordability/guidelines.js';
import { EXIT } from '../exit-codes.js';
import { calendarOption, dateOption, nonNegativeIntegerOption, positiveIntegerOption, rejectLimitOption, today, usage } from '../options.js';
import { parseDateFormat } from '../../batch/date-format.js';
import { columnKey } from '../../io/column-names.js';
import { writeFileAtomic } from '../../io/atomic-file.js';
import type { Readable } from 'node:stream';
import { ProgressDisplay } from '../progress-display.js';
import { whenStopped } from '../stop.js';
import type { RegisterCommand } from './index.js';

const HELP = `
Examples:
  $ fairplan batch fixtures/accounts/sample-accounts.csv -o results.csv \\
      --errors rejected.csv --as-of 2026-01-05
  $ fairplan batch fixtures/accounts/bank-export-semicolon.csv \\
      --map fixtures/accounts/bank-export.map.json --carry-all -o results.csv
  $ fairplan batch fixtures/accounts/household-export.csv --json \\
      --map fixtures/accounts/household-export.map.json \\
      --date-format DD/MM/YYYY > results.ndjson
  $ cat fixtures/accounts/sample-accounts.csv | fairplan batch - -q \\
      --schedules schedules.csv > results.csv
  $ fairplan batch fixtures/accounts/sample-accounts.csv -o results.csv \\
      --summary summary.json -q
  $ fairplan batch fixtures/accounts/bank-export-semicolon.csv \\
      --delimiter semicolon --init-map -o export.map.json
  $ fairplan batch fixtures/accounts/bank-export-semicolon.csv \\
      --map export.map.json --column customer_name=Branch --dry-run 5

Columns (default names; rename with --map or --column field=Header):
  account_id, customer_name (optional), balance, apr (optional),
  monthly_income, housing, council_tax, utilities, food, transport,
  other_expenses, pay_frequency, next_pay_date,
  breathing_space_end (optional: the last day of a Breathing Space),
  last_payment_date (optional: the last payment or written acknowledgement)
Household (optional; a blank cell or no column takes the default, and the
row's defaults_used column names it): adults (default 1), children (0),
tenure (owner, mortgage, living-with-parents, tenant-private, tenant-social,
other; default other), jurisdiction (england-wales, scotland,
northern-ireland; default --jurisdiction). Values are read in any case and
punctuation, as exports often write them (Council tenant, Owner occupier,
N. Ireland, Scot.); a mapping's "values" names a column's own words:
  "tenure": {"column": "Housing", "values": {"Lodger": "tenant-private"}}
A value still not understood takes the default too (never a rejection), and
the run counts such values per column on stderr and in the summary
(unknownValues). A row's due dates move around its jurisdiction's bank
holidays; a row that records none, around --calendar's.
An account whose last payment is more than six years old (five in Scotland)
may be statute-barred: it is offered nothing (outcome possibly-statute-barred,
instalment 0.00, no schedule), the customer's other accounts share what is
available under --group-by, and the summary counts it (docs/statute-barred.md).
Amounts are monthly unless the mapping says otherwise. In a mapping file an
amount field may name several columns, which are added up, each with its own
frequency, converted to a month and rounded to the penny one by one:
  "utilities": ["Energy", "Water"],
  "monthly_income": [{"column": "Weekly wage", "frequency": "weekly"}]
Keys starting // are notes. --init-map writes a mapping guessed from the
header (to -o or stdout), with the household values it saw, and exits 4 if it
leaves a needed field "?" for you to decide; --dry-run N shows what each field
reads from the first N rows and writes nothing. A date that proves
--date-format wrong (25/03/2026 read as MM/DD/YYYY) stops the run, naming the
format that reads it; so do dates no format given reads, or that read as
DD/MM/YYYY and MM/DD/YYYY alike. A column that holds amounts (most of its
non-empty cells are money) but is neither read nor carried, judged on every
row, is named on stderr at the end and in the summary (unmappedColumns);
--strict then fails the run and writes nothing. Counts, ages and ids are not
amounts: a header such as Age, Dependants, Number of..., ... ID, or whole
numbers up to 120 under a header that names no income or outgoing
(docs/batch-mapping.md). A rejected row names the export's column.

Results (CSV): account_id, carried columns, monthly_income, expenditure,
surplus, available, flags, review, plan, instalment, frequency,
instalments, first_date, last_date, total, outcome, alternatives, balance,
review_reasons, plan_months (blank if it does not repay), then for each
option (affordable, fixed_term_12, _24, _36, _60, token) OPTION_instalment,
OPTION_instalments and OPTION_is_affordable (blank when not offered), and
defaults_used (the household fields taken by default, e.g. tenure;jurisdiction).
Rejected rows (--errors) have rejected_line, rejected_field (the export's
column), rejected_reason and rejected_code (e.g. missing-value,
invalid-amount, invalid-date, invalid-frequency: docs/batch-mapping.md); the
end of the run counts them by code on stderr ("Rejected 12 rows: 9
invalid-amount, 3 invalid-date"). Amounts are plain numbers with two decimals;
--bom starts each CSV file with a byte-order mark so Excel reads £ and accents.

--summary writes the run as JSON: rows read, written and rejected, rejected
rows by code (rejectedByCode), accounts by flag and by recommended plan, the
totals of balances and instalments, and the provenance (fairplan and rules
versions, as-of date, options given, SHA-256 of each input file) that every
--json record carries too. From stdin, records
carry a null hash for the input; the summary carries the hash of what was read.

Every row read is written or rejected; a rejected row is reported with its
line, account, field and reason, and the run goes on. An account_id met
before is rejected, naming the line it was first on (the account is planned
once); so is one a spreadsheet would run as a formula (=, +, -, @), as ids
are never changed in the results. Output files appear
whole or not at all; they are checked before any row is read, and one that
names the input or another output, or has no folder to go into, is refused.
Stopped (Ctrl-C, kill, a closed terminal), the run leaves earlier files as
they were.

At a terminal, a progress bar on stderr shows how far the run has got (for a
file: percent, rows/s and time left); none when stderr is piped or with -q.

Exit codes:
  0   every row was written
  1   some rows were rejected; the others were written
  2   bad arguments, a missing column, a file that cannot be read or written,
      or a worker out of memory; every one of the first rows rejected for one
      column; a date that proves --date-format wrong, or dates it cannot
      tell DD/MM from MM/DD in; a mapping file that is not one
      (invalid-mapping); with --strict, an amount column unread (judged on
      every row, so the run ends before any file is written)
  3   nothing usable: every row was rejected (the results then hold a
      header only, and --errors every row with its reason), or the run
      stopped at a rejected row (--strict) or over --max-rejects and wrote
      no file (earlier files are as they were)
  4   --init-map wrote the mapping, but left needed fields "?" (named on
      stderr) for you to decide before a run
  74  an output did not fit: the disk is full or a file passed the file-size
      limit (ulimit -f); no output file is left half written`;

/**
 * Not a commander usage error: commander would quote the value as typed, and a line break typed
 * there would break the one line the error gets.
 */
function delimiterOption(value: string): string {
  try {
    return parseDelimiter(value);
  } catch (error) {
    throw error instanceof FairplanError ? new FairplanError(error.code, error.message, { field: '--delimiter' }) : error;
  }
}

const jurisdictionOption = (value: string): Jurisdiction => usage(() => readJurisdiction(value));

/** Not a commander usage error, for the reason delimiterOption gives. */
const dateFormatOption = (value: string): string => parseDateFormat(value);

const columnOption = (value: string, previous: [Field, string][] = []): [Field, string][] =>
  usage(() => [...previous, parseColumnOption(value)]);

interface BatchFlags {
  output?: string;
  schedules?: string;
  errors?: string;
  summary?: string;
  json?: boolean;
  map?: string;
  column?: [Field, string][];
  carry?: string;
  carryAll?: boolean;
  delimiter?: string;
  asOf?: IsoDate;
  interest: InterestChoice;
  guidelines?: string;
  groupBy?: string;
  workers?: number;
  maxRejects?: RejectLimit;
  strict?: boolean;
  quiet?: boolean;
  dateFormat?: string;
  bom?: boolean;
  initMap?: boolean;
  dryRun?: number;
  jurisdiction?: Jurisdiction;
  calendar?: CalendarRegion;
}

const SHOWN_REJECTIONS = 20;

// One worker plans while this thread reads and writes: with a second core free, a run was about a
// third faster; more workers gained nothing on 2 cores and cost memory (docs/performance-history.md).
const DEFAULT_WORKERS = availableParallelism() > 1 ? 1 : 0;

/** The progress bar, shown only to a person at a terminal; by bytes when the input's size is known. */
async function progressDisplay(context: CommandContext, input: string): Promise<ProgressDisplay> {
  const now = (): number => context.io.now().getTime();
  // Known for a regular file, not for stdin or a pipe. A file that cannot be read is reported by
  // the run itself, with the reason.
  const stats = input === '-' ? undefined : await stat(input).catch(() => undefined);
  return new ProgressDisplay({ stream: context.io.stderr, now, ...(stats?.isFile() ? { totalBytes: stats.size } : {}) });
}

/** A rejected row for the terminal: the id and reason come from the file, so they are made visible. */
function describeRejection(file: string, rejection: Rejection): string {
  const account = rejection.accountId ? ` account ${rejection.accountId}:` : '';
  return visible(`${file}:line ${rejection.line}:${account} ${rejection.reason}`);
}

/**
 * Refuses, before anything is read or written, outputs that would overwrite a file the run reads or
 * each other, or that cannot be written (see src/io/output-check.ts).
 */
async function checkBatchOutputs(context: CommandContext, input: string, flags: BatchFlags): Promise<void> {
  const outputs = [
    { option: '-o', path: flags.output ?? '-' },
    { option: '--schedules', path: flags.schedules },
    { option: '--errors', path: flags.errors },
    { option: '--summary', path: flags.summary },
  ].filter((o): o is WrittenFile => o.path !== undefined);
  const read = (path: string | undefined, what: string): ReadFile[] => (path === undefined || path === '-' ? [] : [{ path, what }]);
  await checkOutputs({
    cwd: context.io.cwd,
    reads: [...read(input, 'the input file'), ...read(flags.map, 'the mapping file'), ...read(flags.guidelines, 'the guidelines file')],
    writes: outputs,
    ...(input === '-' ? { stdin: { fd: context.io.stdin.fd, what: 'the input' } } : {}),
    ...(outputs.some((o) => o.path === '-') ? { stdout: context.io.stdout } : {}),
  });
}

/** The options given that change the results, as typed (the default interest treatment is left out). */
function batchOptionsGiven(flags: BatchFlags): Record<string, OptionValue> {
  const given: [string, OptionValue | undefined][] = [
    ['--map', flags.map],
    ['--column', flags.column?.map(([field, header]) => `${field}=${header}`).join('; ')],
    ['--carry', flags.carry],
    ['--carry-all', flags.carryAll ? true : undefined],
    ['--delimiter', flags.delimiter],
    ['--date-format', flags.dateFormat],
    ['--interest', flags.interest === DEFAULT_INTEREST ? undefined : flags.interest],
    ['--guidelines', flags.guidelines],
    ['--group-by', flags.groupBy],
    ['--jurisdiction', flags.jurisdiction],
    ['--calendar', flags.calendar],
  ];
  return Object.fromEntries(given.filter((entry): entry is [string, OptionValue] => entry[1] !== undefined));
}

/**
 * What the run is made from: the accounts file, the mapping and guideline files, hashed before any
 * row is read (standard input is hashed as it is read, for the summary).
 */
const batchProvenance = (context: CommandContext, input: string, flags: BatchFlags, asOf: IsoDate, guidelines: GuidelineSource | undefined) =>
  runProvenance(context, {
    asOf,
    ...(guidelines ? { guidelines } : {}),
    // The calendar of the rows that record no jurisdiction; a row that records one moves its dates by its own.
    calendar: calendarFor(householdDefaults(flags.jurisdiction, flags.calendar).calendar).name,
    options: batchOptionsGiven(flags),
    inputs: [{ role: 'input', file: input }, ...(flags.map ? [{ role: 'mapping', file: flags.map }] : []), ...guidelinesInput(flags.guidelines)],
  });

/** `--init-map`: a mapping guessed from the export's header, to -o or stdout. */
async function initMap(context: CommandContext, input: string, flags: BatchFlags): Promise<void> {
  const delimiter = flags.delimiter ?? ',';
  const { readFirstRows } = await import('../../batch/first-rows.js');
  const { initialMapping } = await import('../../batch/init-map.js');
  const { SAMPLE_ROWS } = await import('../../batch/unmapped.js');
  const { headers, records } = await readFirstRows(input, context.io.stdin as Readable, delimiter, SAMPLE_ROWS);
  const rows = records.flatMap((r) => (r.kind === 'row' ? [r.cells] : []));
  const { text, missing } = initialMapping(headers, rows, delimiter, input === '-' ? 'stdin' : input);
  if (flags.output && flags.output !== '-') await writeFileAtomic(flags.output, text);
  else context.out(text.trimEnd());
  if (missing.length > 0) {
    const where = flags.output && flags.output !== '-' ? flags.output : 'the mapping';
    context.err(visible(`fairplan: no column was found for ${missing.join(', ')}: each is "?" in ${where}, for you to decide before a run (exit ${EXIT.mappingToDecide})`));
    context.exitCode = EXIT.mappingToDecide;
  }
}

/** `--dry-run N`: what each field reads from the first N rows, on stdout; nothing is planned or written. */
async function dryRun(context: CommandContext, input: string, flags: BatchFlags, count: number, columns: ColumnNames, carry: Carry, delimiter: string): Promise<void> {
  const { readFirstRows } = await import('../../batch/first-rows.js');
  const { dryRunLines } = await import('../../batch/dry-run.js');
  const file = input === '-' ? 'stdin' : input;
  const { headers, records } = await readFirstRows(input, context.io.stdin as Readable, delimiter, count);
  const layout = {
    ...resolveColumns(headers, columns, carry, file),
    ...(flags.dateFormat ? { dateFormat: flags.dateFormat } : {}),
    householdDefaults: householdDefaults(flags.jurisdiction, flags.calendar),
  };
  for (const line of dryRunLines(layout, records)) context.out(visible(line));
}

/** Columns named by --carry and by the mapping's carry, each once (--carry adds to the mapping's). */
function carried(option: string | undefined, mapping: readonly string[] | undefined): string[] | undefined {
  const named = [...(mapping ?? []), ...(option?.split(',').map((c) => c.trim()).filter(Boolean) ?? [])];
  if (option === undefined && mapping === undefined) return undefined;
  return named.filter((name, i) => named.findIndex((other) => columnKey(other) === columnKey(name)) === i);
}

async function batch(context: CommandContext, input: string, flags: BatchFlags): Promise<void> {
  // The mapping written must not replace the export it is guessed from.
  if (flags.initMap) await checkBatchOutputs(context, input, { output: flags.output, interest: flags.interest });
  if (flags.initMap) return initMap(context, input, flags);
  if (flags.dryRun === undefined) await checkBatchOutputs(context, input, flags);
  const mapping = flags.map ? await (await import('../../batch/mapping-file.js')).loadMapping(flags.map) : undefined;
  if (flags.carry && flags.carryAll) throw new FairplanError('invalid-argument', '--carry and --carry-all cannot be used together');
  const carryNamed = carried(flags.carry, mapping?.carry);
  const carry: Carry = flags.carryAll
    ? { kind: 'all' }
    : carryNamed
      ? { kind: 'named', columns: carryNamed }
      : { kind: 'none' };
  const columns: ColumnNames = { ...mapping?.columns, ...Object.fromEntries(flags.column ?? []) };
  const delimiter = flags.delimiter ?? mapping?.delimiter ?? ',';
  if (flags.dryRun !== undefined) return dryRun(context, input, flags, flags.dryRun, columns, carry, delimiter);
  const file = input === '-' ? 'stdin' : input;
  let shown = 0;
  const started = context.io.now().getTime();
  const progress = !flags.quiet && context.io.stderr.isTTY ? await progressDisplay(context, input) : undefined;
  const asOf = flags.asOf ?? today(context.io);

  const options: BatchOptions = {
    input,
    output: flags.output ?? '-',
    ...(flags.schedules ? { schedules: flags.schedules } : {}),
    ...(flags.errors ? { errors: flags.errors } : {}),
    ...(flags.summary ? { summary: flags.summary } : {}),
    json: Boolean(flags.json),
    delimiter,
    columns,
    carry,
    ...(flags.dateFormat ? { dateFormat: flags.dateFormat } : {}),
    householdDefaults: householdDefaults(flags.jurisdiction, flags.calendar),
    ...(flags.strict ? { refuseUnmapped: true } : {}),
    ...(flags.bom ? { bom: true } : {}),
    onUnmapped: (headers: readonly string[]) => {
      progress?.clear();
      context.err(
        visible(
          `fairplan: ${file}: columns that hold amounts are neither read nor carried: ${headers.map((h) => `"${h}"`).join(', ')}; ` +
            'add each to a field of the mapping (e.g. "utilities": ["Energy", "Water"]) or carry it (--carry); --strict refuses to run',
        ),
      );
    },
    asOf,
    interest: flags.interest,
    ...(flags.guidelines ? { guidelines: flags.guidelines } : {}),
    // An empty name (an unset variable in a script) is refused, not read as no grouping.
    ...(flags.groupBy !== undefined ? { groupBy: flags.groupBy } : {}),
    workers: flags.workers ?? DEFAULT_WORKERS,
    ...(flags.strict ? { maxRejects: { rows: 0 } } : flags.maxRejects !== undefined ? { maxRejects: flags.maxRejects } : {}),
    provenance: (guidelines) => batchProvenance(context, input, flags, asOf, guidelines),
    ...(progress ? { onProgress: (rows: number, bytes: number) => progress.update(rows, bytes) } : {}),
    ...(flags.errors
      ? {}
      : {
          onRejection: (rejection: Rejection) => {
            shown++;
            if (shown > SHOWN_REJECTIONS) return;
            progress?.clear();
            context.err(`fairplan: ${describeRejection(file, rejection)}`);
          },
        }),
  };
  // Loaded here, not at start-up: the other commands and --help need none of the batch machinery.
  const { runBatch } = await import('../../batch/run.js');
  // Ctrl-C and other signals stop the run at once (src/cli/stop.ts); the bar goes first.
  const forget = progress ? whenStopped(() => progress.clear()) : undefined;
  let summary;
  try {
    summary = await runBatch(options, context.io);
  } finally {
    forget?.();
    progress?.clear();
  }
  if (shown > SHOWN_REJECTIONS) context.err(`fairplan: … and ${shown - SHOWN_REJECTIONS} more rejected rows (use --errors FILE to keep them all)`);
  if (!flags.quiet) {
    const seconds = (context.io.now().getTime() - started) / 1000;
    for (const line of summaryLines(summary, seconds)) context.err(line);
  } else if (summary.stopped) {
    context.err(`fairplan: stopped: ${summary.stopped}; no output file was written`);
  }
  context.exitCode = summary.stopped || (summary.rejected > 0 && summary.written === 0) ? EXIT.nothingUsable : summary.rejected > 0 ? EXIT.rowsRejected : EXIT.ok;
}

export const registerBatch: RegisterCommand = (program, context) => {
  program
    .command('batch')
    .description('Affordability and a recommended repayment plan for every account in a CSV export (streaming).')
    .argument('<input>', 'accounts CSV file, or - for stdin')
    .option('-o, --output <file>', 'results file (default: stdout; - for stdout)')
    .option('--schedules <file>', 'one row per instalment of each recommended plan')
    .option('--errors <file>', 'the rejected rows as they were, with line and reason')
    .option('--summary <file>', "the run's counts, totals and provenance (fairplan version, rules, options, SHA-256 of the inputs) as JSON")
    .option('--json', 'newline-delimited JSON instead of CSV, in every output')
    .option('--map <file>', 'mapping file: {"columns": {"balance": "Amount Owed"}, "delimiter": ";", "carry": [...]}')
    .option('--column <field=Header>', 'read a field from a differently named column (repeatable)', columnOption)
    .option('--carry <columns>', "comma-separated columns to copy into the results (added to the mapping's carry)")
    .option('--carry-all', 'copy every column that is not a field into the results')
    .option('--delimiter <char>', 'comma, semicolon, tab or one ASCII character, not " or a line break (default: comma)', delimiterOption)
    .option('--as-of <date>', 'today, for reproducible output (YYYY-MM-DD)', dateOption)
    .addOption(
      new Option('--interest <treatment>', "frozen (forbearance) or apr (the account's rate continues)")
        .choices(INTEREST_CHOICES)
        .default(DEFAULT_INTEREST),
    )
    .option('--guidelines <file|irs-2025>', 'spending guidelines to check food spending against (flags guideline-over)')
    .option('--group-by <column>', "plan adjacent rows with the same value, however cased or typed (C-001, c-001, C‑001 with a non-breaking hyphen: a customer's accounts), as one budget")
    .option('--workers <n>', `worker threads to plan the rows on; 0 plans them in this thread (default: ${DEFAULT_WORKERS})`, nonNegativeIntegerOption)
    .option('--max-rejects <n|p%>', 'stop and write nothing once more than n rows, or more than p% of the rows read, are rejected', rejectLimitOption)
    .option('--strict', 'stop and write nothing at the first rejected row (same as --max-rejects 0), or when a column holding amounts is neither read nor carried')
    .option('--date-format <format>', 'how the export writes dates: DD/MM/YYYY, MM/DD/YYYY, YYYY-MM-DD, with /, - or . (default: YYYY-MM-DD)', dateFormatOption)
    .option(
      '--jurisdiction <jurisdiction>',
      'where a customer lives when the row records no jurisdiction: england-wales, scotland, northern-ireland (default: england-wales)',
      jurisdictionOption,
    )
    .option(
      '--calendar <region>',
      "bank holidays for the due dates of a row that records no jurisdiction: england-wales, scotland, northern-ireland, none (default: the --jurisdiction's)",
      calendarOption,
    )
    .option('--bom', 'start each CSV output with a UTF-8 byte-order mark, so Excel shows £ and accents')
    .option('--init-map', 'write a mapping file guessed from the header, with a note on each guess (to -o or stdout), and stop')
    .option('--dry-run <n>', 'show what each field reads from the first n rows, and write nothing', positiveIntegerOption)
    .option('-q, --quiet', 'no progress bar and no summary on stderr')
    .addHelpText('after', HELP)
    .action((input: string, flags: BatchFlags) => batch(context, input, flags));
};
