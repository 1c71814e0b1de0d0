import { existsSync, lstatSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FairplanError } from '../../src/core/errors.js';
import { createEmptyFolder, folderProblem } from '../../src/io/folder.js';
import { asOrdinaryUser, readOnlyFolder } from '../helpers/read-only.js';

let parent: string;
beforeEach(() => {
  parent = mkdtempSync(path.join(tmpdir(), 'fairplan-folder-'));
});
afterEach(() => rmSync(parent, { recursive: true, force: true }));

describe('whether files can be exported into a folder, asked before anything is made', () => {
  it('a folder there already, or one that can be made in a folder that is there: no problem, and nothing left behind', async () => {
    expect(await folderProblem(parent)).toBeUndefined();
    expect(await folderProblem(path.join(parent, 'customer'))).toBeUndefined();
    expect(readdirSync(parent)).toEqual([]);
  });

  it('a file: is a file, not a folder', async () => {
    writeFileSync(path.join(parent, 'README.md'), 'notes\n');
    expect(await folderProblem(path.join(parent, 'README.md'))).toBe('is a file, not a folder');
  });

  it('a folder inside one that is not there, or inside a file: no such folder', async () => {
    writeFileSync(path.join(parent, 'README.md'), 'notes\n');
    expect(await folderProblem(path.join(parent, 'missing', 'customer'))).toBe('no such folder');
    expect(await folderProblem(path.join(parent, 'README.md', 'customer'))).toBe('no such folder');
    expect(existsSync(path.join(parent, 'missing'))).toBe(false);
  });

  it('a folder that cannot be written, or made: cannot write here', async () => {
    const readOnly = readOnlyFolder();
    try {
      expect(await asOrdinaryUser(() => folderProblem(readOnly))).toBe('cannot write here');
      expect(await asOrdinaryUser(() => folderProblem(path.join(readOnly, 'customer')))).toBe('cannot write here');
    } finally {
      rmSync(path.dirname(readOnly), { recursive: true, force: true });
    }
  });

  it('a symbolic link to a folder that is not there: said so, before and when the folder is made, and the link is left as it was', async () => {
    const link = path.join(parent, 'letters');
    symlinkSync(path.join(parent, 'gone'), link);
    expect(await folderProblem(link)).toMatch(/symbolic link/);
    const refused = await createEmptyFolder(link).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(FairplanError);
    expect(refused).toMatchObject({ code: 'io', context: { file: link } });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(existsSync(path.join(parent, 'gone'))).toBe(false);
  });
});
