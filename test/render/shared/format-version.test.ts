import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../src/core/errors.js';
import { REJECTION_CODES } from '../../../src/follow-up/table.js';
import { FORMAT_VERSION } from '../../../src/render/shared/format-version.js';
import { ROOT } from '../../helpers/cli.js';

const page = readFileSync(path.join(ROOT, 'docs', 'json-output.md'), 'utf8');

describe('the JSON format version', () => {
  it('is MAJOR.MINOR, as semantic versioning numbers a format', () => {
    expect(FORMAT_VERSION).toMatch(/^(0|[1-9]\d*)\.(0|[1-9]\d*)$/);
  });

  it('is the one docs/json-output.md documents, with its history', () => {
    expect(page).toContain(`now \`"${FORMAT_VERSION}"\``);
    expect(page).toContain(`- **${FORMAT_VERSION}**:`);
  });

  it('comes with every error code and every rejection code listed in docs/json-output.md', () => {
    for (const code of [...ERROR_CODES, 'usage', 'internal', ...REJECTION_CODES]) expect(page, code).toContain(`| \`${code}\` |`);
  });
});
