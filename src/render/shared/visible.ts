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

/**
 * A copy of `value` with every string in it made visible: what a text renderer for the terminal is
 * given, so that no label, creditor name or note from a statement (nor a message made of them) can
 * reach the terminal as an escape sequence, whichever line prints it. Plain objects and arrays are
 * copied; anything else (a Decimal, a calendar's methods) is kept as it is. An object met twice is
 * copied once, so renderers that compare options by identity still can.
 */
export function visibleStrings<T>(value: T): T {
  const copies = new Map<object, unknown>();
  const copy = (v: unknown): unknown => {
    if (typeof v === 'string') return visible(v);
    if (typeof v !== 'object' || v === null) return v;
    const done = copies.get(v);
    if (done !== undefined) return done;
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      copies.set(v, out);
      for (const item of v) out.push(copy(item));
      return out;
    }
    if (Object.getPrototypeOf(v) !== Object.prototype) return v;
    const out: Record<string, unknown> = {};
    copies.set(v, out);
    for (const [key, item] of Object.entries(v)) out[key] = copy(item);
    return out;
  };
  return copy(value) as T;
}
