import { describe, expect, it } from 'vitest';
import { Customers } from '../../src/batch/customers.js';
import type { InputRecord } from '../../src/batch/read.js';

const row = (line: number, customer: string): InputRecord => ({ kind: 'row', line, cells: [customer, `ACC${line}`] });
const column = { name: 'customer_id', index: 0 };

describe('the customers of a grouped batch, row by row', () => {
  it("starts a household at each new customer and keeps a customer's adjacent rows together", () => {
    const customers = new Customers(column);
    const starts = [row(2, 'A'), row(3, 'A'), row(4, 'B'), row(5, 'C'), row(6, 'C')].map((r) => customers.place(r).startsHousehold);
    expect(starts).toEqual([true, false, true, true, false]);
  });

  it('refuses a row of a customer whose rows came before another customer, saying how to sort the export', () => {
    const customers = new Customers(column, 1);
    customers.place(row(2, 'A'));
    customers.place(row(3, 'B'));
    const placed = customers.place(row(4, 'A'));
    expect(placed).toEqual({
      record: {
        kind: 'unreadable',
        line: 4,
        reason: 'rows of customer A are not together: sort the export by customer_id',
        cells: ['A', 'ACC4'],
        field: 'customer_id',
        accountId: 'ACC4',
      },
      startsHousehold: false,
    });
    // The refused row does not end B's household.
    expect(customers.place(row(5, 'B')).startsHousehold).toBe(false);
  });

  it('refuses a row that names no customer', () => {
    const placed = new Customers(column, 1).place(row(2, ' '));
    expect(placed.record).toMatchObject({ kind: 'unreadable', reason: 'customer_id is missing: the row names no customer', field: 'customer_id', accountId: 'ACC2' });
  });
});
