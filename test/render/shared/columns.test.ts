import { describe, expect, it } from 'vitest';
import { layoutTable, tableWidth } from '../../../src/render/shared/columns.js';

const columns = [{ header: 'n', align: 'right' as const }, { header: 'Amount', align: 'right' as const }, { header: 'Note' }];
const rows = [
  ['1', '£30.00', ''],
  ['10', '£1,000.00', 'moved'],
];

describe('text tables', () => {
  it('sizes columns to their widest cell, right-aligns numbers and leaves no trailing spaces', () => {
    expect(layoutTable(columns, rows)).toEqual([
      ' n     Amount  Note',
      ' 1     £30.00',
      '10  £1,000.00  moved',
    ]);
  });

  it('knows its width before it is laid out: 2 + 9 + 5 and two gaps of 2', () => {
    expect(tableWidth(columns, rows, 2)).toBe(20);
    expect(tableWidth(columns, rows, 1)).toBe(18);
  });

  it('colours a cell after padding it, so alignment does not depend on escape codes', () => {
    const [, , last] = layoutTable(columns, [rows[0] ?? [], ['10', { text: '£1,000.00', style: (t) => `<${t}>` }, 'moved']]);
    expect(last).toBe('10  <£1,000.00>  moved');
  });
});
