// What the benchmarks share: the files they generate once and reuse, and timing a script (fairplan,
// or the csv-parse → csv-stringify passthrough each is measured against in the same run) with its
// peak resident set size, read in the child at exit by peak-rss.mjs.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DATA = path.join(ROOT, 'bench', 'data');
export const BIN = path.join(ROOT, 'bin', 'fairplan.js');
const PASSTHROUGH = path.join(ROOT, 'bench', 'passthrough.mjs');

/** The size a bench is asked for, its first argument (`fallback` unless given); usage and exit 2 on anything else. */
export function sizeArgument(script, name, fallback = 100_000) {
  const size = Number.parseInt(process.argv[2] ?? String(fallback), 10);
  if (Number.isSafeInteger(size) && size >= 1) return size;
  process.stderr.write(`usage: node bench/${script} [${name}]\n`);
  process.exit(2);
}

/** Writes `lines()`'s lines to `file` once; a file already there is reused. */
export async function generated(file, lines) {
  if (existsSync(file)) return file;
  mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  for (const line of lines()) if (!out.write(line)) await once(out, 'drain');
  out.end();
  await once(out, 'close');
  renameSync(partial, file);
  return file;
}

/** Plan i's k-th instalment: monthly, from month i % 12 of 2026, on day 1 + i % 28. */
export function due(i, k) {
  const month = (i % 12) + k;
  return `${2026 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
}
export const amount = (i) => `${20 + (i % 180)}.${String(i % 100).padStart(2, '0')}`;

/** Runs `script` with `args` (exit codes `ok` accepted) and times it: seconds, `rows` a second, peak RSS in MB and CPU seconds. */
export async function timed(label, rows, script, args, { env = {}, ok = [0] } = {}) {
  const rssDir = mkdtempSync(path.join(tmpdir(), 'fairplan-bench-rss-'));
  try {
    const started = performance.now();
    await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', path.join(ROOT, 'bench', 'peak-rss.mjs'), script, ...args], {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, ...env, FAIRPLAN_BENCH_RSS_DIR: rssDir },
      });
      child.on('error', reject);
      child.on('close', (code) => (ok.includes(code) ? resolve(code) : reject(new Error(`${args.join(' ')} exited ${code}`))));
    });
    const seconds = (performance.now() - started) / 1000;
    const file = readdirSync(rssDir).find((name) => name.endsWith('.rss')) ?? '';
    const read = (name) => Number(readFileSync(path.join(rssDir, name), 'utf8'));
    return { label, seconds, rowsPerSecond: rows / seconds, peakMb: read(file) / 1024, cpuSeconds: read(file.replace(/\.rss$/, '.cpu')) / 1e6 };
  } finally {
    rmSync(rssDir, { recursive: true, force: true });
  }
}

/** The baseline: a csv-parse → csv-stringify passthrough of `file`, timed as `rows` rows. */
export const passthrough = (file, rows) => timed('passthrough', rows, PASSTHROUGH, [file, path.join(DATA, 'passthrough.csv')]);

export const fastest = (runs) => runs.reduce((best, r) => (r.seconds < best.seconds ? r : best));
export const highest = (runs) => Math.max(...runs.map((r) => r.peakMb));

/**
 * A new, empty book: a SQLite file in a folder of its own, or the database `name` made on the
 * PostgreSQL server at `postgres`; `drop` removes it.
 */
export async function freshBook(backend, name, postgres) {
  if (backend === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'fairplan-bench-book-'));
    return { location: path.join(dir, 'book.sqlite'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = async (sql) => {
    const client = new pg.Client({ connectionString: postgres });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(postgres);
  url.pathname = `/${name}`;
  return { location: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}
