import { describe, expect, it } from 'vitest';
import { Customers, MAX_HOUSEHOLD_ACCOUNTS } from '../../src/batch/customers.js';
import type { InputRecord } from '../../src/io/read-records.js';

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
        code: 'customer-rows-apart',
        cells: ['A', 'ACC4'],
        field: 'customer_id',
        accountId: 'ACC4',
      },
      startsHousehold: false,
    });
    // The refused row does not end B's household.
    expect(customers.place(row(5, 'B')).startsHousehold).toBe(false);
  });

  it('takes ids that differ only in case or surrounding spaces as one customer, as follow-up does', () => {
    const customers = new Customers(column, 1);
    const starts = [row(2, 'CUST-1'), row(3, ' cust-1 '), row(4, 'B')].map((r) => customers.place(r).startsHousehold);
    expect(starts).toEqual([true, false, true]);
    // Apart, they are refused, rather than planned a second time on the same budget.
    expect(customers.place(row(5, 'Cust-1')).record).toMatchObject({ kind: 'unreadable', code: 'customer-rows-apart' });
  });

  it('takes ids a reader would take for one as one customer: other dashes, invisible characters, full-width forms', () => {
    const customers = new Customers(column, 1);
    const ids = ['C-001', 'C\u2011001', 'C-001\u200b', '\uff23\uff0d\uff10\uff10\uff11', 'c\u2013001', 'C-0001'];
    expect(ids.map((id, at) => customers.place(row(at + 2, id)).startsHousehold)).toEqual([true, false, false, false, false, true]);
  });

  it('refuses a row that names no customer', () => {
    const placed = new Customers(column, 1).place(row(2, ' '));
    expect(placed.record).toMatchObject({ kind: 'unreadable', code: 'missing-value', field: 'customer_id', accountId: 'ACC2' });
  });
});

describe('a customer with more accounts than one household can have', () => {
  // The figure docs/commands/batch.md documents.
  const LIMIT = 1000;
  it('is the limit the manual documents (docs/commands/batch.md)', () => expect(MAX_HOUSEHOLD_ACCOUNTS).toBe(LIMIT));

  it(`plans the first 1000 of a customer's rows and refuses each row after them, saying why`, () => {
    const customers = new Customers(column, 1);
    const placed = Array.from({ length: LIMIT + 2 }, (_, i) => customers.place(row(i + 2, 'BIG')));
    expect(placed.slice(0, LIMIT).every((p) => p.record.kind === 'row')).toBe(true);
    for (const p of placed.slice(LIMIT)) {
      expect(p.record).toMatchObject({
        kind: 'unreadable',
        field: 'customer_id',
        reason: `customer BIG has more than 1000 accounts: fairplan plans at most 1000 of one customer's accounts together (the first 1000 were planned without this one)`,
      });
      // Refused rows are not held with the household: the chunk may end before them.
      expect(p.startsHousehold).toBe(true);
    }
    // The next customer is a household of its own again.
    expect(customers.place(row(LIMIT + 4, 'NEXT'))).toMatchObject({ record: { kind: 'row' }, startsHousehold: true });
  });
});
