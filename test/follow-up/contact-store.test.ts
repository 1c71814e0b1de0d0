import { describe, expect, it } from 'vitest';
import { parseIsoDate, toDayNumber } from '../../src/core/date.js';
import { AccountNumbers } from '../../src/follow-up/account-numbers.js';
import { ContactStore } from '../../src/follow-up/contact-store.js';

describe('ContactStore', () => {
  it('gives back each account\'s messages already sent, in the order logged, once', () => {
    const store = new ContactStore(new AccountNumbers());
    store.add('A', toDayNumber(parseIsoDate('2026-03-02')), 'A:reminder:3:sms');
    store.add('B', toDayNumber(parseIsoDate('2026-03-03')), 'B:thank-you:completed:email');
    store.add('A', toDayNumber(parseIsoDate('2026-03-04')), 'A:missed-check-in:3:sms');
    expect(store.take('A')).toEqual([
      { sentOn: '2026-03-02', messageId: 'A:reminder:3:sms' },
      { sentOn: '2026-03-04', messageId: 'A:missed-check-in:3:sms' },
    ]);
    expect(store.take('A')).toEqual([]);
    expect(store.take('C')).toEqual([]);
    expect(store.take('B')).toEqual([{ sentOn: '2026-03-03', messageId: 'B:thank-you:completed:email' }]);
  });
});
