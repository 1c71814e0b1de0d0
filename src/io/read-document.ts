/**
 * Reads JSON or YAML input as a tree of strings. YAML's failsafe schema keeps every scalar as the
 * text that was written (JSON is YAML too), so `0.10` stays "0.10" and money never becomes a float;
 * the schemas that check the tree turn strings into Money, numbers and booleans deliberately.
 */
import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { FairplanError, type ErrorCode } from '../core/errors.js';

export function parseDocumentText(text: string, file: string, code: ErrorCode): unknown {
  const document = parseDocument(text.replace(/^\uFEFF/, ''), { schema: 'failsafe', uniqueKeys: true });
  const [error] = document.errors;
  if (error) {
    const where = error.linePos?.[0];
    const reason = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'unreadable';
    throw new FairplanError(code, `not valid JSON or YAML: ${reason}${where ? ` (column ${where.col})` : ''}`, {
      file,
      ...(where ? { line: where.line } : {}),
    });
  }
  return document.toJS();
}

export async function readTextFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new FairplanError('io', `cannot read ${file}: ${reason}`, { file });
  }
}
