/**
 * docs/book.md runs as written: its `sh` block, line by line in one shell, in a scratch folder that
 * holds only the project's fixtures, each line ending with 0 or 1 (rows rejected) and no internal
 * error; and what it says the lines do, they do.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/cli.js';

function shellLines(): string[] {
  const lines: string[] = [];
  let inShell = false;
  for (const line of readFileSync(path.join(ROOT, 'docs', 'book.md'), 'utf8').split('\n')) {
    if (line.startsWith('```')) {
      inShell = line === '```sh';
      continue;
    }
    if (inShell && line.trim() !== '') lines.push(line);
  }
  return lines;
}

it('docs/book.md: every command runs as written on the bundled fixtures', async () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'fairplan-book-docs-'));
  symlinkSync(path.join(ROOT, 'fixtures'), path.join(scratch, 'fixtures'));
  const lines = shellLines();
  expect(lines.length).toBeGreaterThan(10);
  // Each line's exit code, written where the test can read it; `npx fairplan` is this checkout's binary.
  const script = [`npx() { shift; node ${JSON.stringify(BIN)} "$@"; }`, ...lines.map((line) => `${line}; echo "$?" >> codes`)].join('\n');
  const { stderr } = await new Promise<{ stderr: string }>((resolve, reject) => {
    const child = spawn('bash', ['-c', script], { cwd: scratch, env: { ...process.env, NO_COLOR: '1', FAIRPLAN_BOOK: undefined } });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.stdout.resume();
    child.on('error', reject);
    child.on('close', () => resolve({ stderr: err }));
  });
  const codes = readFileSync(path.join(scratch, 'codes'), 'utf8').trim().split('\n').map(Number);
  expect(codes).toHaveLength(lines.length);
  // Only the first customers line rejects a row (BK-004's vulnerable "maybe"), as the page says.
  expect(codes.map((code, i) => [lines[i], code]).filter(([, code]) => code !== 0)).toEqual([[lines.find((l) => l.includes('customers.csv')), 1]]);
  expect(stderr).not.toMatch(/unexpected error|at .*\.js:\d+/);
  for (const file of ['book.sqlite', 'BK-002.html', 'book-export/payments.csv', 'book-export-ndjson/agreements.ndjson', 'book-copy.sqlite']) {
    expect(existsSync(path.join(scratch, file)), file).toBe(true);
  }
}, 120_000);
