// The library API reference (docs/api/api.md) is made by TypeDoc, which takes a minute or two: too
// slow for every test run. So `npm run docs` stamps it with a digest of what it was made from (the
// TypeDoc settings and every declaration file dist/index.d.ts reaches), and test/docs.test.ts runs
// this with --check, in milliseconds: a changed field, type or comment of the public API changes the
// digest, and the test says to run `npm run docs`. Reads dist/: run after `npm run build`.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const STAMP = path.join(root, 'docs', 'api', 'api.sha256');

/** The digest of typedoc.json and of each declaration file the entry reaches, by its path under dist/. */
function digest() {
  const hash = createHash('sha256').update(readFileSync(path.join(root, 'typedoc.json')));
  const seen = new Set();
  const queue = [path.join(root, 'dist', 'index.d.ts')];
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const [, spec] of text.matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)\.js'/g)) queue.push(path.resolve(path.dirname(file), `${spec}.d.ts`));
  }
  for (const file of [...seen].sort()) hash.update(`\n${path.relative(root, file)}\n`).update(readFileSync(file));
  return hash.digest('hex');
}

if (process.argv[2] === '--check') {
  const stamped = existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : 'none';
  if (stamped !== digest()) {
    process.stdout.write('docs/api/api.md was made from other declarations than dist/ has now: run npm run docs\n');
    process.exit(1);
  }
} else {
  writeFileSync(STAMP, `${digest()}\n`);
}
