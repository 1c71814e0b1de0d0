#!/usr/bin/env node
// Benchmark (not a test): `npm run bench:batch [-- ROWS [BATCH OPTIONS]]` (`npm run bench` runs it,
// then the follow-up benchmark), default 1,000,000 rows; options after ROWS go to fairplan batch
// (e.g. `npm run bench -- 1000000 --workers 2`). FAIRPLAN_BENCH_ROUNDS
// (default 3) sets how many times each is timed.
// Times, in one run, (a) a plain csv-parse → csv-stringify passthrough of a generated accounts file
// and (b) the built `fairplan batch` on the same file, output to a file; prints rows/s of each,
// the ratio b/a and the peak RSS of each (process.resourceUsage().maxRSS, read in the child at exit
// by peak-rss.mjs, so only Node is needed). Past 100,000 rows, batch also runs on 100,000 rows, to
// show that its peak memory does not grow with the file. Beside them, batch --group-by customer_id
// on a generated export of households (one to three accounts each, --households) of as many rows,
// and how many times slower it is. Run `npm run build` first.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sizeArgument } from './timing.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DATA = path.join(ROOT, 'bench', 'data');
// The project's own deterministic accounts generator (or another one named by FAIRPLAN_GEN_ACCOUNTS).
const GENERATOR = process.env.FAIRPLAN_GEN_ACCOUNTS ?? path.join(ROOT, 'bench', 'gen-accounts.mjs');
const rows = sizeArgument('run.mjs', 'ROWS [BATCH OPTIONS]', 1_000_000);
const batchOptions = process.argv.slice(3);

function run(args, stdoutFile) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', stdoutFile ? 'pipe' : 'ignore', 'inherit'] });
    if (stdoutFile) child.stdout.pipe(createWriteStream(stdoutFile));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 || code === 1 ? resolve(code) : reject(new Error(`${args.join(' ')} exited ${code}`))));
  });
}

async function accountsFile(rows, households = false) {
  const file = path.join(DATA, `accounts-${rows}${households ? '-households' : ''}.csv`);
  if (existsSync(file)) return file;
  mkdirSync(DATA, { recursive: true });
  process.stderr.write(`generating ${rows.toLocaleString('en-GB')} rows into ${path.relative(ROOT, file)}…\n`);
  if (!existsSync(GENERATOR)) {
    process.stderr.write(`cannot find the accounts generator at ${GENERATOR}; set FAIRPLAN_GEN_ACCOUNTS\n`);
    process.exit(2);
  }
  const partial = `${file}.partial`;
  // The generator must succeed outright (batch's exit code 1 for rejected rows does not apply here).
  const code = await run([GENERATOR, String(rows), '42', ...(households ? ['--households'] : [])], partial).catch(() => -1);
  if (code !== 0) {
    rmSync(partial, { force: true });
    process.stderr.write(`the accounts generator failed (exit ${code}); no data file was kept\n`);
    process.exit(2);
  }
  renameSync(partial, file);
  return file;
}

/** `script`: the name peak-rss.mjs writes the peak under (fairplan's is `batch`). */
async function timed(label, args, rows, script = label) {
  const rssFile = path.join(DATA, `${script}.rss`);
  rmSync(rssFile, { force: true });
  const started = performance.now();
  await run(['--import', path.join(ROOT, 'bench', 'peak-rss.mjs'), ...args]);
  const seconds = (performance.now() - started) / 1000;
  const peakMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
  return { label, seconds, rowsPerSecond: rows / seconds, peakMb };
}

const SMALLER = 100_000;
const input = await accountsFile(rows);
const smaller = rows > SMALLER ? await accountsFile(SMALLER) : undefined;
const grouped = await accountsFile(rows, true);
process.env.FAIRPLAN_BENCH_RSS_DIR = DATA;
const timePassthrough = () => timed('passthrough', [path.join(ROOT, 'bench', 'passthrough.mjs'), input, path.join(DATA, 'passthrough.csv')], rows);
const timeBatch = (file = input, count = rows, label = 'batch', extra = []) =>
  timed(
    label,
    [path.join(ROOT, 'bin', 'fairplan.js'), 'batch', file, '-o', path.join(DATA, 'results.csv'), '--as-of', '2026-01-05', '--quiet', ...extra, ...batchOptions],
    count,
    'batch',
  );
const timeGrouped = () => timeBatch(grouped, rows, 'grouped', ['--group-by', 'customer_id']);

// On a shared machine a run can be slowed by others at any moment: the two are timed in turn,
// ROUNDS times, and each keeps its best time and its highest peak memory.
const ROUNDS = Number.parseInt(process.env.FAIRPLAN_BENCH_ROUNDS ?? '3', 10);
const passthroughs = [];
const batches = [];
const smallerBatches = [];
const groupedBatches = [];
for (let round = 0; round < ROUNDS; round++) {
  passthroughs.push(await timePassthrough());
  batches.push(await timeBatch());
  if (smaller) smallerBatches.push(await timeBatch(smaller, SMALLER));
  groupedBatches.push(await timeGrouped());
}
const fastest = (runs) => runs.reduce((best, r) => (r.seconds < best.seconds ? r : best));
const highest = (runs) => Math.max(...runs.map((r) => r.peakMb));
const passthrough = { ...fastest(passthroughs), peakMb: highest(passthroughs) };
const batch = { ...fastest(batches), peakMb: highest(batches) };
const groupedBatch = { ...fastest(groupedBatches), peakMb: highest(groupedBatches) };

const peaks = (runs) => runs.map((r) => r.peakMb.toFixed(0)).join(', ');
const format = (r, runs) =>
  `${r.label.padEnd(12)} ${r.seconds.toFixed(1).padStart(7)} s ${Math.round(r.rowsPerSecond).toLocaleString('en-GB').padStart(9)} rows/s   peak RSS ${r.peakMb.toFixed(0).padStart(4)} MB (rounds: ${peaks(runs)})`;
const ratio = batch.rowsPerSecond / passthrough.rowsPerSecond;
const growth = smaller
  ? [`batch peak RSS at ${SMALLER.toLocaleString('en-GB')} rows ${highest(smallerBatches).toFixed(0)} MB (rounds: ${peaks(smallerBatches)}): ${rows.toLocaleString('en-GB')} rows peak ${((batch.peakMb / highest(smallerBatches) - 1) * 100).toFixed(0)}% higher (target within 20%)`]
  : [];
process.stdout.write(
  [
    `${rows.toLocaleString('en-GB')} rows, Node ${process.version}${batchOptions.length > 0 ? `, batch ${batchOptions.join(' ')}` : ''}, best of ${ROUNDS} round${ROUNDS === 1 ? '' : 's'} (peak RSS: the highest)`,
    format(passthrough, passthroughs),
    format(batch, batches),
    `ratio batch/passthrough ${ratio.toFixed(2)} (target ≥ 0.75, issue 23); batch peak RSS ${batch.peakMb.toFixed(0)} MB (target < 200 MB)`,
    `${format(groupedBatch, groupedBatches)}  (--group-by customer_id, rows of households)`,
    `ratio batch/grouped ${(batch.rowsPerSecond / groupedBatch.rowsPerSecond).toFixed(2)}`,
    ...growth,
    '',
  ].join('\n'),
);
