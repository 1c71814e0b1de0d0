/**
 * The text checks, attacked: a firm's templates and customers' values are built from words that
 * must never reach a shared phone ("debt", amounts in figures and in words, currency codes) and
 * words that threaten, each disguised with invisible characters, look-alike letters, fullwidth
 * forms and odd cases, with line breaks about. Whatever follow-up lets through, no text that is
 * sent (not held back) says "debt" or an amount or carries an invisible character, no subject holds
 * a line break, and every message with a pressing word in it is marked review=yes.
 *
 * The words are checked here by this file's own reading (its own look-alikes turned back, its own
 * lists), not by fairplan's. CI runs a fixed seed; FAIRPLAN_FUZZ_RUNS and FAIRPLAN_FUZZ_SEED run others.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarFor } from '../../src/core/calendar/index.js';
import { parseIsoDate } from '../../src/core/date.js';
import { isFairplanError } from '../../src/core/errors.js';
import { DEFAULT_RULES } from '../../src/core/follow-up/rules.js';
import { ADVICE_SIGNPOST } from '../../src/core/signpost.js';
import { DEFAULT_TEMPLATES, type TemplateSet } from '../../src/follow-up/default-templates.js';
import { runFollowUp } from '../../src/follow-up/run.js';

const RUNS = Number(process.env.FAIRPLAN_FUZZ_RUNS ?? 200);
const SEED = Number(process.env.FAIRPLAN_FUZZ_SEED ?? 20261207);

/** Look-alikes this file uses, each with the letter it passes for. */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  a: '\u0430', c: '\u0441', d: '\u0501', e: '\u0435', h: '\u04BB', i: '\u0456', j: '\u0458', o: '\u043E', p: '\u0440', s: '\u0455',
  x: '\u0445', y: '\u0443', A: '\u0410', B: '\u0412', C: '\u0421', E: '\u0395', H: '\u041D', K: '\u041A', M: '\u041C', O: '\u039F',
  P: '\u0420', T: '\u0422', X: '\u0425',
};
const BACK = new Map(Object.entries(LOOK_ALIKES).map(([letter, like]) => [like, letter]));
const INVISIBLE = ['\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u202E', '\u2066', '\u2069', '\uFE0F', '\u{E0041}', '\u180E', '\u034F', '\u0007', '\u3164'];
const LINE_BREAKS = ['\n', '\r\n', '\u2028', '\r'];

/** Words a text must never say. */
const DEBT_WORDS = ['debt', 'debts', 'debtor', 'Debt'];
const AMOUNTS = ['£40', '40.00', '1,200', '£1.2k', '1.2k', '40 pounds', 'forty pounds', 'Forty-five quid', 'one hundred euros', 'GBP 40', '75p', '２５０.００'];
const CURRENCY_CODES = ['GBP', 'EUR', 'USD'];
/** Pressing words, in the forms this file expects to be found. */
const PRESSING = [
  'final notice', 'last chance', 'sue', 'sued', 'suing', 'court', 'courts', 'judgment', 'judgement', 'CCJ', 'seize', 'seized', 'seizure',
  'enforcement agent', 'bailiff', 'bailiffs', 'doorstep visit', 'credit file', 'credit rating', 'police', 'arrest', 'arrested', 'deadline',
  'urgent', 'immediately', 'solicitor', 'legal',
];
const SAFE = ['your plan', 'thank you', 'please get in touch', 'we are here to help', 'see you soon', 'Hi', 'Hello', 'when it suits you'];
const NAMES = ['Sam', 'Siobhán', 'Anne-Marie', "O'Neill", '李雷', 'Łukasz', 'Immy'];

/** `word` disguised: some letters as look-alikes or fullwidth, some invisible characters put in, cased anew. */
const disguised = (word: string, invisible: boolean) =>
  fc
    .record({
      casing: fc.constantFrom('as is', 'upper', 'lower'),
      swaps: fc.array(fc.record({ at: fc.nat(), how: fc.constantFrom('look-alike', 'fullwidth') }), { maxLength: 3 }),
      hidden: invisible ? fc.array(fc.record({ at: fc.nat(), char: fc.constantFrom(...INVISIBLE) }), { maxLength: 2 }) : fc.constant([]),
    })
    .map(({ casing, swaps, hidden }) => {
      const cased = casing === 'upper' ? word.toUpperCase() : casing === 'lower' ? word.toLowerCase() : word;
      const chars = [...cased];
      for (const { at, how } of swaps) {
        const i = at % chars.length;
        const char = chars[i] ?? '';
        if (how === 'look-alike' && LOOK_ALIKES[char]) chars[i] = LOOK_ALIKES[char];
        if (how === 'fullwidth' && /[!-~]/.test(char)) chars[i] = String.fromCodePoint((char.codePointAt(0) ?? 0) + 0xfee0);
      }
      for (const { at, char } of hidden) chars.splice(1 + (at % chars.length), 0, char);
      return chars.join('');
    });

const hazard = (invisible: boolean) =>
  fc.constantFrom(...DEBT_WORDS, ...AMOUNTS, ...CURRENCY_CODES, ...PRESSING).chain((word) => disguised(word, invisible));

/**
 * A template: the firm's words, placeholders (`allowed` often, `others` now and then), and now and
 * then a hazard (seldom with an invisible character, which refuses the template) or a line break.
 */
const template = (allowed: readonly string[], others: readonly string[]) =>
  fc
    .array(
      fc.oneof(
        { arbitrary: fc.constantFrom(...SAFE), weight: 16 },
        { arbitrary: fc.constantFrom(...allowed).map((p) => `{{${p}}}`), weight: 6 },
        { arbitrary: fc.constantFrom(...others).map((p) => `{{${p}}}`), weight: 1 },
        { arbitrary: hazard(false), weight: 4 },
        { arbitrary: hazard(true), weight: 1 },
        { arbitrary: fc.constantFrom(...LINE_BREAKS), weight: 1 },
      ),
      { minLength: 1, maxLength: 6 },
    )
    .map((parts) => parts.join(' '));

/** A customer's value: a name, a disguised hazard, a name with a line break in it, or a mixture. */
const value = fc.oneof(
  { arbitrary: fc.constantFrom(...NAMES), weight: 3 },
  { arbitrary: hazard(true), weight: 3 },
  // A line break other than U+2028 and U+2029 is a control character, for which the customer's row is rejected.
  { arbitrary: fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom('\u2028', '\u2029', ' ', '\n'), hazard(true)).map((parts) => parts.join('')), weight: 2 },
);

const EMAIL_PLACEHOLDERS = ['name', 'preferred_name', 'note', 'account_id', 'next_due_date', 'next_amount', 'arrears', 'signpost'];

const night = fc.record({
  // `note` goes in a text only when the rules declare it a name; the others never.
  sms: template(['name', 'preferred_name', 'next_due_date', 'signpost', 'review_date'], ['note', 'account_id', 'next_amount']),
  subject: template(EMAIL_PLACEHOLDERS, ['name']),
  email: template(EMAIL_PLACEHOLDERS, ['name']),
  nameColumns: fc.subarray(['preferred_name', 'note']),
  customers: fc.array(fc.record({ name: value, preferred_name: value, note: value }), { minLength: 2, maxLength: 2 }),
});

/** This file's reading of a text: normalised, its invisible characters out, its look-alikes turned back, lower case, on one line. */
const read = (text: string): string =>
  [...text.normalize('NFKC')]
    .filter((char) => !INVISIBLE.includes(char) && !/[\p{Cf}\p{Cc}]/u.test(char))
    .map((char) => BACK.get(char) ?? char)
    .join('')
    .replace(/[\s\u2028\u2029]+/gu, ' ')
    .toLowerCase();

const SAYS_AMOUNT = [
  /[£$€]/u, /\d[.,]\d\d(?!\d)/, /\d{1,3}(,\d{3})+/, /\d(\.\d+)?\s?k\b/, /\b\d+\s?(pounds?|quid|p|pence|gbp|eur|usd|euros?)\b/,
  /\b(forty|five|hundred)[\s-]*(pounds?|quid|euros?)\b/, /\b(gbp|eur|usd)\b/,
];
const word = (w: string) => new RegExp(`(?<![a-z0-9])${w.toLowerCase().replace(/ /g, '[\\s-]+')}(?![a-z0-9])`);
const PRESSING_PATTERNS = PRESSING.map((w) => ({ w, pattern: word(w) }));

interface Message {
  readonly account_id: string;
  readonly channel: string;
  // null when there is none: an SMS has no subject, a held message no text.
  readonly subject: string | null;
  readonly text: string | null;
  readonly review: string;
  readonly held_back: string | null;
  readonly reason: string;
}

describe('the text checks, attacked', () => {
  it(`let no sent text say "debt" or an amount or hide a character, and mark every pressing word for review (${RUNS} nights, seed ${SEED})`, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fairplan-text-checks-'));
    const file = (name: string) => path.join(dir, name);
    // Two plans, each with an instalment due on Wednesday: the Monday before, each customer is reminded, one by text, one by email.
    writeFileSync(file('arrangements.csv'), 'account_id,n,due,amount\nTX-1,1,2026-03-11,40.00\nTX-2,1,2026-03-11,40.00\n');
    writeFileSync(file('payments.csv'), 'account_id,paid_on,amount\n');
    const seen = { nights: 0, refused: 0, sentTexts: 0, heldTexts: 0, emails: 0, pressingEmails: 0, hazardsLeftOut: 0 };

    await fc.assert(
      fc.asyncProperty(night, async ({ sms, subject, email, nameColumns, customers }) => {
        seen.nights++;
        const [first, second] = customers;
        writeFileSync(
          file('customers.ndjson'),
          [
            { account_id: 'TX-1', channel: 'sms', mobile: '07700900101', email: '', vulnerable: 'no', ...first },
            { account_id: 'TX-2', channel: 'email', mobile: '', email: 'two@example.com', vulnerable: 'no', ...second },
          ]
            .map((row) => JSON.stringify(row))
            .join('\n'),
        );
        const templates: TemplateSet = { ...DEFAULT_TEMPLATES, reminder: { ...DEFAULT_TEMPLATES.reminder, sms: { text: sms }, email: { subject, text: email } } };
        try {
          await runFollowUp(
            {
              files: { arrangements: file('arrangements.csv'), payments: file('payments.csv'), customers: file('customers.ndjson') },
              output: file('status.ndjson'),
              messages: file('messages.ndjson'),
              errors: file('errors.ndjson'),
              json: true,
              asOf: parseIsoDate('2026-03-09'),
              rules: DEFAULT_RULES,
              templates,
              templatesSource: 'rules.yaml',
              nameColumns,
              calendar: calendarFor('england-wales'),
            },
            { write: () => true },
          );
        } catch (error) {
          // A template refused is refused plainly, naming it.
          if (!isFairplanError(error) || error.code !== 'invalid-rules' || !/^templates\.reminder\.(sms|email)\.(text|subject)$/.test(error.context.field ?? '')) throw error;
          seen.refused++;
          return;
        }
        const messages = readFileSync(file('messages.ndjson'), 'utf8')
          .split('\n')
          .filter((line) => line !== '')
          .map((line) => JSON.parse(line) as Message);
        for (const message of messages) {
          const all = `${message.subject ?? ''}\n${message.text ?? ''}`;
          expect(all, 'normalised').toBe(all.normalize('NFKC'));
          expect([...all].filter((char) => INVISIBLE.includes(char) || (/[\p{Cf}\p{Cc}]/u.test(char) && char !== '\n')), 'invisible characters').toEqual([]);
          expect(message.subject ?? '', 'a line break in a subject').not.toMatch(/[\r\n\u2028\u2029\u0085]/);
          const said = read(all.replace(ADVICE_SIGNPOST, ' '));
          const pressing = PRESSING_PATTERNS.filter(({ pattern }) => pattern.test(said)).map(({ w }) => w);
          if (pressing.length > 0) expect(message.review, `"${pressing.join('", "')}" in ${JSON.stringify(all)}`).toBe('yes');
          if (message.channel === 'email') {
            seen.emails++;
            if (pressing.length > 0) seen.pressingEmails++;
          }
          if (message.channel !== 'sms') continue;
          if (message.held_back !== null) {
            seen.heldTexts++;
            continue;
          }
          seen.sentTexts++;
          // A customer's value that was no plain name, in a name the template uses, and the text went all the same.
          const hazardous = (column: 'name' | 'preferred_name') => sms.includes(`{{${column}}}`) && !NAMES.includes(first?.[column] ?? '');
          if (hazardous('name') || (nameColumns.includes('preferred_name') && hazardous('preferred_name'))) seen.hazardsLeftOut++;
          expect(said, 'a sent text says "debt"').not.toContain('debt');
          for (const pattern of SAYS_AMOUNT) expect(said, `a sent text states an amount (${pattern})`).not.toMatch(pattern);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // The nights tried the checks from every side: some texts went out, some templates were refused, some emails were marked.
    expect(seen.nights).toBe(RUNS);
    expect(seen.sentTexts).toBeGreaterThan(RUNS / 20);
    expect(seen.refused).toBeGreaterThan(RUNS / 10);
    expect(seen.pressingEmails).toBeGreaterThan(0);
    expect(seen.hazardsLeftOut).toBeGreaterThan(0);
  }, 60_000);
});
