/**
 * The JSON Schema of the fairplan statement format, generated from the zod schema so the two
 * cannot drift apart. A test checks schema/fairplan-statement.schema.json equals this; after
 * changing the format, regenerate the file with `npm run schema`.
 */
import * as z from 'zod';
import { writeFileAtomic } from '../io/atomic-file.js';
import { leafJsonSchemas } from './fields.js';
import { statementSchema } from './schema.js';

export function statementJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(statementSchema, {
    io: 'input',
    target: 'draft-2020-12',
    override: ({ zodSchema, jsonSchema }) => {
      const leaf = leafJsonSchemas.get(zodSchema);
      if (!leaf) return;
      for (const key of Object.keys(jsonSchema)) delete (jsonSchema as Record<string, unknown>)[key];
      Object.assign(jsonSchema, leaf);
    },
  });
  return {
    ...generated,
    title: 'fairplan income & expenditure statement',
    description:
      'A household budget for fairplan: every amount with its own frequency, as a string (e.g. "£1,234.50") or a ' +
      'number. A file valid against this schema loads; fairplan also forgives case and common spellings.',
  };
}

export const statementJsonSchemaText = (): string => `${JSON.stringify(statementJsonSchema(), null, 2)}\n`;

export const writeStatementJsonSchema = (target: string): Promise<void> =>
  writeFileAtomic(target, statementJsonSchemaText());
