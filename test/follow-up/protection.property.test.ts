/**
 * Generated books, messy the way real exports are (rows exported twice, column names in another
 * case or spacing, CSV or NDJSON with booleans, contacts logged with a time and zone, people with
 * several accounts, protections switched on at random, some unreadable), run through follow-up.
 * An oracle written here from the generated facts, not from fairplan's code, checks that:
 * - no message goes to a person who opted out, is in Breathing Space, or has a protection or a
 *   contact that cannot be read;
 * - a vulnerable person's messages all go to a person first (review=yes);
 * - a person gets at most one message a night, and never more than one a day or three in seven
 *   days counting the contacts log, whatever their accounts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarFor } from '../../src/core/calendar/index.js';
import { addDays, compareDates, parseIsoDate, type IsoDate } from '../../src/core/date.js';
import { DEFAULT_RULES } from '../../src/core/follow-up/rules.js';
import { DEFAULT_TEMPLATES } from '../../src/follow-up/default-templates.js';
import { runFollowUp } from '../../src/follow-up/run.js';

interface Person {
  readonly accounts: number;
  readonly optedOut: boolean;
  readonly breathingSpace: boolean;
  readonly vulnerable: boolean;
  /** A protection written so it cannot be read. */
  readonly unreadable: boolean;
  /** Join accounts by customer_id (else by a shared mobile number). */
  readonly byCustomerId: boolean;
  /** Each account's customer row exported twice. */
  readonly twice: readonly boolean[];
  /** Contacts already made: days before tonight (0 = today), UK time of day in minutes. */
  readonly contacts: readonly { readonly daysAgo: number; readonly minute: number; readonly asTimestamp: boolean }[];
  readonly unreadableContact: boolean;
  /** Each account's next instalment: days from tonight (negative: missed). */
  readonly due: readonly number[];
}

/** Protections switched on less often than not, so that plenty of messages are planned. */
const sometimes = fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) });

const person: fc.Arbitrary<Person> = fc.integer({ min: 1, max: 3 }).chain((accounts) =>
  fc.record({
    accounts: fc.constant(accounts),
    optedOut: sometimes,
    breathingSpace: sometimes,
    vulnerable: sometimes,
    unreadable: sometimes,
    byCustomerId: fc.boolean(),
    twice: fc.array(fc.boolean(), { minLength: accounts, maxLength: accounts }),
    contacts: fc.array(fc.record({ daysAgo: fc.integer({ min: 0, max: 8 }), minute: fc.integer({ min: 0, max: 24 * 60 - 1 }), asTimestamp: fc.boolean() }), { maxLength: 4 }),
    unreadableContact: sometimes,
    due: fc.array(fc.integer({ min: -20, max: 3 }), { minLength: accounts, maxLength: accounts }),
  }),
);
const people = fc.array(person, { minLength: 1, maxLength: 6 });

/** How an export might spell a column. */
const spellings = fc.record({
  upper: fc.boolean(),
  spaced: fc.boolean(),
});
const spell = (column: string, how: { upper: boolean; spaced: boolean }): string => {
  const words = column.split('_');
  const cased = how.upper ? words.map((w) => w[0]?.toUpperCase() + w.slice(1)) : words;
  return cased.join(how.spaced ? ' ' : '_');
};

const WINTER = parseIsoDate('2026-02-16');
const SUMMER = parseIsoDate('2026-06-15');

/** A UK day and time written as UTC with a Z, an hour behind in summer time (the test's own rule: no changeover near these dates). */
function timestamp(day: IsoDate, minute: number, summer: boolean): string {
  let utc = minute - (summer ? 60 : 0);
  let date = day;
  if (utc < 0) {
    utc += 24 * 60;
    date = addDays(day, -1);
  }
  const hh = String(Math.floor(utc / 60)).padStart(2, '0');
  const mm = String(utc % 60).padStart(2, '0');
  return `${date}T${hh}:${mm}:00Z`;
}

interface Written {
  readonly dir: string;
  readonly files: { arrangements: string; payments: string; customers: string; contacts: string };
}

function writeBook(all: readonly Person[], asOf: IsoDate, summer: boolean, json: boolean, how: { upper: boolean; spaced: boolean }): Written {
  const dir = mkdtempSync(path.join(tmpdir(), 'fairplan-protection-'));
  const arrangements = ['account_id,plan,n,due,amount'];
  const customers: Record<string, string | boolean | null>[] = [];
  const contacts = ['account_id,sent_on,message_id'];
  all.forEach((p, i) => {
    for (let a = 0; a < p.accounts; a++) {
      const id = `P${i}-A${a}`;
      const due = addDays(asOf, p.due[a] ?? 0);
      arrangements.push(`${id},fixed,1,${due},20.00`, `${id},fixed,2,${addDays(due, 30)},20.00`);
      // The person's protections are recorded on their first account's row only: they are the person's.
      const first = a === 0;
      const row: Record<string, string | boolean | null> = {
        account_id: id,
        customer_id: p.byCustomerId ? `C${i}` : null,
        channel: 'sms',
        mobile: p.byCustomerId ? `07700 9${String(i).padStart(2, '0')}${a}00` : `07700 9${String(i).padStart(2, '0')}000`,
        vulnerable: first && p.vulnerable ? (json ? true : 'Yes') : json ? false : 'no',
        breathing_space_end: first && p.breathingSpace ? addDays(asOf, 20) : null,
      };
      if (first && p.unreadable) row.vulnerable = 'perhaps';
      customers.push(row);
      // An export that came twice; the second copy carries the opt-out.
      if (p.twice[a]) customers.push({ ...row, channel: first && p.optedOut ? 'none' : 'sms' });
      else if (first && p.optedOut) row.channel = 'none';
    }
    for (const [k, c] of p.contacts.entries()) {
      const day = addDays(asOf, -c.daysAgo);
      contacts.push(`P${i}-A${k % p.accounts},${c.asTimestamp ? timestamp(day, c.minute, summer) : day},P${i}:logged:${k}`);
    }
    if (p.unreadableContact) contacts.push(`P${i}-A0,last tuesday,P${i}:logged:x`);
  });
  const write = (name: string, text: string) => {
    writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };
  const columns = ['account_id', 'customer_id', 'channel', 'mobile', 'vulnerable', 'breathing_space_end'];
  const customersText = json
    ? customers.map((r) => JSON.stringify(Object.fromEntries(columns.map((c) => [spell(c, how), r[c] ?? null])))).join('\n')
    : [columns.map((c) => spell(c, how)).join(','), ...customers.map((r) => columns.map((c) => String(r[c] ?? '')).join(','))].join('\n');
  return {
    dir,
    files: {
      arrangements: write('arrangements.csv', `${arrangements.join('\n')}\n`),
      payments: write('payments.csv', 'account_id,paid_on,amount\n'),
      customers: write(json ? 'customers.ndjson' : 'customers.csv', `${customersText}\n`),
      contacts: write('contacts.csv', `${contacts.join('\n')}\n`),
    },
  };
}

const silent = { write: () => true };

describe('follow-up over generated messy books', () => {
  it('never messages a protected person, reviews every message to a vulnerable one, and keeps each person to the limits', async () => {
    await fc.assert(
      fc.asyncProperty(people, fc.boolean(), fc.boolean(), spellings, async (all, summer, json, how) => {
        const asOf = summer ? SUMMER : WINTER;
        const { dir, files } = writeBook(all, asOf, summer, json, how);
        try {
          const messagesFile = path.join(dir, 'messages.ndjson');
          await runFollowUp(
            {
              files,
              output: path.join(dir, 'status.ndjson'),
              messages: messagesFile,
              errors: path.join(dir, 'errors.ndjson'),
              json: true,
              asOf,
              rules: DEFAULT_RULES,
              templates: DEFAULT_TEMPLATES,
              templatesSource: 'the default templates',
              calendar: calendarFor('none'),
            },
            silent,
          );
          const messages = readFileSync(messagesFile, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((line) => JSON.parse(line) as Record<string, string>);
          const sent = messages.filter((m) => m.held_back === null);
          all.forEach((p, i) => {
            const theirs = sent.filter((m) => (m.account_id ?? '').startsWith(`P${i}-`));
            if (p.optedOut || p.breathingSpace || p.unreadable || p.unreadableContact) expect(theirs).toEqual([]);
            if (p.vulnerable) for (const m of theirs) expect(m.review).toBe('yes');
            expect(theirs.length).toBeLessThanOrEqual(1);
            for (const m of theirs) {
              const on = parseIsoDate(m.send_on ?? '');
              const logged = p.contacts.map((c) => addDays(asOf, -c.daysAgo));
              expect(logged.filter((day) => day === on)).toEqual([]);
              const week = logged.filter((day) => compareDates(day, addDays(on, -6)) >= 0 && compareDates(day, on) <= 0);
              expect(week.length).toBeLessThan(3);
            }
          });
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { seed: 20261207, numRuns: 60 },
    );
  }, 120_000);
});
