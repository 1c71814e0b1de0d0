/**
 * `--rules FILE`: a firm's own follow-up rules and templates, in YAML (or JSON), checked with zod.
 * Anything left out keeps its default; an unknown key is refused, so a misspelt rule is not
 * silently ignored. Every problem is reported at once, each with its place in the file.
 */
import * as z from 'zod';
import { FairplanError, isFairplanError } from '../core/errors.js';
import { closest } from '../core/suggest.js';
import { CONTACT_LIMITS, MESSAGE_KINDS } from '../core/follow-up/contact.js';
import { DEFAULT_RULES, type FollowUpRules } from '../core/follow-up/rules.js';
import { parseRawText, readInputFile } from '../statement/load.js';
import { problemsOf } from '../statement/problems.js';
import { NumberLiteral } from '../statement/raw.js';
import { DEFAULT_TEMPLATES, type TemplateSet } from './default-templates.js';
import { checkTemplates, PLACEHOLDERS } from './templates.js';

const days = (max: number) =>
  z
    .instanceof(NumberLiteral, { message: 'expected a whole number, 0 or more' })
    .transform((n) => n.source)
    .pipe(z.string().regex(/^\d+$/, 'expected a whole number, 0 or more'))
    .transform(Number)
    .pipe(z.number().int().max(max, `expected at most ${max}`));
const atLeastOne = (max: number) => days(max).pipe(z.number().min(1, 'expected at least 1'));

/** An object that refuses a key it does not know, naming the known one it was probably meant to be. */
function known<S extends z.ZodRawShape>(shape: S) {
  const keys = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code !== 'unrecognized_keys') return undefined;
      return issue.keys
        .map((key) => {
          const near = closest(key, keys);
          return `"${key}" is not a rule${near ? `; did you mean "${near}"?` : ` (expected ${keys.join(', ')})`}`;
        })
        .join('; ');
    },
  });
}

const template = known({ subject: z.string().optional(), text: z.string() });
const channels = known({ sms: template.optional(), email: template.optional(), letter: template.optional() });

/** Customers columns that hold a name, which may then go in a text message (when it is plainly a name). */
const nameColumns = z.array(
  z
    .string()
    .min(1, 'expected the name of a customers column')
    .refine((column) => column === 'name' || !(PLACEHOLDERS as readonly string[]).includes(column), {
      error: (issue) => `"${String(issue.input)}" is a value fairplan fills in, not a customers column`,
    }),
  { error: 'expected a list of customers columns, e.g. [preferred_name]' },
);

const rulesSchema = known({
  grace_days: days(60).optional(),
  broken_after: atLeastOne(24).optional(),
  remind_days: days(30).optional(),
  // A firm may contact less often than the most fairplan allows, never more (CONTACT_LIMITS).
  contact_limits: known({ per_day: atLeastOne(CONTACT_LIMITS.perDay).optional(), per_week: atLeastOne(CONTACT_LIMITS.perWeek).optional() }).optional(),
  name_columns: nameColumns.optional(),
  templates: known(Object.fromEntries(MESSAGE_KINDS.map((kind) => [kind, channels.optional()]))).optional(),
});

export interface RulesFile {
  readonly rules: FollowUpRules;
  readonly templates: TemplateSet;
  /** The customers columns the rules declare names (`name_columns`). */
  readonly nameColumns: readonly string[];
}

/** The rules and templates `file` sets, over the defaults. */
export async function loadRulesFile(file: string): Promise<RulesFile> {
  const text = await readInputFile(file);
  try {
    // An empty rules file changes nothing: every default stands.
    const parsed = rulesSchema.safeParse(text.trim() === '' ? {} : parseRawText(text, file));
    if (!parsed.success) {
      const problems = problemsOf(parsed.error);
      throw new FairplanError('invalid-rules', `not valid follow-up rules: ${problems.length} problem(s)`, { problems });
    }
    const r = parsed.data;
    const templates = Object.fromEntries(
      MESSAGE_KINDS.map((kind) => [kind, { ...DEFAULT_TEMPLATES[kind], ...Object.fromEntries(Object.entries(r.templates?.[kind] ?? {}).filter(([, t]) => t !== undefined)) }]),
    ) as unknown as TemplateSet;
    const names = r.name_columns ?? [];
    // Checked once, here: a template that cannot be used stops the run before any file is read.
    checkTemplates(templates, file, names);
    return {
      rules: {
        graceDays: r.grace_days ?? DEFAULT_RULES.graceDays,
        brokenAfter: r.broken_after ?? DEFAULT_RULES.brokenAfter,
        remindDays: r.remind_days ?? DEFAULT_RULES.remindDays,
        perDay: r.contact_limits?.per_day ?? DEFAULT_RULES.perDay,
        perWeek: r.contact_limits?.per_week ?? DEFAULT_RULES.perWeek,
      },
      templates,
      nameColumns: names,
    };
  } catch (error) {
    throw isFairplanError(error) ? error.inFile(file) : error;
  }
}
