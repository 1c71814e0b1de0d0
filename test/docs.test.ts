/**
 * The manual in docs/ holds together: each command's page ends with its --help exactly as the
 * command prints it (`npm run docs` writes it) and shows none of its examples again in its own
 * text, so each example is written once; docs/index.md links every page, every link between
 * pages (and from the README) leads somewhere, the exit codes page has every code there is, and the
 * library's API reference (docs/api/) names everything the library exports.
 * (test/readme.test.ts runs the pages' shell examples.)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../src/cli/exit-codes.js';
import { ROOT, runCli } from './helpers/cli.js';

const DOCS = path.join(ROOT, 'docs');
const pages = readdirSync(DOCS, { recursive: true }).map(String).filter((file) => file.endsWith('.md'));
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const commands = pages.filter((page) => page.startsWith('commands/')).map((page) => path.basename(page, '.md'));

/**
 * Pages other branches add at the same time as these; docs/index.md links them already. Once they
 * are merged this list is empty and the test below holds their links too.
 */
const COMING = ['letters.md', 'batch-mapping.md', 'statute-barred.md', 'book.md'].filter((page) => !pages.includes(page));

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
const slug = (heading: string) => heading.toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-');
const anchors = (text: string) => new Set([...[...text.matchAll(/^#+ (.+)$/gm)].map(([, h]) => slug(h ?? '')), ...[...text.matchAll(/<a id="([^"]+)">/g)].map(([, id]) => id)]);

describe("each command's page", () => {

  it('is there for every command', () => {
    expect(commands.sort()).toEqual(['advise', 'batch', 'book', 'check', 'follow-up', 'new', 'plan', 'report']);
  });

  for (const command of commands) {
    it(`ends with \`fairplan ${command} --help\` as it prints it (npm run docs writes it)`, async () => {
      const { stdout } = await runCli([command, '--help']);
      const page = read(`docs/commands/${command}.md`);
      const options = page.slice(page.indexOf('\n## Options\n'));
      expect(options, `docs/commands/${command}.md differs from --help: run npm run docs`).toBe(
        `\n## Options\n\n\`fairplan ${command} --help\` prints:\n\n\`\`\`text\n${stdout.trimEnd()}\n\`\`\`\n`,
      );
    });
  }
});

/**
 * The `fairplan …` commands of a piece of shell as a reader types them: lines continued with `\`
 * joined, a `$ ` prompt, `npx ` and a trailing `# comment` dropped, and each command of a line
 * (`a && b`, `a; b`, `cat x | b`) on its own, its spaces collapsed.
 */
function fairplanCommands(shell: string): string[] {
  return shell
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .flatMap((line) => line.replace(/^\s*(\$ )?/, '').replace(/\s+#\s.*$/, '').split(/\s*(?:&&|;|\|)\s*/))
    .map((command) => command.replace(/^npx /, '').replace(/\s+/g, ' ').trim())
    .filter((command) => command.startsWith('fairplan '));
}

describe("each command's examples, written once (in its --help, or in its page's own text)", () => {

  for (const command of commands) {
    it(`are in docs/commands/${command}.md's own text or in \`fairplan ${command} --help\`, not both`, async () => {
      const { stdout } = await runCli([command, '--help']);
      const examples = new Set(fairplanCommands(/^Examples:\n([\s\S]*?)\n\n/m.exec(`${stdout}\n\n`)?.[1] ?? ''));
      expect(examples.size, `fairplan ${command} --help has examples`).toBeGreaterThan(0);
      const page = read(`docs/commands/${command}.md`);
      const own = page.slice(0, page.indexOf('\n## Options\n'));
      const shown = [...own.matchAll(/^```\w*\n([\s\S]*?)^```$/gm)].flatMap(([, body]) => fairplanCommands(body ?? ''));
      expect(shown.filter((line) => examples.has(line)), 'each shown in the --help at the end of the page too').toEqual([]);
    });
  }
});

describe('the pages', () => {
  it('are all linked from docs/index.md', () => {
    const index = read('docs/index.md');
    const linked = new Set([...index.matchAll(/\]\(([^)#]+)(#[^)]*)?\)/g)].map(([, target]) => path.normalize(target ?? '')));
    expect(pages.filter((page) => page !== 'index.md' && !linked.has(page))).toEqual([]);
  });

  it('link only to files and headings that exist, as the README does', () => {
    const broken: string[] = [];
    for (const file of ['README.md', ...pages.map((page) => `docs/${page}`)]) {
      for (const [, target = '', anchor] of read(file).matchAll(/\]\(([^)#\s]*)(?:#([^)\s]+))?\)/g)) {
        if (/^[a-z]+:/.test(target)) continue;
        const resolved = target === '' ? file : path.normalize(path.join(path.dirname(file), target));
        if (COMING.some((page) => resolved === `docs/${page}`)) continue;
        if (!existsSync(path.join(ROOT, resolved))) broken.push(`${file}: ${target}`);
        else if (anchor && resolved.endsWith('.md') && !anchors(read(resolved)).has(anchor)) broken.push(`${file}: ${target}#${anchor}`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe('the library API reference (docs/api/, npm run docs writes it with TypeDoc)', () => {
  // Regenerating it here would take a minute and orders some unions differently from run to run, so
  // the test holds what a stale reference gets wrong first: a name added to or gone from src/index.ts.
  it('has a section for every name src/index.ts exports, and for nothing else', () => {
    const entry = read('src/index.ts');
    const exported = [
      ...[...entry.matchAll(/^export (?:const|function|class) (\w+)/gm)].map(([, name]) => name),
      ...[...entry.matchAll(/^export (?:type )?\{([^}]+)\}/gm)].flatMap(([, names]) => names!.split(',').map((name) => name.trim()).filter(Boolean)),
    ];
    const sections = [...read('docs/api/api.md').matchAll(/^### (\S+?)(?:\(\))?$/gm)].map(([, name]) => name!.replace(/\\_/g, '_'));
    expect(exported).toContain('proposePlans');
    expect(sections.sort(), 'docs/api/api.md is stale: run npm run docs').toEqual([...new Set(exported)].sort());
  });

  // A changed field or comment reaches api.md only through TypeDoc, too slow to run here: npm run docs
  // stamps the page with a digest of the declarations it was made from, and the digest is checked.
  it('was made from the declarations the library now has (dist/, npm run build first)', () => {
    const check = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'api-stamp.mjs'), '--check'], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status, check.stdout).toBe(0);
  });
});

describe('the exit codes page', () => {
  it('explains every exit code fairplan has, as fairplan --help does', async () => {
    const page = read('docs/exit-codes.md');
    const { stdout } = await runCli(['--help']);
    for (const code of Object.values(EXIT)) {
      expect(page).toMatch(new RegExp(`^\\| ${code} \\| \\S`, 'm'));
      expect(stdout).toMatch(new RegExp(`^  ${code} +\\S`, 'm'));
    }
  });
});

describe('the glossary', () => {
  it('explains the words of debt advice the pages use', () => {
    const glossary = read('docs/glossary.md');
    for (const word of ['SFS', 'CONC', 'DRO', 'Token payment', 'Breathing Space', 'Pro rata', 'I&E', 'Statute-barred', 'CCJ', 'DMP', 'IVA', 'FCA']) {
      expect(glossary).toMatch(new RegExp(`^\\*\\*${word.replace('&', '\\&')}[.,]`, 'm'));
    }
  });
});
