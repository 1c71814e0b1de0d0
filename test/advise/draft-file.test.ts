/** A draft holds the customer's whole budget: on disk, only its owner may read it. */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DRAFTS_FOLDER_MODE, loadDraft, removeDraft, saveDraft } from '../../src/advise/draft-file.js';
import { createFolder } from '../../src/io/folder.js';
import { draftAt } from './statements.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'fairplan-drafts-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const permissions = (file: string): number => statSync(file).mode & 0o777;

describe.skipIf(process.platform === 'win32')('a draft on disk', () => {
  it('is readable by its owner only, in a folder only its owner can open when fairplan makes it', async () => {
    const file = path.join(root, '.fairplan-drafts', 'advise-20261125-101500.json');
    await createFolder(path.dirname(file), DRAFTS_FOLDER_MODE);
    await saveDraft(file, draftAt('income'));
    expect(permissions(file)).toBe(0o600);
    expect(permissions(path.dirname(file))).toBe(0o700);
    expect((await loadDraft(file)).step).toBe('income');
  });

  it('is made owner-only when an older draft readable by others is saved over', async () => {
    const file = path.join(root, 'draft.json');
    writeFileSync(file, '{}', { mode: 0o644 });
    await saveDraft(file, draftAt('fixed'));
    expect(permissions(file)).toBe(0o600);
    // A folder that was already there is the owner's to set: left as it was.
    expect(permissions(root)).toBe(0o700);
  });

  it('is removed once not needed, and removing one already gone is fine', async () => {
    const file = path.join(root, 'draft.json');
    await saveDraft(file, draftAt('done'));
    await removeDraft(file);
    await removeDraft(file);
    expect(() => statSync(file)).toThrow();
  });
});
