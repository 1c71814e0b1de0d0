import { describe, expect, it } from 'vitest';
import { csvLine, safeCell } from '../../src/io/csv.js';

describe('CSV cells', () => {
  it.each(['=1+2', '+SUM(A1)', '-2+3', '@cmd', '\tTAB', '\rCR', '=HYPERLINK("x")'])(
    'neutralises %j, copied from the input, which a spreadsheet would run as a formula',
    (cell) => {
      expect(safeCell(cell)).toBe(`'${cell}`);
    },
  );

  it.each(['-12.50', '+3', '1234.56', 'Mary Jones', 'ACC1', ''])('leaves %j alone: amounts are never altered', (cell) => {
    expect(safeCell(cell)).toBe(cell);
  });

  it('quotes cells with commas, quotes or line breaks, doubling quotes', () => {
    expect(csvLine(['a', 'Jones, Mary', 'Jim "Bob"', 'two\nlines'])).toBe('a,"Jones, Mary","Jim ""Bob""","two\nlines"\n');
  });
});
