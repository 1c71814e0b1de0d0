/** Each run that changes the book is recorded: the command, the file it read (and its SHA-256), when, and with what options. */
import { readTable } from '../follow-up/table.js';
import type { BookWriter } from './transaction.js';

export interface ImportSource {
  /** `agree`, `payments`, `customers` or `sent`. */
  readonly command: string;
  /** The file as the user named it. */
  readonly file: string;
  readonly sha256: string;
  /** The moment of the run (ISO 8601), from the one place the command line reads the clock. */
  readonly recordedAt: string;
  /** fairplan's version and the options that changed what was recorded. */
  readonly provenance: Readonly<Record<string, unknown>>;
}

export async function recordImport(db: BookWriter, source: ImportSource): Promise<number> {
  const { id } = await db
    .insertInto('imports')
    .values({ command: source.command, file: source.file, sha256: source.sha256, recorded_at: source.recordedAt, provenance: JSON.stringify(source.provenance) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A run that found nothing new leaves no trace: the same file twice changes nothing in the book. */
export async function forgetIfEmpty(db: BookWriter, importId: number, recorded: number): Promise<void> {
  if (recorded === 0) await db.deleteFrom('imports').where('id', '=', importId).execute();
}

/**
 * Reads no further than the header: an import is read while it is recorded, so a file without the
 * columns it needs is refused here, before a book is opened or made for it.
 */
export async function checkColumns(file: string, required: readonly string[]): Promise<void> {
  const enough = new Error('the header is read');
  try {
    await readTable(file, required, () => {
      throw enough;
    }, () => undefined, () => undefined);
  } catch (error) {
    if (error !== enough) throw error;
  }
}
