import { describe, expect, it } from 'vitest';
import { fromDayNumber, parseIsoDate, toDayNumber } from '../../src/core/date.js';
import { PaymentStore } from '../../src/follow-up/payment-store.js';

const day = (text: string) => toDayNumber(parseIsoDate(text));

describe('PaymentStore', () => {
  it('gives back each account\'s payments in the order read, once, and lists the lines never taken', () => {
    const store = new PaymentStore();
    // More payments than its first arrays hold.
    for (let i = 0; i < 3000; i++) store.add(i % 2 === 0 ? 'EVEN' : 'ODD', day('2026-03-01') + i, 100 + i, i + 2);
    store.add('NONE-1', day('2026-03-05'), 500, 4000);
    const even = store.take('EVEN');
    expect(even).toHaveLength(1500);
    expect(even[0]).toEqual({ paidOn: '2026-03-01', amount: 100 });
    expect(even[1499]).toEqual({ paidOn: fromDayNumber(day('2026-03-01') + 2998), amount: 3098 });
    expect(store.take('EVEN')).toEqual([]);
    store.take('ODD');
    expect([...store.left()]).toEqual([{ accountId: 'NONE-1', line: 4000 }]);
  });
});
