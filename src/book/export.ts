/** Every table of the book as a file of its own, CSV or NDJSON, so nothing in it is locked in. */
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { csvSafeText } from '../render/shared/csv-safe.js';
import { FORMAT_VERSION } from '../render/shared/format-version.js';
import { BOOK_TABLES, pence } from './schema.js';
import type { BookWriter } from './transaction.js';

export interface ExportedTable {
  readonly table: string;
  readonly file: string;
  readonly rows: number;
  readonly content: string;
}

/** Each table's rows in the order they were recorded; amounts stay whole pence, as the book holds them. */
export async function exportTables(db: BookWriter, folder: string, format: 'csv' | 'ndjson'): Promise<ExportedTable[]> {
  const tables: ExportedTable[] = [];
  const described = await db.introspection.getTables();
  for (const table of BOOK_TABLES) {
    const order = table === 'instalments' ? ['agreement_id', 'n'] : ['id'];
    let query = db.selectFrom(table).selectAll();
    for (const column of order) query = query.orderBy(column as never);
    const rows = (await query.execute()) as Record<string, unknown>[];
    const columns = described.find((t) => t.name === table)?.columns.map((c) => c.name) ?? [];
    // PostgreSQL gives a bigint as text: made the same number SQLite gives.
    // An unread payment's amount is kept as it was written, not as pence.
    const valueOf = (column: string, value: unknown): unknown =>
      value === undefined || value === null ? null : column === 'amount' && table !== 'unread_payments' ? pence(value as string | number) : value;
    const plain = rows.map((row) => Object.fromEntries(columns.map((column) => [column, valueOf(column, row[column])])));
    const content =
      format === 'csv'
        ? // A spreadsheet must not run a cell as a formula; the NDJSON export keeps every value exactly.
          stringify(plain, { header: true, columns, cast: { number: String, string: csvSafeText } })
        : // Each line carries the format's version, as every NDJSON output does (schema/book-export-TABLE.schema.json).
          plain.map((row) => `${JSON.stringify({ formatVersion: FORMAT_VERSION, ...row })}\n`).join('');
    tables.push({ table, file: join(folder, `${table}.${format}`), rows: rows.length, content });
  }
  return tables;
}
