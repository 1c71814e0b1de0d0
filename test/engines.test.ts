/**
 * fairplan promises the Node versions in package.json's `engines`; a dependency installed with it
 * that asks for a later Node would warn at every install and may break on the versions promised.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

interface LockedPackage {
  readonly version?: string;
  readonly dev?: boolean;
  readonly engines?: { readonly node?: string } | readonly string[];
}

const read = (file: string): unknown => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));

it('installs no package that asks for a later Node than fairplan promises', () => {
  const promised = (read('package.json') as { engines: { node: string } }).engines.node;
  // The oldest Node promised is the one a dependency is likeliest to have left behind.
  const oldest = semver.minVersion(promised)?.version ?? '';
  expect(oldest).not.toBe('');
  const { packages } = read('package-lock.json') as { packages: Record<string, LockedPackage> };
  const tooNew = Object.entries(packages)
    .filter(([name, pkg]) => name !== '' && !pkg.dev)
    .map(([name, pkg]) => ({ name, version: pkg.version, node: Array.isArray(pkg.engines) ? undefined : (pkg.engines as { node?: string } | undefined)?.node }))
    .filter(({ node }) => node !== undefined && !semver.satisfies(oldest, node));
  expect(tooNew).toEqual([]);
});
