/** Which column holds which field: found by name, ignoring case, and never guessed between two. */
import { describe, expect, it } from 'vitest';
import { FIELDS } from '../../src/batch/fields.js';
import { resolveColumns } from '../../src/batch/mapping.js';
import { renderError } from '../../src/render/shared/error.js';

const refusal = (headers: string[]): string[] => {
  try {
    resolveColumns(headers, {}, { kind: 'all' }, 'export.csv');
  } catch (error) {
    return renderError(error);
  }
  throw new Error('the header was accepted');
};

describe('the header row', () => {
  it('finds each field by name, ignoring case and surrounding spaces', () => {
    const layout = resolveColumns([...FIELDS.map((f) => ` ${f.toUpperCase()} `), 'Branch'], {}, { kind: 'all' }, 'export.csv');
    expect(layout.index.balance).toBe(FIELDS.indexOf('balance'));
    expect(layout.carried).toEqual([{ header: 'Branch', index: FIELDS.length }]);
  });

  it('refuses a column named twice, as headers are matched, naming it and where it is', () => {
    expect(refusal([...FIELDS, 'Balance'])).toEqual(['export.csv:line 1: the header names column "Balance" twice (columns 3 and 16)']);
    expect(refusal([...FIELDS, 'Notes', ' notes '])).toEqual(['export.csv:line 1: the header names column "notes" twice (columns 16 and 17)']);
  });

  it('lets unnamed columns be', () => {
    expect(resolveColumns([...FIELDS, '', ''], {}, { kind: 'none' }, 'export.csv').headers).toHaveLength(FIELDS.length + 2);
  });
});
