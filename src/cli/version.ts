/** fairplan's version, from its package.json (read once, at the edge: the core takes it as a parameter). */
import { readFileSync } from 'node:fs';

// From src/cli/ in the tests and dist/cli/ when built: package.json is two folders up either way.
export const FAIRPLAN_VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
