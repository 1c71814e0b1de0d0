/**
 * Files that appear whole or not at all: written to a temporary file beside the target, then
 * renamed over it. A run that fails midway leaves no partial file where a nightly job would pick it
 * up (rename is atomic within one file system, hence "beside").
 */
import { createWriteStream, rmSync, type WriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { FairplanError } from '../core/errors.js';

function temporaryPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
}

function ioError(target: string, error: unknown): FairplanError {
  const reason = error instanceof Error ? error.message : String(error);
  return new FairplanError('io', `cannot write ${target}: ${reason}`, { file: target });
}

export interface FileModes {
  /** The file's permissions, e.g. 0o600 for personal data only its owner may read. */
  readonly mode?: number;
  /** The permissions of any folder created for it. */
  readonly folderMode?: number;
}

/** Writes `content` to `target` atomically, creating its folder if needed. */
export async function writeFileAtomic(target: string, content: string, { mode, folderMode }: FileModes = {}): Promise<void> {
  const temporary = temporaryPathFor(target);
  try {
    await mkdir(dirname(target), { recursive: true, ...(folderMode === undefined ? {} : { mode: folderMode }) });
    // The temporary file is created with the mode, so the content is never readable by others, even briefly.
    await writeFile(temporary, content, { encoding: 'utf8', ...(mode === undefined ? {} : { mode }) });
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw ioError(target, error);
  }
}

// Temporary files being written, so that a process ending abruptly can remove them.
const unfinished = new Set<string>();

/**
 * Removes every temporary file still being written, at once: for a process about to end without
 * finishing its run (the reader of its output went away).
 */
export function abandonTemporaryFiles(): void {
  for (const temporary of unfinished) rmSync(temporary, { force: true });
  unfinished.clear();
}

/** A stream to a temporary file that becomes `target` on `commit()`, or vanishes on `abort()`. */
export interface AtomicWriter {
  readonly stream: WriteStream;
  readonly target: string;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

export async function openAtomic(target: string): Promise<AtomicWriter> {
  const temporary = temporaryPathFor(target);
  try {
    await mkdir(dirname(target), { recursive: true });
  } catch (error) {
    throw ioError(target, error);
  }
  const stream = createWriteStream(temporary, { encoding: 'utf8' });
  unfinished.add(temporary);
  const closed = () =>
    new Promise<void>((resolve, reject) => {
      if (stream.closed) return resolve();
      stream.once('error', reject);
      stream.end(() => resolve());
    });
  return {
    stream,
    target,
    async commit() {
      try {
        await closed();
        await rename(temporary, target);
      } catch (error) {
        await rm(temporary, { force: true });
        throw ioError(target, error);
      } finally {
        unfinished.delete(temporary);
      }
    },
    async abort() {
      stream.destroy();
      await rm(temporary, { force: true });
      unfinished.delete(temporary);
    },
  };
}
