import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMAT_VERSION } from '../../../src/render/shared/format-version.js';
import { ROOT } from '../../helpers/cli.js';

describe('the JSON format version', () => {
  it('is MAJOR.MINOR, as semantic versioning numbers a format', () => {
    expect(FORMAT_VERSION).toMatch(/^(0|[1-9]\d*)\.(0|[1-9]\d*)$/);
  });

  it('is the one the manual documents (docs/library.md)', () => {
    const library = readFileSync(path.join(ROOT, 'docs', 'library.md'), 'utf8');
    expect(library).toContain(`carry \`formatVersion\` (now \`"${FORMAT_VERSION}"\`)`);
  });
});
