import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('fairplan (no command)', () => {
  it('teaches: --help lists the commands and documents exit codes', () => {
    const { code, stdout } = runCli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: fairplan');
    expect(stdout).toMatch(/Exit codes:[\s\S]*2 +bad arguments/);
  });

  it('rejects an unknown option with a usage error and exit code 2', () => {
    const { code, stderr } = runCli(['--frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toContain("unknown option '--frobnicate'");
  });
});
