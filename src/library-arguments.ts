/**
 * The library's front door (src/index.ts): what a program hands `import … from 'fairplan'` is checked
 * before the core sees it, and refused with a FairplanError naming the argument and field, never a
 * TypeError from deep inside. A JavaScript number given as money is refused (it cannot hold every
 * amount exactly: docs/money.md), as is a date that is not YYYY-MM-DD.
 */
import { Decimal } from 'decimal.js';
import { parseIsoDate } from './core/date.js';
import { FairplanError, type ErrorCode } from './core/errors.js';

/** Where a value sits: the argument and the field within it, e.g. `request.creditors[1].balance`. */
type Path = string;

const refuse = (code: ErrorCode, path: Path, message: string): FairplanError => new FairplanError(code, `${path}: ${message}`, { field: path });

const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'string' ? `the text ${JSON.stringify(value.slice(0, 40))}` : typeof value === 'number' ? `the number ${value}` : `${typeof value === 'object' ? 'an object' : typeof value}`;

export function object(value: unknown, path: Path): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw refuse('invalid-argument', path, `expected an object, got ${describe(value)}`);
  return value as Record<string, unknown>;
}

export function list(value: unknown, path: Path): readonly unknown[] {
  if (!Array.isArray(value)) throw refuse('invalid-argument', path, `expected a list, got ${describe(value)}`);
  return value;
}

export function text(value: unknown, path: Path): void {
  if (typeof value !== 'string') throw refuse('invalid-argument', path, `expected text, got ${describe(value)}`);
}

function wholeNumber(value: unknown, path: Path): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw refuse('invalid-argument', path, `expected a whole number, got ${describe(value)}`);
}

export function oneOf(value: unknown, allowed: readonly string[], path: Path): void {
  if (typeof value !== 'string' || !allowed.includes(value)) throw refuse('invalid-argument', path, `expected ${allowed.map((a) => JSON.stringify(a)).join(' or ')}, got ${describe(value)}`);
}

function flag(value: unknown, path: Path): void {
  if (typeof value !== 'boolean') throw refuse('invalid-argument', path, `expected true or false, got ${describe(value)}`);
}

/** Money, a rate or a percentage: a decimal.js Decimal (`parseMoney("1000.50")`), never a JavaScript number. */
export function decimal(value: unknown, path: Path): void {
  if (Decimal.isDecimal(value)) return;
  if (typeof value === 'number') {
    throw refuse('invalid-amount', path, `got the JavaScript number ${value}: give an amount as a Decimal (parseMoney("${value}")), as a number cannot hold every amount exactly`);
  }
  throw refuse('invalid-amount', path, `expected an amount as a Decimal (parseMoney("12.50")), got ${describe(value)}`);
}

export function date(value: unknown, path: Path): void {
  if (typeof value !== 'string') throw refuse('invalid-date', path, `expected a date as text (YYYY-MM-DD, or parseIsoDate("2027-01-15")), got ${describe(value)}`);
  try {
    parseIsoDate(value);
  } catch (error) {
    if (error instanceof FairplanError) throw refuse('invalid-date', path, error.message);
    throw error;
  }
}

const optional = (value: unknown, path: Path, check: (value: unknown, path: Path) => void): void => {
  if (value !== undefined) check(value, path);
};

function interest(value: unknown, path: Path): void {
  const i = object(value, path);
  if (i.kind === 'frozen') return;
  if (i.kind !== 'continuing') throw refuse('invalid-argument', `${path}.kind`, `expected "frozen" or "continuing", got ${describe(i.kind)}`);
  decimal(i.annualRatePercent, `${path}.annualRatePercent`);
}

function calendar(value: unknown, path: Path): void {
  const c = object(value, path);
  text(c.name, `${path}.name`);
  if (typeof c.isWorkingDay !== 'function') throw refuse('invalid-argument', `${path}.isWorkingDay`, 'expected a function from a date to true or false');
}

function regularAmount(value: unknown, path: Path): void {
  const r = object(value, path);
  decimal(r.amount, `${path}.amount`);
  text(r.frequency, `${path}.frequency`);
}

/** A Statement as parseStatementText makes it: its money as Decimals, its dates as text, its lists as lists. */
export function statement(value: unknown, path: Path): void {
  const s = object(value, path);
  object(s.household, `${path}.household`);
  for (const section of ['income', 'expenditure'] as const) {
    list(s[section], `${path}.${section}`).forEach((line, i) => {
      const at = `${path}.${section}[${i}]`;
      regularAmount(line, at);
      text(object(line, at).label, `${at}.label`);
    });
  }
  list(s.priorityDebts, `${path}.priorityDebts`).forEach((debt, i) => {
    const at = `${path}.priorityDebts[${i}]`;
    const d = object(debt, at);
    text(d.creditor, `${at}.creditor`);
    decimal(d.balance, `${at}.balance`);
    decimal(d.payment, `${at}.payment`);
    text(d.frequency, `${at}.frequency`);
  });
  list(s.debts, `${path}.debts`).forEach((debt, i) => {
    const at = `${path}.debts[${i}]`;
    const d = object(debt, at);
    text(d.creditor, `${at}.creditor`);
    decimal(d.balance, `${at}.balance`);
    optional(d.interest, `${at}.interest`, interest);
    optional(d.lastPaymentOn, `${at}.lastPaymentOn`, date);
  });
  list(s.vulnerabilities, `${path}.vulnerabilities`);
  list(s.expectedChanges, `${path}.expectedChanges`).forEach((change, i) => {
    const at = `${path}.expectedChanges[${i}]`;
    const c = object(change, at);
    date(c.from, `${at}.from`);
    decimal(c.monthlyChange, `${at}.monthlyChange`);
  });
  optional(s.savings, `${path}.savings`, regularAmount);
  optional(s.debtAdminFee, `${path}.debtAdminFee`, regularAmount);
  optional(s.takenOn, `${path}.takenOn`, date);
  if (s.pay !== undefined) date(object(s.pay, `${path}.pay`).nextPayDate, `${path}.pay.nextPayDate`);
}

export function affordabilitySettings(value: unknown, path: Path): void {
  const s = object(value, path);
  date(s.asOf, `${path}.asOf`);
  optional(s.tokenThresholdPerCreditor, `${path}.tokenThresholdPerCreditor`, decimal);
  optional(s.staleAfterMonths, `${path}.staleAfterMonths`, wholeNumber);
  optional(s.guidelines, `${path}.guidelines`, object);
}

/** A PlanRequest, or (with `partial`) the overrides of one: each field of the right kind where given. */
export function planRequest(value: unknown, path: Path, partial = false): void {
  const r = object(value, path);
  // In overrides every field may be left out.
  const field = (name: string, check: (value: unknown, path: Path) => void): void => {
    if (!partial || r[name] !== undefined) check(r[name], `${path}.${name}`);
  };
  field('balance', decimal);
  field('affordableMonthly', decimal);
  field('frequency', text);
  field('start', date);
  if (!partial) date(r.asOf, `${path}.asOf`);
  optional(r.pausedUntil, `${path}.pausedUntil`, date);
  optional(r.budgetReviewOn, `${path}.budgetReviewOn`, date);
  optional(r.redistribute, `${path}.redistribute`, flag);
  optional(r.interest, `${path}.interest`, interest);
  optional(r.calendar, `${path}.calendar`, calendar);
  optional(r.currencySymbol, `${path}.currencySymbol`, text);
  optional(r.reasonableTermMonths, `${path}.reasonableTermMonths`, wholeNumber);
  if (r.fixedTermsMonths !== undefined) list(r.fixedTermsMonths, `${path}.fixedTermsMonths`).forEach((m, i) => wholeNumber(m, `${path}.fixedTermsMonths[${i}]`));
  if (r.creditors !== undefined) {
    list(r.creditors, `${path}.creditors`).forEach((creditor, i) => {
      const at = `${path}.creditors[${i}]`;
      const c = object(creditor, at);
      text(c.creditor, `${at}.creditor`);
      decimal(c.balance, `${at}.balance`);
      optional(c.interest, `${at}.interest`, interest);
    });
  }
  if (r.token !== undefined) {
    const t = object(r.token, `${path}.token`);
    decimal(t.amount, `${path}.token.amount`);
    wholeNumber(t.reviewAfterMonths, `${path}.token.reviewAfterMonths`);
  }
  if (r.stepUp !== undefined) {
    const s = object(r.stepUp, `${path}.stepUp`);
    wholeNumber(s.periods, `${path}.stepUp.periods`);
    decimal(s.laterAffordableMonthly, `${path}.stepUp.laterAffordableMonthly`);
    optional(s.reducedPayment, `${path}.stepUp.reducedPayment`, decimal);
    optional(s.laterPayment, `${path}.stepUp.laterPayment`, decimal);
  }
  if (r.settlement !== undefined) {
    const s = object(r.settlement, `${path}.settlement`);
    decimal(s.discountPercent, `${path}.settlement.discountPercent`);
    wholeNumber(s.maxInstalments, `${path}.settlement.maxInstalments`);
    if (s.byCreditor !== undefined) {
      list(s.byCreditor, `${path}.settlement.byCreditor`).forEach((d, i) => {
        const at = `${path}.settlement.byCreditor[${i}]`;
        text(object(d, at).creditor, `${at}.creditor`);
        decimal(object(d, at).discountPercent, `${at}.discountPercent`);
      });
    }
  }
}

/** What assessAffordability gives: checked only as far as the renderer relies on it. */
export function affordability(value: unknown, path: Path): void {
  const a = object(value, path);
  date(a.asOf, `${path}.asOf`);
  statement(a.statement, `${path}.statement`);
  object(a.totals, `${path}.totals`);
  list(a.flags, `${path}.flags`);
  list(a.offers, `${path}.offers`);
}

/** What proposePlans gives: checked only as far as the renderer relies on it. */
export function proposal(value: unknown, path: Path): void {
  const p = object(value, path);
  object(p.request, `${path}.request`);
  list(p.options, `${path}.options`);
  list(p.notOffered, `${path}.notOffered`);
  object(p.recommended, `${path}.recommended`);
}

export function provenanceParts(value: unknown, path: Path): void {
  const p = object(value, path);
  text(p.fairplanVersion, `${path}.fairplanVersion`);
  date(p.asOf, `${path}.asOf`);
  optional(p.calendar, `${path}.calendar`, text);
  optional(p.guidelines, `${path}.guidelines`, object);
  if (p.options !== undefined) {
    for (const [name, option] of Object.entries(object(p.options, `${path}.options`))) {
      if (option !== true && typeof option !== 'string') throw refuse('invalid-argument', `${path}.options.${name}`, `expected text or true, got ${describe(option)}`);
    }
  }
  list(p.inputs, `${path}.inputs`).forEach((input, i) => {
    const at = `${path}.inputs[${i}]`;
    const f = object(input, at);
    text(f.role, `${at}.role`);
    text(f.file, `${at}.file`);
    if (f.sha256 !== null) text(f.sha256, `${at}.sha256`);
  });
}

export function madeProvenance(value: unknown, path: Path): void {
  const p = object(value, path);
  text(p.fairplan, `${path}.fairplan`);
  wholeNumber(p.rulesVersion, `${path}.rulesVersion`);
  date(p.asOf, `${path}.asOf`);
  object(p.options, `${path}.options`);
  list(p.inputs, `${path}.inputs`);
}

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
