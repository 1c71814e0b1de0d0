/**
 * Reading a statement file: JSON or YAML, in fairplan's own format or the SFS data-entry format,
 * into a checked Statement, or a FairplanError naming the file and one problem per line.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { FairplanError, isFairplanError } from '../core/errors.js';
import type { Statement } from '../core/statement.js';
import { parseJsonExact } from './json-exact.js';
import { problemsOf } from './problems.js';
import type { RawValue } from './raw.js';
import { statementSchema } from './schema.js';
import { isSfsDocument, statementFromSfs } from './sfs.js';
import { parseYamlExact } from './yaml-exact.js';

function looksLikeJson(text: string, file: string): boolean {
  const extension = extname(file).toLowerCase();
  if (extension === '.json') return true;
  if (extension === '.yaml' || extension === '.yml') return false;
  return /^\uFEFF?\s*[{[]/.test(text);
}

/** A fairplan-format statement from its parsed file; every problem found is reported at once. */
function statementFromRaw(raw: RawValue): Statement {
  const result = statementSchema.safeParse(raw);
  if (result.success) return result.data;
  const problems = problemsOf(result.error);
  throw new FairplanError('invalid-statement', `not a valid statement: ${problems.length} problem(s)`, { problems });
}

/**
 * A JSON or YAML document as RawValue (numbers kept as written), JSON or YAML chosen by the file's
 * extension (by the first character when it has neither). Every file fairplan reads comes this way.
 */
export const parseRawText = (text: string, file: string): RawValue =>
  looksLikeJson(text, file) ? parseJsonExact(text) : parseYamlExact(text);

/**
 * Reads a statement from its text; `file` names it in messages. The format (fairplan or SFS) is
 * told by the document's shape.
 */
export function parseStatementText(text: string, file: string): Statement {
  try {
    const raw = parseRawText(text, file);
    return isSfsDocument(raw) ? statementFromSfs(raw) : statementFromRaw(raw);
  } catch (error) {
    throw isFairplanError(error) ? error.inFile(file) : error;
  }
}

const READ_FAILURES: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'this is a folder, not a file',
  EACCES: 'permission denied: the file cannot be read',
};

/** The text of an input file, or an io error that says plainly why it cannot be read. */
export async function readInputFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const reason = READ_FAILURES[code] ?? `cannot be read (${(error as Error).message})`;
    throw new FairplanError('io', reason, { file: path });
  }
}

export async function loadStatement(path: string): Promise<Statement> {
  return parseStatementText(await readInputFile(path), path);
}
