/**
 * Finding a page of the manual by topic: by its file name, or by its path under docs/ when another
 * page has the same file name (as a command's page and a page on the same subject may).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { manualPage, manualPages } from '../../src/cli/manual.js';

function manual(pages: Record<string, string>): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'fairplan-manual-'));
  for (const [file, text] of Object.entries(pages)) {
    mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    writeFileSync(path.join(folder, file), text);
  }
  return folder;
}

describe('the pages of the manual', () => {
  const folder = manual({
    'index.md': '# Every page\n',
    'glossary.md': '# Glossary\n\nSFS…\n',
    'commands/check.md': '# fairplan check\n',
    'commands/advise.md': '# fairplan advise: the command\n',
    'advise.md': '# Advising with fairplan\n',
    'notes.md': 'No title here\n',
  });

  it('are listed commands first, then the index, then the others, each by its name and first heading', async () => {
    expect((await manualPages(folder)).map(({ topic, title }) => [topic, title])).toEqual([
      ['check', 'fairplan check'],
      ['commands/advise', 'fairplan advise: the command'],
      ['index', 'Every page'],
      ['advise', 'Advising with fairplan'],
      ['glossary', 'Glossary'],
      ['notes', 'notes'],
    ]);
  });

  it('are found by name, by path, in any case and with .md', async () => {
    expect((await manualPage('Glossary.md', folder)).text).toBe('# Glossary\n\nSFS…\n');
    expect((await manualPage('commands/check', folder)).page.title).toBe('fairplan check');
    expect((await manualPage('check', folder)).page.key).toBe('commands/check');
    // Two pages named advise: the name is the page at the top, the command's page goes by its path.
    expect((await manualPage('advise', folder)).page.title).toBe('Advising with fairplan');
    expect((await manualPage('commands/advise', folder)).page.title).toBe('fairplan advise: the command');
  });

  it('refuse a name no page has, naming the nearest, as a bad argument', async () => {
    await expect(manualPage('chekc', folder)).rejects.toMatchObject({
      code: 'invalid-argument',
      message: 'no page of the manual is called "chekc"; did you mean "check"? (fairplan help lists them)',
    });
  });
});
