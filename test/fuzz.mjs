#!/usr/bin/env node
// `npm run fuzz -- --runs N [--seed S]`: the batch fuzz property test (test/batch/fuzz.property.test.ts)
// for longer than CI runs it, from a seed of your choice (default: a new one, printed so a failure
// can be replayed). Builds first: the test drives the built command.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '200' }, seed: { type: 'string' } } });
const runs = Number.parseInt(values.runs, 10);
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number.parseInt(values.seed, 10);
if (!Number.isSafeInteger(runs) || runs < 1 || !Number.isSafeInteger(seed)) {
  process.stderr.write('usage: npm run fuzz -- [--runs N] [--seed S]   (N a whole number above 0)\n');
  process.exit(2);
}
process.stderr.write(`fuzzing batch: ${runs} files, seed ${seed}\n`);
const run = (command, args, env = {}) =>
  spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32', env: { ...process.env, ...env } }).status ?? 1;
const built = run('npm', ['run', 'build', '--silent']);
if (built !== 0) process.exit(built);
process.exit(
  run('npx', ['vitest', 'run', 'test/batch/fuzz.property.test.ts'], { FAIRPLAN_FUZZ_RUNS: String(runs), FAIRPLAN_FUZZ_SEED: String(seed) }),
);
