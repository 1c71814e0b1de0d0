/**
 * The library's front door (src/index.ts): what a program hands `import … from 'fairplan'` is checked
 * before the core sees it, and refused with a FairplanError naming the argument and field, never a
 * TypeError from deep inside. A JavaScript number given as money is refused (it cannot hold every
 * amount exactly: docs/money.md), as is a date that is not YYYY-MM-DD.
 */
import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { parseIsoDate } from './core/date.js';
import { FairplanError, type ErrorCode } from './core/errors.js';

/** Where a value sits: the argument and the field within it, e.g. `request.creditors[1].balance`. */
type Path = string;

const refuse = (code: ErrorCode, path: Path, message: string): FairplanError => new FairplanError(code, `${path}: ${message}`, { field: path });

const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'string' ? `the text ${JSON.stringify(value.slice(0, 40))}` : typeof value === 'number' ? `the number ${value}` : `${typeof value === 'object' ? 'an object' : typeof value}`;

/** A value checked by `problem` (what is wrong with it, or nothing), refused with `code`. */
const checked = (code: ErrorCode, problem: (value: unknown) => string | undefined) =>
  z.unknown().superRefine((value, context) => {
    const message = problem(value);
    if (message !== undefined) context.addIssue({ code: 'custom', message, params: { code } });
  });

/** Money, a rate or a percentage: a decimal.js Decimal (`parseMoney("1000.50")`), never a JavaScript number. */
const DECIMAL = checked('invalid-amount', (value) => {
  if (Decimal.isDecimal(value)) return undefined;
  if (typeof value === 'number') return `got the JavaScript number ${value}: give an amount as a Decimal (parseMoney("${value}")), as a number cannot hold every amount exactly`;
  return `expected an amount as a Decimal (parseMoney("12.50")), got ${describe(value)}`;
});

const DATE = checked('invalid-date', (value) => {
  if (typeof value !== 'string') return `expected a date as text (YYYY-MM-DD, or parseIsoDate("2027-01-15")), got ${describe(value)}`;
  try {
    parseIsoDate(value);
    return undefined;
  } catch (error) {
    if (error instanceof FairplanError) return error.message;
    throw error;
  }
});

const TEXT = z.string();
const WHOLE = z.int();
const INTEREST = z.discriminatedUnion('kind', [z.object({ kind: z.literal('frozen') }), z.object({ kind: z.literal('continuing'), annualRatePercent: DECIMAL })]);
const CALENDAR = z.object({
  name: TEXT,
  isWorkingDay: checked('invalid-argument', (value) => (typeof value === 'function' ? undefined : 'expected a function from a date to true or false')),
});
const REGULAR_AMOUNT = z.object({ amount: DECIMAL, frequency: TEXT });

/** A Statement as parseStatementText makes it: its money as Decimals, its dates as text, its lists as lists. */
const STATEMENT = z.object({
  household: z.object({}),
  income: z.array(REGULAR_AMOUNT.extend({ label: TEXT })),
  expenditure: z.array(REGULAR_AMOUNT.extend({ label: TEXT })),
  priorityDebts: z.array(z.object({ creditor: TEXT, balance: DECIMAL, payment: DECIMAL, frequency: TEXT })),
  debts: z.array(z.object({ creditor: TEXT, balance: DECIMAL, interest: INTEREST.optional(), lastPaymentOn: DATE.optional() })),
  vulnerabilities: z.array(z.unknown()),
  expectedChanges: z.array(z.object({ from: DATE, monthlyChange: DECIMAL })),
  savings: REGULAR_AMOUNT.optional(),
  debtAdminFee: REGULAR_AMOUNT.optional(),
  takenOn: DATE.optional(),
  pay: z.object({ nextPayDate: DATE }).optional(),
});

const AFFORDABILITY_SETTINGS = z.object({
  asOf: DATE,
  tokenThresholdPerCreditor: DECIMAL.optional(),
  staleAfterMonths: WHOLE.optional(),
  guidelines: z.object({}).optional(),
});

const PLAN_REQUEST = z.object({
  balance: DECIMAL,
  affordableMonthly: DECIMAL,
  frequency: TEXT,
  start: DATE,
  asOf: DATE,
  pausedUntil: DATE.optional(),
  budgetReviewOn: DATE.optional(),
  redistribute: z.boolean().optional(),
  interest: INTEREST.optional(),
  calendar: CALENDAR.optional(),
  currencySymbol: TEXT.optional(),
  reasonableTermMonths: WHOLE.optional(),
  fixedTermsMonths: z.array(WHOLE).optional(),
  creditors: z.array(z.object({ creditor: TEXT, balance: DECIMAL, interest: INTEREST.optional() })).optional(),
  token: z.object({ amount: DECIMAL, reviewAfterMonths: WHOLE }).optional(),
  stepUp: z.object({ periods: WHOLE, laterAffordableMonthly: DECIMAL, reducedPayment: DECIMAL.optional(), laterPayment: DECIMAL.optional() }).optional(),
  settlement: z
    .object({ discountPercent: DECIMAL, maxInstalments: WHOLE, byCreditor: z.array(z.object({ creditor: TEXT, discountPercent: DECIMAL })).optional() })
    .optional(),
});
/** The overrides of a request: any field but the day it is made, each of the right kind where given. */
const PLAN_OVERRIDES = PLAN_REQUEST.omit({ asOf: true }).partial();

/** The person's decisions about debts past the limitation period: creditors' names, and reasons. */
const LIMITATION = z.object({ timeRunOut: z.array(TEXT).optional(), include: z.array(z.object({ creditor: TEXT, reason: TEXT })).optional() });

/** What assessAffordability gives: checked only as far as the renderer relies on it. */
const AFFORDABILITY = z.object({ asOf: DATE, statement: STATEMENT, totals: z.object({}), flags: z.array(z.unknown()), offers: z.array(z.unknown()) });

/** What proposePlans gives: checked only as far as the renderer relies on it. */
const PROPOSAL = z.object({ request: z.object({}), options: z.array(z.unknown()), notOffered: z.array(z.unknown()), recommended: z.object({}) });

const PROVENANCE_PARTS = z.object({
  fairplanVersion: TEXT,
  asOf: DATE,
  calendar: TEXT.optional(),
  guidelines: z.object({}).optional(),
  options: z.record(z.string(), z.union([z.literal(true), TEXT])).optional(),
  inputs: z.array(z.object({ role: TEXT, file: TEXT, sha256: TEXT.nullable() })),
});

const MADE_PROVENANCE = z.object({ fairplan: TEXT, rulesVersion: WHOLE, asOf: DATE, options: z.object({}), inputs: z.array(z.unknown()) });

/** What a schema's kind is called in a sentence. */
const KINDS: Readonly<Record<string, string>> = { object: 'an object', array: 'a list', string: 'text', boolean: 'true or false', int: 'a whole number', number: 'a number' };

/** `path` joined with a field's place within it: `request` and ['creditors', 1, 'balance'] make `request.creditors[1].balance`. */
const at = (path: Path, within: readonly PropertyKey[]): Path => within.reduce<string>((whole, key) => (typeof key === 'number' ? `${whole}[${key}]` : `${whole}.${String(key)}`), path);

/** The value at `within`, for the message: what was given where something else was expected. */
const valueAt = (value: unknown, within: readonly PropertyKey[]): unknown =>
  within.reduce<unknown>((inner, key) => (typeof inner === 'object' && inner !== null ? (inner as Record<PropertyKey, unknown>)[key] : undefined), value);

/** What an issue found wanting expected, in words: `a whole number`, `"frozen" or "continuing"`. */
function expectedBy(issue: z.core.$ZodIssue | undefined): string {
  if (issue?.code === 'invalid_type') return KINDS[issue.expected] ?? issue.expected;
  if (issue?.code === 'invalid_value') return issue.values.map((value) => JSON.stringify(value)).join(' or ');
  return 'something else';
}

/** `value` by `schema`, or the first thing wrong with it as a FairplanError naming its field. */
function check(schema: z.ZodType, value: unknown, path: Path): void {
  const result = schema.safeParse(value);
  if (result.success) return;
  const [issue] = result.error.issues;
  if (!issue) throw refuse('invalid-argument', path, 'is not what was expected');
  const field = at(path, issue.path);
  const given = describe(valueAt(value, issue.path));
  if (issue.code === 'custom') throw refuse((issue.params?.code as ErrorCode | undefined) ?? 'invalid-argument', field, issue.message);
  if (issue.code === 'invalid_union') {
    // A discriminated union names its discriminator's values; any other, what each alternative expected.
    const options = 'options' in issue ? (issue.options as readonly unknown[]).map((option) => JSON.stringify(option)) : issue.errors.map(([first]) => expectedBy(first));
    throw refuse('invalid-argument', field, `expected ${options.join(' or ')}, got ${given}`);
  }
  throw refuse('invalid-argument', field, `expected ${expectedBy(issue)}, got ${given}`);
}

export function object(value: unknown, path: Path): Readonly<Record<string, unknown>> {
  check(z.object({}), value, path);
  return value as Record<string, unknown>;
}

export const list = (value: unknown, path: Path): void => check(z.array(z.unknown()), value, path);
export const text = (value: unknown, path: Path): void => check(TEXT, value, path);
export const oneOf = (value: unknown, allowed: readonly [string, ...string[]], path: Path): void => check(z.enum(allowed), value, path);
export const decimal = (value: unknown, path: Path): void => check(DECIMAL, value, path);
export const date = (value: unknown, path: Path): void => check(DATE, value, path);
export const statement = (value: unknown, path: Path): void => check(STATEMENT, value, path);
export const affordabilitySettings = (value: unknown, path: Path): void => check(AFFORDABILITY_SETTINGS, value, path);
/** A PlanRequest, or (with `partial`) the overrides of one. */
export const planRequest = (value: unknown, path: Path, partial = false): void => check(partial ? PLAN_OVERRIDES : PLAN_REQUEST, value, path);
export const limitationChoices = (value: unknown, path: Path): void => check(LIMITATION, value, path);
export const affordability = (value: unknown, path: Path): void => check(AFFORDABILITY, value, path);
export const proposal = (value: unknown, path: Path): void => check(PROPOSAL, value, path);
export const provenanceParts = (value: unknown, path: Path): void => check(PROVENANCE_PARTS, value, path);
export const madeProvenance = (value: unknown, path: Path): void => check(MADE_PROVENANCE, value, path);

/**
 * `fn` behind `check`: the arguments are checked first, and a TypeError or RangeError the checks did
 * not foresee (an object of the right shape holding something else deep inside) is still reported
 * as a FairplanError naming the function, never thrown as it is.
 */
export function guarded<F extends (...args: never[]) => unknown>(name: string, check: (...args: unknown[]) => void, fn: F): F {
  // Typed as `fn` itself, so that its parameters keep their names in the API reference (docs/api/).
  return ((...args: Parameters<F>): ReturnType<F> => {
    check(...args);
    try {
      return fn(...args) as ReturnType<F>;
    } catch (error) {
      if (error instanceof TypeError || error instanceof RangeError) {
        throw new FairplanError('invalid-argument', `${name} was given arguments it cannot use: ${error.message}`, { field: name });
      }
      throw error;
    }
  }) as F;
}
