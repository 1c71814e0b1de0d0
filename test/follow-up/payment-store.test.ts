import { describe, expect, it } from 'vitest';
import { fromDayNumber, parseIsoDate, toDayNumber } from '../../src/core/date.js';
import { AccountNumbers } from '../../src/io/account-numbers.js';
import { PaymentStore } from '../../src/follow-up/payment-store.js';

const day = (text: string) => toDayNumber(parseIsoDate(text));

describe('PaymentStore', () => {
  it('gives back each account\'s payments in the order read, once, and lists the lines never taken in the order read', () => {
    const store = new PaymentStore(new AccountNumbers());
    store.add('NONE-2', day('2026-03-04'), 400, 1);
    // More payments than a block of its arrays holds.
    for (let i = 0; i < 140_000; i++) store.add(i % 2 === 0 ? 'EVEN' : 'ODD', day('2026-03-01') + (i % 300), 100 + i, i + 2);
    store.add('NONE-1', day('2026-03-05'), 500, 140_002);
    const even = store.take('EVEN');
    expect(even).toHaveLength(70_000);
    expect(even[0]).toEqual({ paidOn: '2026-03-01', amount: 100, line: 2 });
    expect(even[69_999]).toEqual({ paidOn: fromDayNumber(day('2026-03-01') + (139_998 % 300)), amount: 139_998 + 100, line: 140_000 });
    expect(store.take('EVEN')).toEqual([]);
    expect(store.take('NEVER-PAID')).toEqual([]);
    store.take('ODD');
    expect([...store.left()]).toEqual([{ accountId: 'NONE-2', line: 1 }, { accountId: 'NONE-1', line: 140_002 }]);
  });

  it('keeps an amount of whole pence beyond 32 bits exactly', () => {
    const store = new PaymentStore(new AccountNumbers());
    store.add('A', day('2026-03-01'), Number.MAX_SAFE_INTEGER, 2);
    expect(store.take('A')).toEqual([{ paidOn: '2026-03-01', amount: Number.MAX_SAFE_INTEGER, line: 2 }]);
  });

  it('keeps each payment\'s reference, if it has one, and a refund as negative pence', () => {
    const store = new PaymentStore(new AccountNumbers());
    store.add('A', day('2026-03-01'), 4000, 2, 'DD-0301');
    store.add('A', day('2026-03-02'), 4000, 3);
    store.add('A', day('2026-03-05'), -4000, 4, 'DD-0301');
    expect(store.take('A')).toEqual([
      { paidOn: '2026-03-01', amount: 4000, line: 2, reference: 'DD-0301' },
      { paidOn: '2026-03-02', amount: 4000, line: 3 },
      { paidOn: '2026-03-05', amount: -4000, line: 4, reference: 'DD-0301' },
    ]);
  });
});
