/**
 * Every command the README shows runs as written, with nothing but the project: each `sh` block's
 * `npx fairplan …` and `node …` lines are run by a shell in a scratch folder that holds only
 * the project's fixtures and bench scripts, and must finish with 0 or 1 (rows rejected) and no
 * internal error. `advise` needs a person at a terminal (test/cli/advise-terminal.test.ts drives it);
 * `npm` lines install or run the suite itself.
 */
import { mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from './helpers/cli.js';

function readmeCommands(): string[] {
  const commands: string[] = [];
  let inShell = false;
  for (const line of readFileSync(path.join(ROOT, 'README.md'), 'utf8').split('\n')) {
    if (line.startsWith('```')) {
      inShell = line === '```sh';
      continue;
    }
    if (inShell && /^(npx fairplan|node) /.test(line) && !line.startsWith('npx fairplan advise')) commands.push(line);
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

describe('the README', () => {
  const commands = readmeCommands();

  it('shows commands to try', () => {
    expect(commands.length).toBeGreaterThan(15);
  });

  for (const command of commands) {
    it(`runs: ${command}`, async () => {
      const scratch = mkdtempSync(path.join(tmpdir(), 'fairplan-readme-'));
      for (const folder of ['fixtures', 'bench']) symlinkSync(path.join(ROOT, folder), path.join(scratch, folder));
      const { code, stderr } = await shell(command, scratch);
      expect([0, 1], stderr).toContain(code);
      expect(stderr).not.toMatch(/unexpected error|Error:|at .*\.js:\d+/);
    });
  }
});
