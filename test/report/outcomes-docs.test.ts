/**
 * docs/outcomes.md runs as written: its `sh` block, line by line in one shell, in a scratch folder
 * that holds only the project's fixtures, each line ending with 0 or 1 (rows rejected); and the
 * figures the page gives are the report's.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/cli.js';

const page = readFileSync(path.join(ROOT, 'docs', 'outcomes.md'), 'utf8');

function shellLines(): string[] {
  const lines: string[] = [];
  let inShell = false;
  for (const line of page.split('\n')) {
    if (line.startsWith('```')) {
      inShell = line === '```sh';
      continue;
    }
    if (inShell && line.trim() !== '') lines.push(line);
  }
  return lines;
}

it('docs/outcomes.md: every command runs as written on the bundled fixtures, with the figures the page gives', async () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'fairplan-outcomes-docs-'));
  symlinkSync(path.join(ROOT, 'fixtures'), path.join(scratch, 'fixtures'));
  const lines = shellLines();
  expect(lines.length).toBeGreaterThan(5);
  // `npx fairplan` is this checkout's binary; the last line's output (the JSON) is kept.
  const script = [`npx() { shift; node ${JSON.stringify(BIN)} "$@"; }`, ...lines.map((line) => `${line} > last.out; echo "$?" >> codes`)].join('\n');
  const stderr = await new Promise<string>((resolve, reject) => {
    const child = spawn('bash', ['-c', script], { cwd: scratch, env: { ...process.env, NO_COLOR: '1', FAIRPLAN_BOOK: undefined } });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('close', () => resolve(err));
  });
  const codes = readFileSync(path.join(scratch, 'codes'), 'utf8').trim().split('\n').map(Number);
  expect(codes).toHaveLength(lines.length);
  // Only the customers line rejects a row (BK-004's vulnerable "maybe"), as the page says.
  expect(codes.map((code, i) => [lines[i], code]).filter(([, code]) => code !== 0)).toEqual([[lines.find((l) => l.includes('customers.csv')), 1]]);
  expect(stderr).not.toMatch(/unexpected error|at .*\.js:\d+/);
  expect(existsSync(path.join(scratch, 'outcomes.html'))).toBe(true);
  const report = JSON.parse(readFileSync(path.join(scratch, 'last.out'), 'utf8')) as {
    all: { agreed: number; at: { arrangements: number; kept: number; broken: number; renegotiated: number }[] };
    differences: { text: string }[];
  };
  // "all five are 3 months old: 2 kept, 2 broken and 1 renegotiated … At 6 months … 3 broken and 1 renegotiated; no month is 12 months old yet."
  expect(report.all.agreed).toBe(5);
  expect(report.all.at.map((a) => [a.arrangements, a.kept, a.broken, a.renegotiated])).toEqual([[5, 2, 2, 1], [4, 0, 3, 1], [0, 0, 0, 0]]);
  expect(report.differences.map((d) => d.text)).toContain('Arrangements of customers contacted by sms were kept at 3 months by 100% against 0% for others (2 and 3 arrangements).');
}, 120_000);
