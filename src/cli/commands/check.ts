/** `fairplan check STATEMENT`: the affordability check, as a report or as JSON for scripts. */
import { Option, type Command } from 'commander';
import { assessAffordability } from '../../core/affordability/assess.js';
import type { GuidelineTable } from '../../core/affordability/guidelines.js';
import type { Statement } from '../../core/statement.js';
import { checkOutputs } from '../../io/output-check.js';
import { renderCheckJson } from '../../render/check/json.js';
import { renderCheckText } from '../../render/check/text.js';
import type { CommandContext } from '../context.js';
import { dateOption, inCurrency, nonNegativeMoneyOption, today, type AmountOption } from '../options.js';
import type { IsoDate } from '../../core/date.js';

interface CheckOptions {
  readonly asOf?: IsoDate;
  readonly guidelines?: string;
  readonly tokenThreshold?: AmountOption;
  readonly json?: boolean;
  readonly sfs?: boolean;
  readonly color: boolean;
}

const EXAMPLES = `
Examples:
  $ fairplan check fixtures/statements/single-renter-weekly.json
  $ fairplan check fixtures/statements/couple-children-mixed.yaml \\
      --guidelines fixtures/guidelines/example-guidelines.yaml
  $ fairplan check statement.json --json > affordability.json
  $ fairplan check fixtures/statements/sfs/sfs-household.json --sfs > sfs.json
  $ fairplan check fixtures/statements/us-household.json --guidelines irs-2025

The statement is fairplan's format (JSON or YAML, described in schema/README.md)
or an SFS data-entry file. Figures are monthly: weekly × 52 ÷ 12, fortnightly
× 26 ÷ 12, four-weekly × 13 ÷ 12, quarterly ÷ 3, annual ÷ 12, each line rounded
to the penny once (half up); every total is the sum of the lines shown. Offers
share what is available pro rata, in whole pence that add up exactly. Spending above a
guideline is flagged for the advisor to explain, never cut.

Exit codes:
  0  report written
  2  bad arguments, or an invalid or unreadable statement or guideline file`;

/** US statements are checked against the built-in IRS national standards unless told otherwise. */
async function guidelinesFor(statement: Statement, spec: string | undefined): Promise<GuidelineTable | undefined> {
  const { loadGuidelines } = await import('../../guidelines/load.js');
  if (spec) return loadGuidelines(spec);
  return statement.currency === 'USD' ? loadGuidelines('irs-2025') : undefined;
}

export function registerCheck(program: Command, context: CommandContext): void {
  program
    .command('check')
    .description('Work out what a household can afford from its income & expenditure statement.')
    .argument('<statement>', 'statement file (fairplan JSON/YAML or SFS JSON)')
    .option('--as-of <date>', 'the date the check is made (YYYY-MM-DD; default today)', dateOption)
    .option('--guidelines <file|irs-2025>', 'spending guidelines to check flexible costs against')
    .option('--token-threshold <amount>', 'advise a token payment below this a month per creditor', nonNegativeMoneyOption)
    .addOption(new Option('--json', 'machine-readable JSON on stdout').conflicts('sfs'))
    .option('--sfs', 'the statement and its totals as an SFS data-entry document (JSON) on stdout')
    .option('--no-color', 'no colours, even on a terminal')
    .addHelpText('after', EXAMPLES)
    .action(async (file: string, options: CheckOptions) => {
      // The report must not land on a file it is made from (`>> statement.json`).
      const reads = [{ path: file, what: 'the statement' }, ...(options.guidelines ? [{ path: options.guidelines, what: 'the guidelines file' }] : [])];
      await checkOutputs({ cwd: context.io.cwd, reads, writes: [], stdout: context.io.stdout });
      // The statement readers are loaded with the command, not at start-up.
      const { loadStatement } = await import('../../statement/load.js');
      const statement = await loadStatement(file);
      const guidelines = await guidelinesFor(statement, options.guidelines);
      const result = assessAffordability(statement, {
        asOf: options.asOf ?? today(context.io),
        ...(guidelines ? { guidelines } : {}),
        ...(options.tokenThreshold
          ? { tokenThresholdPerCreditor: inCurrency(options.tokenThreshold, statement.currency ?? 'GBP', '--token-threshold') }
          : {}),
      });
      if (options.json) context.out(renderCheckJson(result));
      else if (options.sfs) context.out((await import('../../statement/sfs.js')).toSfsJson(statement, result));
      else context.out(renderCheckText(result, context.stdoutChalk(!options.color)));
    });
}
