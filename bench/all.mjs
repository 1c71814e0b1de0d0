#!/usr/bin/env node
// Benchmark (not a test): `npm run bench [-- ROWS [BATCH OPTIONS]]`, default 1,000,000. Runs the batch
// benchmark (bench/run.mjs: ROWS accounts, batch options passed on) and then the follow-up one
// (bench/follow-up.mjs: ROWS plans of 13 instalments), each against its csv-parse passthrough
// measured in the same run, and then the report one (bench/report.mjs: the results and schedules of
// ROWS accounts), and then the book one (bench/book.mjs: `book agree` and `book payments` of
// FAIRPLAN_BENCH_BOOK arrangements, 100,000 unless set, as the imports take minutes a hundred
// thousand), and the night read from the book (bench/follow-up-book.mjs: `follow-up --book` against
// `follow-up` on the same data as CSV files, as many arrangements). `npm run bench:batch`,
// `bench:follow-up`, `bench:report`, `bench:book` and `bench:follow-up-book` run one alone.
// Run `npm run build` first.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const [rows = '1000000', ...batchOptions] = process.argv.slice(2);
const bench = (script, args) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(new URL(script, import.meta.url)), ...args], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${script} exited ${code}`))));
  });

try {
  await bench('run.mjs', [rows, ...batchOptions]);
  await bench('follow-up.mjs', [rows]);
  await bench('report.mjs', [rows]);
  await bench('book.mjs', [process.env.FAIRPLAN_BENCH_BOOK ?? '100000']);
  await bench('follow-up-book.mjs', [process.env.FAIRPLAN_BENCH_BOOK ?? '100000']);
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}
