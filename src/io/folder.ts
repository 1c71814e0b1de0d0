/** Folders fairplan makes because it was asked to: advise's export folder and its drafts folder, plan's letters folder. */
import { lstat, mkdir, mkdtemp, readdir, rmdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { CANNOT_WRITE_HERE, cannotWrite, HOLDS_FILES, IS_A_FILE, LINK_TO_NOTHING, NO_SUCH_FOLDER, writeFailure } from './write-failure.js';

/**
 * Makes the folder `path`, or finds it there already. Only that one: a parent that does not exist
 * is a typing mistake to report, not a tree to build. `mode`: its permissions when made here.
 */
export async function createFolder(path: string, mode?: number): Promise<void> {
  try {
    await mkdir(path, mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw writeFailure(path, error);
    // Something is there, yet it may lead nowhere: a symbolic link whose folder is not there.
    const existing = await stat(path).catch(() => undefined);
    if (!existing) throw cannotWrite(path, LINK_TO_NOTHING);
    if (!existing.isDirectory()) throw cannotWrite(path, IS_A_FILE);
  }
}

/**
 * The permissions of a plan's documents and of a folder made for them: they hold the customer's
 * budget and may hold health notes, so only their owner may read them.
 */
export const PERSONAL_FOLDER_MODE = 0o700;
export const PERSONAL_FILE_MODE = 0o600;

/**
 * Makes the folder `path` for the documents of one plan (readable by its owner alone), or finds it
 * there empty: files already in it would be another plan's, mixed with (or replaced by) these.
 * `named`: the folder as the user gave it.
 */
export async function createEmptyFolder(path: string, named = path): Promise<void> {
  await createFolder(path, PERSONAL_FOLDER_MODE);
  if ((await readdir(path)).length > 0) throw cannotWrite(named, HOLDS_FILES);
}

/**
 * Whether files can be made in `folder`, found by making an empty folder there and removing it at
 * once: the permissions, a read-only disk and a full one all answer as they would for the export.
 */
async function cannotMakeIn(folder: string): Promise<string | undefined> {
  try {
    await rmdir(await mkdtemp(join(folder, '.fairplan-')));
    return undefined;
  } catch (error) {
    const sentence = writeFailure(folder, error).message;
    return sentence === NO_SUCH_FOLDER ? CANNOT_WRITE_HERE : sentence;
  }
}

/**
 * Why the documents of one plan could not be written into the folder `path` (made by
 * `createEmptyFolder` if it is not there), as one of the plain sentences of write-failure.ts;
 * undefined when they could. Nothing is left behind, so a question can ask this of every answer
 * while it is still open.
 */
export async function folderProblem(path: string): Promise<string | undefined> {
  const target = resolve(path);
  const existing = await stat(target).catch(() => undefined);
  if (!existing && (await lstat(target).catch(() => undefined))?.isSymbolicLink()) return LINK_TO_NOTHING;
  if (existing) {
    if (!existing.isDirectory()) return IS_A_FILE;
    if ((await readdir(target).catch(() => [])).length > 0) return HOLDS_FILES;
    return cannotMakeIn(target);
  }
  const parent = await stat(dirname(target)).catch(() => undefined);
  if (!parent?.isDirectory()) return NO_SUCH_FOLDER;
  return cannotMakeIn(dirname(target));
}
