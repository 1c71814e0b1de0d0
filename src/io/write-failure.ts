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
export const EXISTS_ALREADY = 'exists already: name another file, or delete this one first';
export const LINK_TO_NOTHING = 'is a symbolic link to a folder that does not exist: make that folder, or name another';
export const HOLDS_FILES = 'holds files already: name a new or empty folder, so that no other plan’s letters are mixed with these';
const DISK_FULL = 'the disk is full';
const TOO_BIG = 'the file would pass the file-size limit (ulimit -f)';

const SENTENCES: Readonly<Record<string, string>> = {
  ENOENT: NO_SUCH_FOLDER,
  // A "folder" on the way that is a file.
  ENOTDIR: NO_SUCH_FOLDER,
  EISDIR: IS_A_FOLDER,
  ENOSPC: DISK_FULL,
  EDQUOT: DISK_FULL,
  EFBIG: TOO_BIG,
};

// Not the place but the room: a code of its own, so a nightly job can tell it from a wrong path.
const NO_ROOM = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);

/** `file` cannot be written, for the reason given in one of the sentences above. */
export function cannotWrite(file: string, sentence: string): FairplanError {
  return new FairplanError('io', sentence, { file });
}

/** What went wrong writing `file`, from the error the system gave, as one of the sentences above. */
export function writeFailure(file: string, error: unknown): FairplanError {
  if (error instanceof FairplanError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const sentence = (code && SENTENCES[code]) ?? CANNOT_WRITE_HERE;
  return code && NO_ROOM.has(code) ? new FairplanError('no-space', sentence, { file }) : cannotWrite(file, sentence);
}
