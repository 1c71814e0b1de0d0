/**
 * book customers, a later file without a column (docs/nightly.md: a night's customers file needs only
 * account_id and channel): the column is unknown, not empty, so what the book holds of the account
 * carries forward and no protection ends by being left out; a column present with an empty cell still
 * says what it says. Checked through follow-up --book, on each backend (PostgreSQL when
 * FAIRPLAN_TEST_POSTGRES names a server; skipped, never faked, without one).
 */
import { describe, expect, it } from 'vitest';
import { BACKENDS, customersNight } from '../helpers/book.js';

// Two instalments of £50.00 each, the first due on 21 June: every account is on track on 19 June, when a reminder is due.
const SCHEDULES = [
  'account_id,plan,n,due,moved_from,amount,interest,principal,balance_after',
  ...['R-01', 'R-02', 'R-03', 'R-05'].flatMap((id) => [`${id},affordable,1,2026-06-21,,50.00,0.00,50.00,50.00`, `${id},affordable,2,2026-07-21,,50.00,0.00,50.00,0.00`]),
].join('\n');
// are one person (C1), who has opted out on R-01; R-03 is in a Breathing Space to 30 August; R-05 is vulnerable, with consent.
const EARLIER = [
  'account_id,customer_id,name,channel,mobile,email,vulnerable,vulnerability_consent,breathing_space,breathing_space_end',
  'R-01,C1,Ann Roe,none,07700900301,,no,,,',
  'R-02,C1,Ann Roe,sms,07700900301,,no,,,',
  'R-03,C3,Cat Poe,sms,07700900303,,no,,standard,2026-08-30',
  'R-05,C5,Eve Loe,sms,07700900305,,yes,yes,,',
].join('\n');
// A change-of-number export: no customer_id, vulnerable or breathing_space columns.
const LATER = 'account_id,channel,mobile\nR-03,sms,07700900403\nR-05,sms,07700900405\nR-02,sms,07700900302\n';

describe.each(BACKENDS)('book customers, a column the file does not have, on $name', (backend) => {
  /**
   * A book with the plans and the earlier circumstances (from 1 June), then `since` (a full customers
   * file with its own effective_on column, if given), then `later` recorded from 12 June; the night of 19 June.
   */
  async function nightAfter(later: string, since?: string, laterName = 'later.csv') {
    const { recorded, status, messages } = await customersNight(backend, {
      schedules: SCHEDULES,
      agreedOn: '2026-06-01',
      steps: [
        { name: 'earlier.csv', text: EARLIER, effectiveOn: '2026-06-01', code: 0 },
        ...(since ? [{ name: 'since.csv', text: since, code: 0 }] : []),
        { name: laterName, text: later, effectiveOn: '2026-06-12' },
      ],
      asOf: '2026-06-19',
    });
    return { recorded: recorded.at(-1)!, status: new Map([...status].map(([id, row]) => [id, row.status!])), messages };
  }

  describe.skipIf(backend.missing)('carried forward', () => {
    it('keeps a Breathing Space the later file does not mention: the account stays paused and gets no reminder', async () => {
      const { recorded, status, messages } = await nightAfter(LATER);
      expect(recorded.code).toBe(0);
      expect(status.get('R-03')).toBe('paused');
      expect(messages.has('R-03')).toBe(false);
    });

    it('keeps a vulnerability: its reminder is for a person to review first', async () => {
      const { messages } = await nightAfter(LATER);
      expect(messages.get('R-05')).toMatchObject({ channel: 'sms', review: 'yes', held_back: '' });
    });

    it('carries what was in force on the file\'s day, not a circumstance recorded from a later day', async () => {
      // Recorded first: from 25 June R-05 is no longer vulnerable. The later file, dated 12 June, comes between.
      const since = 'account_id,customer_id,name,channel,mobile,vulnerable,effective_on\nR-05,C5,Eve Loe,sms,07700900305,no,2026-06-25';
      const { messages } = await nightAfter(LATER, since);
      expect(messages.get('R-05')).toMatchObject({ channel: 'sms', review: 'yes', held_back: '' });
    });

    it('keeps the tie to the person: R-02 is held as opted out, as R-01 is', async () => {
      const { messages } = await nightAfter(LATER);
      expect(messages.get('R-02')).toMatchObject({ held_back: 'customer-opted-out' });
      expect(messages.get('R-01')).toMatchObject({ held_back: 'customer-opted-out' });
    });

    it('carries per record in NDJSON: a key one record leaves out carries, the same key in another record is read', async () => {
      const later = [
        '{"account_id":"R-03","channel":"sms","mobile":"07700900403"}',
        '{"account_id":"R-05","channel":"sms","mobile":"07700900405","breathing_space":"standard","breathing_space_end":"2026-08-30"}',
      ].join('\n');
      const { status, messages } = await nightAfter(later, undefined, 'later.ndjson');
      expect(status.get('R-03')).toBe('paused');
      expect(status.get('R-05')).toBe('paused');
      expect(messages.has('R-03')).toBe(false);
      expect(messages.has('R-05')).toBe(false);
    });

    it('says which protective columns the file does not have', async () => {
      const { recorded } = await nightAfter(LATER);
      for (const column of ['customer_id', 'vulnerable', 'vulnerability_consent', 'breathing_space', 'breathing_space_end']) expect(recorded.stderr).toContain(column);
      expect(recorded.stderr).not.toContain('mobile');
    });
  });

  describe.skipIf(backend.missing)('a channel whose address column the file does not have', () => {
    it('is judged against the address in force: a file of account_id and channel keeps R-05\'s mobile, with no doubt', async () => {
      const { recorded, messages } = await nightAfter('account_id,channel\nR-05,sms');
      expect(recorded.code).toBe(0);
      expect(recorded.stderr).not.toContain('mobile is empty');
      expect(messages.get('R-05')).toMatchObject({ channel: 'sms', held_back: '' });
    });

    it('is a doubt when no address is in force either: R-05 has no email, so its messages are held', async () => {
      const { recorded, messages } = await nightAfter('account_id,channel\nR-05,email');
      expect(recorded.code).toBe(1);
      expect(recorded.stderr).toContain('email');
      expect(messages.get('R-05')).toMatchObject({ channel: 'email', held_back: 'protection-unreadable' });
    });
  });

  describe.skipIf(backend.missing)('a column present with an empty cell', () => {
    it('ends the Breathing Space: the account is on track again and reminded', async () => {
      const { recorded, status, messages } = await nightAfter('account_id,channel,mobile,breathing_space,breathing_space_end\nR-03,sms,07700900303,,');
      expect(recorded.code).toBe(0);
      expect(recorded.stderr).not.toContain('breathing_space');
      expect(status.get('R-03')).toBe('on-track');
      expect(messages.get('R-03')).toMatchObject({ channel: 'sms', kind: 'reminder', held_back: '' });
    });
  });
});
