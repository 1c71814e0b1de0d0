import { describe, expect, it } from 'vitest';
import { TextArena } from '../../src/io/text-arena.js';

describe('TextArena', () => {
  it('gives back each text as it was kept, across blocks and beside one longer than a block', () => {
    const arena = new TextArena();
    const texts = ['', 'Siobhán Ó Súilleabháin', '😀 emoji', 'x'.repeat(5 * 1024 * 1024), ...Array.from({ length: 50_000 }, (_, i) => `ACC${i}:${'y'.repeat(i % 200)}`)];
    const handles = texts.map((text) => arena.add(text));
    expect(handles.map((handle) => arena.get(handle))).toEqual(texts);
  });
});
