/**
 * The options `check` and `plan` share for reading a statement and judging its age: defined once,
 * so both commands read, refuse and explain them alike.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { assessAffordability } from '../core/affordability/assess.js';
import type { Affordability, AffordabilitySettings } from '../core/affordability/types.js';
import { FairplanError, isFairplanError } from '../core/errors.js';
import type { Statement } from '../core/statement.js';
import { STATEMENT_STALE_MONTHS } from '../core/time-limits.js';
import type { StatementFormat } from '../statement/load.js';
import type { StatementWarning } from '../statement/warnings.js';

export interface StatementFlags {
  readonly format?: StatementFormat;
  readonly strict?: boolean;
  readonly staleAfter?: number;
}

// Ten years: a longer limit is a typo, not a policy.
const MOST_STALE_MONTHS = 120;

function staleMonthsOption(value: string): number {
  if (!/^\s*\d+\s*$/.test(value) || Number(value) < 1 || Number(value) > MOST_STALE_MONTHS) {
    throw new InvalidArgumentError(`"${value}" is not a whole number of months from 1 to ${MOST_STALE_MONTHS}`);
  }
  return Number(value);
}

/** Adds --format, --strict and --stale-after to a command that reads a statement. */
export function addStatementOptions(command: Command): Command {
  for (const option of statementOptions()) command.addOption(option);
  return command;
}

const statementOptions = (): Option[] => [
  new Option('--format <format>', 'read the statement as this format rather than tell it by its shape').choices(['sfs-summary']),
  new Option('--strict', 'refuse a statement whose stated totals disagree with its figures (exit 2)'),
  new Option(
    '--stale-after <months>',
    `a budget taken (takenOn) more than this many months ago is flagged statement-stale, and plans are reviewed by then (default: ${STATEMENT_STALE_MONTHS})`,
  ).argParser(staleMonthsOption),
];

/** With --strict, figures a statement states wrongly refuse it, as any other bad input. */
export function refuseWarnings(file: string, warnings: readonly StatementWarning[]): void {
  if (warnings.length === 0) return;
  throw new FairplanError('invalid-statement', `${warnings.length} warning(s) about the statement (with --strict, each is refused)`, {
    file,
    problems: warnings.map((w) => ({ path: w.path, message: w.message })),
  });
}

/** The statement's affordability; a problem the check finds in it (a date after --as-of) names the file. */
export function assessStatement(file: string, statement: Statement, settings: AffordabilitySettings): Affordability {
  try {
    return assessAffordability(statement, settings);
  } catch (error) {
    throw isFairplanError(error) && error.context.file === undefined ? error.inFile(file) : error;
  }
}
