/**
 * The night of docs/nightly.md, run on ten nights in a row (Monday 1 June to Wednesday 10 June 2026)
 * on fixtures/book/nightly/: each night records the payments, then the customers (when the night has
 * a file), runs follow-up --book (twice, the second run writing none of the first's messages again),
 * and records what the sender reported. Twenty accounts, agreed on 1 May; the expectations are
 * worked out by hand from the fixtures:
 *
 * - N-01: £50.00 due 3 June, paid that day: reminded on 1 June, held as already sent on 2 June.
 * - N-02: £50.00 due 2 June, paid that day and returned on 4 June (a returned direct debit): behind,
 *   then missed once the 5 days' grace are past (8 June): one check-in, not repeated.
 * - N-03: paid £50.00 twice on 1 June, one refunded on 3 June: ahead by £100.00, then £50.00, on track
 *   once the instalment of 10 June falls due.
 * - N-04: opts out from 3 June: its reminder for 6 June is held every night, nothing is sent.
 * - N-05: in Breathing Space from 2 June: paused, and no message at all.
 * - N-06 and N-07: one person (customer C-0607), both due 4 June: one reminder a night to them.
 * - N-08: vulnerable (with consent): its reminder goes to a person first.
 * - N-09: vulnerable "maybe", which the book records as a doubt: its reminder is held.
 * - N-10: £60.00 due 1 June, unpaid; renegotiated on 5 June to £25.00 a month from 15 June: on track.
 * - N-11: pays its last instalment early on 5 June: completed, thanked once.
 * - N-12 to N-20: paid on 20 May, next due 20 June: on track, nothing to say.
 */
import { mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';
import { openBook } from '../../src/book/connect.js';
import { runCli } from '../helpers/book.js';
import { ROOT } from '../helpers/cli.js';

type Row = Record<string, string>;

/** The command line, run in this process in `cwd`, on the book the guide names (FAIRPLAN_BOOK). */
const fairplan = (cwd: string, args: readonly string[]) => runCli(args, { cwd, env: { FAIRPLAN_BOOK: 'book.sqlite' } });

interface Night {
  readonly date: string;
  /** Accounts not on track, with their status. */
  readonly notOnTrack: Readonly<Record<string, string>>;
  /** Every message row, as `id` for one issued or `id held_back` for one held. */
  readonly messages: readonly string[];
  /** Exit code of each step that ran, in order. */
  readonly codes: Readonly<Record<string, number>>;
}

const NIGHTS: readonly Night[] = [
  {
    date: '2026-06-01',
    notOnTrack: { 'N-03': 'ahead', 'N-10': 'behind' },
    messages: ['N-01:reminder:2:sms', 'N-02:reminder:2:email', 'N-06:reminder:2:sms', 'N-07:reminder:2:sms daily-limit', 'N-10:reminder:2:sms too-late'],
    // The customers file names N-09's "maybe": exit 1, the rest recorded.
    codes: { payments: 0, customers: 1, 'follow-up': 0, sent: 0 },
  },
  {
    date: '2026-06-02',
    notOnTrack: { 'N-03': 'ahead', 'N-05': 'paused', 'N-10': 'behind' },
    messages: ['N-01:reminder:2:sms already-sent', 'N-06:reminder:2:sms already-sent', 'N-07:reminder:2:sms'],
    codes: { payments: 0, customers: 0, 'follow-up': 0, sent: 0 },
  },
  {
    date: '2026-06-03',
    notOnTrack: { 'N-03': 'ahead', 'N-05': 'paused', 'N-10': 'behind' },
    messages: ['N-04:reminder:2:none customer-opted-out', 'N-06:reminder:2:sms already-sent', 'N-07:reminder:2:sms already-sent'],
    codes: { payments: 0, customers: 0, 'follow-up': 0 },
  },
  {
    date: '2026-06-04',
    notOnTrack: { 'N-02': 'behind', 'N-03': 'ahead', 'N-05': 'paused', 'N-10': 'behind' },
    messages: ['N-04:reminder:2:none customer-opted-out', 'N-11:reminder:2:email'],
    codes: { payments: 0, 'follow-up': 0, sent: 0 },
  },
  {
    date: '2026-06-05',
    notOnTrack: { 'N-02': 'behind', 'N-03': 'ahead', 'N-05': 'paused', 'N-11': 'completed' },
    messages: ['N-04:reminder:2:none customer-opted-out', 'N-08:reminder:2:sms', 'N-11:thank-you:completed:email'],
    codes: { payments: 0, agree: 0, 'follow-up': 0, sent: 0 },
  },
  {
    date: '2026-06-06',
    notOnTrack: { 'N-02': 'behind', 'N-03': 'ahead', 'N-04': 'behind', 'N-05': 'paused', 'N-11': 'completed' },
    messages: ['N-04:reminder:2:none customer-opted-out', 'N-08:reminder:2:sms already-sent', 'N-09:reminder:2:sms protection-unreadable', 'N-11:thank-you:completed:email already-sent'],
    codes: { payments: 0, 'follow-up': 0 },
  },
  {
    // A Sunday: what would go, would go on Monday.
    date: '2026-06-07',
    notOnTrack: { 'N-02': 'behind', 'N-03': 'ahead', 'N-04': 'behind', 'N-05': 'paused', 'N-11': 'completed' },
    messages: ['N-08:reminder:2:sms already-sent', 'N-09:reminder:2:sms protection-unreadable', 'N-11:thank-you:completed:email already-sent'],
    codes: { payments: 0, 'follow-up': 0 },
  },
  {
    date: '2026-06-08',
    notOnTrack: { 'N-02': 'missed', 'N-03': 'ahead', 'N-04': 'behind', 'N-05': 'paused', 'N-11': 'completed' },
    messages: ['N-02:missed-check-in:2:email', 'N-09:reminder:2:sms protection-unreadable', 'N-11:thank-you:completed:email already-sent'],
    codes: { payments: 0, 'follow-up': 0, sent: 0 },
  },
  {
    date: '2026-06-09',
    notOnTrack: { 'N-02': 'missed', 'N-03': 'ahead', 'N-04': 'behind', 'N-05': 'paused', 'N-11': 'completed' },
    messages: ['N-02:missed-check-in:2:email already-sent', 'N-11:thank-you:completed:email already-sent'],
    codes: { payments: 0, 'follow-up': 0 },
  },
  {
    date: '2026-06-10',
    notOnTrack: { 'N-02': 'missed', 'N-04': 'behind', 'N-05': 'paused', 'N-11': 'completed' },
    messages: ['N-02:missed-check-in:2:email already-sent', 'N-11:thank-you:completed:email already-sent'],
    codes: { payments: 0, 'follow-up': 0 },
  },
];

/** What each night adds besides its payments: the files the fixtures hold for it. */
const CUSTOMERS = new Set(['2026-06-01', '2026-06-02', '2026-06-03']);
const SENT = new Set(['2026-06-01', '2026-06-02', '2026-06-04', '2026-06-05', '2026-06-08']);

it('ten nights of the guide\'s night: statuses, messages issued once, nothing to the opted-out or paused, and exit codes', async () => {
  const cwd = mkdtempSync(path.join(tmpdir(), 'fairplan-ten-nights-'));
  symlinkSync(path.join(ROOT, 'fixtures'), path.join(cwd, 'fixtures'));
  const N = 'fixtures/book/nightly';
  const read = (file: string): Row[] => parse(readFileSync(path.join(cwd, file), 'utf8'), { columns: true }) as Row[];
  expect((await fairplan(cwd, ['book', 'agree', '--schedules', `${N}/schedules.csv`, '--agreed-on', '2026-05-01'])).code).toBe(0);
  const issuedSoFar: string[] = [];
  for (const night of NIGHTS) {
    const { date } = night;
    const codes: Record<string, number> = {};
    codes.payments = (await fairplan(cwd, ['book', 'payments', `${N}/payments-${date}.csv`])).code;
    if (CUSTOMERS.has(date)) codes.customers = (await fairplan(cwd, ['book', 'customers', `${N}/customers-${date}.csv`])).code;
    if (date === '2026-06-05') {
      codes.agree = (await fairplan(cwd, ['book', 'agree', '--schedules', `${N}/schedules-renegotiated.csv`, '--accounts', `${N}/renegotiated-accounts.csv`, '--agreed-on', date])).code;
    }
    const args = ['follow-up', '--book', 'book.sqlite', '--as-of', date, '-o', path.join(cwd, `status-${date}.csv`), '--messages', path.join(cwd, `messages-${date}.csv`)];
    codes['follow-up'] = (await fairplan(cwd, args)).code;
    const status = read(`status-${date}.csv`);
    const messages = read(`messages-${date}.csv`);
    // Run again, as a job retried by hand would be: the same statuses; what the first run issued is
    // not written again (only what it held is), and nothing is recorded twice.
    const again = await fairplan(cwd, args);
    expect(again.code, date).toBe(0);
    expect(read(`status-${date}.csv`), date).toEqual(status);
    expect(read(`messages-${date}.csv`), date).toEqual(messages.filter((m) => m.held_back !== ''));
    const issuedBefore = messages.filter((m) => m.held_back === '').length;
    expect(again.stderr.match(/(\d+) messages? (?:was|were) issued by an earlier run of this night and (?:is|are) not written again/)?.[1] ?? '0', date).toBe(String(issuedBefore));
    if (SENT.has(date)) codes.sent = (await fairplan(cwd, ['book', 'sent', `${N}/sent-${date}.csv`])).code;

    expect(codes, date).toEqual(night.codes);
    expect(status, date).toHaveLength(20);
    expect(Object.fromEntries(status.filter((s) => s.status !== 'on-track').map((s) => [s.account_id, s.status])), date).toEqual(night.notOnTrack);
    expect(messages.map((m) => `${m.message_id} ${m.held_back}`.trim()), date).toEqual(night.messages);
    const issued = messages.filter((m) => m.held_back === '').map((m) => m.message_id ?? '');
    // Nothing is issued twice across the nights, and nothing ever to the opted-out N-04 or the paused N-05.
    expect(issued.filter((id) => issuedSoFar.includes(id)), date).toEqual([]);
    expect(issued.filter((id) => id.startsWith('N-04:') || id.startsWith('N-05:')), date).toEqual([]);
    issuedSoFar.push(...issued);
    if (date === '2026-06-05') expect(messages.find((m) => m.account_id === 'N-08')?.review).toBe('yes');
    if (date === '2026-06-03') expect(status.find((s) => s.account_id === 'N-03')?.paid_to_date).toBe('100.00');
  }
  expect(issuedSoFar).toEqual([
    'N-01:reminder:2:sms', 'N-02:reminder:2:email', 'N-06:reminder:2:sms', 'N-07:reminder:2:sms', 'N-11:reminder:2:email',
    'N-08:reminder:2:sms', 'N-11:thank-you:completed:email', 'N-02:missed-check-in:2:email',
  ]);
  // The book holds each message once, though every night ran twice.
  const book = await openBook(path.join(cwd, 'book.sqlite'), { create: false, waitSeconds: 5, cwd });
  try {
    expect((await book.db.selectFrom('messages').select('message_id').orderBy('id').execute()).map((m) => m.message_id)).toEqual(issuedSoFar);
  } finally {
    await book.close();
  }
  // The renegotiated N-10: its first plan superseded on 5 June, its new one followed up since.
  const n10 = read('status-2026-06-10.csv').find((s) => s.account_id === 'N-10');
  expect(n10).toMatchObject({ status: 'on-track', next_due: '2026-06-15', next_amount: '25.00' });
}, 120_000);
