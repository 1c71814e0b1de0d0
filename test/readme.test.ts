/**
 * Every command the README and the manual (docs/) show runs as written, with nothing but the
 * project: each `sh` block's `npx fairplan …` and `node …` lines are run by a shell, in order, in a
 * scratch folder for the page that holds only the project's fixtures and bench scripts, and must finish with 0 or 1 (rows
 * rejected) and no internal error. `advise` needs a person at a terminal
 * (test/cli/advise-terminal.test.ts drives it); `npm` lines install or run the suite itself. The
 * README's sample output is what its first command prints.
 */
import { mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from './helpers/cli.js';
import { inLanes } from './helpers/lanes.js';

const PAGES = ['README.md', ...readdirSync(path.join(ROOT, 'docs'), { recursive: true }).map((file) => path.join('docs', String(file))).filter((file) => file.endsWith('.md'))];

/** A page's commands, each after the `export` lines above it on the page, as a reader types them. */
function pageCommands(page: string): string[] {
  const commands: string[] = [];
  const exports: string[] = [];
  let inShell = false;
  for (const line of readFileSync(path.join(ROOT, page), 'utf8').split('\n')) {
    if (line.startsWith('```')) {
      inShell = line === '```sh';
      continue;
    }
    if (inShell && line.startsWith('export ')) exports.push(line);
    if (inShell && /^(npx fairplan|node) /.test(line) && !line.startsWith('npx fairplan advise')) commands.push([...exports, line].join('\n'));
  }
  return commands;
}

// A page's commands run in order in one folder, as a reader would type them (a report reads the results a batch before it wrote).
const scratches = new Map<string, string>();
function scratchFor(page: string): string {
  let scratch = scratches.get(page);
  if (!scratch) {
    scratch = mkdtempSync(path.join(tmpdir(), 'fairplan-readme-'));
    for (const folder of ['fixtures', 'bench']) symlinkSync(path.join(ROOT, folder), path.join(scratch, folder));
    scratches.set(page, scratch);
  }
  return scratch;
}

function shell(command: string, cwd: string, keepStdout = false): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // `npx fairplan` is the built binary of this checkout, as npx finds it in the project.
    const script = `npx() { shift; node ${JSON.stringify(BIN)} "$@"; }\n${command}`;
    const child = spawn('bash', ['-o', 'pipefail', '-c', script], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    if (keepStdout) child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    else child.stdout.resume();
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('the README and the manual', () => {
  const commands = PAGES.flatMap((page) => pageCommands(page).map((command) => ({ page, command })));
  // Each page's commands run in order in its page's folder, two pages at a time (test/helpers/lanes.ts);
  // each test reads its command's result.
  const pages = [...new Set(commands.map((c) => c.page))];
  let results: Promise<Awaited<ReturnType<typeof shell>>>[][] = [];
  beforeAll(() => {
    results = inLanes(
      pages.map((page) => commands.filter((c) => c.page === page).map(({ command }) => () => shell(command, scratchFor(page)))),
      2,
    );
  });

  it('show commands to try; the README its two quick starts, the second the test command CI runs (.ci/run)', () => {
    expect(commands.length).toBeGreaterThan(15);
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(/```sh\n([\s\S]*?)```/.exec(readme)?.[1]).toBe('npm install && npx fairplan check fixtures/statements/single-renter-weekly.json\nnpm install && npm test\n');
  });

  it("show the README's first command's output as it prints it, in part", async () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const sample = /```text\n([\s\S]*?)```/.exec(readme)?.[1]?.trimEnd().split('\n') ?? [];
    const { code, stdout } = await shell('npx fairplan check fixtures/statements/single-renter-weekly.json', ROOT, true);
    expect(code).toBe(0);
    // Each line shown is a line printed, in the same order, some left out between them.
    const printed = stdout.split('\n');
    let at = 0;
    for (const line of sample) {
      const found = printed.indexOf(line, at);
      expect(found, line).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
    expect(sample.length).toBeGreaterThan(5);
  });

  // A command to type is in an `sh` block, which runs above. Other blocks are not run: `text` is
  // output or a synopsis with placeholders (FILE), `bash` a server's script (it installs globally,
  // works in /srv), `cron` a crontab, `json`, `yaml` and `ts` files. A command's page ends with its
  // --help, whose examples test/package.test.ts runs.
  it('hold no command a reader could type outside the sh blocks that run, but in a server\'s script', () => {
    const hidden: string[] = [];
    for (const page of PAGES) {
      const text = readFileSync(path.join(ROOT, page), 'utf8');
      const own = page.startsWith(path.join('docs', 'commands')) ? text.slice(0, text.indexOf('\n## Options\n')) : text;
      for (const [, kind, body] of own.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)) {
        if (kind === 'sh' || kind === 'bash') continue;
        // A synopsis names placeholders (FILE) or sets a description beside the command.
        const typed = (line: string) => /^(\$ )?(npx )?fairplan [^A-Z]*$/.test(line) && !/\S {2,}\S/.test(line);
        for (const line of body!.split('\n')) if (typed(line.replace(/\s+# .*$/, ''))) hidden.push(`${page} (${kind || 'no kind'}): ${line}`);
      }
    }
    expect(hidden).toEqual([]);
  });

  for (const [i, { page, command }] of commands.entries()) {
    const onPage = commands.slice(0, i).filter((c) => c.page === page).length;
    it(`runs, from ${page}: ${command.split('\n').at(-1)}`, async () => {
      const { code, stderr } = await results[pages.indexOf(page)]![onPage]!;
      expect([0, 1], stderr).toContain(code);
      expect(stderr).not.toMatch(/unexpected error|Error:|at .*\.js:\d+/);
    });
  }
});
