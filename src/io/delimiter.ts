/**
 * The field delimiter of an accounts file, from `--delimiter` or a mapping file: one rule for both.
 * The quote character and a line break are refused: as delimiters they would split quoted fields
 * and rows in places the file does not mean, and accounts would be merged or cut. The reader splits
 * on one byte, so the delimiter is one ASCII character.
 */
import { FairplanError } from '../core/errors.js';

const NAMED: Readonly<Record<string, string>> = { comma: ',', semicolon: ';', tab: '\t', '\\t': '\t' };

export function parseDelimiter(value: string): string {
  const delimiter = NAMED[value.toLowerCase()] ?? value;
  // JSON.stringify shows a line break or tab as \n or \t, so the message stays on one line.
  const shown = JSON.stringify(value);
  if (delimiter.length !== 1 || delimiter.charCodeAt(0) > 127) {
    throw new FairplanError('invalid-argument', `${shown} is not a delimiter (comma, semicolon, tab or one ASCII character)`);
  }
  if (delimiter === '"') {
    throw new FairplanError('invalid-argument', `${shown} cannot be the delimiter: it is the quote character, which encloses fields`);
  }
  if (delimiter === '\n' || delimiter === '\r') {
    throw new FairplanError('invalid-argument', `${shown} cannot be the delimiter: a line break ends a row`);
  }
  return delimiter;
}
