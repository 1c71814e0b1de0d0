/** The SFS field of a statement line: checked against the bundled schema, guessed only when not recorded, and said so. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseStatementDocument, parseStatementText } from '../../src/statement/load.js';
import { sfsFieldsOf } from '../../src/statement/sfs-fields.js';
import { EXPENDITURE_CATEGORIES, INCOME_CATEGORIES } from '../../src/core/statement.js';
import { fixture } from '../helpers/cli.js';

const statementWith = (expenditure: readonly Record<string, string>[]): string =>
  JSON.stringify({ household: { adults: 1, children: 0, vehicles: 0, tenure: 'tenant-private' }, expenditure });

describe('the SFS field of a statement line', () => {
  it('offers only fields of the bundled SFS data-entry schema', () => {
    const schema = readFileSync(fixture('sfs-schema', 'sfs-data-entry-schema.json'), 'utf8');
    for (const category of [...INCOME_CATEGORIES, ...EXPENDITURE_CATEGORIES]) {
      for (const field of sfsFieldsOf(category)) expect(schema, field).toContain(`"${field}"`);
    }
  });

  it('refuses a field that is not one of its category, naming the nearest', () => {
    const text = statementWith([{ category: 'home', label: 'Council tax', amount: '100', frequency: 'monthly', sfs: 'council-tax-rate' }]);
    expect(() => parseStatementText(text, 's.json')).toThrow(
      expect.objectContaining({ context: expect.objectContaining({ problems: [expect.objectContaining({ path: 'expenditure[0].sfs', message: expect.stringContaining('did you mean "council-tax-rates"') })] }) }),
    );
  });

  it('refuses an "other" field without a note saying what the money is for', () => {
    const text = statementWith([{ category: 'home', label: 'Stuff', amount: '10', frequency: 'monthly', sfs: 'other-home-contents' }]);
    expect(() => parseStatementText(text, 's.json')).toThrow(expect.objectContaining({ code: 'invalid-statement' }));
    const noted = statementWith([{ category: 'home', label: 'Stuff', amount: '10', frequency: 'monthly', sfs: 'other-home-contents', note: 'Storage unit' }]);
    expect(parseStatementText(noted, 's.json').expenditure[0]?.sfs).toBe('other-home-contents');
  });

  it('guesses a field from the label when none is recorded, and warns naming the line and the field', () => {
    const { warnings } = parseStatementDocument(
      statementWith([
        { category: 'home', label: 'Council tax (band D)', amount: '150', frequency: 'monthly' },
        { category: 'utilities', label: 'Gas', amount: '40', frequency: 'monthly' },
        { category: 'home', label: 'Something else', amount: '5', frequency: 'monthly' },
      ]),
      's.json',
    );
    expect(warnings.map((w) => [w.code, w.path])).toEqual([
      ['sfs-field-guessed', 'expenditure[0]'],
      ['sfs-field-guessed', 'expenditure[1]'],
      ['sfs-field-guessed', 'expenditure[2]'],
    ]);
    expect(warnings[0]?.message).toContain('"council-tax-rates"');
    expect(warnings[1]?.message).toContain('"gas"');
    // Never silently "other": the warning says nothing in the label named a field.
    expect(warnings[2]?.message).toMatch(/nothing in its label names an SFS field, so it goes to "other-home-contents"/);
  });

  it('warns when council-tax-rates is 0.00 while a line’s label says council tax', () => {
    const { warnings } = parseStatementDocument(
      statementWith([{ category: 'home', label: 'Council tax (band D)', amount: '150', frequency: 'monthly', sfs: 'tv-licence' }]),
      's.json',
    );
    expect(warnings.map((w) => [w.code, w.path])).toEqual([['sfs-field-empty', 'expenditure[0]']]);
  });

  it('records a field on every line of every bundled fixture, so none is guessed', () => {
    for (const name of ['homeowner-several-creditors.json', 'couple-children-mixed.yaml', 'benefits-only.json']) {
      expect(parseStatementDocument(readFileSync(fixture('statements', name), 'utf8'), name).warnings).toEqual([]);
    }
  });
});
