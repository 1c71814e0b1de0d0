/**
 * book customers, a file dated before circumstances already recorded (a Breathing Space that began
 * on 5 June, learnt on 12 June, after a change of number from 10 June was recorded): what the later
 * circumstance carried follows what is now in force before it, so the night of 12 June reads the
 * Breathing Space, the vulnerability and the tie to the person. A value a later file said itself
 * stands, except that a protection it never knew of is not ended by it; a doubtful file ends nothing.
 * Checked through follow-up --book, on each backend (PostgreSQL when FAIRPLAN_TEST_POSTGRES names a
 * server; skipped, never faked, without one).
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openBook } from '../../src/book/connect.js';
import { MIGRATION_TABLE } from '../../src/book/schema.js';
import { BACKENDS, customersNight, runCli } from '../helpers/book.js';

// Two instalments of £50.00 each, the first due on 14 June: every account is on track on 12 June, when a reminder is due.
const ACCOUNTS = ['R-01', 'R-02', 'R-03', 'R-05', 'R-06'];
const SCHEDULES = [
  'account_id,plan,n,due,moved_from,amount,interest,principal,balance_after',
  ...ACCOUNTS.flatMap((id) => [`${id},affordable,1,2026-06-14,,50.00,0.00,50.00,50.00`, `${id},affordable,2,2026-07-14,,50.00,0.00,50.00,0.00`]),
].join('\n');
// From 1 June: R-01 is person C1, who has opted out; R-02 is not yet known to be C1 too; R-06 is in a Breathing Space to 30 August.
const FIRST = [
  'account_id,customer_id,name,channel,mobile,vulnerable,vulnerability_consent,breathing_space,breathing_space_end,region',
  'R-01,C1,Ann Roe,none,07700900301,no,,,,north',
  'R-02,,Ann Roe,sms,07700900302,no,,,,north',
  'R-03,C3,Cat Poe,sms,07700900303,no,,,,south',
  'R-05,C5,Eve Loe,sms,07700900305,no,,,,south',
  'R-06,C6,Fay Hoe,sms,07700900306,no,,standard,2026-08-30,west',
].join('\n');
// From 10 June, a change-of-number export: no customer_id, vulnerable, breathing_space or template columns.
const NUMBERS = 'account_id,channel,mobile\nR-02,sms,07700900402\nR-03,sms,07700900403\nR-05,sms,07700900405\nR-06,sms,07700900406';

describe.each(BACKENDS)('book customers, a file dated before circumstances already recorded, on $name', (backend) => {
  /**
   * A book with the plans, the first circumstances (from 1 June), `tenth` from 10 June, then
   * `backdated` from 5 June (its own effective_on column wins where it has one); the night of 12 June.
   * `between` runs before the backdated file is recorded, `beforeNight` before the night.
   */
  async function night(
    backdated: string,
    { tenth = NUMBERS, between, beforeNight, recordedCode = 0 }: { tenth?: string; between?: (location: string) => Promise<void>; beforeNight?: (location: string) => Promise<void>; recordedCode?: number } = {},
  ) {
    const { location, recorded, status, messages, book } = await customersNight(backend, {
      schedules: SCHEDULES,
      agreedOn: '2026-06-01',
      steps: [
        { name: 'first.csv', text: FIRST, effectiveOn: '2026-06-01', code: 0 },
        { name: 'tenth.csv', text: tenth, effectiveOn: '2026-06-10', code: 0 },
        ...(between ? [between] : []),
        { name: 'backdated.csv', text: backdated, effectiveOn: '2026-06-05', code: recordedCode },
        ...(beforeNight ? [beforeNight] : []),
      ],
      asOf: '2026-06-12',
    });
    const shown = await book(['show', 'R-03', '--json']);
    return {
      location,
      recorded: recorded.at(-1)!,
      status,
      messages,
      shownR03: JSON.parse(shown.stdout) as { circumstances: { effectiveOn: string; breathingSpace: { kind: string; end: string | null } | null }[] },
    };
  }

  describe.skipIf(backend.missing)('a protection learnt late', () => {
    it('pauses the account from the day the Breathing Space began, through a change of number recorded before it was known', async () => {
      const { status, messages, shownR03 } = await night('account_id,channel,mobile,breathing_space,breathing_space_end\nR-03,sms,07700900303,standard,2026-08-03');
      expect(status.get('R-03')).toMatchObject({ status: 'paused' });
      expect(status.get('R-03')!.reason).toMatch(/Breathing Space/);
      expect(messages.has('R-03')).toBe(false);
      // The account whose Breathing Space no file spoke of is reminded as before, at its new number.
      expect(messages.get('R-05')).toMatchObject({ kind: 'reminder', channel: 'sms', held_back: '' });
      // book show has the 10 June row as in force: the new number, and the Breathing Space it carries.
      expect(shownR03.circumstances.map((c) => [c.effectiveOn, c.breathingSpace])).toEqual([
        ['2026-06-01', null],
        ['2026-06-05', { kind: 'standard', end: '2026-08-03' }],
        ['2026-06-10', { kind: 'standard', end: '2026-08-03' }],
      ]);
    });

    it('holds the reminder for a person to read when the customer was vulnerable from before the change of number', async () => {
      const { messages } = await night('account_id,channel,mobile,vulnerable,vulnerability_consent\nR-05,sms,07700900305,yes,yes');
      expect(messages.get('R-05')).toMatchObject({ kind: 'reminder', review: 'yes', held_back: '' });
      expect(messages.get('R-03')).toMatchObject({ kind: 'reminder', review: 'no', held_back: '' });
    });

    it('ties the account to its person from that day, so the person\'s opt-out holds it back', async () => {
      const { messages } = await night('account_id,channel,mobile,customer_id\nR-02,sms,07700900302,C1');
      expect(messages.get('R-02')).toMatchObject({ held_back: 'customer-opted-out' });
    });

    it('carries the templates\' columns and the number from what is in force, keeping what the later file said itself', async () => {
      const { location } = await night('account_id,channel,mobile,region\nR-03,sms,07700900503,east');
      const opened = await openBook(location, { create: false, waitSeconds: 5, cwd: process.cwd() });
      try {
        const r03 = await opened.db.selectFrom('circumstances').select(['effective_on', 'mobile', 'columns']).where('account_id', '=', 'R-03').orderBy('effective_on').execute();
        expect(r03.map((c) => [c.effective_on, c.mobile, JSON.parse(c.columns)])).toEqual([
          ['2026-06-01', '07700900303', { region: 'south' }],
          ['2026-06-05', '07700900503', { region: 'east' }],
          // The 10 June file said the number, not the region.
          ['2026-06-10', '07700900403', { region: 'east' }],
        ]);
      } finally {
        await opened.close();
      }
    });

    it('is not ended by a later file that said no Breathing Space before it was known of', async () => {
      // A full export on 10 June, its breathing_space empty as it was on 1 June: the firm did not know yet.
      const tenth = 'account_id,channel,mobile,breathing_space,breathing_space_end\nR-03,sms,07700900403,,';
      const { status, messages } = await night('account_id,channel,mobile,breathing_space,breathing_space_end\nR-03,sms,07700900303,standard,2026-08-03', { tenth });
      expect(status.get('R-03')).toMatchObject({ status: 'paused' });
      expect(messages.has('R-03')).toBe(false);
    });
  });

  describe.skipIf(backend.missing)('an end learnt late', () => {
    it('ends the Breathing Space the change of number carried: an end learnt late is an end', async () => {
      const { status, messages } = await night('account_id,channel,mobile,breathing_space,breathing_space_end\nR-06,sms,07700900306,,');
      expect(status.get('R-06')).toMatchObject({ status: 'on-track' });
      expect(messages.get('R-06')).toMatchObject({ kind: 'reminder', channel: 'sms', held_back: '' });
    });

    it('does not end it when the file that ends it is in doubt (its effective_on cannot be read)', async () => {
      // Recorded, with the doubt told as a rejected row (exit 1).
      const { status, messages } = await night('account_id,channel,mobile,breathing_space,breathing_space_end,effective_on\nR-06,sms,07700900306,,,5th June', { recordedCode: 1 });
      expect(status.get('R-06')).toMatchObject({ status: 'paused' });
      expect(messages.has('R-06')).toBe(false);
    });

    it('does not end one a later file said itself was in force', async () => {
      const tenth = 'account_id,channel,mobile,breathing_space,breathing_space_end\nR-06,sms,07700900406,standard,2026-08-30';
      const { status } = await night('account_id,channel,mobile,breathing_space,breathing_space_end\nR-06,sms,07700900306,,', { tenth });
      expect(status.get('R-06')).toMatchObject({ status: 'paused' });
    });
  });

  /** R-06's Breathing Space ended by the 10 June file itself; then one from 5 June learnt late. */
  const endedOnTheTenth = 'account_id,channel,mobile,breathing_space,breathing_space_end\nR-06,sms,07700900406,,';
  const crisisFromTheFifth = 'account_id,channel,mobile,breathing_space,breathing_space_end\nR-06,sms,07700900306,mental-health-crisis,';

  describe.skipIf(backend.missing)('an end a later file said itself', () => {
    it('stands: the account is reminded after it', async () => {
      const { status, messages } = await night(crisisFromTheFifth, { tenth: endedOnTheTenth });
      expect(status.get('R-06')).toMatchObject({ status: 'on-track' });
      expect(messages.get('R-06')).toMatchObject({ kind: 'reminder', held_back: '' });
    });
  });

  describe.skipIf(backend.missing)('a book whose circumstances were recorded before fairplan kept what they carried', () => {
    /** The book as schema version 2 left it: no row says what it carried. */
    const forget = async (location: string) => {
      const opened = await openBook(location, { create: false, waitSeconds: 5, cwd: process.cwd() });
      try {
        await sql`update circumstances set carried = null`.execute(opened.db);
      } finally {
        await opened.close();
      }
    };

    it('lets a Breathing Space learnt late reach a circumstance that may have carried it', async () => {
      const { status, messages } = await night('account_id,channel,mobile,breathing_space,breathing_space_end\nR-03,sms,07700900303,standard,2026-08-03', { between: forget });
      expect(status.get('R-03')).toMatchObject({ status: 'paused' });
      expect(messages.has('R-03')).toBe(false);
    });

    it('ties the account to its person', async () => {
      const { messages } = await night('account_id,channel,mobile,customer_id\nR-02,sms,07700900302,C1', { between: forget });
      expect(messages.get('R-02')).toMatchObject({ held_back: 'customer-opted-out' });
    });

    it('is mended by book migrate where a Breathing Space was learnt late before: the change of number after it holds it too', async () => {
      // The book as schema version 2 left it: the 10 June row kept the no Breathing Space it carried when it was recorded.
      const asVersion2 = async (location: string) => {
        const opened = await openBook(location, { create: false, waitSeconds: 5, cwd: process.cwd() });
        try {
          await opened.db.updateTable('circumstances').set({ breathing_space: null, breathing_space_end: null }).where('account_id', '=', 'R-03').where('effective_on', '=', '2026-06-10').execute();
          await opened.db.schema.alterTable('circumstances').dropColumn('carried').execute();
          await opened.db.schema.dropIndex('payments_by_import').execute();
          await opened.db.schema.dropTable('unread_reports').execute();
          await opened.db.schema.dropTable('unread_payments').execute();
          await sql`delete from ${sql.table(MIGRATION_TABLE)} where name in ('0003-circumstances-carried', '0004-payments-by-import', '0005-unread-sent-reports', '0006-unread-payments')`.execute(opened.db);
        } finally {
          await opened.close();
        }
        expect((await runCli(['book', 'migrate', '--book', location])).stdout).toBe("the book's schema went from version 2 to 6\n");
      };
      const { status, messages, shownR03 } = await night('account_id,channel,mobile,breathing_space,breathing_space_end\nR-03,sms,07700900303,standard,2026-08-03', { beforeNight: asVersion2 });
      expect(shownR03.circumstances.at(-1)).toMatchObject({ effectiveOn: '2026-06-10', breathingSpace: { kind: 'standard', end: '2026-08-03' } });
      expect(status.get('R-03')).toMatchObject({ status: 'paused' });
      expect(messages.has('R-03')).toBe(false);
    });

    it('keeps an end a later circumstance said itself (it differs from what was in force before it)', async () => {
      const { status } = await night(crisisFromTheFifth, { tenth: endedOnTheTenth, between: forget });
      expect(status.get('R-06')).toMatchObject({ status: 'on-track' });
    });

    it('but ends no protection by it: whether the later circumstance carried it is not known', async () => {
      const { status, messages } = await night('account_id,channel,mobile,breathing_space,breathing_space_end\nR-06,sms,07700900306,,', { between: forget });
      expect(status.get('R-06')).toMatchObject({ status: 'paused' });
      expect(messages.has('R-06')).toBe(false);
    });
  });
});
