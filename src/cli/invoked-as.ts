/**
 * The command as the person started it, so that a hint to run it again (`… advise --resume FILE`)
 * can be typed as shown: `npx fairplan` through npx, `fairplan` from the PATH, else `node` and the
 * script (relative when it is under the working folder).
 */
import { basename, isAbsolute, relative } from 'node:path';

export function invokedAs(env: NodeJS.ProcessEnv, script: string | undefined, cwd: string): string {
  // npx runs `npm exec`, which says so in the environment of what it runs.
  if (env.npm_lifecycle_event === 'npx' || env.npm_command === 'exec') return 'npx fairplan';
  if (!script || basename(script) === 'fairplan') return 'fairplan';
  const near = relative(cwd, script);
  return `node ${near.startsWith('..') || isAbsolute(near) ? script : near}`;
}
