/**
 * The one way every command says that a file cannot be read: a plain sentence, the same words for a
 * statement, an accounts file, a mapping file or a guideline table, never an errno code.
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { FairplanError } from '../core/errors.js';

const SENTENCES: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  // A "folder" on the way that is a file.
  ENOTDIR: 'no such file',
  EISDIR: 'this is a folder, not a file',
  EACCES: 'permission denied: the file cannot be read',
  EPERM: 'permission denied: the file cannot be read',
};

/** What went wrong reading `file`, from the error the system gave, as one plain sentence. */
export function readFailure(file: string, error: unknown): FairplanError {
  if (error instanceof FairplanError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code) return new FairplanError('io', SENTENCES[code] ?? 'cannot be read', { file });
  // Not the system's: a stream that failed says why in words of its own (a connection reset).
  const reason = error instanceof Error && error.message ? `: ${error.message}` : '';
  return new FairplanError('io', `cannot be read${reason}`, { file });
}

/**
 * Refuses an input that is missing, a folder or unreadable before any input is read, so that a run
 * does not half happen (rows of one file rejected) before it finds it cannot read another.
 */
export async function checkReadable(file: string, cwd = process.cwd()): Promise<void> {
  const path = resolve(cwd, file);
  try {
    if ((await stat(path)).isDirectory()) throw Object.assign(new Error('a folder'), { code: 'EISDIR' });
    await access(path, constants.R_OK);
  } catch (error) {
    throw readFailure(file, error);
  }
}
