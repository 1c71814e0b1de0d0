import { describe, expect, it } from 'vitest';
import { AmountTally, unmappedAmountColumns } from '../../src/batch/unmapped.js';

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

describe('the whole file, as it streams', () => {
  it('judges a column blank in the first rows by every row after them', () => {
    const headers = ['Ref', 'Water'];
    const tally = new AmountTally(headers, new Set([0]));
    for (let i = 0; i < 150; i++) tally.add([`R${i}`, '']);
    expect(tally.amountColumns()).toEqual([]);
    for (let i = 150; i < 200; i++) tally.add([`R${i}`, '38.20']);
    expect(tally.amountColumns()).toEqual(['Water']);
  });

  it('counts a cell as money only in whole pence: a third decimal place is not money', () => {
    const tally = new AmountTally(['Ref', 'Rate', 'Fee'], new Set([0]));
    for (const [rate, fee] of [['0.125', '£1,250.00'], ['1.375', '12.5'], ['2.5', 'n/a']]) tally.add(['R', rate ?? '', fee ?? '']);
    // Rate: one money cell in three; Fee: two in three.
    expect(tally.amountColumns()).toEqual(['Fee']);
  });
});

describe('counts, ages and identifiers are not money', () => {
  it('passes over a column whose header names a count, an age, a year or an identifier, however its cells read', () => {
    const headers = ['Age', 'Dependants', 'Number of cars', 'No. of adults', 'Customer ID', 'Year opened', 'Months in arrears', 'Credit score', 'Children', 'Water'];
    const rows = [
      ['34', '2', '1', '2', '1001', '2019', '3', '640.5', '2', '38.20'],
      ['57', '0', '0', '1', '1002', '2021', '12', '702', '0', '31.50'],
    ];
    expect(unmappedAmountColumns(headers, new Set(), rows)).toEqual(['Water']);
  });

  it('passes over whole numbers alone (no decimal point, none above 120) under a header that names no income or outgoing', () => {
    const headers = ['Pets', 'Visits', 'Water', 'Gym', 'Bonus'];
    const rows = [
      ['0', '34', '38', '30.00', '250'],
      ['2', '57', '41', '25.00', '300'],
    ];
    // Water names an outgoing, so its whole pounds are money; Gym is written in pounds and pence;
    // Bonus goes past 120, further than a count or an age.
    expect(unmappedAmountColumns(headers, new Set(), rows)).toEqual(['Water', 'Gym', 'Bonus']);
  });
});
