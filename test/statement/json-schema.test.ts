import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../src/core/date.js';
import { parseMoney } from '../../src/core/money.js';
import { AMOUNT_PATTERN } from '../../src/statement/fields.js';
import { statementJsonSchema, statementJsonSchemaText } from '../../src/statement/json-schema.js';
import { fixture, ROOT } from '../helpers/cli.js';

const SCHEMA_FILE = `${ROOT}schema/fairplan-statement.schema.json`;

/** A validator for the published schema; formats as fairplan reads them. */
function validatorFor(schema: object, options: { allErrors?: boolean } = {}) {
  const ajv = new Ajv2020(options);
  ajv.addFormat('date', (text: string) => succeeds(() => parseIsoDate(text)));
  return ajv.compile(schema);
}

const succeeds = (attempt: () => unknown): boolean => {
  try {
    attempt();
    return true;
  } catch {
    return false;
  }
};

// In a statement in pounds or one in dollars: the schema cannot tie the symbol to the currency.
const parsesAsMoney = (text: string): boolean => succeeds(() => parseMoney(text, '£')) || succeeds(() => parseMoney(text, '$'));

describe('the published JSON Schema of the statement format', () => {
  it('is the one the code generates (run `npm run schema` after changing the format)', async () => {
    expect(await readFile(SCHEMA_FILE, 'utf8')).toBe(statementJsonSchemaText());
  });

  it.each(readdirSync(fixture('statements')).filter((f) => /\.(json|ya?ml)$/.test(f)))(
    'accepts the fixture %s',
    async (name) => {
      const text = await readFile(fixture('statements', name), 'utf8');
      const validate = validatorFor(statementJsonSchema(), { allErrors: true });
      // The schema describes the file; a float is good enough here, where no money is worked out.
      const document = name.endsWith('.json') ? JSON.parse(text) : parseYaml(text, { schema: 'core' });
      expect(validate(document) ? [] : validate.errors).toEqual([]);
    },
  );

  it('refuses an unknown frequency and a misspelt field, as the loader does', () => {
    const validate = validatorFor(statementJsonSchema());
    const statement = {
      household: { adults: 1, children: 0, vehicles: 0, tenure: 'owner' },
      income: [{ category: 'earnings', label: 'Wages', amount: '450.00', frequency: 'monthy' }],
    };
    expect(validate(statement)).toBe(false);
    expect(validate({ ...statement, income: [], incomes: [] })).toBe(false);
    expect(validate({ ...statement, income: [] })).toBe(true);
  });

  it('has an amount pattern that accepts exactly what parseMoney accepts in one currency or the other', () => {
    const pattern = new RegExp(AMOUNT_PATTERN, 'u');
    const samples = [
      '1234.56',
      '£1,234.56',
      '$1,234.56',
      ' -£5 ',
      '+12',
      '.5',
      '12,34',
      '1,2345',
      '£',
      '1.2.3',
      '12e3',
      '€0.10',
    ];
    for (const sample of samples) expect([sample, pattern.test(sample)]).toEqual([sample, parsesAsMoney(sample)]);
    fc.assert(
      fc.property(fc.stringMatching(/^[ +\-£$€\d,.]{0,12}$/), (text) => {
        expect(pattern.test(text)).toBe(parsesAsMoney(text));
      }),
    );
  });
});
