#!/usr/bin/env node
// Benchmark (not a test): `npm run bench:report [-- ACCOUNTS]` (`npm run bench` runs it after the
// follow-up benchmark, with as many accounts as batch had rows), default 1,000,000. Makes the
// results and schedules of a batch run on generated accounts once (bench/gen-accounts.mjs, then the
// built `fairplan batch`, kept in bench/data/), then times, in turn, a csv-parse → csv-stringify
// passthrough of both files and the built `fairplan report` on them (HTML, split by pay frequency),
// and prints rows/s of each (rows: result rows and schedule rows), the ratio and the peak RSS of
// each. Past 100,000 accounts it also reports on 100,000, to show that the peak does not grow with
// the files. FAIRPLAN_BENCH_ROUNDS (default 3) sets how many times each is timed. Run
// `npm run build` first.
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DATA = path.join(ROOT, 'bench', 'data');
const BIN = path.join(ROOT, 'bin', 'fairplan.js');
const accounts = Number.parseInt(process.argv[2] ?? '1000000', 10);
if (!Number.isSafeInteger(accounts) || accounts < 1) {
  process.stderr.write('usage: node bench/report.mjs [ACCOUNTS]\n');
  process.exit(2);
}

function run(args, stdoutFile) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', stdoutFile ? 'pipe' : 'ignore', 'inherit'] });
    // Done when the child has exited and what it wrote is all in the file.
    const written = stdoutFile ? finished(child.stdout.pipe(createWriteStream(stdoutFile))) : Promise.resolve();
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 || code === 1 ? written.then(() => resolve(code), reject) : reject(new Error(`${args.join(' ')} exited ${code}`)),
    );
  });
}

async function lines(file) {
  let count = -1; // the header
  for await (const chunk of createReadStream(file)) for (const byte of chunk) if (byte === 10) count++;
  return count;
}

/** The results and schedules of batch on `n` generated accounts, made once and kept. */
async function batchOutputs(n) {
  const results = path.join(DATA, `report-results-${n}.csv`);
  const schedules = path.join(DATA, `report-schedules-${n}.csv`);
  if (!existsSync(results) || !existsSync(schedules)) {
    mkdirSync(DATA, { recursive: true });
    process.stderr.write(`making the results and schedules of ${n.toLocaleString('en-GB')} accounts in bench/data/…\n`);
    const input = path.join(DATA, `report-accounts-${n}.csv`);
    await run([path.join(ROOT, 'bench', 'gen-accounts.mjs'), String(n), '42'], input);
    await run([BIN, 'batch', input, '-o', `${results}.partial`, '--schedules', `${schedules}.partial`, '--carry', 'pay_frequency', '--as-of', '2026-01-05', '-q']);
    renameSync(`${schedules}.partial`, schedules);
    renameSync(`${results}.partial`, results);
    rmSync(input, { force: true });
  }
  return { results, schedules, rows: (await lines(results)) + (await lines(schedules)) };
}

process.env.FAIRPLAN_BENCH_RSS_DIR = DATA;
/** Runs each of `commands` in turn and returns the time they took together and the highest peak RSS. */
async function timed(label, commands, rows) {
  let peakMb = 0;
  const started = performance.now();
  for (const { args, rss } of commands) {
    const rssFile = path.join(DATA, `${rss}.rss`);
    rmSync(rssFile, { force: true });
    await run(['--import', path.join(ROOT, 'bench', 'peak-rss.mjs'), ...args]);
    peakMb = Math.max(peakMb, Number(readFileSync(rssFile, 'utf8')) / 1024);
  }
  const seconds = (performance.now() - started) / 1000;
  return { label, seconds, rowsPerSecond: rows / seconds, peakMb };
}

const passthroughOf = ({ results, schedules, rows }) =>
  timed(
    'passthrough',
    [results, schedules].map((file) => ({ args: [path.join(ROOT, 'bench', 'passthrough.mjs'), file, path.join(DATA, 'report-passthrough.csv')], rss: 'passthrough' })),
    rows,
  );
// fairplan's peak is written under `batch`, peak-rss.mjs's name for the fairplan binary.
const reportOf = ({ results, schedules, rows }) =>
  timed('report', [{ args: [BIN, 'report', results, '--schedules', schedules, '--by', 'pay_frequency', '-o', path.join(DATA, 'report.html')], rss: 'batch' }], rows);

const SMALLER = 100_000;
const files = await batchOutputs(accounts);
const smallerFiles = accounts > SMALLER ? await batchOutputs(SMALLER) : undefined;
const ROUNDS = Number.parseInt(process.env.FAIRPLAN_BENCH_ROUNDS ?? '3', 10);
const passthroughs = [];
const reports = [];
const smallerReports = [];
for (let round = 0; round < ROUNDS; round++) {
  passthroughs.push(await passthroughOf(files));
  reports.push(await reportOf(files));
  if (smallerFiles) smallerReports.push(await reportOf(smallerFiles));
}
const fastest = (runs) => runs.reduce((best, r) => (r.seconds < best.seconds ? r : best));
const highest = (runs) => Math.max(...runs.map((r) => r.peakMb));
const peaks = (runs) => runs.map((r) => r.peakMb.toFixed(0)).join(', ');
const passthrough = { ...fastest(passthroughs), peakMb: highest(passthroughs) };
const report = { ...fastest(reports), peakMb: highest(reports) };
const format = (r, runs) =>
  `${r.label.padEnd(12)} ${r.seconds.toFixed(1).padStart(7)} s ${Math.round(r.rowsPerSecond).toLocaleString('en-GB').padStart(9)} rows/s   peak RSS ${r.peakMb.toFixed(0).padStart(4)} MB (rounds: ${peaks(runs)})`;
process.stdout.write(
  [
    `report: ${accounts.toLocaleString('en-GB')} results and ${(files.rows - accounts).toLocaleString('en-GB')} schedule rows, Node ${process.version}, best of ${ROUNDS} round${ROUNDS === 1 ? '' : 's'}`,
    format(passthrough, passthroughs),
    format(report, reports),
    `ratio report/passthrough ${(report.rowsPerSecond / passthrough.rowsPerSecond).toFixed(2)}; report ${report.seconds.toFixed(1)} s (target < 60 s)`,
    ...(smallerFiles
      ? [`report peak RSS at ${SMALLER.toLocaleString('en-GB')} accounts ${highest(smallerReports).toFixed(0)} MB (rounds: ${peaks(smallerReports)}): ${((report.peakMb / highest(smallerReports) - 1) * 100).toFixed(0)}% higher at ${accounts.toLocaleString('en-GB')}`]
      : []),
    '',
  ].join('\n'),
);
