/**
 * Spending-guideline tables: a built-in one by name (`irs-2025`) or a versioned file the user
 * supplies (the licensed SFS or Scottish CFS figures). File format: fixtures/guidelines/README.md.
 * Read with the statement's field readers, so amounts, dates and counts are checked the same way.
 */
import { BUILT_IN_GUIDELINES, type GuidelineAmounts, type GuidelineTable } from '../core/affordability/index.js';
import { FairplanError, isFairplanError } from '../core/errors.js';
import { CURRENCY_SYMBOLS } from '../core/statement.js';
import { amount, flag, isoDate, list, record, text, wholeNumber } from '../statement/fields.js';
import { parseRawText, readInputFile } from '../statement/load.js';
import { problemsOf } from '../statement/problems.js';

/** A guideline table whose amounts are in the currency of `symbol`. */
function tableIn(symbol: string) {
  const amountFields = {
    'communications-leisure': amount('non-negative', symbol).optional(),
    'food-housekeeping': amount('non-negative', symbol).optional(),
    personal: amount('non-negative', symbol).optional(),
    'all-flexible': amount('non-negative', symbol).optional(),
  };
  const amounts = record(amountFields, 'guideline amounts');
  return record(
    {
      name: text(),
      version: text(),
      effectiveFrom: isoDate(),
      official: flag(),
      currency: text(),
      url: text().optional(),
      note: text().optional(),
      households: list(record({ adults: wholeNumber(1), children: wholeNumber(0), ...amountFields }, 'a household make-up'), 'a list of household make-ups'),
      perAdditionalAdult: amounts.optional(),
      perAdditionalChild: amounts.optional(),
    },
    'a guideline table',
  );
}

// A table says which currency its amounts are in; a symbol on an amount must be that currency's.
const TABLES = { GBP: tableIn(CURRENCY_SYMBOLS.GBP), USD: tableIn(CURRENCY_SYMBOLS.USD) } as const;
const tableFor = (raw: unknown) => ((raw as { currency?: unknown } | null)?.currency === 'USD' ? TABLES.USD : TABLES.GBP);

const definedAmounts = (a: Readonly<Record<string, unknown>>): GuidelineAmounts =>
  Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined));

export function parseGuidelinesText(source: string, file: string): GuidelineTable {
  let raw;
  try {
    raw = parseRawText(source, file);
  } catch (error) {
    throw isFairplanError(error) ? new FairplanError('invalid-guidelines', error.message, { ...error.context, file }) : error;
  }
  const parsed = tableFor(raw).safeParse(raw);
  if (!parsed.success) {
    throw new FairplanError('invalid-guidelines', `${file} is not a guideline table`, { file, problems: problemsOf(parsed.error) });
  }
  const g = parsed.data;
  if (g.households.length === 0) {
    throw new FairplanError('invalid-guidelines', 'households: expected at least one household make-up', { file });
  }
  return {
    source: {
      name: g.name,
      version: g.version,
      effectiveFrom: g.effectiveFrom,
      official: g.official,
      currency: g.currency,
      ...(g.url ? { url: g.url } : {}),
      ...(g.note ? { note: g.note } : {}),
    },
    rows: g.households.map(({ adults, children, ...rest }) => ({ adults, children, amounts: definedAmounts(rest) })),
    ...(g.perAdditionalAdult ? { perAdditionalAdult: definedAmounts(g.perAdditionalAdult) } : {}),
    ...(g.perAdditionalChild ? { perAdditionalChild: definedAmounts(g.perAdditionalChild) } : {}),
  };
}

/** `irs-2025` (built in) or the path of a guideline file. */
export async function loadGuidelines(spec: string): Promise<GuidelineTable> {
  const builtIn = BUILT_IN_GUIDELINES[spec];
  if (builtIn) return builtIn;
  return parseGuidelinesText(await readInputFile(spec), spec);
}
