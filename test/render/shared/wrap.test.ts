import { describe, expect, it } from 'vitest';
import { wrap } from '../../../src/render/shared/wrap.js';

describe('wrap', () => {
  it('breaks at spaces so no line is wider than asked, indent included', () => {
    expect(wrap('one two three four five', 10, '  ')).toEqual(['  one two', '  three', '  four', '  five']);
  });

  it('gives a list item a hanging indent', () => {
    expect(wrap('- a list item that wraps', 12, '', '  ')).toEqual(['- a list', '  item that', '  wraps']);
  });

  it('keeps a word longer than the width whole', () => {
    expect(wrap('moneyhelper.org.uk is free', 8)).toEqual(['moneyhelper.org.uk', 'is free']);
  });
});
