/**
 * The statement `fairplan new` writes: every category and every SFS field the reader knows, each a
 * line at 0.00, so the template cannot fall behind the category lists; as written it loads as a
 * valid statement.
 */
import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../../src/core/date.js';
import { EXPENDITURE_CATEGORIES, INCOME_CATEGORIES } from '../../../src/core/statement.js';
import { statementTemplate } from '../../../src/render/statement/template.js';
import { isOtherField, sfsFieldsOf } from '../../../src/statement/sfs-fields.js';
import { parseStatementText } from '../../../src/statement/load.js';

const template = statementTemplate(parseIsoDate('2026-12-01'));
const statement = parseStatementText(template, 'statement.yaml');

describe('the statement template', () => {
  it('loads as a statement of one adult renting privately, taken on the day given, with nothing in or out and no debts', () => {
    expect(statement.household).toEqual({ adults: 1, children: 0, vehicles: 0, tenure: 'tenant-private' });
    expect(statement.takenOn).toBe('2026-12-01');
    expect(statement.jurisdiction).toBe('england-wales');
    expect([...statement.income, ...statement.expenditure].every((line) => line.amount.isZero() && line.frequency === 'monthly')).toBe(true);
    expect([statement.debts, statement.priorityDebts, statement.vulnerabilities, statement.expectedChanges]).toEqual([[], [], [], []]);
    expect(statement.pay).toBeUndefined();
  });

  it('has a line in each of the 4 income and 12 expenditure categories', () => {
    expect(new Set(statement.income.map((line) => line.category))).toEqual(new Set(INCOME_CATEGORIES));
    expect(new Set(statement.expenditure.map((line) => line.category))).toEqual(new Set(EXPENDITURE_CATEGORIES));
    expect([INCOME_CATEGORIES.length, EXPENDITURE_CATEGORIES.length]).toEqual([4, 12]);
  });

  it('has one line for each SFS field of each category, recording the field; an "other" field is described, as it needs a note', () => {
    for (const category of [...INCOME_CATEGORIES, ...EXPENDITURE_CATEGORIES]) {
      const lines = [...statement.income, ...statement.expenditure].filter((line) => line.category === category);
      const fields = sfsFieldsOf(category);
      expect([category, lines.map((line) => line.sfs)]).toEqual([category, fields.filter((field) => !isOtherField(field))]);
      for (const other of fields.filter(isOtherField)) expect(template).toContain(`"sfs: ${other}" and a note`);
    }
    // Two a caseworker looks for first, in the words of the SFS.
    expect(statement.expenditure.find((line) => line.sfs === 'council-tax-rates')?.label).toBe('Council tax rates');
    expect(statement.expenditure.find((line) => line.sfs === 'groceries')?.category).toBe('food-housekeeping');
  });

  it('shows the optional parts commented out, with what each means', () => {
    for (const part of ['# pay:', '# savings:', '# debtAdminFee:', '#  - creditor:', '# breathingSpace:', '# vulnerabilityConsent:', '# expectedChanges:', '# customer:']) {
      expect(template).toContain(part);
    }
  });
});
