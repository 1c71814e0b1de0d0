import { describe, expect, it } from 'vitest';
import { FairplanError } from '../../src/core/errors.js';
import { parseJsonExact, stringifyJsonExact } from '../../src/statement/json-exact.js';
import { NumberLiteral } from '../../src/statement/raw.js';

function syntaxErrorOf(text: string): { line?: number; message: string } {
  try {
    parseJsonExact(text);
  } catch (error) {
    expect(error).toBeInstanceOf(FairplanError);
    const { message, context } = error as FairplanError;
    return { message, ...(context.line === undefined ? {} : { line: context.line }) };
  }
  throw new Error('expected a syntax error');
}

describe('reading JSON without floats', () => {
  it('keeps every number as the text it was written as', () => {
    expect(parseJsonExact('{"a": 0.10, "b": [-5, 1e3, 2], "c": "0.10", "d": true, "e": null}')).toEqual({
      a: new NumberLiteral('0.10'),
      b: [new NumberLiteral('-5'), new NumberLiteral('1e3'), new NumberLiteral('2')],
      c: '0.10',
      d: true,
      e: null,
    });
  });

  it('decodes string escapes and a leading byte order mark', () => {
    expect(parseJsonExact('\uFEFF{"note": "Rent \\"arrears\\"\\n\\u00a3100"}')).toEqual({
      note: 'Rent "arrears"\n£100',
    });
  });

  it('refuses a key written twice, which would silently replace the first figure', () => {
    expect(syntaxErrorOf('{\n  "amount": "10.00",\n  "amount": "100.00"\n}')).toEqual({
      line: 3,
      message: 'not valid JSON: "amount" appears twice in the same object (column 3)',
    });
  });

  it.each([
    ['{"a": 1,}', 'not valid JSON: expected a property name in double quotes (column 9)'],
    ['{"a" 1}', 'not valid JSON: expected ":" after "a" (column 6)'],
    ['{"a": 1 "b": 2}', 'not valid JSON: expected "," or "}" after a property value (column 9)'],
    ['[1 2]', 'not valid JSON: expected "," or "]" after a list item (column 4)'],
    ['{"a": tru}', 'not valid JSON: expected a value, found "t" (column 7)'],
    ['{"a": "open', 'not valid JSON: a string is not closed with " (column 7)'],
    ['{"a": -}', 'not valid JSON: a number must have a digit after "-" (column 7)'],
    ['{"a": 1}}', 'not valid JSON: unexpected text after the end of the document (column 9)'],
    ['', 'not valid JSON: the document ends where a value was expected (column 1)'],
  ])('locates the syntax error in %j', (text, message) => {
    expect(syntaxErrorOf(text)).toEqual({ line: 1, message });
  });
});

describe('reading JSON within bounds', () => {
  const nested = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

  it('reads lists and objects nested 100 deep, and refuses 101 at the one too deep, without exhausting the stack', () => {
    expect(() => parseJsonExact(nested(100))).not.toThrow();
    expect(syntaxErrorOf(nested(101))).toEqual({
      line: 1,
      message: 'lists and objects are nested more than 100 levels deep, the most a statement file may have (column 101)',
    });
    expect(syntaxErrorOf(`{"a":\n${'{"a": '.repeat(10_000)}`)).toMatchObject({ line: 2 });
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key "%s" by name, at the object holding it', (key) => {
    const text = `{"income": [\n  {"${key}": {"category": "earnings", "amount": "99999.00"}}\n]}`;
    expect(() => parseJsonExact(text)).toThrow(
      expect.objectContaining({
        message: `"${key}" is not allowed as a field name (it is a reserved word; no statement uses it)`,
        context: { line: 2, field: 'income[0]' },
      }),
    );
  });

  it('refuses a reserved key written with escapes, and at the top of the document', () => {
    expect(() => parseJsonExact('{"\\u005f_proto__": {}}')).toThrow(expect.objectContaining({ context: { line: 1 } }));
  });

  it('reads long strings and strings made of escapes alike', () => {
    const long = 'Rent '.repeat(100_000);
    expect(parseJsonExact(JSON.stringify({ a: long, b: '\t"\\é\u0001' }))).toEqual({ a: long, b: '\t"\\é\u0001' });
  });
});

describe('writing JSON with exact numbers', () => {
  it('writes number literals bare, from their text, and everything else as JSON', () => {
    expect(
      stringifyJsonExact({ amount: new NumberLiteral('1234.50'), list: [], empty: {}, items: ['a', true, null] }),
    ).toBe(
      '{\n  "amount": 1234.50,\n  "list": [],\n  "empty": {},\n  "items": [\n    "a",\n    true,\n    null\n  ]\n}\n',
    );
  });

  it('reads back what it writes', () => {
    const value = { a: [new NumberLiteral('0.10'), { b: 'x' }], c: new NumberLiteral('-3') };
    expect(parseJsonExact(stringifyJsonExact(value))).toEqual(value);
  });
});
