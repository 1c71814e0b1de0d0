import { describe, expect, it } from 'vitest';
import { renderError } from '../../../src/render/shared/error.js';
import { FairplanError } from '../../../src/core/errors.js';

describe('rendering an error', () => {
  it('locates a problem by file, line and field', () => {
    expect(renderError(new FairplanError('invalid-argument', 'is missing', { file: 'in.csv', line: 3, field: 'balance' }))).toEqual([
      'in.csv:line 3: balance: is missing',
    ]);
  });

  it('makes control characters and escape sequences from files visible, in every part of the message', () => {
    const error = new FairplanError('invalid-argument', 'missing column "bal\u001b[2Jance"', { file: 'in\u001b]0;x\u0007.csv', line: 1 });
    expect(renderError(error)).toEqual(['in\\x1B]0;x\\x07.csv:line 1: missing column "bal\\x1B[2Jance"']);
    const problems = new FairplanError('invalid-argument', 'bad', { problems: [{ path: 'a\nb', message: 'c\u009bd' }] });
    expect(renderError(problems)).toEqual(['a\\nb: c\\x9Bd']);
  });

  it('keeps an unexpected error\'s stack one line to a frame', () => {
    const error = new Error('boom');
    error.stack = 'Error: boom\n    at f (x.js:1:1)';
    expect(renderError(error)).toEqual(['unexpected error: Error: boom', '    at f (x.js:1:1)']);
  });
});
