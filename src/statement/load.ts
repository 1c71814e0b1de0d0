/**
 * Reading a statement file: JSON or YAML, in fairplan's own format, into a checked Statement, or a FairplanError naming the file and one problem per line.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { FairplanError, isFairplanError } from '../core/errors.js';
import type { Statement } from '../core/statement.js';
import { parseJsonExact } from './json-exact.js';
import { problemsOf } from './problems.js';
import type { RawValue } from './raw.js';
import { statementSchema } from './schema.js';
import { parseYamlExact } from './yaml-exact.js';

function looksLikeJson(text: string, file: string): boolean {
  const extension = extname(file).toLowerCase();
  if (extension === '.json') return true;
  if (extension === '.yaml' || extension === '.yml') return false;
  return /^\uFEFF?\s*[{[]/.test(text);
}

/** A fairplan-format statement from its parsed file; every problem found is reported at once. */
export function statementFromRaw(raw: RawValue): Statement {
  const result = statementSchema.safeParse(raw);
  if (result.success) return result.data;
  const problems = problemsOf(result.error);
  throw new FairplanError('invalid-statement', `not a valid statement: ${problems.length} problem(s)`, { problems });
}

/**
 * Reads a statement from its text. `file` names it in messages and picks JSON or YAML by its
 * extension (by the first character when it has neither).
 */
export function parseStatementText(text: string, file: string): Statement {
  try {
    const raw = looksLikeJson(text, file) ? parseJsonExact(text) : parseYamlExact(text);
    return statementFromRaw(raw);
  } catch (error) {
    throw isFairplanError(error) ? error.inFile(file) : error;
  }
}

const READ_FAILURES: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'this is a folder, not a statement file',
  EACCES: 'permission denied: the file cannot be read',
};

export async function loadStatement(path: string): Promise<Statement> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const reason = READ_FAILURES[code] ?? `cannot be read (${(error as Error).message})`;
    throw new FairplanError('io', reason, { file: path });
  }
  return parseStatementText(text, path);
}
