import { describe, expect, it } from 'vitest';
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
