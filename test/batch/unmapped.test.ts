import { describe, expect, it } from 'vitest';
import { unmappedAmountColumns } from '../../src/batch/unmapped.js';

const HEADERS = ['Ref', 'Customer ID', 'Region', 'Water', 'Phone', 'Notes', 'Energy', 'Mostly blank'];
const ROWS = [
  ['R1', '1001', 'Wales', '38.20', '£42.99', 'rang on Monday', '95.00', ''],
  ['R2', '1002', 'London', '31.50', '25', 'n/a', '110.00', ''],
  ['R3', '1003', 'Leeds', '', '30.00', '12', '120.00', '5.00'],
];

describe('columns that hold amounts but that nothing reads', () => {
  it('names, in file order, each column most of whose non-empty cells are money, leaving out those read and identifiers', () => {
    // Energy (6) is read; Notes has one amount in three; an id column is not amounts however it reads.
    expect(unmappedAmountColumns(HEADERS, new Set([0, 6]), ROWS)).toEqual(['Water', 'Phone', 'Mostly blank']);
  });

  it('names none when every such column is read or carried', () => {
    expect(unmappedAmountColumns(HEADERS, new Set([0, 3, 4, 6, 7]), ROWS)).toEqual([]);
  });
});
