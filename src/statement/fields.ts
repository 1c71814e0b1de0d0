/**
 * The building blocks of the statement schema: one zod schema per kind of field, each reading a
 * RawValue with fairplan's own parsers (parseMoney, parseFrequency, parseIsoDate) and saying, when
 * it cannot, what was found and what was expected. Each also records the JSON Schema it stands for,
 * since a zod transform has none of its own (see json-schema.ts).
 */
import * as z from 'zod';
import { FairplanError, isFairplanError } from '../core/errors.js';
import { parseIsoDate, type IsoDate } from '../core/date.js';
import { FREQUENCIES, parseFrequency, type Frequency } from '../core/frequency.js';
import { amountPattern, D, type Dec, isNegative, parseMoney, type Money } from '../core/money.js';
import { parsePercentText } from '../core/percent.js';
import { CURRENCY_SYMBOLS } from '../core/statement.js';
import { closest } from '../core/suggest.js';
import { describeRaw, NumberLiteral } from './raw.js';

export type JsonSchema = Readonly<Record<string, unknown>>;

/** The JSON Schema of each leaf field schema, looked up when the statement JSON Schema is generated. */
export const leafJsonSchemas = new WeakMap<object, JsonSchema>();

const missing = (expected: string): string => `missing (expected ${expected})`;
const wrongType = (expected: string, value: unknown): string => `expected ${expected}, got ${describeRaw(value)}`;
const refuse = (message: string): never => {
  throw new FairplanError('invalid-statement', message);
};

/**
 * A field read by `read`, which returns the value or throws a FairplanError whose message says
 * what is wrong (the same messages the command-line options give).
 */
function leaf<T>(expected: string, json: JsonSchema, read: (value: unknown) => T): z.ZodType<T, unknown> {
  const schema = z.unknown().transform((value, ctx) => {
    try {
      return value === undefined ? refuse(missing(expected)) : read(value);
    } catch (error) {
      if (!isFairplanError(error)) throw error;
      ctx.issues.push({ code: 'custom', message: error.message, input: value });
      return z.NEVER;
    }
  });
  leafJsonSchemas.set(schema, json);
  return schema;
}

export const text = (): z.ZodType<string, unknown> =>
  leaf('text', { type: 'string' }, (value) => (typeof value === 'string' ? value : refuse(wrongType('text', value))));

/**
 * A creditor's name: it heads a letter and names its file, so it cannot be blank, and holds no
 * control character (an escape sequence in a letter clears the screen of whoever views it).
 */
export const creditorName = (): z.ZodType<string, unknown> =>
  leaf('a creditor name', { type: 'string', pattern: '\\S', not: { pattern: '[\\u0000-\\u001f\\u007f-\\u009f]' } }, (value) => {
    if (typeof value !== 'string') return refuse(wrongType('a creditor name', value));
    if (value.trim() === '') return refuse('expected a creditor name, got a blank one');
    const control = /[\u0000-\u001f\u007f-\u009f]/.exec(value);
    if (control) return refuse(`a creditor name cannot hold a control character (U+${(control[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`);
    return value;
  });

/**
 * Text that heads a creditor's letter (the customer's name and reference, a debt's account
 * reference): like a creditor's name, it holds no control character.
 */
export const letterText = (what: string): z.ZodType<string, unknown> =>
  leaf(what, { type: 'string', not: { pattern: '[\\u0000-\\u001f\\u007f-\\u009f]' } }, (value) => {
    if (typeof value !== 'string') return refuse(wrongType(what, value));
    const control = /[\u0000-\u001f\u007f-\u009f]/.exec(value);
    if (control) return refuse(`${what} heads a letter, so it cannot hold a control character (U+${(control[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`);
    return value;
  });

export const flag = (): z.ZodType<boolean, unknown> =>
  leaf('true or false', { type: 'boolean' }, (value) =>
    typeof value === 'boolean' ? value : refuse(wrongType('true or false', value)),
  );

export function wholeNumber(minimum: number): z.ZodType<number, unknown> {
  const expected = minimum === 0 ? 'a whole number' : `a whole number, ${minimum} or more`;
  return leaf(expected, { type: 'integer', minimum }, (value) => {
    if (!(value instanceof NumberLiteral) || !/^\d+$/.test(value.source)) return refuse(wrongType(expected, value));
    const count = Number(value.source);
    return count >= minimum ? count : refuse(wrongType(expected, value));
  });
}

// parseMoney's grammar, for the JSON Schema: it cannot tie a symbol to the statement's currency,
// so it allows the symbol of either.
const SYMBOLS = Object.values(CURRENCY_SYMBOLS).join('');
export const AMOUNT_PATTERN = amountPattern('[+-]', SYMBOLS);
const NON_NEGATIVE_AMOUNT_PATTERN = amountPattern('[+]', SYMBOLS);
const WHOLE_PENCE_PATTERN = NON_NEGATIVE_AMOUNT_PATTERN.replaceAll('\\.\\d+', '\\.\\d{1,2}');

const AMOUNT_EXPECTED = 'an amount of money, e.g. 1234.56 or £1,234.56';

/**
 * An amount written as a string (`"£1,234.50"`) or a number (`1234.50`, read from its source text).
 * A currency symbol must be `symbol`, that of the currency the amounts are in.
 */
export function amount(sign: 'any' | 'non-negative' = 'non-negative', symbol = '£', pence: 'any' | 'whole' = 'any'): z.ZodType<Money, unknown> {
  const nonNegative = sign === 'non-negative';
  const json = {
    description: 'An amount of money: a string such as "£1,234.50" or "450.00", or a number (read from its digits).',
    anyOf: [
      { type: 'string', pattern: pence === 'whole' ? WHOLE_PENCE_PATTERN : nonNegative ? NON_NEGATIVE_AMOUNT_PATTERN : AMOUNT_PATTERN },
      { type: 'number', ...(nonNegative ? { minimum: 0 } : {}) },
    ],
  };
  return leaf(AMOUNT_EXPECTED, json, (value) => {
    const source = value instanceof NumberLiteral ? value.source : typeof value === 'string' ? value : undefined;
    if (source === undefined) return refuse(wrongType(AMOUNT_EXPECTED, value));
    const parsed = parseMoney(source, symbol);
    if (nonNegative && isNegative(parsed)) return refuse(`must not be negative, got ${describeRaw(value)}`);
    if (pence === 'whole' && parsed.decimalPlaces() > 2) return refuse(`${describeRaw(value)} is not in whole pence: a balance is owed in pounds and pence`);
    return parsed;
  });
}

/**
 * What is owed, in whole pence: a balance is not converted from another frequency, and one in
 * fractions of a penny would make the balances shown add up to a total a penny away from them.
 */
export const balance = (symbol = '£'): z.ZodType<Money, unknown> => amount('non-negative', symbol, 'whole');

const PERCENT_EXPECTED = 'a percentage from 0 to 100, e.g. "24.9"';

/** A percentage from 0 to 100 a year, written as a string (`"24.9"`, `"24.9%"`) or a number (read from its digits). */
export function percent(): z.ZodType<Dec, unknown> {
  const json = {
    description: 'A percentage from 0 to 100: a string such as "24.9" or "24.9%", or a number (read from its digits).',
    anyOf: [
      { type: 'string', pattern: '^\\s*(\\d+(\\.\\d+)?|\\.\\d+)\\s*%?\\s*$' },
      { type: 'number', minimum: 0, maximum: 100 },
    ],
  };
  return leaf(PERCENT_EXPECTED, json, (value) => {
    const source = value instanceof NumberLiteral ? value.source : typeof value === 'string' ? value : undefined;
    if (source === undefined) return refuse(wrongType(PERCENT_EXPECTED, value));
    return new D(parsePercentText(source));
  });
}

export function frequency<F extends Frequency>(allowed: readonly F[]): z.ZodType<F, unknown> {
  const expected = `a frequency (${allowed.join(', ')})`;
  const json = { type: 'string', enum: allowed, description: 'How often the amount is paid or received.' };
  return leaf(expected, json, (value) =>
    typeof value === 'string' ? (parseFrequency(value, allowed) as F) : refuse(wrongType(expected, value)),
  );
}

export const anyFrequency = (): z.ZodType<Frequency, unknown> => frequency(FREQUENCIES);

export const isoDate = (): z.ZodType<IsoDate, unknown> =>
  leaf('a date, YYYY-MM-DD', { type: 'string', format: 'date', pattern: '^\\s*\\d{4}-\\d{2}-\\d{2}\\s*$' }, (value) =>
    typeof value === 'string' ? parseIsoDate(value) : refuse(wrongType('a date, YYYY-MM-DD', value)),
  );

const normalise = (word: string): string =>
  word
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');

/**
 * One of a fixed list of words (a category, a tenure…), forgiving case and spaces. A word that is
 * not on the list gets the nearest one suggested, from `synonyms` (the everyday word for it) or by
 * spelling, and the whole list.
 */
export function oneOf<T extends string>(
  values: readonly T[],
  noun: string,
  synonyms: Readonly<Record<string, T>> = {},
  /** Other words accepted as the value they stand for. */
  aliases: Readonly<Record<string, T>> = {},
): z.ZodType<T, unknown> {
  const article = /^([aeiou]|SFS\b)/.test(noun) ? 'an' : 'a';
  const expected = `${article} ${noun}: one of ${values.join(', ')}`;
  return leaf(expected, { type: 'string', enum: values }, (value) => {
    if (typeof value !== 'string') return refuse(wrongType(expected, value));
    const key = normalise(value);
    const found = values.find((v) => normalise(v) === key) ?? aliases[key];
    if (found) return found;
    const near = closest(key, values.map(normalise));
    const hint = synonyms[key] ?? values.find((v) => normalise(v) === near);
    return refuse(
      `"${value}" is not ${article} ${noun}${hint ? `; did you mean "${hint}"?` : ''} (expected one of ${values.join(', ')})`,
    );
  });
}

/**
 * An object with exactly these fields: a missing one is reported by its own field schema, an
 * unknown one (often a misspelt optional field, which would otherwise vanish silently) by name.
 */
export function record<S extends z.ZodRawShape>(shape: S, expected: string) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') {
        return issue.keys
          .map((key) => {
            const hint = closest(key, known);
            return `"${key}" is not a field of ${expected}${hint ? `; did you mean "${hint}"?` : ` (expected ${known.join(', ')})`}`;
          })
          .join('; ');
      }
      return issue.input === undefined ? missing(expected) : wrongType(expected, issue.input);
    },
  });
}

export function list<T extends z.ZodType>(item: T, expected: string) {
  return z.array(item, {
    error: (issue) => (issue.input === undefined ? missing(expected) : wrongType(expected, issue.input)),
  });
}
