/**
 * fairplan as a package: what `npm pack` ships, unpacked into a throwaway project as `npm install`
 * lays it out, imports and type-checks under `tsc --strict` and runs the manual's "Use from
 * TypeScript" example (docs/library.md); its bin runs, prints the manual and runs its own --help
 * examples from the sample files `new --examples` writes; only the public entry can be imported.
 *
 * The project is laid out by hand, because `npm install` needs the registry for fairplan's
 * dependencies (the npm cache does not hold them) and a test must not depend on the network: the
 * tarball is unpacked into the project's node_modules/fairplan, and the dependencies (typescript and
 * @types/node too) are found, as Node and tsc look upwards, in a node_modules beside the project
 * that links to this checkout's.
 * Spawns the built dist/ (`npm run build` first), as the CLI tests do.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMAT_VERSION } from '../src/render/shared/format-version.js';
import { SAMPLE_FOLDERS } from '../src/cli/commands/new.js';
import { fixture, ROOT } from './helpers/cli.js';
import { inLanes } from './helpers/lanes.js';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function run(command: string, args: readonly string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => resolve({ code: -1, stdout, stderr: String(error) }));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** The manual's "Use from TypeScript" example, as written. */
function libraryExample(): string {
  const example = /```ts\n([\s\S]*?)```/.exec(readFileSync(path.join(ROOT, 'docs', 'library.md'), 'utf8'))?.[1];
  if (!example) throw new Error('docs/library.md has no TypeScript example');
  return example;
}

/** The `$ …` examples of a command's --help, each joined across its continued lines, without its comment. */
function helpExamples(help: string): string[] {
  return help
    .replace(/ \\\n\s+/g, ' ')
    .split('\n')
    .filter((line) => line.startsWith('  $ '))
    .map((line) => line.slice('  $ '.length).replace(/\s+# .*$/, ''));
}

const npmWorks = (await run('npm', ['--version'], ROOT)).code === 0;

const title = 'the package, installed in another project';
describe.skipIf(!npmWorks)(npmWorks ? title : `${title} (skipped: npm is not available to pack it)`, () => {
  let scratch = '';
  let project = '';

  beforeAll(async () => {
    scratch = mkdtempSync(path.join(tmpdir(), 'fairplan-package-'));
    const packed = await run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', scratch], ROOT);
    expect(packed.stderr).toBe('');
    const tarball = readdirSync(scratch).find((name) => name.endsWith('.tgz'));
    if (!tarball) throw new Error(`npm pack made no tarball: ${packed.stdout}`);

    project = path.join(scratch, 'project');
    const installed = path.join(project, 'node_modules', 'fairplan');
    mkdirSync(installed, { recursive: true });
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'uses-fairplan', private: true, type: 'module' }));
    expect((await run('tar', ['-xzf', path.join(scratch, tarball), '-C', installed, '--strip-components=1'], ROOT)).code).toBe(0);
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(scratch, 'node_modules'));
    writeFileSync(path.join(project, 'example.ts'), libraryExample());
    copyFileSync(fixture('statements', 'homeowner-several-creditors.json'), path.join(project, 'homeowner-several-creditors.json'));
  }, 30_000);

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('compiles the manual\'s example with tsc --strict and runs it, with the figures the command line gives', async () => {
    const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const compiled = await run(process.execPath, [tsc, '--strict', '--module', 'nodenext', '--target', 'es2022', '--types', 'node', 'example.ts'], project);
    expect(compiled.stdout + compiled.stderr).toBe('');
    expect(compiled.code).toBe(0);

    const example = await run(process.execPath, ['example.js'], project);
    expect(example.stderr).toBe('');
    const bin = path.join('node_modules', 'fairplan', 'bin', 'fairplan.js');
    const statement = 'homeowner-several-creditors.json';
    const check = JSON.parse((await run(process.execPath, [bin, 'check', statement, '--json', '--as-of', '2026-12-01'], project)).stdout);
    const plan = JSON.parse((await run(process.execPath, [bin, 'plan', statement, '--json', '--as-of', '2026-12-01'], project)).stdout);
    expect(example.stdout).toBe(
      `available for creditors: ${check.available} a month\nrecommended: ${plan.recommended.label}\nfor a person to review first: ${plan.recommended.flagForReview}\n`,
    );
    expect([check.formatVersion, plan.formatVersion]).toEqual([FORMAT_VERSION, FORMAT_VERSION]);
  }, 60_000);

  it('keeps everything but the public entry internal', async () => {
    const script = "import('fairplan/dist/core/money.js').then(() => console.log('imported'), (e) => console.log(e.code))";
    const deep = await run(process.execPath, ['--input-type=module', '-e', script], project);
    expect(deep.stdout).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED\n');
  });

  it('ships the compiled code, its declarations, the schema, the manual, the sample files and the changelog, and no tests or sources', () => {
    const installed = path.join(project, 'node_modules', 'fairplan');
    const shipped = readdirSync(installed, { recursive: true }).map(String);
    const manual = readdirSync(path.join(ROOT, 'docs'), { recursive: true }).map((file) => `docs/${String(file)}`).filter((file) => file.endsWith('.md'));
    expect(shipped).toEqual(expect.arrayContaining(['bin/fairplan.js', 'dist/index.js', 'dist/index.d.ts', 'CHANGELOG.md', 'README.md', ...manual]));
    expect(shipped).toEqual(expect.arrayContaining(['fixtures/statements/single-renter-weekly.json', 'fixtures/statements/sfs/sfs-summary.json', 'fixtures/guidelines/example-guidelines.yaml']));
    expect(shipped.filter((file) => /^(src|test|bench|scripts)\//.test(file) || file.endsWith('.map'))).toEqual([]);
    // The samples `new --examples` writes and nothing else: no hostile files, nothing invalid.
    const sample = (file: string) => SAMPLE_FOLDERS.some(({ folder, files }) => file === folder || folder.startsWith(`${file}/`) || (path.dirname(file) === folder && files.test(file)));
    expect(shipped.filter((file) => file.startsWith('fixtures') && !sample(file))).toEqual([]);
    for (const { folder, files } of SAMPLE_FOLDERS) {
      expect(shipped.filter((file) => path.dirname(file) === folder && files.test(file)).sort(), folder).toEqual(readdirSync(path.join(ROOT, folder)).filter((name) => files.test(name)).map((name) => `${folder}/${name}`).sort());
    }
    // The font the PDF letters embed, with its licence.
    expect(shipped).toEqual(expect.arrayContaining(['fixtures/letters/sender.yaml', 'fonts/DejaVuSans.ttf', 'fonts/DejaVuSans-Bold.ttf', 'fonts/LICENSE-DejaVu.txt']));
  });

  it('prints its manual: the pages it ships, as docs/ has them', async () => {
    const bin = path.join('node_modules', 'fairplan', 'bin', 'fairplan.js');
    const page = await run(process.execPath, [bin, 'help', 'check'], project);
    expect(page).toMatchObject({ code: 0, stderr: '' });
    expect(page.stdout).toBe(readFileSync(path.join(ROOT, 'docs', 'commands', 'check.md'), 'utf8'));
    expect((await run(process.execPath, [bin, 'help'], project)).stdout).toMatch(/^ {2}glossary +Glossary$/m);
  });

  it('runs every --help example but advise\'s where it is installed, from the samples `new --examples` writes', async () => {
    const bin = path.join(project, 'node_modules', 'fairplan', 'bin', 'fairplan.js');
    const folder = path.join(scratch, 'user');
    mkdirSync(folder);
    // new's own examples come first: they write the statement and the samples the others name; the
    // book's fill the book that follow-up's and report's read. advise needs a person at a terminal
    // (test/cli/advise-terminal.test.ts drives it).
    const order = ['new', 'check', 'plan', 'batch', 'book', 'report', 'follow-up', 'help'];
    const ran = new Set<string>();
    const examplesOf = new Map<string, string[]>();
    for (const command of order) {
      const examples = helpExamples((await run(process.execPath, [bin, command, '--help'], folder)).stdout);
      expect(examples.length, command).toBeGreaterThan(1);
      // One that writes a file is run once: run again, it would rightly refuse to write over it.
      examplesOf.set(command, examples.filter((e) => !ran.has(e)));
      for (const example of examples) ran.add(example);
    }
    const examplesIn = (commands: readonly string[], cwd: string) =>
      commands.flatMap((command) => {
        const exports: string[] = [];
        return (examplesOf.get(command) ?? []).flatMap((example) => {
          if (example.startsWith('export ')) {
            exports.push(example);
            return [];
          }
          // `fairplan` is the installed bin, as on the PATH of a global install.
          const script = [`fairplan() { node ${JSON.stringify(bin)} "$@"; }`, ...exports, example.replace(/\| jq .*$/, '')].join('\n');
          return [{ example, run: () => run('bash', ['-o', 'pipefail', '-c', script], cwd) }];
        });
      });
    const done: { example: string; result: Run | Promise<Run> }[] = [];
    for (const { example, run: start } of examplesIn(['new'], folder)) done.push({ example, result: await start() });
    // Then each group of commands in a copy of the user's folder, two groups at a time
    // (test/helpers/lanes.ts): no group reads or writes a file of another's (the book, results.csv and
    // schedules.csv stay with the commands that write and read them), so side by side they prove what
    // one after another did, in about half the time on two cores.
    const grouped = [['plan'], ['book', 'report', 'follow-up'], ['batch'], ['check'], ['help']];
    expect(['new', ...grouped.flat()].sort(), 'each command with examples is in a group').toEqual([...order].sort());
    const groups = grouped.map((commands) => {
      const cwd = path.join(scratch, `user-${commands[0]}`);
      cpSync(folder, cwd, { recursive: true });
      return examplesIn(commands, cwd);
    });
    const results = inLanes(groups.map((steps) => steps.map((step) => step.run)), 2);
    groups.forEach((steps, g) => steps.forEach(({ example }, i) => done.push({ example, result: results[g]![i]! })));

    for (const { example, result: pending } of done) {
      const result = await pending;
      expect(result.stderr, example).not.toMatch(/no such file|command not found|unexpected error/);
      // --strict refusing a summary whose totals disagree exits 2; the samples batch, follow-up and
      // the book read hold rows they reject, each named (1).
      const expected = example.includes('--strict') ? [2] : /fairplan (batch|follow-up|book) /.test(example) ? [0, 1] : [0];
      expect(expected, `${example}\n${result.stderr}`).toContain(result.code);
    }
  }, 600_000);
});
