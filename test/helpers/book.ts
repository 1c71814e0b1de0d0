/**
 * The backends every book test runs against: a SQLite file, and a PostgreSQL database when
 * FAIRPLAN_TEST_POSTGRES names a server (.ci/run starts one). Each test gets a book of its own: a new
 * file, or a new database made on that server and dropped when the tests end.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import pg from 'pg';
import { afterAll, expect } from 'vitest';
import { Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';

const POSTGRES = process.env.FAIRPLAN_TEST_POSTGRES;

export interface TestBackend {
  readonly name: 'sqlite' | 'postgres';
  /** Skipped, never faked, when there is no server. */
  readonly missing: boolean;
  /** Where a new, empty book can be made. */
  fresh(): Promise<string>;
}

const made: string[] = [];

async function onServer<T>(use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

// Dropping is tidying up, not a test: a database the server will not drop yet (an autovacuum worker
// can be in it, and ending that needs pg_signal_backend, which .ci/run grants but another server may
// not) is left behind with a warning rather than failing every test of the file.
afterAll(async () => {
  if (!POSTGRES || made.length === 0) return;
  await onServer(async (client) => {
    for (const name of made.splice(0)) {
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } catch (error) {
        console.warn(`test database ${name} was left on the server: ${(error as Error).message}`);
      }
    }
  });
}, 120_000);

let counter = 0;

export const BACKENDS: readonly TestBackend[] = [
  {
    name: 'sqlite',
    missing: false,
    fresh: async () => path.join(mkdtempSync(path.join(tmpdir(), 'fairplan-book-')), 'book.sqlite'),
  },
  {
    name: 'postgres',
    missing: !POSTGRES,
    fresh: async () => {
      const name = `fairplan_test_${process.pid}_${Date.now()}_${counter++}`;
      await onServer((client) => client.query(`create database ${name}`));
      made.push(name);
      const url = new URL(POSTGRES ?? '');
      url.pathname = `/${name}`;
      return url.toString();
    },
  },
];

if (!POSTGRES) console.warn('FAIRPLAN_TEST_POSTGRES is not set: the PostgreSQL book tests are SKIPPED (see .ci/run)');

/**
 * The command line, run in this process (as the binary runs it, without starting Node each time), on
 * the evening of 1 June 2026, in `cwd` (this process's by default) with `env` besides NO_COLOR.
 */
export async function runCli(
  args: readonly string[],
  { cwd = process.cwd(), env = {} }: { readonly cwd?: string; readonly env?: Readonly<Record<string, string>> } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['node', 'fairplan', ...args], {
    stdout: { write: (chunk: string) => void out.push(chunk) },
    stderr: { write: (chunk: string) => void err.push(chunk) },
    stdin: Readable.from([]),
    env: { NO_COLOR: '1', ...env },
    cwd,
    now: () => new Date('2026-06-01T20:00:00Z'),
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

type Row = Record<string, string>;

const csvRows = (file: string): Row[] => parse(readFileSync(file, 'utf8'), { columns: true }) as Row[];

/** A customers file to record (with --effective-on when it has one; its exit code checked when given), or something to do to the book between two. */
export type CustomersStep = { readonly name: string; readonly text: string; readonly effectiveOn?: string; readonly code?: number } | ((location: string) => Promise<void>);

/** What follow-up --book wrote for one night: each account's status row and message row. */
export interface Night {
  readonly status: Map<string, Row>;
  readonly messages: Map<string, Row>;
}

/**
 * A new book on `backend` with the plans of `schedules` (a batch --schedules file) agreed on
 * `agreedOn`, then `steps` in order; the night of `asOf` by follow-up --book. `night` runs a later
 * night on the same book, `book` any book command.
 */
export async function customersNight(
  backend: TestBackend,
  { schedules, agreedOn, steps, asOf }: { readonly schedules: string; readonly agreedOn: string; readonly steps: readonly CustomersStep[]; readonly asOf: string },
): Promise<Night & { location: string; recorded: Awaited<ReturnType<typeof runCli>>[]; night: (asOf: string) => Promise<Night>; book: (args: readonly string[]) => ReturnType<typeof runCli> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'fairplan-customers-'));
  const location = await backend.fresh();
  const file = (name: string, text: string) => {
    writeFileSync(path.join(dir, name), `${text}\n`);
    return path.join(dir, name);
  };
  const book = (args: readonly string[]) => runCli(['book', ...args, '--book', location]);
  const agreed = await book(['agree', '--schedules', file('schedules.csv', schedules), '--agreed-on', agreedOn]);
  expect(agreed.code, agreed.stderr).toBe(0);
  const recorded: Awaited<ReturnType<typeof runCli>>[] = [];
  for (const step of steps) {
    if (typeof step === 'function') {
      await step(location);
      continue;
    }
    const run = await book(['customers', file(step.name, step.text), ...(step.effectiveOn ? ['--effective-on', step.effectiveOn] : [])]);
    if (step.code !== undefined) expect(run.code, `${step.name}: ${run.stderr}`).toBe(step.code);
    recorded.push(run);
  }
  const night = async (day: string): Promise<Night> => {
    const status = path.join(dir, `status-${day}.csv`);
    const messages = path.join(dir, `messages-${day}.csv`);
    const run = await runCli(['follow-up', '--book', location, '--as-of', day, '-o', status, '--messages', messages]);
    expect(run.code, run.stderr).toBe(0);
    return { status: new Map(csvRows(status).map((s) => [s.account_id!, s])), messages: new Map(csvRows(messages).map((m) => [m.account_id!, m])) };
  };
  return { location, recorded, ...(await night(asOf)), night, book };
}
