/**
 * The manual: the pages of docs/, shipped in the package, found by topic for `fairplan help TOPIC`.
 * A page's topic is its path under docs/ without `.md` (`glossary`, `commands/check`); a page in a
 * folder may also be named by its file name alone while no other page has that name (`check`).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { FairplanError } from '../core/errors.js';
import { closest } from '../core/suggest.js';
import { PACKAGE_ROOT } from './package-root.js';

const MANUAL_FOLDER = path.join(PACKAGE_ROOT, 'docs');

export interface ManualPage {
  /** What `fairplan help` is given to show it: the short name where it names one page only. */
  readonly topic: string;
  /** Its path under docs/, without `.md`, which always names it. */
  readonly key: string;
  readonly title: string;
  readonly file: string;
}

/** Every page, commands first, then the others by topic. */
export async function manualPages(folder = MANUAL_FOLDER): Promise<ManualPage[]> {
  const files = (await readdir(folder, { recursive: true }))
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => file.endsWith('.md'));
  const keys = files.map((file) => file.slice(0, -'.md'.length));
  const names = keys.map((key) => key.split('/').at(-1) ?? key);
  const pages = await Promise.all(
    files.map(async (file, i): Promise<ManualPage> => {
      const key = keys[i] ?? file;
      const name = names[i] ?? key;
      const unique = names.filter((other) => other === name).length === 1;
      const text = await readFile(path.join(folder, file), 'utf8');
      const title = /^# (.+)$/m.exec(text)?.[1] ?? name;
      return { topic: unique ? name : key, key, title, file: path.join(folder, file) };
    }),
  );
  const order = (page: ManualPage) => `${page.key.startsWith('commands/') ? 0 : page.key === 'index' ? 1 : 2}${page.topic}`;
  return pages.sort((a, b) => order(a).localeCompare(order(b)));
}

/** The page `topic` names, or a FairplanError naming the nearest topic. */
export async function manualPage(topic: string, folder = MANUAL_FOLDER): Promise<{ page: ManualPage; text: string }> {
  const pages = await manualPages(folder);
  const wanted = topic.trim().toLowerCase().replace(/\.md$/, '');
  const page = pages.find((p) => p.topic === wanted || p.key === wanted);
  if (!page) {
    const near = closest(wanted, pages.map((p) => p.topic));
    const hint = near ? `; did you mean "${near}"?` : '';
    throw new FairplanError('invalid-argument', `no page of the manual is called "${topic}"${hint} (fairplan help lists them)`);
  }
  return { page, text: await readFile(page.file, 'utf8') };
}
