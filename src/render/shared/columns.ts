/**
 * Text tables for terminals: columns sized to their content, numbers right-aligned, colour applied
 * after padding so escape codes never upset the alignment.
 */

export interface Column {
  readonly header: string;
  readonly align?: 'left' | 'right';
}

/** A cell's text, and how to colour it once padded. */
export interface Cell {
  readonly text: string;
  readonly style?: (text: string) => string;
}

export type Row = readonly (string | Cell)[];

const cellOf = (cell: string | Cell): Cell => (typeof cell === 'string' ? { text: cell } : cell);

/** The width a table laid out with `gap` spaces between columns would take. */
export function tableWidth(columns: readonly Column[], rows: readonly Row[], gap: number): number {
  return columnWidths(columns, rows).reduce((total, w) => total + w, 0) + gap * (columns.length - 1);
}

function columnWidths(columns: readonly Column[], rows: readonly Row[]): number[] {
  return columns.map((column, i) => Math.max(column.header.length, ...rows.map((row) => cellOf(row[i] ?? '').text.length)));
}

/** The header line and one line per row. */
export function layoutTable(
  columns: readonly Column[],
  rows: readonly Row[],
  { gap = 2, headerStyle = (text: string) => text }: { gap?: number; headerStyle?: (text: string) => string } = {},
): string[] {
  const widths = columnWidths(columns, rows);
  const line = (cells: readonly Cell[]): string =>
    cells
      .map((cell, i) => {
        const width = widths[i] ?? 0;
        const last = i === columns.length - 1;
        const padded =
          columns[i]?.align === 'right' ? cell.text.padStart(width) : last ? cell.text : cell.text.padEnd(width);
        return cell.style ? cell.style(padded) : padded;
      })
      .join(' '.repeat(gap))
      .trimEnd();
  return [
    line(columns.map((column) => ({ text: column.header, style: headerStyle }))),
    ...rows.map((row) => line(columns.map((_, i) => cellOf(row[i] ?? '')))),
  ];
}
