/** Telling UTF-8 from what is not, on bytes, without decoding them. */

/**
 * The length of the well-formed UTF-8 sequence at `i` (the Unicode Standard's table 3-7: no
 * overlong forms, no surrogates, nothing past U+10FFFF), 0 if there is none, or -1 if the bytes end
 * at `end` before it does.
 */
export function utf8Length(buf: Uint8Array, i: number, end: number): number {
  const lead = buf[i] ?? 0;
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) low = 0xa0;
    else if (lead === 0xed) high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) low = 0x90;
    else if (lead === 0xf4) high = 0x8f;
  } else return 0;
  for (let k = 1; k < length; k++) {
    if (i + k >= end) return -1;
    const b = buf[i + k] ?? 0;
    if (b < low || b > high) return 0;
    low = 0x80;
    high = 0xbf;
  }
  return length;
}

export interface OtherEncoding {
  /** For a person: `UTF-16 (little-endian)`. */
  readonly name: string;
  /** As iconv names it. */
  readonly iconv: string;
}

const UTF16LE: OtherEncoding = { name: 'UTF-16 (little-endian)', iconv: 'UTF-16LE' };
const UTF16BE: OtherEncoding = { name: 'UTF-16 (big-endian)', iconv: 'UTF-16BE' };

/** The encoding a file is in when its first four bytes (or all of it, if shorter) show it is not UTF-8. */
export function notUtf8(b: Uint8Array): OtherEncoding | undefined {
  const [b0, b1, b2, b3] = [b[0], b[1], b[2], b[3]];
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) return { name: 'UTF-32 (little-endian)', iconv: 'UTF-32LE' };
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return { name: 'UTF-32 (big-endian)', iconv: 'UTF-32BE' };
  if (b0 === 0xff && b1 === 0xfe) return UTF16LE;
  if (b0 === 0xfe && b1 === 0xff) return UTF16BE;
  // Without a byte-order mark, text such as "ac" in UTF-16 is a NUL every other byte.
  if (b.length >= 4 && b0 !== 0 && b1 === 0 && b2 !== 0 && b3 === 0) return UTF16LE;
  if (b.length >= 4 && b0 === 0 && b1 !== 0 && b2 === 0 && b3 !== 0) return UTF16BE;
  return undefined;
}
