/**
 * The backends every book test runs against: a SQLite file, and a PostgreSQL database when
 * FAIRPLAN_TEST_POSTGRES names a server (.ci/run starts one). Each test gets a book of its own: a new
 * file, or a new database made on that server and dropped when the tests end.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll } from 'vitest';
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
