#!/usr/bin/env node
// Benchmark (not a test): `npm run bench:follow-up-book [-- ARRANGEMENTS]`, default 100,000 (`npm run
// bench` runs it with FAIRPLAN_BENCH_BOOK arrangements, 100,000 unless set; give 1000000 for the
// figures of docs/book-performance.md). Generates ARRANGEMENTS plans of 13 monthly instalments, three
// payments each, a customer row each (one in six opted out, one in fifty vulnerable, one in two
// hundred in a Breathing Space, one account in ten sharing its customer with the next) and a year of
// contacts (a message a month to each customer who may be written to), kept in bench/data/. Records
// them in a new book as real nights would (`book agree --schedules`, `book payments`, `book
// customers`, and the year's messages written to the `messages` table as `follow-up --book` records
// them, a night a month), then times `follow-up` on the CSV files and `follow-up --book` on the book
// for the same night, checks that the two give the same statuses and messages, and prints the
// seconds and CPU seconds, the peak RSS of each (target < 600 MB), the ratios book ÷ CSV (target ≤
// 2.0: on a shared machine the CPU time's is the steadier, as the seconds move with what else runs)
// and the load of the machine. With FAIRPLAN_TEST_POSTGRES set (a postgres:// URL of a server on which a database may
// be created), a PostgreSQL book is timed beside. Run `npm run build` first.
import { createReadStream } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import pg from 'pg';
import { BIN, DATA, generated, timed, sizeArgument, freshBook } from './timing.mjs';

const arrangements = sizeArgument('follow-up-book.mjs', 'ARRANGEMENTS');
const INSTALMENTS = 13;
const PAYMENTS = 3;
const AGREED_ON = '2025-12-15';
// After every plan's three payments, with instalments of every plan still to come.
const AS_OF = '2027-03-01';
const POSTGRES = process.env.FAIRPLAN_TEST_POSTGRES;

const id = (i) => `FUB${String(i).padStart(9, '0')}`;
const month = (m, day) => `${2026 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
/** Plan i's k-th instalment: monthly from month i % 12 of 2026, on day 1 + i % 28. */
const due = (i, k) => month((i % 12) + k, 1 + (i % 28));
const amount = (i) => `${20 + (i % 180)}.${String(i % 100).padStart(2, '0')}`;
const CHANNELS = ['sms', 'email', 'letter', 'sms', 'email', 'none'];
const channel = (i) => CHANNELS[i % CHANNELS.length];
/** One account in ten shares its customer with the account before it: contact limits are a person's. */
const customer = (i) => `CUST${String(i % 10 === 1 ? i - 1 : i).padStart(9, '0')}`;
/** A year of contacts: a message a month, March 2026 to February 2027, to a customer who may be written to. */
function* contactsOf(i) {
  if (channel(i) === 'none') return;
  for (let m = 2; m < 14; m++) {
    const sentOn = month(m, 1 + ((i + 3) % 28));
    yield { sentOn, kind: 'reminder', messageId: `${id(i)}:reminder:${m - 1}:${channel(i)}` };
  }
}
const CONTACTS_A_YEAR = 12;

const schedules = await generated(path.join(DATA, `fub-schedules-${arrangements}.csv`), function* () {
  yield 'account_id,plan,n,due,moved_from,amount,interest,principal,balance_after,agreed_on\n';
  for (let i = 0; i < arrangements; i++) {
    let chunk = '';
    for (let k = 0; k < INSTALMENTS; k++) chunk += `${id(i)},fixed-term-13,${k + 1},${due(i, k)},,${amount(i)},0.00,${amount(i)},0.00,${AGREED_ON}\n`;
    yield chunk;
  }
});
const payments = await generated(path.join(DATA, `fub-payments-${arrangements}.csv`), function* () {
  yield 'account_id,paid_on,amount,reference\n';
  // Three payments a plan, in no order of account.
  for (let k = 0; k < PAYMENTS; k++) for (let i = 0; i < arrangements; i++) yield `${id(i)},${due(i, k)},${amount(i)},REF${k}-${i}\n`;
});
const customers = await generated(path.join(DATA, `fub-customers-${arrangements}.csv`), function* () {
  yield 'customer_id,account_id,name,channel,mobile,email,vulnerable,breathing_space,breathing_space_end,review_on,contact_days,contact_window\n';
  for (let i = 0; i < arrangements; i++) {
    const space = i % 200 === 7;
    yield `${customer(i)},${id(i)},Customer ${i},${channel(i)},07700${String(i % 1000000).padStart(6, '0')},customer${i}@example.com,${i % 50 === 3 ? 'yes' : 'no'},${space ? 'standard' : ''},${space ? '2027-04-01' : ''},,${i % 10 === 4 ? 'mon-fri' : ''},${i % 10 === 4 ? '09:00-17:00' : ''}\n`;
  }
});
const contacts = await generated(path.join(DATA, `fub-contacts-${arrangements}.csv`), function* () {
  yield 'account_id,sent_on,channel,kind,message_id\n';
  for (let i = 0; i < arrangements; i++) {
    let chunk = '';
    for (const { sentOn, kind, messageId } of contactsOf(i)) chunk += `${id(i)},${sentOn},${channel(i)},${kind},${messageId}\n`;
    yield chunk;
  }
});

const TEXT = 'Hello, this is a reminder that your next payment under your plan is due soon. Thank you for keeping to it. Reply STOP to opt out.';
/** The year's messages as the nights that issued them recorded them: the plan they were about, a night a month. */
function* yearOfMessages(agreementOf) {
  for (let i = 0; i < arrangements; i++) {
    for (const { sentOn, kind, messageId } of contactsOf(i)) {
      yield [messageId, id(i), agreementOf.get(id(i)), sentOn, channel(i), kind, sentOn, null, 'Your payment is due soon', TEXT, 0, 'instalment due soon'];
    }
  }
}
const MESSAGE_COLUMNS = ['message_id', 'account_id', 'agreement_id', 'night', 'channel', 'kind', 'send_on', 'send_window', 'subject', 'text', 'review', 'reason', 'import_id'];

async function messagesIntoSqlite(file) {
  const db = new Database(file);
  try {
    const agreementOf = new Map(db.prepare('select account_id, id from agreements').raw().all());
    const importOf = new Map();
    const newImport = db.prepare("insert into imports (command, file, sha256, recorded_at, provenance) values ('follow-up', ?, '', ?, '{}')");
    const insert = db.prepare(`insert into messages (${MESSAGE_COLUMNS.join(', ')}) values (${MESSAGE_COLUMNS.map(() => '?').join(', ')})`);
    db.transaction(() => {
      for (const row of yearOfMessages(agreementOf)) {
        const night = row[3].slice(0, 7);
        if (!importOf.has(night)) importOf.set(night, newImport.run(file, `${row[3]}T22:00:00Z`).lastInsertRowid);
        insert.run(...row, importOf.get(night));
      }
    })();
  } finally {
    db.close();
  }
}

async function messagesIntoPostgres(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    const agreementOf = new Map((await client.query({ text: 'select account_id, id from agreements', rowMode: 'array' })).rows);
    const importOf = new Map();
    const types = ['text', 'text', 'int', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'int', 'text', 'int'];
    let batch = MESSAGE_COLUMNS.map(() => []);
    const flush = async () => {
      if (batch[0].length === 0) return;
      await client.query(`insert into messages (${MESSAGE_COLUMNS.join(', ')}) select * from unnest(${types.map((type, k) => `$${k + 1}::${type}[]`).join(', ')})`, batch);
      batch = MESSAGE_COLUMNS.map(() => []);
    };
    for (const row of yearOfMessages(agreementOf)) {
      const night = row[3].slice(0, 7);
      if (!importOf.has(night)) {
        const made = await client.query("insert into imports (command, file, sha256, recorded_at, provenance) values ('follow-up', $1, '', $2, '{}') returning id", [url, `${row[3]}T22:00:00Z`]);
        importOf.set(night, made.rows[0].id);
      }
      [...row, importOf.get(night)].forEach((value, k) => batch[k].push(value));
      if (batch[0].length >= 10_000) await flush();
    }
    await flush();
    await client.query('commit');
  } finally {
    await client.end();
  }
}

const instalmentRows = arrangements * INSTALMENTS;
const outputs = (label) => ({ status: path.join(DATA, `fub-status-${label}.csv`), messages: path.join(DATA, `fub-messages-${label}.csv`) });
const NIGHT = ['--as-of', AS_OF, '-q'];

/** Whether two outputs say the same, line by line (both are in account order): lines compared, and the first that differ. */
async function agreement(label, a, b) {
  const left = createInterface({ input: createReadStream(a) })[Symbol.asyncIterator]();
  const right = createInterface({ input: createReadStream(b) })[Symbol.asyncIterator]();
  let lines = 0;
  let differ = 0;
  const first = [];
  for (;;) {
    const [l, r] = await Promise.all([left.next(), right.next()]);
    if (l.done && r.done) break;
    lines++;
    if (l.value === r.value) continue;
    differ++;
    if (first.length < 4) first.push(`    line ${lines}, CSV:  ${l.value ?? '(none)'}`, `    line ${lines}, book: ${r.value ?? '(none)'}`);
  }
  return differ === 0 ? [`  ${label}: the same ${lines.toLocaleString('en-GB')} lines`] : [`  ${label}: ${differ.toLocaleString('en-GB')} of ${lines.toLocaleString('en-GB')} lines DIFFER`, ...first];
}

// The machine is shared: its load, before and after, says how far to trust the seconds. Each
// figure is printed as soon as it is measured.
const MB = (run) => `${run.peakMb.toFixed(0).padStart(4)} MB`;
const s = (value) => `${value.toFixed(1).padStart(7)} s`;
const say = (...lines) => process.stdout.write(`${lines.join('\n')}\n`);
// Every account but the opted-out (channel none, one in six) has a year of messages.
const contactCount = (arrangements - Math.floor(arrangements / CHANNELS.length)) * CONTACTS_A_YEAR;
const loadBefore = loadavg()[0];
say(
  `follow-up --book: ${arrangements.toLocaleString('en-GB')} arrangements (${instalmentRows.toLocaleString('en-GB')} instalments), ${(arrangements * PAYMENTS).toLocaleString('en-GB')} payments, ${contactCount.toLocaleString('en-GB')} contacts over a year, night of ${AS_OF}, Node ${process.version}`,
  `  ${new Date().toISOString().slice(0, 16)}Z, ${cpus().length} cores, load average ${loadBefore.toFixed(1)} before`,
);
const csvOut = outputs('csv');
const csv = await timed('follow-up (CSV)', instalmentRows, BIN, [
  'follow-up', '--arrangements', schedules, '--payments', payments, '--customers', customers, '--contacts', contacts, ...NIGHT, '-o', csvOut.status, '--messages', csvOut.messages,
], { ok: [0, 1] });
say(`  follow-up on CSV files        ${s(csv.seconds)} (CPU ${s(csv.cpuSeconds)})   peak RSS ${MB(csv)}`);

for (const backend of POSTGRES ? ['sqlite', 'postgres'] : ['sqlite']) {
  const book = await freshBook(backend, `fairplan_bench_fub_${process.pid}`, POSTGRES);
  try {
    const at = ['--book', book.location];
    const agree = await timed('agree', 0, BIN, ['book', 'agree', '--schedules', schedules, '--agreed-on', AGREED_ON, ...at]);
    const paid = await timed('payments', 0, BIN, ['book', 'payments', payments, ...at]);
    const circumstances = await timed('customers', 0, BIN, ['book', 'customers', customers, '--effective-on', AGREED_ON, ...at]);
    const started = performance.now();
    await (backend === 'sqlite' ? messagesIntoSqlite(book.location) : messagesIntoPostgres(book.location));
    const messages = (performance.now() - started) / 1000;
    say(`    recording the ${backend} book: agree ${agree.seconds.toFixed(1)} s, payments ${paid.seconds.toFixed(1)} s, customers ${circumstances.seconds.toFixed(1)} s, a year of messages ${messages.toFixed(1)} s`);
    const out = outputs(backend);
    const night = await timed(`follow-up --book (${backend})`, instalmentRows, BIN, ['follow-up', ...at, ...NIGHT, '-o', out.status, '--messages', out.messages], { ok: [0, 1] });
    say(
      `  follow-up --book (${backend.padEnd(8)})  ${s(night.seconds)} (CPU ${s(night.cpuSeconds)})   peak RSS ${MB(night)} (target < 600)`,
      `    ratio book ÷ CSV ${(night.seconds / csv.seconds).toFixed(2)} in seconds, ${(night.cpuSeconds / csv.cpuSeconds).toFixed(2)} in CPU time (target ≤ 2.0)`,
      ...(await agreement(`status (${backend})`, csvOut.status, out.status)),
      ...(await agreement(`messages (${backend})`, csvOut.messages, out.messages)),
    );
  } finally {
    await book.drop();
  }
}
say(`  load average ${loadavg()[0].toFixed(1)} after`, ...(POSTGRES ? [] : ['  (PostgreSQL: not measured; set FAIRPLAN_TEST_POSTGRES to a server to time it beside SQLite)']));
