#!/usr/bin/env node
// Benchmark (not a test): `npm run bench:book [-- ARRANGEMENTS]`, default 100,000 (`npm run bench`
// runs it with FAIRPLAN_BENCH_BOOK arrangements, 100,000 unless set; give 1000000 for the figures of
// docs/book-performance.md). Generates ARRANGEMENTS plans of 13 monthly instalments and three
// payments each (kept in bench/data/), then times, in one run, a csv-parse → csv-stringify
// passthrough of the schedules file and `fairplan book agree --schedules` of it into a new book,
// and the same for the payments file and `fairplan book payments`, and prints rows/s of each, the
// ratios (target ≥ 0.1), the peak RSS of each (target < 600 MB) and the load of the machine. With FAIRPLAN_TEST_POSTGRES set (a postgres://
// URL of a server on which a database may be created), the same imports into a PostgreSQL book are
// timed beside them. FAIRPLAN_BENCH_ROUNDS (default 1) sets how many times each is timed. Run
// `npm run build` first.
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { amount, BIN, DATA, due, fastest, generated, highest, passthrough, timed, sizeArgument, freshBook } from './timing.mjs';

const arrangements = sizeArgument('book.mjs', 'ARRANGEMENTS');
const INSTALMENTS = 13;
const PAYMENTS = 3;
const ROUNDS = Number.parseInt(process.env.FAIRPLAN_BENCH_ROUNDS ?? '1', 10);
const POSTGRES = process.env.FAIRPLAN_TEST_POSTGRES;

const id = (i) => `BOOK${String(i).padStart(9, '0')}`;

const schedules = await generated(path.join(DATA, `book-schedules-${arrangements}.csv`), function* () {
  yield 'account_id,plan,n,due,moved_from,amount,interest,principal,balance_after\n';
  for (let i = 0; i < arrangements; i++) {
    let chunk = '';
    for (let k = 0; k < INSTALMENTS; k++) chunk += `${id(i)},fixed-term-13,${k + 1},${due(i, k)},,${amount(i)},0.00,${amount(i)},0.00\n`;
    yield chunk;
  }
});
const payments = await generated(path.join(DATA, `book-payments-${arrangements}.csv`), function* () {
  yield 'account_id,paid_on,amount,reference\n';
  // Three payments a plan, in no order of account.
  for (let k = 0; k < PAYMENTS; k++) for (let i = 0; i < arrangements; i++) yield `${id(i)},${due(i, k)},${amount(i)},REF${k}-${i}\n`;
});

const scheduleRows = arrangements * INSTALMENTS;
const paymentRows = arrangements * PAYMENTS;
const results = { agreePass: [], paymentsPass: [], sqlite: { agree: [], payments: [] }, postgres: { agree: [], payments: [] } };
const backends = POSTGRES ? ['sqlite', 'postgres'] : ['sqlite'];
// The machine is shared: its load, before and after, says how far to trust the seconds (the ratios are measured in the same run).
const loadBefore = loadavg()[0];
const started = new Date();
for (let round = 0; round < ROUNDS; round++) {
  results.agreePass.push(await passthrough(schedules, scheduleRows));
  results.paymentsPass.push(await passthrough(payments, paymentRows));
  for (const backend of backends) {
    const book = await freshBook(backend, `fairplan_bench_${process.pid}_${round}`, POSTGRES);
    try {
      results[backend].agree.push(await timed(`agree ${backend}`, scheduleRows, BIN, ['book', 'agree', '--schedules', schedules, '--agreed-on', '2025-12-15', '--book', book.location]));
      results[backend].payments.push(await timed(`payments ${backend}`, paymentRows, BIN, ['book', 'payments', payments, '--book', book.location]));
    } finally {
      await book.drop();
    }
  }
}

const line = (runs, target = '') => {
  const r = fastest(runs);
  return `  ${r.label.padEnd(18)} ${r.seconds.toFixed(1).padStart(7)} s ${Math.round(r.rowsPerSecond).toLocaleString('en-GB').padStart(10)} rows/s   peak RSS ${highest(runs).toFixed(0).padStart(4)} MB${target}`;
};
const MEMORY_TARGET = ' (target < 600)';
const ratio = (runs, baseline) => (fastest(runs).rowsPerSecond / fastest(baseline).rowsPerSecond).toFixed(2);
process.stdout.write(
  [
    `book: ${arrangements.toLocaleString('en-GB')} arrangements (${scheduleRows.toLocaleString('en-GB')} instalment rows), ${paymentRows.toLocaleString('en-GB')} payments, Node ${process.version}, best of ${ROUNDS}`,
    `  ${started.toISOString().slice(0, 16)}Z, ${cpus().length} cores, load average ${loadBefore.toFixed(1)} before and ${loadavg()[0].toFixed(1)} after`,
    `book agree --schedules (rows: instalments)`,
    line(results.agreePass),
    ...backends.map((backend) => `${line(results[backend].agree, MEMORY_TARGET)}   ratio ${ratio(results[backend].agree, results.agreePass)} (target ≥ 0.1)`),
    `book payments (rows: payments)`,
    line(results.paymentsPass),
    ...backends.map((backend) => `${line(results[backend].payments, MEMORY_TARGET)}   ratio ${ratio(results[backend].payments, results.paymentsPass)} (target ≥ 0.1)`),
    ...(POSTGRES ? [] : ['  (PostgreSQL: not measured; set FAIRPLAN_TEST_POSTGRES to a server to time it beside SQLite)']),
    '',
  ].join('\n'),
);
