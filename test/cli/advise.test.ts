import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { newDraft, type Draft } from '../../src/advise/draft.js';
import { defaultDraftFile, sameFigures, whose } from '../../src/cli/commands/advise-session.js';
import type { IsoDate } from '../../src/core/date.js';
import { runCli } from '../helpers/cli.js';

describe('fairplan advise without a terminal', () => {
  it('says it needs one, points to check and plan, and exits 2', async () => {
    const { code, stdout, stderr } = await runCli(['advise'], { input: '2\n' });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'fairplan: fairplan advise asks questions, so it needs a terminal. For scripts, use "fairplan check" or "fairplan plan".\n',
    );
  });
});

describe('fairplan advise --help', () => {
  it('explains drafts and resuming, with examples and exit codes', async () => {
    const { code, stdout } = await runCli(['advise', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('fairplan advise --resume');
    expect(stdout).toMatch(/Exit codes:[\s\S]*130 +interrupted \(Ctrl-C\); the draft is kept/);
    expect(Math.max(...stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
  });
});

describe('fairplan advise --calendar', () => {
  it('refuses a region it does not know with a did-you-mean, before asking anything, and exits 2', async () => {
    const { code, stdout, stderr } = await runCli(['advise', '--calendar', 'scotlnd']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/--calendar.*did you mean "scotland"\?/);
  });
});

describe('a draft and whose it is', () => {
  const at = new Date('2026-11-25T10:15:00Z');
  const jo: Draft = { ...newDraft(), statement: { ...newDraft().statement, customer: { name: 'Siân O’Neill-Jones', reference: 'SO-7' } } };

  it('is named after the customer when the statement gives them, and by the time alone otherwise', () => {
    expect(defaultDraftFile(at, jo)).toBe(path.join('.fairplan-drafts', 'advise-sian-o-neill-jones-20261125-101500.json'));
    expect(defaultDraftFile(at, newDraft())).toBe(path.join('.fairplan-drafts', 'advise-20261125-101500.json'));
  });

  it('says whose draft is resumed, or that it names no one yet', () => {
    expect(whose(jo)).toBe('Carrying on with the draft for Siân O’Neill-Jones (reference SO-7).');
    expect(whose(newDraft())).toBe('Carrying on with a draft that names no customer yet.');
  });

  it('is resumed with the options that set the figures, quoted for the shell when they need it', () => {
    expect(sameFigures({ color: true, guidelines: 'my guidelines.yaml', calendar: 'scotland', asOf: '2026-11-25' as IsoDate })).toEqual([
      '--guidelines', "'my guidelines.yaml'", '--calendar', 'scotland', '--as-of', '2026-11-25',
    ]);
    expect(sameFigures({ color: true })).toEqual([]);
  });
});
