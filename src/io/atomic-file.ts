/**
 * Files that appear whole or not at all: written to a temporary file beside the target, then
 * renamed over it. A run that fails midway leaves no partial file where a nightly job would pick it
 * up (rename is atomic within one file system, hence "beside"). The folder must already exist:
 * nothing here creates one.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, renameSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { open, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { cannotWrite, EXISTS_ALREADY, IS_A_FOLDER, writeFailure } from './write-failure.js';

// Temporary files being written, so that a process ending abruptly can remove them.
const unfinished = new Set<string>();

/**
 * A new, empty temporary file beside `target`, under a name no other process or output can have
 * chosen (random, and created only if it does not exist yet).
 */
async function createTemporary(target: string, mode?: number) {
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(12).toString('hex')}.tmp`);
  try {
    // Created with its mode, so content meant for its owner alone is never readable by others, even briefly.
    const handle = await open(temporary, 'wx', mode);
    unfinished.add(temporary);
    return { temporary, handle };
  } catch (error) {
    throw writeFailure(target, error);
  }
}

function forget(temporary: string): void {
  rmSync(temporary, { force: true });
  unfinished.delete(temporary);
}

/**
 * Removes every temporary file still being written, at once, and says whether there were any: for
 * a process about to end without finishing its run (a signal, or the reader of its output went away).
 */
export function abandonTemporaryFiles(): boolean {
  const any = unfinished.size > 0;
  for (const temporary of unfinished) rmSync(temporary, { force: true });
  unfinished.clear();
  return any;
}

/**
 * A stream to a temporary file that becomes `target` when published, or vanishes on `abort()`; to a
 * device or a pipe, a stream to it directly (see openDirect).
 */
export interface AtomicWriter {
  readonly stream: WriteStream;
  readonly target: string;
  /** Ends the stream: everything written is in the temporary file, ready to be published. */
  finish(): Promise<void>;
  abort(): Promise<void>;
  /** The finished file takes its name (see publish). */
  rename(): void;
}

/** Ends `stream`, once everything written to it is written. */
const ended = (stream: WriteStream) =>
  new Promise<void>((resolve, reject) => {
    if (stream.closed) return resolve();
    stream.once('error', reject);
    // The callback is also called when a write failed (a full disk): never taken as finished then.
    stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
  });

/**
 * A device or a pipe (`-o /dev/null`, a named pipe) is written to as it is, like standard output:
 * renaming a file over it would replace the device, and there is no half-written file to avoid.
 */
async function openDirect(target: string): Promise<AtomicWriter> {
  const handle = await open(target, 'w').catch((error: unknown) => {
    throw writeFailure(target, error);
  });
  const stream = handle.createWriteStream({ encoding: 'utf8' });
  return {
    stream,
    target,
    finish: () => ended(stream).catch((error: unknown) => {
      throw writeFailure(target, error);
    }),
    abort: async () => void stream.destroy(),
    rename: () => undefined,
  };
}

/** `mode`: the file's permissions (e.g. 0o600 for personal data only its owner may read). */
export async function openAtomic(target: string, mode?: number): Promise<AtomicWriter> {
  const existing = await stat(target).catch(() => undefined);
  if (existing && !existing.isFile() && !existing.isDirectory()) return openDirect(target);
  const { temporary, handle } = await createTemporary(target, mode);
  const stream = handle.createWriteStream({ encoding: 'utf8' });
  return {
    stream,
    target,
    async finish() {
      try {
        await ended(stream);
      } catch (error) {
        forget(temporary);
        throw writeFailure(target, error);
      }
    },
    async abort() {
      stream.destroy();
      await rm(temporary, { force: true });
      unfinished.delete(temporary);
    },
    rename() {
      try {
        renameSync(temporary, target);
        unfinished.delete(temporary);
      } catch (error) {
        forget(temporary);
        throw writeFailure(target, error);
      }
    },
  };
}

/**
 * Gives finished files their names, in order, in one synchronous step: a signal, handled between
 * steps of the event loop, finds either every file of the run published or none of them.
 */
export function publish(writers: readonly AtomicWriter[]): void {
  // A target that is a folder would stop the renames halfway: look at every one before renaming any.
  const folder = writers.find((writer) => statSync(writer.target, { throwIfNoEntry: false })?.isDirectory());
  if (folder) throw cannotWrite(folder.target, IS_A_FOLDER);
  for (const writer of writers) writer.rename();
}

/** Writes files atomically and together: each is written in full before any takes its name. */
export async function writeFilesAtomic(
  files: readonly { readonly target: string; readonly content: string | Uint8Array; readonly mode?: number }[],
): Promise<void> {
  const writers: AtomicWriter[] = [];
  try {
    for (const { target, content, mode } of files) {
      const writer = await openAtomic(target, mode);
      writers.push(writer);
      writer.stream.write(content);
      await writer.finish();
    }
    publish(writers);
  } catch (error) {
    await Promise.all(writers.map((w) => w.abort()));
    throw error;
  }
}

/** Writes `content` to `target` atomically, with the permissions `mode` when given. */
export const writeFileAtomic = (target: string, content: string, mode?: number): Promise<void> =>
  writeFilesAtomic([{ target, content, ...(mode === undefined ? {} : { mode }) }]);

/**
 * Writes new files whole and together, never over a file that exists, even one that appeared while
 * they were written: each is written to a temporary file, then linked to its name, which fails if
 * the name is taken. If one cannot take its name, none of them is left.
 */
export async function writeNewFilesAtomic(
  files: readonly { readonly target: string; readonly content: string; readonly mode?: number }[],
): Promise<void> {
  const written: { readonly temporary: string; readonly target: string }[] = [];
  const published: string[] = [];
  try {
    for (const { target, content, mode } of files) {
      const { temporary, handle } = await createTemporary(target, mode);
      written.push({ temporary, target });
      try {
        await handle.writeFile(content, 'utf8');
      } catch (error) {
        throw writeFailure(target, error);
      } finally {
        await handle.close();
      }
    }
    for (const { temporary, target } of written) {
      try {
        linkSync(temporary, target);
      } catch (error) {
        throw (error as NodeJS.ErrnoException).code === 'EEXIST' ? cannotWrite(target, EXISTS_ALREADY) : writeFailure(target, error);
      }
      published.push(target);
    }
  } catch (error) {
    for (const target of published) rmSync(target, { force: true });
    throw error;
  } finally {
    for (const { temporary } of written) forget(temporary);
  }
}
