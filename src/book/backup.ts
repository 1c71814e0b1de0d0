/**
 * A consistent copy of a SQLite book while it is in use, by SQLite's online backup (other runs go on
 * reading and writing). The copy takes its name only once whole, readable by its owner only, as the
 * book is. A PostgreSQL book is copied with the server's own tool, pg_dump.
 */
import { closeSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { FairplanError } from '../core/errors.js';
import type { Book } from './connect.js';

export async function backupBook(book: Book, target: string, cwd: string): Promise<void> {
  if (!book.sqlite) {
    throw new FairplanError('invalid-argument', 'a PostgreSQL book is backed up with PostgreSQL\'s own tool: pg_dump --format=custom --file=book.dump followed by the same URL', { file: book.name });
  }
  const path = resolve(cwd, target);
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw new FairplanError('io', 'is a folder: name the file the copy is to be written to', { file: target });
  if (!statSync(dirname(path), { throwIfNoEntry: false })?.isDirectory()) throw new FairplanError('io', 'cannot be written: its folder does not exist', { file: target });
  // The copy would take the book's place under the runs that have it open, its WAL no longer its own.
  const existing = statSync(path, { throwIfNoEntry: false });
  const own = statSync(book.sqlite.name);
  if (existing && existing.dev === own.dev && existing.ino === own.ino) throw new FairplanError('invalid-argument', 'is the book itself: name another file for the copy', { file: target });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
  try {
    // Made first, so the copy is never readable by others, even while it is written.
    closeSync(openSync(temporary, 'wx', 0o600));
    await book.sqlite.backup(temporary);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_FULL' || code === 'ENOSPC') throw new FairplanError('no-space', 'the disk is full: no copy was made', { file: target });
    throw new FairplanError('io', `the copy cannot be written (${code ?? (error as Error).message})`, { file: target });
  }
}
