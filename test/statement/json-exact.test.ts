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
