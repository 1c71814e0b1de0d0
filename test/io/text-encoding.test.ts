/** UTF-8 told from what is not, byte by byte, as the Unicode Standard defines it. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { notUtf8, utf8Length } from '../../src/io/text-encoding.js';

const lengthOf = (...bytes: number[]) => utf8Length(Uint8Array.from(bytes), 0, bytes.length);

describe('a UTF-8 sequence', () => {
  it('is as long as the encoding of any code point but a surrogate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0x80, max: 0x10ffff }).filter((c) => c < 0xd800 || c > 0xdfff),
        (code) => {
          const bytes = Buffer.from(String.fromCodePoint(code));
          expect(utf8Length(bytes, 0, bytes.length)).toBe(bytes.length);
        },
      ),
      { seed: 11, numRuns: 2000 },
    );
  });

  it('is none for a stray continuation byte, an overlong form, a surrogate, a code point past U+10FFFF or a byte never used', () => {
    expect(lengthOf(0x80)).toBe(0);
    expect(lengthOf(0xc0, 0xaf)).toBe(0); // "/" in two bytes
    expect(lengthOf(0xe0, 0x80, 0xaf)).toBe(0); // "/" in three
    expect(lengthOf(0xf0, 0x80, 0x80, 0xaf)).toBe(0); // and in four
    expect(lengthOf(0xed, 0xa0, 0x80)).toBe(0); // U+D800
    expect(lengthOf(0xf4, 0x90, 0x80, 0x80)).toBe(0); // U+110000
    expect(lengthOf(0xff)).toBe(0);
    expect(lengthOf(0xc3, 0x2c)).toBe(0); // a lead byte followed by a comma
  });

  it('is not yet known when the bytes end inside it', () => {
    expect(lengthOf(0xe2, 0x82)).toBe(-1);
    expect(lengthOf(0xf0, 0x9f, 0x98)).toBe(-1);
  });
});

describe('a file that is not UTF-8', () => {
  it('is known by its byte-order mark, or by the NULs of UTF-16 text', () => {
    expect(notUtf8(Buffer.from('\uFEFFid', 'utf16le'))?.name).toBe('UTF-16 (little-endian)');
    expect(notUtf8(Buffer.from('\uFEFFid', 'utf16le').swap16())?.name).toBe('UTF-16 (big-endian)');
    expect(notUtf8(Buffer.from('id', 'utf16le'))).toEqual({ name: 'UTF-16 (little-endian)', iconv: 'UTF-16LE' });
    expect(notUtf8(Buffer.from('id', 'utf16le').swap16())).toEqual({ name: 'UTF-16 (big-endian)', iconv: 'UTF-16BE' });
    expect(notUtf8(Uint8Array.from([0xff, 0xfe, 0, 0]))?.name).toBe('UTF-32 (little-endian)');
    expect(notUtf8(Uint8Array.from([0, 0, 0xfe, 0xff]))?.name).toBe('UTF-32 (big-endian)');
  });

  it('is not mistaken for UTF-8 with or without its byte-order mark, however short', () => {
    expect(notUtf8(Buffer.from('\uFEFFid,n'))).toBeUndefined();
    expect(notUtf8(Buffer.from('id,n'))).toBeUndefined();
    expect(notUtf8(Buffer.from('a'))).toBeUndefined();
    expect(notUtf8(Buffer.from(''))).toBeUndefined();
  });
});
