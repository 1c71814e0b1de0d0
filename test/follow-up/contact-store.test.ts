import { describe, expect, it } from 'vitest';
import { parseIsoDate, toDayNumber } from '../../src/core/date.js';
import { AccountNumbers } from '../../src/io/account-numbers.js';
import { ContactStore } from '../../src/follow-up/contact-store.js';

describe('ContactStore', () => {
  it('gives back each account\'s messages already sent, in the order logged, as often as asked (a person\'s other accounts ask too)', () => {
    const store = new ContactStore(new AccountNumbers());
    store.add('A', toDayNumber(parseIsoDate('2026-03-02')), 'A:reminder:3:sms');
    store.add('B', toDayNumber(parseIsoDate('2026-03-03')), 'B:thank-you:completed:email');
    store.add('A', toDayNumber(parseIsoDate('2026-03-04')), 'A:missed-check-in:3:sms');
    const a = [
      { sentOn: '2026-03-02', messageId: 'A:reminder:3:sms' },
      { sentOn: '2026-03-04', messageId: 'A:missed-check-in:3:sms' },
    ];
    expect(store.of('A')).toEqual(a);
    store.use('A');
    expect(store.of('A')).toEqual(a);
    expect(store.of('C')).toEqual([]);
    expect(store.of('B')).toEqual([{ sentOn: '2026-03-03', messageId: 'B:thank-you:completed:email' }]);
    expect(store.untaken).toBe(1);
  });

  it('keeps the line of an account\'s first row that cannot be read', () => {
    const store = new ContactStore(new AccountNumbers());
    store.addUnreadable('A', 7);
    store.addUnreadable('A', 9);
    expect(store.unreadableLine('A')).toBe(7);
    expect(store.unreadableLine('B')).toBeUndefined();
  });
});
