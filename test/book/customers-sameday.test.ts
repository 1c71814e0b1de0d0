/**
 * book customers, read the way that protects the customer across files and dates (docs/book.md): a
 * second file for the same day does not undo a protection the first recorded; a protection dated in
 * the future holds from the day the file is recorded, an end dated in the future ends only on its
 * day; and a row whose effective_on cannot be read ends nothing. Checked through follow-up --book, on
 * each backend (PostgreSQL when FAIRPLAN_TEST_POSTGRES names a server; skipped, never faked, without one).
 */
import { describe, expect, it } from 'vitest';
import { BACKENDS, customersNight, type CustomersStep } from '../helpers/book.js';

// Two instalments of £50.00 each, the first due on 14 June: every account is on track on 12 June, when a reminder is due.
const ACCOUNTS = ['S-01', 'S-02', 'S-03', 'S-04', 'S-05', 'S-06'];
const SCHEDULES = [
  'account_id,plan,n,due,moved_from,amount,interest,principal,balance_after',
  ...ACCOUNTS.flatMap((id) => [`${id},affordable,1,2026-06-14,,50.00,0.00,50.00,50.00`, `${id},affordable,2,2026-07-14,,50.00,0.00,50.00,0.00`]),
].join('\n');
const COLUMNS = 'account_id,customer_id,channel,mobile,vulnerable,vulnerability_consent,breathing_space,breathing_space_end';
// From 1 June: S-05 is in a Breathing Space to 30 August, S-06 has opted out; the others may be reminded.
const FIRST: CustomersStep = {
  name: 'first.csv',
  effectiveOn: '2026-06-01',
  code: 0,
  text: [
    COLUMNS,
    'S-01,C1,sms,07700900101,no,,,',
    'S-02,C2,sms,07700900102,no,,,',
    'S-03,C3,sms,07700900103,no,,,',
    'S-04,C4,sms,07700900104,no,,,',
    'S-05,C5,sms,07700900105,no,,standard,2026-08-30',
    'S-06,C6,none,07700900106,no,,,',
  ].join('\n'),
};
// The CRM's full export, with nothing protecting S-01 to S-04.
const PLAIN = [COLUMNS, 'S-01,C1,sms,07700900101,no,,,', 'S-02,C2,sms,07700900102,no,,,', 'S-03,C3,sms,07700900103,no,,,', 'S-04,C4,sms,07700900104,no,,,'].join('\n');
// What the customers told the firm: S-01 opts out, S-02 enters a Breathing Space, S-03 is vulnerable.
const TOLD = [COLUMNS, 'S-01,C1,none,07700900101,no,,,', 'S-02,C2,sms,07700900102,no,,standard,2026-08-30', 'S-03,C3,sms,07700900103,yes,yes,,'].join('\n');


describe.each(BACKENDS)('book customers read protectively across files and dates, on $name', (backend) => {
  const run = (steps: readonly CustomersStep[], asOf = '2026-06-12') => customersNight(backend, { schedules: SCHEDULES, agreedOn: '2026-06-01', steps: [FIRST, ...steps], asOf });

  describe.skipIf(backend.missing)('a second customers file for the same day', () => {
    it('does not lift an opt-out, a Breathing Space or a vulnerability the first recorded for that day', async () => {
      const { status, messages } = await run([
        { name: 'told.csv', text: TOLD, effectiveOn: '2026-06-10', code: 0 },
        { name: 'export.csv', text: PLAIN, effectiveOn: '2026-06-10', code: 0 },
      ]);
      expect(messages.get('S-01')).toMatchObject({ held_back: 'customer-opted-out' });
      expect(status.get('S-02')).toMatchObject({ status: 'paused' });
      expect(messages.has('S-02')).toBe(false);
      expect(messages.get('S-03')).toMatchObject({ kind: 'reminder', review: 'yes', held_back: '' });
      // The account no file protects is reminded.
      expect(messages.get('S-04')).toMatchObject({ kind: 'reminder', review: 'no', held_back: '' });
    });

    it('holds them the same way when the second file is the one that protects', async () => {
      const { status, messages } = await run([
        { name: 'export.csv', text: PLAIN, effectiveOn: '2026-06-10', code: 0 },
        { name: 'told.csv', text: TOLD, effectiveOn: '2026-06-10', code: 0 },
      ]);
      expect(messages.get('S-01')).toMatchObject({ held_back: 'customer-opted-out' });
      expect(status.get('S-02')).toMatchObject({ status: 'paused' });
      expect(messages.get('S-03')).toMatchObject({ review: 'yes' });
    });

    it('leaves them to be ended by a file dated after that day', async () => {
      const { status, messages } = await run([
        { name: 'told.csv', text: TOLD, effectiveOn: '2026-06-10', code: 0 },
        { name: 'export.csv', text: PLAIN, effectiveOn: '2026-06-10', code: 0 },
        { name: 'ended.csv', text: PLAIN, effectiveOn: '2026-06-11', code: 0 },
      ]);
      expect(messages.get('S-01')).toMatchObject({ kind: 'reminder', held_back: '' });
      expect(status.get('S-02')).toMatchObject({ status: 'on-track' });
      expect(messages.get('S-03')).toMatchObject({ kind: 'reminder', review: 'no', held_back: '' });
    });
  });

  describe.skipIf(backend.missing)('a row dated after the day the file is recorded', () => {
    // Learnt on 10 June, each row dated 17 June (a typo, or the day the customer asked for).
    const FUTURE = [
      `${COLUMNS},effective_on`,
      'S-01,C1,none,07700900101,no,,,,2026-06-17',
      'S-02,C2,sms,07700900102,no,,standard,2026-08-30,2026-06-17',
      'S-03,C3,sms,07700900103,yes,yes,,,2026-06-17',
      // Ends: S-05's Breathing Space, S-06's opt-out.
      'S-05,C5,sms,07700900105,no,,,,2026-06-17',
      'S-06,C6,sms,07700900106,no,,,,2026-06-17',
    ].join('\n');

    it('protects from the day the file is recorded: the customer has told the firm', async () => {
      const { status, messages, recorded } = await run([{ name: 'future.csv', text: FUTURE, effectiveOn: '2026-06-10', code: 0 }]);
      expect(messages.get('S-01')).toMatchObject({ held_back: 'customer-opted-out' });
      expect(status.get('S-02')).toMatchObject({ status: 'paused' });
      expect(messages.get('S-03')).toMatchObject({ kind: 'reminder', review: 'yes', held_back: '' });
      // Said, and counted, on the summary line.
      expect(recorded[1]!.stdout).toMatch(/5 dated after 2026-06-10/);
    });

    it('ends a protection only from its own day', async () => {
      const { status, messages, night: later } = await run([{ name: 'future.csv', text: FUTURE, effectiveOn: '2026-06-10', code: 0 }]);
      expect(status.get('S-05')).toMatchObject({ status: 'paused' });
      expect(messages.has('S-05')).toBe(false);
      expect(messages.get('S-06')).toMatchObject({ held_back: 'customer-opted-out' });
      const after = await later('2026-06-19');
      expect(after.status.get('S-05')!.status).not.toBe('paused');
      expect(after.status.get('S-02')).toMatchObject({ status: 'paused' });
    });
  });

  describe.skipIf(backend.missing)('a row whose effective_on cannot be read', () => {
    const UNREADABLE = [
      `${COLUMNS},effective_on`,
      // Protects: a Breathing Space from a day that cannot be read.
      'S-02,C2,sms,07700900102,no,,standard,2026-08-30,next Tuesday',
      // Would end: S-05's Breathing Space, S-06's opt-out.
      'S-05,C5,sms,07700900105,no,,,,next Tuesday',
      'S-06,C6,sms,07700900106,no,,,,next Tuesday',
    ].join('\n');

    it('protects from the day the file is recorded and on every night after, and ends nothing', async () => {
      const { status, messages, night: later, recorded, book } = await run([{ name: 'unreadable.csv', text: UNREADABLE, effectiveOn: '2026-06-10', code: 1 }], '2026-06-10');
      expect(recorded[1]!.stderr).toContain('effective_on');
      for (const { status: statuses, messages: sent } of [{ status, messages }, await later('2026-06-12'), await later('2026-06-19')]) {
        expect(statuses.get('S-02')).toMatchObject({ status: 'paused' });
        expect(statuses.get('S-05')).toMatchObject({ status: 'paused' });
        expect(sent.has('S-02')).toBe(false);
        expect(sent.has('S-05')).toBe(false);
        expect(sent.get('S-06')?.held_back ?? 'none issued').not.toBe('');
      }
      const shown = JSON.parse((await book(['show', 'S-06', '--json'])).stdout) as { circumstances: { effectiveOn: string; optedOut: boolean }[] };
      expect(shown.circumstances.map((c) => [c.effectiveOn, c.optedOut])).toEqual([
        ['2026-06-01', true],
        ['2026-06-10', true],
      ]);
    });
  });
});
