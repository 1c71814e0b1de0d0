/**
 * `fairplan help [TOPIC]`: the manual's pages in the terminal, the same text as docs/; each command's
 * --help names its page, and where the sample files its examples name come from.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_FOLDERS } from '../../src/cli/commands/new.js';
import { ROOT, runCli } from '../helpers/cli.js';

const DOCS = path.join(ROOT, 'docs');
const pages = readdirSync(DOCS, { recursive: true }).map(String).filter((file) => file.endsWith('.md'));
const COMMANDS = ['check', 'plan', 'batch', 'follow-up', 'report', 'advise', 'book', 'new'];

describe('fairplan help', () => {
  it('lists every page of docs/ by its name (its path when another page has that name) and title', async () => {
    const result = await runCli(['help']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    for (const page of pages) {
      const title = /^# (.+)$/m.exec(readFileSync(path.join(DOCS, page), 'utf8'))?.[1];
      const topics = `(${path.basename(page, '.md')}|${page.slice(0, -'.md'.length)})`;
      expect(result.stdout).toMatch(new RegExp(`^  ${topics} +${title?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    }
  });

  it('prints a page as docs/ has it, by its name or its path, for a command and for any other page', async () => {
    const topics: readonly (readonly [string, string])[] = [['check', 'commands/check.md'], ['commands/plan', 'commands/plan.md'], ['glossary', 'glossary.md'], ['Exit-Codes.md', 'exit-codes.md']];
    for (const [topic, page] of topics) {
      const result = await runCli(['help', topic]);
      expect([topic, result.code, result.stderr]).toEqual([topic, 0, '']);
      expect(result.stdout).toBe(readFileSync(path.join(DOCS, page), 'utf8'));
    }
  });

  it('refuses a topic it has no page for in one sentence, with the nearest name and exit code 2', async () => {
    const result = await runCli(['help', 'glosary']);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe('fairplan: no page of the manual is called "glosary"; did you mean "glossary"? (fairplan help lists them)\n');
    expect((await runCli(['help', 'zzzzzzzz'])).stderr).toBe('fairplan: no page of the manual is called "zzzzzzzz" (fairplan help lists them)\n');
  });
});

describe("each command's --help", () => {
  it('names its page of the manual, which that topic prints (by its path when a page of concepts has the same name)', async () => {
    for (const command of COMMANDS) {
      const { stdout } = await runCli([command, '--help']);
      const topic = /The manual's page: fairplan help (\S+)\.$/m.exec(stdout)?.[1];
      expect(topic, command).toBe(pages.includes(`${command}.md`) ? `commands/${command}` : command);
      expect((await runCli(['help', topic!])).stdout, command).toBe(readFileSync(path.join(DOCS, 'commands', `${command}.md`), 'utf8'));
    }
  });

  it('names only sample files fairplan new --examples writes (and the package ships), and says so', async () => {
    for (const command of COMMANDS) {
      const { stdout } = await runCli([command, '--help']);
      const named = [...stdout.matchAll(/fixtures\/[\w./-]+/g)].map(([file]) => file).filter((file) => file !== 'fixtures/');
      for (const file of named) {
        expect(SAMPLE_FOLDERS.some(({ folder, files }) => path.dirname(file) === folder && files.test(file)), file).toBe(true);
        expect(readFileSync(path.join(ROOT, file)).length, file).toBeGreaterThan(0);
      }
      if (named.length > 0) expect(stdout, command).toContain('fairplan new --examples writes them');
    }
  });
});
