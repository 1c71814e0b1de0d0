/**
 * docs/letters.md's commands run as written in a folder that holds only the project's fixtures, as
 * from a fresh clone (spawns dist/: `npm run build` first), and write the packs they promise.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/cli.js';

const commands = (): string[] => {
  const found: string[] = [];
  let inShell = false;
  for (const line of readFileSync(path.join(ROOT, 'docs', 'letters.md'), 'utf8').split('\n')) {
    if (line.startsWith('```')) inShell = line === '```sh';
    else if (inShell && line.startsWith('npx fairplan ')) found.push(line);
  }
  return found;
};

function shell(command: string, cwd: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const script = `npx() { shift; node ${JSON.stringify(BIN)} "$@"; }\n${command}`;
    const child = spawn('bash', ['-o', 'pipefail', '-c', script], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.resume();
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stderr }));
  });
}

describe('docs/letters.md', () => {
  it('shows the commands to try', () => {
    expect(commands()).toHaveLength(5);
  });

  for (const command of commands()) {
    it(`runs: ${command}`, async () => {
      const scratch = mkdtempSync(path.join(tmpdir(), 'fairplan-docs-'));
      symlinkSync(path.join(ROOT, 'fixtures'), path.join(scratch, 'fixtures'));
      const { code, stderr } = await shell(command, scratch);
      expect(code, stderr).toBe(0);
      const folder = /--letters (\S+)/.exec(command)?.[1] ?? '';
      expect(readdirSync(path.join(scratch, folder)).length).toBeGreaterThan(3);
    });
  }
});
