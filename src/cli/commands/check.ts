/** `fairplan check STATEMENT`: the affordability check, as a report or as JSON for scripts. */
import { Option, type Command } from 'commander';
import type { GuidelineTable } from '../../core/affordability/guidelines.js';
import type { Affordability } from '../../core/affordability/types.js';
import type { Statement } from '../../core/statement.js';
import { checkOutputs } from '../../io/output-check.js';
import { renderCheckJson } from '../../render/check/json.js';
import { renderCheckText } from '../../render/check/text.js';
import type { CommandContext } from '../context.js';
import { guidelinesInput, runProvenance } from '../provenance.js';
import { dateOption, inCurrency, nonNegativeMoneyOption, today, type AmountOption } from '../options.js';
import type { IsoDate } from '../../core/date.js';
import { addStatementOptions, assessStatement, refuseWarnings, type StatementFlags } from '../statement-options.js';

interface CheckOptions extends StatementFlags {
  readonly asOf?: IsoDate;
  readonly guidelines?: string;
  readonly tokenThreshold?: AmountOption;
  readonly json?: boolean;
  /** `--sfs` alone (true) writes the summary. */
  readonly sfs?: true | 'summary' | 'data-entry';
  readonly color: boolean;
}

const EXAMPLES = `
Examples:
  $ fairplan new statement.yaml     # a statement to fill in
  $ fairplan check fixtures/statements/single-renter-weekly.json
  $ fairplan check fixtures/statements/couple-children-mixed.yaml \\
      --guidelines fixtures/guidelines/example-guidelines.yaml
  $ fairplan check statement.yaml --json > affordability.json
  $ fairplan check statement.yaml --sfs > sfs-summary.json
  $ fairplan check statement.yaml --sfs data-entry > sfs-data-entry.json
  $ fairplan check fixtures/statements/sfs/sfs-summary-wrong-totals.json --strict
  $ fairplan check fixtures/statements/us-household.json --guidelines irs-2025

The statement is fairplan's format (JSON or YAML; see schema/README.md), an SFS
data-entry file or an SFS summary. A summary's totals are worked out again from
its figures: each that disagrees is reported (in --json, under "warnings") and
the computed figure used; --strict refuses the summary instead.

Each line of a fairplan statement records its SFS field ("sfs": "council-tax-rates"),
which the SFS documents put it in. A line without one is given the field its
label suggests, with a warning naming the line and the field; council tax left
at 0.00 while a line's label says council tax is warned of too.

Notes: "notes" are for the advisor's file and never sent to creditors;
"notesForCreditors" go into the SFS notes. Circumstances (vulnerabilities) need
"vulnerabilityConsent": { "toRecord", "toShare" }; what is noted "forCreditors"
is sent only with toShare, and with "creditors" (names) only to those; an SFS
every creditor reads holds it only when all may be told. A statement without
it shares nothing of them.

Figures are monthly: weekly × 52 ÷ 12, fortnightly × 26 ÷ 12, four-weekly
× 13 ÷ 12, quarterly ÷ 3, annual ÷ 12, each line rounded to the penny once (half
up); every total is the sum of the lines shown. Offers share what is available
pro rata, in whole pence that add up exactly. Spending above a guideline is
flagged for the advisor to explain, never cut.

--json ends with "provenance": fairplan's version, the rules version, the as-of
date, the guideline table, the options given and the SHA-256 of each input file.

Exit codes:
  0   report written
  2   bad arguments, or an invalid or unreadable statement or guideline file
      (with --strict, any warning: stated figures that disagree, a guessed
      SFS field)
  74  standard output goes to a file that did not fit: the disk is full, or
      the file passed the file-size limit (ulimit -f)`;

/** US statements are checked against the built-in IRS national standards unless told otherwise. */
async function guidelinesFor(statement: Statement, spec: string | undefined): Promise<GuidelineTable | undefined> {
  const { loadGuidelines } = await import('../../guidelines/load.js');
  if (spec) return loadGuidelines(spec);
  return statement.currency === 'USD' ? loadGuidelines('irs-2025') : undefined;
}

/** What the check was made from: the statement, the guideline table, and the options that change the figures. */
function checkProvenance(context: CommandContext, file: string, options: CheckOptions, result: Affordability) {
  return runProvenance(context, {
    asOf: result.asOf,
    ...(result.guidelines ? { guidelines: result.guidelines.source } : {}),
    options: {
      ...(options.guidelines !== undefined ? { '--guidelines': options.guidelines } : {}),
      ...(options.tokenThreshold !== undefined ? { '--token-threshold': options.tokenThreshold.text } : {}),
      ...(options.format !== undefined ? { '--format': options.format } : {}),
      ...(options.staleAfter !== undefined ? { '--stale-after': String(options.staleAfter) } : {}),
    },
    inputs: [{ role: 'statement', file }, ...guidelinesInput(options.guidelines)],
  });
}

export function registerCheck(program: Command, context: CommandContext): void {
  const command = program
    .command('check')
    .description('Work out what a household can afford from its income & expenditure statement.')
    .argument('<statement>', 'statement file (fairplan JSON/YAML or SFS JSON)')
    .option('--as-of <date>', 'the date the check is made (YYYY-MM-DD; default today)', dateOption)
    .option('--guidelines <file|irs-2025>', 'spending guidelines to check flexible costs against')
    .option('--token-threshold <amount>', 'advise a token payment below this a month per creditor (default: 1.00)', nonNegativeMoneyOption)
    .addOption(new Option('--json', 'machine-readable JSON on stdout').conflicts('sfs'))
    .addOption(new Option('--sfs [document]', 'the statement as an SFS document (JSON) on stdout: the summary, or data-entry').choices(['summary', 'data-entry']));
  addStatementOptions(command)
    .option('--no-color', 'no colours, even on a terminal')
    .addHelpText('after', EXAMPLES)
    .action(async (file: string, options: CheckOptions) => {
      // The report must not land on a file it is made from (`>> statement.json`).
      const reads = [{ path: file, what: 'the statement' }, ...(options.guidelines ? [{ path: options.guidelines, what: 'the guidelines file' }] : [])];
      await checkOutputs({ cwd: context.io.cwd, reads, writes: [], stdout: context.io.stdout });
      // The statement readers are loaded with the command, not at start-up.
      const { loadStatementDocument } = await import('../../statement/load.js');
      const { statement, warnings } = await loadStatementDocument(file, options.format);
      if (options.strict) refuseWarnings(file, warnings);
      const guidelines = await guidelinesFor(statement, options.guidelines);
      const result = assessStatement(file, statement, {
        asOf: options.asOf ?? today(context.io),
        ...(guidelines ? { guidelines } : {}),
        ...(options.staleAfter !== undefined ? { staleAfterMonths: options.staleAfter } : {}),
        ...(options.tokenThreshold
          ? { tokenThresholdPerCreditor: inCurrency(options.tokenThreshold, statement.currency ?? 'GBP', '--token-threshold') }
          : {}),
      });
      if (options.json) context.out(renderCheckJson(result, warnings, await checkProvenance(context, file, options, result)));
      else if (options.sfs === 'data-entry') context.out((await import('../../statement/sfs.js')).toSfsJson(statement, result));
      else if (options.sfs) context.out((await import('../../statement/sfs-summary.js')).toSfsSummaryJson(statement, result));
      else context.out(renderCheckText(result, context.stdoutChalk(!options.color), warnings));
    });
}
