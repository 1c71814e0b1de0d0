/**
 * `fairplan report`: the portfolio at a glance, from a batch's results (and schedules). The figures
 * are worked out in src/report/, drawn in src/render/report/; this file reads the options and writes.
 */
import { Option } from 'commander';
import { FairplanError } from '../../core/errors.js';
import { writeFileAtomic } from '../../io/atomic-file.js';
import { columnKey } from '../../io/column-names.js';
import { checkOutputs } from '../../io/output-check.js';
import { checkReadable } from '../../io/read-failure.js';
import type { CommandContext } from '../context.js';
import type { RegisterCommand } from './index.js';

const HELP = `
Examples:
  fairplan batch accounts.csv -o results.csv --schedules schedules.csv --carry Region
  fairplan report results.csv --schedules schedules.csv --by Region -o report.html
  fairplan report results.csv --format md > report.md
  fairplan report results.csv --json > report.json

Reads the CSV results of fairplan batch (not --json): account_id, available,
flags, review, plan, instalment, frequency, instalments, outcome, and when
they are there, balance (the total owed: run batch with --carry balance if
its results have no balance column), plan_months (months to clear) and
review_reasons. docs/report.md tells more. Column names match in any case, with spaces, _ or -.

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

Exit codes:
  0  the report was written
  2  bad arguments, a missing column, a row that is not batch's, or a file
     that cannot be read or written`;

interface ReportFlags {
  schedules?: string;
  by: string[];
  output: string;
  format: 'html' | 'md';
  json?: boolean;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

async function report(context: CommandContext, results: string, flags: ReportFlags): Promise<void> {
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

export const registerReport: RegisterCommand = (program, context) => {
  program
    .command('report')
    .description('The portfolio at a glance: headline figures and charts from batch results.')
    .argument('<results>', 'the CSV results of fairplan batch')
    .option('--schedules <file>', 'the schedules of the same batch run (batch --schedules), for the cash month by month')
    .option('--by <column>', 'split every figure and chart by a column of the results, e.g. a carried Region (repeatable)', collect, [])
    .option('-o, --output <file>', 'where to write the report (- for stdout)', '-')
    .addOption(new Option('--format <format>', 'html: one self-contained page; md: markdown tables').choices(['html', 'md']).default('html'))
    .option('--json', 'the figures as one JSON document instead')
    .addHelpText('after', HELP)
    .action((results: string, flags: ReportFlags) => report(context, results, flags));
};
