import { describe, expect, it } from 'vitest';
import { parseDelimiter } from '../../src/io/delimiter.js';

describe('the delimiter of an accounts file', () => {
  it.each([
    ['comma', ','],
    ['Semicolon', ';'],
    ['tab', '\t'],
    ['\\t', '\t'],
    ['|', '|'],
    [';', ';'],
  ])('reads %j as %j', (value, delimiter) => expect(parseDelimiter(value)).toBe(delimiter));

  it.each([
    ['"', '"\\"" cannot be the delimiter: it is the quote character, which encloses fields'],
    ['\n', '"\\n" cannot be the delimiter: a line break ends a row'],
    ['\r', '"\\r" cannot be the delimiter: a line break ends a row'],
    ['', '"" is not a delimiter (comma, semicolon, tab or one ASCII character)'],
    ['||', '"||" is not a delimiter (comma, semicolon, tab or one ASCII character)'],
    // The reader splits on one byte.
    ['§', '"§" is not a delimiter (comma, semicolon, tab or one ASCII character)'],
  ])('refuses %j on one line, saying why', (value, message) => {
    expect(() => parseDelimiter(value)).toThrow(expect.objectContaining({ code: 'invalid-argument', message }));
  });
});
