import { describe, expect, it } from 'vitest';
import { invokedAs } from '../../src/cli/invoked-as.js';

describe('the command as it was started', () => {
  it('is npx fairplan when run through npx', () => {
    const env = { npm_command: 'exec', npm_lifecycle_event: 'npx', npm_lifecycle_script: 'fairplan advise' };
    expect(invokedAs(env, '/repo/bin/fairplan.js', '/repo')).toBe('npx fairplan');
  });

  it('is not npx fairplan when another tool run through npx started it', () => {
    const env = { npm_command: 'exec', npm_lifecycle_event: 'npx', npm_lifecycle_script: 'vitest run' };
    expect(invokedAs(env, '/repo/bin/fairplan.js', '/repo')).toBe('node bin/fairplan.js');
  });

  it('is fairplan when found on the PATH', () => {
    expect(invokedAs({}, '/usr/local/bin/fairplan', '/home/advisor')).toBe('fairplan');
  });

  it('is node and the script, relative when under the working folder, else as given', () => {
    expect(invokedAs({}, '/repo/bin/fairplan.js', '/repo')).toBe('node bin/fairplan.js');
    expect(invokedAs({}, '/repo/bin/fairplan.js', '/tmp/calls')).toBe('node /repo/bin/fairplan.js');
  });
});
