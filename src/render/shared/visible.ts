/**
 * Text from a file, made safe to print to a terminal: control characters (C0, DEL, C1, which start
 * escape sequences that can clear the screen or retitle the window) and the characters that reorder
 * or break lines (bidirectional overrides, line and paragraph separators) are written as escapes a
 * person can read, e.g. `\x1B[2J`, `\n`, `\u202E`. Everything else is left as it is.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

const escape = (char: string): string => {
  const code = char.charCodeAt(0);
  return NAMED[char] ?? (code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase()}`);
};

export const visible = (text: string): string => text.replace(UNSAFE, escape);
