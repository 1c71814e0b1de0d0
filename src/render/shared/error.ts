/** The one place errors become text for a person. */
import { FairplanError } from '../../core/errors.js';
import { FORMAT_VERSION } from './format-version.js';
import { visible } from './visible.js';

/**
 * One line per problem, each located as precisely as the error allows:
 *   statement.json: expenditure[3].frequency: "monthy" is not a frequency; did you mean "monthly"?
 * Names and values from files reach the terminal made visible: an escape sequence in a file name or
 * a cell cannot clear the screen or retitle the window.
 */
export function renderError(error: unknown): string[] {
  return errorLines(error).map(visible);
}

function errorLines(error: unknown): string[] {
  if (error instanceof FairplanError) {
    const { file, line, field, problems } = error.context;
    const where = [file, line === undefined ? undefined : `line ${line}`].filter(Boolean).join(':');
    const prefix = where ? `${where}: ` : '';
    if (problems && problems.length > 0) {
      return problems.map((p) => `${prefix}${p.path ? `${p.path}: ` : ''}${p.message}`);
    }
    return [`${prefix}${field ? `${field}: ` : ''}${error.message}`];
  }
  if (error instanceof Error) return `unexpected error: ${error.stack ?? error.message}`.split('\n');
  return `unexpected error: ${String(error)}`.split('\n');
}

/**
 * The same problems as JSON, one object a line, for a script (`FAIRPLAN_ERRORS=json`): its stable
 * `code`, the sentence, and where it was found, each line of one shape (schema/error.schema.json),
 * with null where a file, line or field is not known. JSON escapes what a terminal would run.
 */
export function renderErrorJson(error: unknown): string[] {
  if (error instanceof FairplanError) {
    const { file, line, field, problems } = error.context;
    const found = problems && problems.length > 0 ? problems.map((p) => ({ field: p.path || null, message: p.message })) : [{ field: field || null, message: error.message }];
    return found.map((problem) => errorLine(error.code, file ?? null, line ?? null, problem.field, problem.message));
  }
  return [errorLine('internal', null, null, null, error instanceof Error ? error.message : String(error))];
}

/** A usage error commander found (an unknown option, a missing argument), as JSON. */
export const usageErrorJson = (message: string): string => errorLine('usage', null, null, null, message.replace(/^error: /, '').trim());

const errorLine = (code: string, file: string | null, line: number | null, field: string | null, message: string): string =>
  JSON.stringify({ formatVersion: FORMAT_VERSION, code, file, line, field, message });
