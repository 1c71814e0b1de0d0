/** Folders fairplan makes because it was asked to: advise's export folder and its drafts folder. */
import { mkdir, stat } from 'node:fs/promises';
import { cannotWrite, NO_SUCH_FOLDER, writeFailure } from './write-failure.js';

/**
 * Makes the folder `path`, or finds it there already. Only that one: a parent that does not exist
 * is a typing mistake to report, not a tree to build. `mode`: its permissions when made here.
 */
export async function createFolder(path: string, mode?: number): Promise<void> {
  try {
    await mkdir(path, mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw writeFailure(path, error);
    if (!(await stat(path)).isDirectory()) throw cannotWrite(path, NO_SUCH_FOLDER);
  }
}
