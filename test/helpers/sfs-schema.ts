/** Validators for the SFS schemas shipped in fixtures/sfs-schema (draft-04). */
import { readFile } from 'node:fs/promises';
import { Ajv } from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import { fixture } from './cli.js';

export type SfsSchemaName = 'sfs-data-entry-schema.json' | 'sfs-summary-schema.json';

/** A validator for a shipped SFS schema (draft-04). */
export async function sfsValidator(name: SfsSchemaName) {
  const schema = JSON.parse(await readFile(fixture('sfs-schema', name), 'utf8'));
  // Draft-04 leaves format checking optional; fairplan holds no dates of birth to check.
  const ajv: Ajv = new (AjvDraft04 as unknown as typeof Ajv)({
    allErrors: true,
    validateFormats: false,
    multipleOfPrecision: 9,
  });
  return ajv.compile(schema);
}

