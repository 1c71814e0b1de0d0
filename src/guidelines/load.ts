/**
 * Spending-guideline tables: a built-in one by name (`irs-2025`) or a versioned file the user
 * supplies (the licensed SFS or Scottish CFS figures). File format: fixtures/guidelines/README.md.
 */
import { z } from 'zod';
import { BUILT_IN_GUIDELINES, type GuidelineAmounts, type GuidelineTable } from '../core/affordability/index.js';
import { parseIsoDate } from '../core/date.js';
import { FairplanError } from '../core/errors.js';
import { parseMoney, type Money } from '../core/money.js';
import { parseDocumentText, readTextFile } from '../io/read-document.js';
import { problemsOf } from '../statement/problems.js';

function refine<T>(read: (text: string) => T) {
  return z.string().transform((text, ctx): T => {
    try {
      return read(text);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
      return z.NEVER;
    }
  });
}

const amount = refine((text): Money => {
  const m = parseMoney(text);
  if (m.isNeg()) throw new Error(`"${text}" is negative; a guideline is zero or more`);
  return m;
});
const count = z.string().regex(/^\d+$/, 'expected a whole number').transform(Number);

const amounts = z.strictObject({
  'communications-leisure': amount.optional(),
  'food-housekeeping': amount.optional(),
  personal: amount.optional(),
  'all-flexible': amount.optional(),
});

const fileSchema = z.strictObject({
  name: z.string().min(1),
  version: z.string().min(1),
  effectiveFrom: refine(parseIsoDate),
  official: z.enum(['true', 'false']).transform((v) => v === 'true'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'expected a currency code such as GBP'),
  url: z.string().optional(),
  note: z.string().optional(),
  households: z
    .array(amounts.extend({ adults: count, children: count }))
    .min(1, 'expected at least one household make-up'),
  perAdditionalAdult: amounts.optional(),
  perAdditionalChild: amounts.optional(),
});

const definedAmounts = (a: z.infer<typeof amounts>): GuidelineAmounts =>
  Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined));

export function parseGuidelinesText(text: string, file: string): GuidelineTable {
  const parsed = fileSchema.safeParse(parseDocumentText(text, file, 'invalid-guidelines'));
  if (!parsed.success) {
    throw new FairplanError('invalid-guidelines', `${file} is not a guideline table`, {
      file,
      problems: problemsOf(parsed.error),
    });
  }
  const g = parsed.data;
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
  return parseGuidelinesText(await readTextFile(spec), spec);
}
