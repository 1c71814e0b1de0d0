import { describe, expect, it } from 'vitest';
import { visible } from '../../../src/render/shared/visible.js';

describe('text made visible for a terminal', () => {
  it('writes escape sequences, control characters and line breaks as readable escapes', () => {
    expect(visible('A1\u001b[2J\u001b]0;pwned\u0007')).toBe('A1\\x1B[2J\\x1B]0;pwned\\x07');
    expect(visible('a\u0000b\u007fc\u009bd')).toBe('a\\x00b\\x7Fc\\x9Bd');
    expect(visible('one\r\ntwo\tthree')).toBe('one\\r\\ntwo\\tthree');
  });

  it('shows characters that reorder or break a line', () => {
    expect(visible('ACC\u202e1234\u2028x')).toBe('ACC\\u202E1234\\u2028x');
  });

  it('leaves ordinary text, accents and symbols alone', () => {
    expect(visible('Zoë Brontë owes £1,234.50 — “fine” 😀')).toBe('Zoë Brontë owes £1,234.50 — “fine” 😀');
  });
});
