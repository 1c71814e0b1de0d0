/**
 * The one way every command says that a file cannot be written: a plain sentence about the place,
 * the same words in `batch`, `plan`, `check` and `advise`, never an errno code or the name of a
 * temporary file.
 */
import { FairplanError } from '../core/errors.js';

export const NO_SUCH_FOLDER = 'no such folder';
export const IS_A_FOLDER = 'is a folder';
export const IS_A_FILE = 'is a file, not a folder';
export const CANNOT_WRITE_HERE = 'cannot write here';
export const HOLDS_FILES = 'holds files already: name a new or empty folder, so that no other plan’s letters are mixed with these';
const DISK_FULL = 'the disk is full';

const SENTENCES: Readonly<Record<string, string>> = {
  ENOENT: NO_SUCH_FOLDER,
  // A "folder" on the way that is a file.
  ENOTDIR: NO_SUCH_FOLDER,
  EISDIR: IS_A_FOLDER,
  ENOSPC: DISK_FULL,
  EDQUOT: DISK_FULL,
};

/** `file` cannot be written, for the reason given in one of the sentences above. */
export function cannotWrite(file: string, sentence: string): FairplanError {
  return new FairplanError('io', sentence, { file });
}

/** What went wrong writing `file`, from the error the system gave, as one of the sentences above. */
export function writeFailure(file: string, error: unknown): FairplanError {
  if (error instanceof FairplanError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return cannotWrite(file, (code && SENTENCES[code]) ?? CANNOT_WRITE_HERE);
}
