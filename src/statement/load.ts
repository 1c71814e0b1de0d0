/**
 * Reading a statement file: JSON or YAML, in fairplan's own format or an SFS data-entry or summary document,
 * into a checked Statement, or a FairplanError naming the file and one problem per line.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { extname } from 'node:path';
import { DRAFT_FORMAT } from './draft-format.js';
import { FairplanError, isFairplanError } from '../core/errors.js';
import { readFailure } from '../io/read-failure.js';
import type { Statement } from '../core/statement.js';
import { parseJsonExact } from './json-exact.js';
import { MAX_FILE_BYTES } from './limits.js';
import { problemsOf } from './problems.js';
import { emptyFileError, type RawObject, type RawValue } from './raw.js';
import { statementSchemaFor } from './schema.js';
import { isSfsDocument, statementFromSfs } from './sfs.js';
import { isSfsSummary, statementFromSfsSummary } from './sfs-summary-import.js';
import type { StatementDocument } from './warnings.js';
import { sfsFieldWarnings } from './sfs-fields.js';
import { parseYamlExact } from './yaml-exact.js';

function looksLikeJson(text: string, file: string): boolean {
  const extension = extname(file).toLowerCase();
  if (extension === '.json') return true;
  if (extension === '.yaml' || extension === '.yml') return false;
  return /^\uFEFF?\s*[{[]/.test(text);
}

/** A fairplan-format statement from its parsed file; every problem found is reported at once. */
function statementFromRaw(raw: RawValue): Statement {
  const result = statementSchemaFor(raw).safeParse(raw);
  if (result.success) return result.data;
  const problems = problemsOf(result.error);
  throw new FairplanError('invalid-statement', `not a valid statement: ${problems.length} problem(s)`, { problems });
}

/**
 * A JSON or YAML document as RawValue (numbers kept as written), JSON or YAML chosen by the file's
 * extension (by the first character when it has neither). Every file fairplan reads comes this way.
 */
export function parseRawText(text: string, file: string): RawValue {
  if (!/\S/.test(text.replace(/^\uFEFF/, ''))) throw emptyFileError();
  return looksLikeJson(text, file) ? parseJsonExact(text) : parseYamlExact(text);
}

/** A draft `fairplan advise` saved, given where a statement was expected. */
const isAdviseDraft = (raw: RawValue): boolean =>
  typeof raw === 'object' && raw !== null && !Array.isArray(raw) && (raw as RawObject).format === DRAFT_FORMAT;

/** The formats a reader may be told to expect instead of telling the format by the document's shape. */
export type StatementFormat = 'sfs-summary';

/**
 * Reads a statement from its text; `file` names it in messages. The format (fairplan, SFS
 * data-entry or SFS summary) is told by the document's shape unless `format` names it.
 */
export function parseStatementText(text: string, file: string): Statement {
  return parseStatementDocument(text, file).statement;
}

/** A statement from its text, with what was not taken as written (an SFS summary's wrong totals). */
export function parseStatementDocument(text: string, file: string, format?: StatementFormat): StatementDocument {
  return statementFromDocument(() => parseRawText(text, file), file, format);
}

/** A statement from a document already read (the statement inside an advise draft). */
export const statementFromRawValue = (raw: RawValue, file: string): Statement => statementFromDocument(() => raw, file).statement;

function statementFromDocument(read: () => RawValue, file: string, format?: StatementFormat): StatementDocument {
  try {
    const raw = read();
    if (isAdviseDraft(raw)) {
      throw new FairplanError('invalid-statement', `is a draft of fairplan advise, not a statement; to carry on with it: fairplan advise --resume ${file}`);
    }
    if (format === 'sfs-summary' && !isSfsDocument(raw)) {
      // Told it is an SFS summary, a fairplan statement would be a wall of missing SFS fields.
      const fairplan = typeof raw === 'object' && raw !== null && 'household' in raw;
      throw new FairplanError(
        'invalid-statement',
        fairplan ? 'is a fairplan statement, not an SFS summary: leave out --format sfs-summary' : 'is not an SFS summary: it has none of the SFS fields',
      );
    }
    if (format === 'sfs-summary' || isSfsSummary(raw)) return statementFromSfsSummary(raw);
    if (isSfsDocument(raw)) return { statement: statementFromSfs(raw), warnings: [] };
    const statement = statementFromRaw(raw);
    return { statement, warnings: sfsFieldWarnings(statement) };
  } catch (error) {
    throw isFairplanError(error) ? error.inFile(file) : error;
  }
}

/**
 * The text of an input file, or an io error that says plainly why it cannot be read. A file over
 * MAX_FILE_BYTES is refused by its size before it is read, and a pipe or device that runs on past
 * it is stopped there, so no input can fill the memory.
 */
export async function readInputFile(path: string): Promise<string> {
  try {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      if (size > MAX_FILE_BYTES) throw tooLargeError(path);
      const { buffer, length } = await readUpTo(handle, MAX_FILE_BYTES + 1);
      if (length > MAX_FILE_BYTES) throw tooLargeError(path);
      return buffer.toString('utf8', 0, length);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw readFailure(path, error);
  }
}

/** The first `limit` bytes of the file (fewer when it is shorter). */
async function readUpTo(handle: FileHandle, limit: number): Promise<{ buffer: Buffer; length: number }> {
  const buffer = Buffer.alloc(limit);
  let length = 0;
  for (;;) {
    const { bytesRead } = await handle.read(buffer, length, limit - length, null);
    if (bytesRead === 0 || length + bytesRead === limit) return { buffer, length: length + bytesRead };
    length += bytesRead;
  }
}

const tooLargeError = (file: string): FairplanError =>
  new FairplanError(
    'invalid-statement',
    `is larger than ${MAX_FILE_BYTES / (1024 * 1024)} MB, the most fairplan reads from one file (a household's statement is a few kilobytes)`,
    { file },
  );

export async function loadStatement(path: string): Promise<Statement> {
  return parseStatementText(await readInputFile(path), path);
}

/** A statement file with what was not taken as written (see StatementDocument). */
export async function loadStatementDocument(path: string, format?: StatementFormat): Promise<StatementDocument> {
  return parseStatementDocument(await readInputFile(path), path, format);
}
