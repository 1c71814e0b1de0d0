/**
 * Every command the pages under docs/ show runs as written, as the README's do (test/readme.test.ts):
 * each `sh` block's `npx fairplan …` and `node …` lines, by a shell in a scratch folder holding only
 * the project's fixtures, finishing with 0 or 1 (rows rejected) and no internal error. A page's
 * commands run in order in one folder, as a reader would type them (a report reads the results the
 * batch before it wrote).
 */
import { mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from './helpers/cli.js';

const DOCS = path.join(ROOT, 'docs');

function commandsOf(page: string): string[] {
  const commands: string[] = [];
  let inShell = false;
  for (const line of readFileSync(path.join(DOCS, page), 'utf8').split('\n')) {
    if (line.startsWith('```')) {
      inShell = line === '```sh';
      continue;
    }
    if (inShell && /^(npx fairplan|node) /.test(line)) commands.push(line);
  }
  return commands;
}

function shell(command: string, cwd: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    // `npx fairplan` is the built binary of this checkout, as npx finds it in the project.
    const script = `npx() { shift; node ${JSON.stringify(BIN)} "$@"; }\n${command}`;
    const child = spawn('bash', ['-o', 'pipefail', '-c', script], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.resume();
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stderr }));
  });
}

const pages = readdirSync(DOCS).filter((page) => page.endsWith('.md') && commandsOf(page).length > 0);

describe('the pages under docs/', () => {
  it('show commands to try, on the mapping and the report', () => {
    expect(pages).toEqual(expect.arrayContaining(['batch-mapping.md', 'report.md']));
  });

  for (const page of pages) {
    it(`${page}: every command runs as written`, async () => {
      const scratch = mkdtempSync(path.join(tmpdir(), 'fairplan-docs-'));
      symlinkSync(path.join(ROOT, 'fixtures'), path.join(scratch, 'fixtures'));
      for (const command of commandsOf(page)) {
        const { code, stderr } = await shell(command, scratch);
        expect([0, 1], `${command}\n${stderr}`).toContain(code);
        expect(stderr, command).not.toMatch(/unexpected error|Error:|at .*\.js:\d+/);
      }
    }, 120_000);
  }
});
