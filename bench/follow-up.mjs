#!/usr/bin/env node
// Benchmark (not a test): `npm run bench:follow-up [-- ACCOUNTS]` (`npm run bench` runs it after the
// batch benchmark, with as many plans as batch had rows), default 100,000 plans of 13
// monthly instalments and three payments each, a customer row each and a contacts log. Times, in one
// run, a csv-parse → csv-stringify passthrough of the arrangements file and the built `fairplan
// follow-up` on the same files, and prints rows/s of each (rows: instalment rows), the ratio and the
// peak RSS of each. FAIRPLAN_BENCH_ROUNDS (default 3) sets how many times each is timed. Run
// `npm run build` first.
import path from 'node:path';
import { amount, BIN, DATA, due, fastest, generated, highest, passthrough, timed, sizeArgument } from './timing.mjs';

const accounts = sizeArgument('follow-up.mjs', 'ACCOUNTS');
const INSTALMENTS = 13;
const rows = accounts * INSTALMENTS;

const arrangements = await generated(path.join(DATA, `arrangements-${accounts}.csv`), function* () {
  yield 'account_id,plan,n,due,moved_from,amount,interest,principal,balance_after\n';
  for (let i = 0; i < accounts; i++) {
    const id = `ACC${String(i).padStart(9, '0')}`;
    let chunk = '';
    for (let k = 0; k < INSTALMENTS; k++) chunk += `${id},fixed-term-13,${k + 1},${due(i, k)},,${amount(i)},0.00,${amount(i)},0.00\n`;
    yield chunk;
  }
});
const payments = await generated(path.join(DATA, `payments-${accounts}.csv`), function* () {
  yield 'account_id,paid_on,amount,reference\n';
  // Three payments a plan, in no order of account.
  for (let k = 0; k < 3; k++) for (let i = 0; i < accounts; i++) yield `ACC${String(i).padStart(9, '0')},${due(i, k)},${amount(i)},REF${k}${i}\n`;
});

const CHANNELS = ['sms', 'email', 'letter', 'sms', 'email', 'none'];
const customers = await generated(path.join(DATA, `customers-${accounts}.csv`), function* () {
  yield 'account_id,name,channel,mobile,email,vulnerable,breathing_space,breathing_space_end,review_on,contact_days,contact_window\n';
  for (let i = 0; i < accounts; i++) {
    const channel = CHANNELS[i % CHANNELS.length];
    yield `ACC${String(i).padStart(9, '0')},Customer ${i},${channel},07700${String(i % 1000000).padStart(6, '0')},customer${i}@example.com,${i % 50 === 0 ? 'yes' : 'no'},${i % 200 === 0 ? 'standard' : ''},${i % 200 === 0 ? '2026-07-01' : ''},,${i % 10 === 0 ? 'mon-fri' : ''},${i % 10 === 0 ? '09:00-17:00' : ''}\n`;
  }
});
// A message to one plan in five, in the week before the run.
const contacts = await generated(path.join(DATA, `contacts-${accounts}.csv`), function* () {
  yield 'account_id,sent_on,channel,kind,message_id\n';
  for (let i = 0; i < accounts; i += 5) yield `ACC${String(i).padStart(9, '0')},2026-06-${String(8 + (i % 7)).padStart(2, '0')},sms,reminder,M${i}\n`;
});

const ROUNDS = Number.parseInt(process.env.FAIRPLAN_BENCH_ROUNDS ?? '3', 10);
const passthroughs = [];
const followUps = [];
for (let round = 0; round < ROUNDS; round++) {
  passthroughs.push(await passthrough(arrangements, rows));
  followUps.push(
    await timed('follow-up', rows, BIN, [
      'follow-up', '--arrangements', arrangements, '--payments', payments, '--customers', customers, '--contacts', contacts, '--as-of', '2026-06-15',
      '-o', path.join(DATA, 'status.csv'), '--messages', path.join(DATA, 'messages.csv'), '-q',
    ], { ok: [0, 1] }),
  );
}
const format = (runs) => {
  const r = fastest(runs);
  return `${r.label.padEnd(12)} ${r.seconds.toFixed(1).padStart(7)} s ${Math.round(r.rowsPerSecond).toLocaleString('en-GB').padStart(9)} rows/s   peak RSS ${highest(runs).toFixed(0).padStart(4)} MB`;
};
const ratio = fastest(followUps).rowsPerSecond / fastest(passthroughs).rowsPerSecond;
process.stdout.write(
  [
    `${accounts.toLocaleString('en-GB')} plans (${rows.toLocaleString('en-GB')} instalment rows, ${(3 * accounts).toLocaleString('en-GB')} payments, a customer each), Node ${process.version}, best of ${ROUNDS}`,
    format(passthroughs),
    format(followUps),
    `ratio follow-up/passthrough ${ratio.toFixed(2)} (target ≥ 0.5); follow-up peak RSS ${highest(followUps).toFixed(0)} MB (target < 600 MB at 1,000,000 plans)`,
    '',
  ].join('\n'),
);
