import { describe, expect, it } from 'vitest';
import { runCli, runCliErrors } from '../helpers/cli.js';

describe('fairplan (no command)', () => {
  it('teaches: --help lists the commands and documents exit codes', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: fairplan');
    expect(stdout).toMatch(/Exit codes:[\s\S]*2 +bad arguments/);
    expect(stdout).toMatch(/129 +stopped because the terminal closed \(SIGHUP\)/);
    expect(stdout).toMatch(/143 +stopped by kill or a scheduler \(SIGTERM\)/);
  });

  it('with no command at all is a usage error: the help on stderr, exit code 2', async () => {
    const { code, stdout, stderr } = await runCli([]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('Usage: fairplan');
    expect((await runCliErrors([])).errors).toEqual([expect.objectContaining({ code: 'usage' })]);
  });

  it('rejects an unknown option with a usage error and exit code 2', async () => {
    const { code, errors } = await runCliErrors(['--frobnicate']);
    expect(code).toBe(2);
    expect(errors).toEqual([expect.objectContaining({ code: 'usage', message: expect.stringContaining('--frobnicate') })]);
  });
});
