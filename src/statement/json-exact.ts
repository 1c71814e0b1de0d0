/**
 * JSON read and written without floats. JSON.parse turns `0.10` into a binary fraction before any
 * code can see the text (Node 20 has no reviver `context.source`), so statements are read by this
 * small parser instead: numbers come back as NumberLiteral with their source text, duplicate keys
 * are refused (a second "amount" silently replacing the first would change the figures), and every
 * syntax error has a line and column. Nesting is bounded (limits.ts), so no file can exhaust the stack,
 * and reserved keys such as "__proto__" are refused by name.
 */
import { isReservedKey, MAX_DEPTH } from './limits.js';
import { NumberLiteral, reservedKeyError, syntaxError, tooDeepError, type RawObject, type RawValue } from './raw.js';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;
// The run of a string up to its end, an escape or a character a JSON string may not hold.
const PLAIN_CHARACTERS = /[^"\\\u0000-\u001f]*/y;
const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

class JsonReader {
  private at = 0;
  /** Where the reader is: the keys and list positions of the values it is inside. */
  private readonly path: (string | number)[] = [];

  constructor(private readonly text: string) {}

  document(): RawValue {
    this.skipWhitespace();
    const value = this.value();
    this.skipWhitespace();
    if (this.at < this.text.length) this.fail('unexpected text after the end of the document');
    return value;
  }

  private value(): RawValue {
    const char = this.text[this.at];
    if (char === '{') return this.object();
    if (char === '[') return this.array();
    if (char === '"') return this.string();
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return this.number();
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return value;
      }
    }
    return this.fail(
      char === undefined ? 'the document ends where a value was expected' : `expected a value, found ${quote(char)}`,
    );
  }

  private object(): RawObject {
    if (this.path.length >= MAX_DEPTH) throw tooDeepError(this.text, this.at);
    const result: Record<string, RawValue> = {};
    this.at++;
    this.skipWhitespace();
    if (this.eat('}')) return result;
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.at] !== '"') this.fail('expected a property name in double quotes');
      const keyAt = this.at;
      const key = this.string();
      if (isReservedKey(key)) throw reservedKeyError(key, this.path, this.text, keyAt);
      if (Object.hasOwn(result, key)) this.fail(`"${key}" appears twice in the same object`, keyAt);
      this.skipWhitespace();
      if (!this.eat(':')) this.fail(`expected ":" after "${key}"`);
      this.skipWhitespace();
      this.path.push(key);
      result[key] = this.value();
      this.path.pop();
      this.skipWhitespace();
      if (this.eat('}')) return result;
      if (!this.eat(',')) this.fail('expected "," or "}" after a property value');
    }
  }

  private array(): RawValue[] {
    if (this.path.length >= MAX_DEPTH) throw tooDeepError(this.text, this.at);
    const result: RawValue[] = [];
    this.at++;
    this.skipWhitespace();
    if (this.eat(']')) return result;
    for (;;) {
      this.skipWhitespace();
      this.path.push(result.length);
      result.push(this.value());
      this.path.pop();
      this.skipWhitespace();
      if (this.eat(']')) return result;
      if (!this.eat(',')) this.fail('expected "," or "]" after a list item');
    }
  }

  private string(): string {
    const start = this.at;
    let result = '';
    this.at++;
    for (;;) {
      // Plain text is taken in one slice: built a character at a time, a long string costs many times its size.
      PLAIN_CHARACTERS.lastIndex = this.at;
      PLAIN_CHARACTERS.exec(this.text);
      result += this.text.slice(this.at, PLAIN_CHARACTERS.lastIndex);
      this.at = PLAIN_CHARACTERS.lastIndex;
      const char = this.text[this.at];
      if (char === undefined) return this.fail('a string is not closed with "', start);
      if (char === '"') break;
      if (char < ' ') this.fail('a line break or control character inside a string (write it as \\n)');
      if (char === '\\') {
        const escaped = this.text[this.at + 1] ?? '';
        if (escaped === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.at + 2, this.at + 6))) {
          result += String.fromCharCode(parseInt(this.text.slice(this.at + 2, this.at + 6), 16));
          this.at += 6;
          continue;
        }
        const decoded = ESCAPES[escaped];
        if (decoded === undefined) this.fail(`"\\${escaped}" is not a JSON escape`);
        result += decoded;
        this.at += 2;
      }
    }
    this.at++;
    return result;
  }

  private number(): NumberLiteral {
    NUMBER.lastIndex = this.at;
    const match = NUMBER.exec(this.text);
    if (!match) return this.fail('a number must have a digit after "-"');
    this.at += match[0].length;
    return new NumberLiteral(match[0]);
  }

  private eat(char: string): boolean {
    if (this.text[this.at] !== char) return false;
    this.at++;
    return true;
  }

  private skipWhitespace(): void {
    WHITESPACE.lastIndex = this.at;
    WHITESPACE.exec(this.text);
    this.at = WHITESPACE.lastIndex;
  }

  private fail(problem: string, at = this.at): never {
    throw syntaxError('JSON', problem, this.text, at);
  }
}

const quote = (char: string): string => JSON.stringify(char);

/** Reads JSON text; numbers become NumberLiteral. Syntax errors carry the line (and the column in the message). */
export function parseJsonExact(text: string): RawValue {
  return new JsonReader(text.replace(/^\uFEFF/, '')).document();
}

/**
 * Pretty JSON in which NumberLiteral values are written as bare numbers from their source text,
 * so an amount such as 1234.50 reaches the file as written, never through a float.
 */
export function stringifyJsonExact(value: RawValue, indent = '  '): string {
  const write = (v: RawValue, depth: string): string => {
    if (v instanceof NumberLiteral) return v.source;
    if (v === null || typeof v !== 'object') return JSON.stringify(v);
    const inner = depth + indent;
    if (Array.isArray(v)) {
      const items = (v as readonly RawValue[]).map((item) => inner + write(item, inner));
      return items.length === 0 ? '[]' : `[\n${items.join(',\n')}\n${depth}]`;
    }
    const entries = Object.entries(v as RawObject).map(
      ([k, item]) => `${inner}${JSON.stringify(k)}: ${write(item, inner)}`,
    );
    return entries.length === 0 ? '{}' : `{\n${entries.join(',\n')}\n${depth}}`;
  };
  return `${write(value, '')}\n`;
}
