/**
 * The command as the person started it, so that a hint to run it again (`… advise --resume FILE`)
 * can be typed as shown: `npx fairplan` through npx, `fairplan` from the PATH, else `node` and the
 * script (relative when it is under the working folder).
 */
import { basename, isAbsolute, relative } from 'node:path';

export function invokedAs(env: NodeJS.ProcessEnv, script: string | undefined, cwd: string): string {
  // npx says so in the environment of what it runs, with the command it ran: `fairplan …`, not
  // another tool run through npx (a test runner) that started fairplan itself.
  if (env.npm_lifecycle_event === 'npx' && /^fairplan(\s|$)/.test(env.npm_lifecycle_script ?? '')) return 'npx fairplan';
  if (!script || basename(script) === 'fairplan') return 'fairplan';
  const near = relative(cwd, script);
  return `node ${near.startsWith('..') || isAbsolute(near) ? script : near}`;
}
