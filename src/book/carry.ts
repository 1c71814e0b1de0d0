/**
 * What a circumstance carries, and how it follows what is in force before it: the one rule, used
 * when a customers file is recorded (customers.ts) and when an older book is migrated (schema.ts).
 *
 * A column a customers file does not have is unknown, not empty: the value in force on the file's
 * day is carried, and the row says which fields it carried (`carried`). When a circumstance is later
 * recorded from a day before it (a Breathing Space learnt late), what the later one carried follows
 * the one now in force before it, an end as well as a start. A protection is never ended where that
 * is in doubt: by a circumstance whose reading is doubtful, or in a row whose `carried` is not known
 * (recorded before fairplan kept it); and a later row that said no more than what was known before
 * it (an empty breathing_space in a full export sent before the Breathing Space was known of) does
 * not end a protection it never knew of.
 */
import type { Kysely } from 'kysely';
import type { BookTables, CircumstancesTable } from './schema.js';
import type { BookWriter } from './transaction.js';

export type Circumstance = Omit<CircumstancesTable, 'id' | 'import_id'>;

/**
 * The columns a file may leave out, by the fields they are read into. The Breathing Space is one
 * reading of its two columns, so carried when the file has neither.
 */
export const CARRIED: readonly (readonly [readonly string[], readonly (keyof Circumstance)[]])[] = [
  [['customer_id'], ['customer_id']],
  [['vulnerable'], ['vulnerable']],
  [['vulnerability_consent'], ['vulnerability_consent']],
  [['breathing_space', 'breathing_space_end'], ['breathing_space', 'breathing_space_end']],
  [['review_on'], ['review_on']],
  [['contact_days'], ['contact_days']],
  [['contact_window'], ['contact_window']],
  [['name'], ['name']],
  [['mobile'], ['mobile']],
  [['email'], ['email']],
];

/** Columns that protect a customer or tie their accounts together. */
export const PROTECTIVE = new Set(['customer_id', 'vulnerable', 'vulnerability_consent', 'breathing_space', 'breathing_space_end', 'review_on', 'contact_days', 'contact_window']);

/** The fields that are flags, 0 or 1; the others are text, where `0` is a value given (a customer id). */
const FLAGS: ReadonlySet<keyof Circumstance> = new Set(['opted_out', 'vulnerable']);

/**
 * Whether a field of a circumstance says anything: a flag set, a value given. A flag that is neither
 * 0 nor 1 (a hand edit) is in doubt, and so taken as set: it protects.
 */
export function holds(circumstance: Circumstance, field: keyof Circumstance): boolean {
  const value: unknown = circumstance[field];
  if (FLAGS.has(field)) return value !== 0 && value !== false;
  return value !== null && value !== undefined && value !== '';
}

/** A template column carried is named in `carried` with this before it. */
const COLUMN = 'columns.';

/** The fields and template columns a circumstance carried; undefined when that is not known. */
function carriedBy(circumstance: Circumstance): Set<string> | undefined {
  if (circumstance.carried === null) return undefined;
  try {
    const carried: unknown = JSON.parse(circumstance.carried);
    if (Array.isArray(carried) && carried.every((entry) => typeof entry === 'string')) return new Set(carried);
  } catch {
    // Unreadable: not known, as for a row recorded before fairplan kept it.
  }
  return undefined;
}

const columnsOf = (circumstance: Pick<Circumstance, 'columns'>): Record<string, string> => JSON.parse(circumstance.columns) as Record<string, string>;

/** `own` (a row's own template columns) under those of `before`, and the names it carried. */
function withColumns(own: Record<string, string>, before: Circumstance | undefined): { columns: string; carried: string[] } {
  const from = before ? columnsOf(before) : {};
  return { columns: JSON.stringify({ ...from, ...own }), carried: Object.keys(from).filter((column) => !(column in own)).map((column) => COLUMN + column) };
}

/**
 * `circumstance` as read from a file without the fields `absent`: those taken from `before` (the
 * circumstance in force on its day), and named in `carried` whether or not there was one, so that a
 * circumstance recorded before it later can reach them.
 */
export function carryForward(circumstance: Omit<Circumstance, 'carried'>, before: Circumstance | undefined, absent: readonly (keyof Circumstance)[]): Circumstance {
  const carried: Record<string, unknown> = { ...circumstance };
  if (before) for (const field of absent) carried[field] = before[field];
  const columns = withColumns(columnsOf(circumstance), before);
  return { ...(carried as Circumstance), columns: columns.columns, carried: JSON.stringify([...absent, ...columns.carried]) };
}

/** The fields `follow` may change: those written back when it does. */
const FOLLOWING = [...CARRIED.flatMap(([, fields]) => fields), 'columns', 'carried'] as const satisfies readonly (keyof Circumstance)[];

/** Whether `follow` changed anything. */
export const changed = (from: Circumstance, to: Circumstance): boolean => FOLLOWING.some((field) => from[field] !== to[field]);

/** Whether `next` need not be recorded after `latest`: it says nothing new, and said itself all `latest` did. */
export function addsNothing(latest: Circumstance, next: Circumstance, compared: readonly (keyof Circumstance)[]): boolean {
  if (!compared.every((field) => latest[field] === next[field])) return false;
  const nextCarried = carriedBy(next) ?? new Set();
  // A value said again where the latest only carried it is recorded: it stands should the latest change.
  return [...(carriedBy(latest) ?? [])].every((entry) => nextCarried.has(entry));
}

/**
 * `later` once `before` is in force before it, where `was` was (undefined: `later` had none). A
 * field `later` carried follows `before`. A protection is only added, never ended, when `before` is
 * in doubt or what `later` carried is not known; and it is added to a value `later` may have said
 * itself only when that value was what was known before it (`was`'s).
 */
export function follow<C extends Circumstance>(later: C, was: Circumstance | undefined, before: Circumstance): C {
  const carried = carriedBy(later);
  const sure = carried !== undefined && before.doubts === '[]';
  const next: Record<string, unknown> = { ...later };
  for (const [read, fields] of CARRIED) {
    const wasCarried = carried?.has(fields[0]!) ?? false;
    const protective = read.some((column) => PROTECTIVE.has(column));
    const take = wasCarried && (sure || !protective)
      ? true
      : protective &&
        (wasCarried || !was || fields.every((field) => later[field] === was[field])) &&
        fields.some((field) => holds(before, field)) &&
        !fields.some((field) => holds(later, field));
    if (take) for (const field of fields) next[field] = before[field];
  }
  if (carried === undefined) return next as C;
  // The template columns: its own stay, those it carried follow.
  const own = Object.fromEntries(Object.entries(columnsOf(later)).filter(([column]) => !carried.has(COLUMN + column)));
  const columns = withColumns(own, before);
  return { ...(next as C), columns: columns.columns, carried: JSON.stringify([...[...carried].filter((entry) => !entry.startsWith(COLUMN)), ...columns.carried]) };
}

/** Writes back what `follow` changed of the book's circumstance `id`. */
export async function writeFollowed(db: BookWriter | Kysely<BookTables>, id: number, circumstance: Circumstance): Promise<void> {
  await db.updateTable('circumstances').set(Object.fromEntries(FOLLOWING.map((field) => [field, circumstance[field]]))).where('id', '=', id).execute();
}

/**
 * For a book recorded before its circumstances said what they carried (schema 3's migration): a
 * circumstance recorded before one already in the book (with a lower id and a later day) is
 * followed as it would be now, where that protects: a protection it holds reaches a later one that
 * held no more than what was known when it was recorded, and nothing is ended.
 */
/** Accounts read at once by followBackdated: well within the parameters a statement may have. */
const ACCOUNTS_AT_ONCE = 500;

export async function followBackdated(db: Kysely<BookTables>): Promise<void> {
  const accounts = await db
    .selectFrom('circumstances as later')
    .innerJoin('circumstances as backdated', (join) => join.onRef('backdated.account_id', '=', 'later.account_id').onRef('backdated.id', '>', 'later.id').onRef('backdated.effective_on', '<', 'later.effective_on'))
    .select('later.account_id')
    .distinct()
    .orderBy('later.account_id')
    .execute();
  for (let start = 0; start < accounts.length; start += ACCOUNTS_AT_ONCE) {
    const ids = accounts.slice(start, start + ACCOUNTS_AT_ONCE).map((account) => account.account_id);
    const rows = await db.selectFrom('circumstances').selectAll().where('account_id', 'in', ids).orderBy('account_id').orderBy('effective_on').orderBy('id').execute();
    /** Rows as they were before they followed, by id. */
    const originals = new Map<number, Circumstance>();
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const previous = i > 0 && rows[i - 1]!.account_id === row.account_id ? rows[i - 1]! : undefined;
      if (!previous) continue;
      // In force when it was recorded: the last before it recorded before it.
      let was: Circumstance | undefined;
      for (let j = i - 1; j >= 0 && rows[j]!.account_id === row.account_id; j--) {
        if (rows[j]!.id < row.id) {
          was = originals.get(rows[j]!.id) ?? rows[j]!;
          break;
        }
      }
      const followed = follow(row, was, previous);
      if (!changed(row, followed)) continue;
      originals.set(row.id, row);
      rows[i] = followed;
      await writeFollowed(db, row.id, followed);
    }
  }
}

/** Of two Breathing Spaces' ends (null: none known, the longer), the later. */
const lastingEnd = (a: string | null, b: string | null): string | null => (a === null || b === null ? null : a > b ? a : b);

/**
 * `base` with the protections of `extra` added, ending none of its own: any opt-out, any
 * vulnerability (with no consent if either has none), the Breathing Space that lasts longer, the
 * later review, only the contact days both allow, a tie to a person where `base` has none, and the
 * doubts of both; what else `base` holds stands. As two rows for one account and day in one file are
 * read (src/follow-up/customers.ts). A field taken from `extra` is said by the result, not carried.
 */
export function withProtections(base: Circumstance, extra: Circumstance): Circumstance {
  const taken = new Set<string>();
  const take = <K extends keyof Circumstance>(field: K, value: Circumstance[K]): Circumstance[K] => {
    if (value !== base[field]) taken.add(field);
    return value;
  };
  const doubts = [...new Set([...(JSON.parse(base.doubts) as string[]), ...(JSON.parse(extra.doubts) as string[])])];
  const optedOut = holds(base, 'opted_out') || holds(extra, 'opted_out');
  const spaceFrom = !holds(base, 'breathing_space') ? extra : !holds(extra, 'breathing_space') ? base : lastingEnd(base.breathing_space_end, extra.breathing_space_end) === base.breathing_space_end ? base : extra;
  const days = (circumstance: Circumstance) => (circumstance.contact_days === null ? undefined : circumstance.contact_days.split(','));
  const [ours, theirs] = [days(base), days(extra)];
  let contactDays = base.contact_days;
  if (ours && theirs) {
    const both = ours.filter((day) => theirs.includes(day));
    if (both.length === 0) doubts.push('the customer rows allow no common day to contact them on');
    else contactDays = take('contact_days', both.join(','));
  } else if (theirs) contactDays = take('contact_days', extra.contact_days);
  const reviewOn = base.review_on === null || (extra.review_on !== null && extra.review_on > base.review_on) ? extra.review_on : base.review_on;
  const consents = [base.vulnerability_consent, extra.vulnerability_consent];
  const result: Circumstance = {
    ...base,
    customer_id: base.customer_id ?? take('customer_id', extra.customer_id),
    channel: optedOut ? 'none' : base.channel,
    opted_out: optedOut ? 1 : 0,
    vulnerable: holds(base, 'vulnerable') ? base.vulnerable : holds(extra, 'vulnerable') ? take('vulnerable', 1) : 0,
    vulnerability_consent: take('vulnerability_consent', consents.includes('no') ? 'no' : (base.vulnerability_consent ?? extra.vulnerability_consent)),
    breathing_space: take('breathing_space', spaceFrom.breathing_space),
    breathing_space_end: take('breathing_space_end', spaceFrom.breathing_space_end),
    review_on: take('review_on', reviewOn),
    contact_days: contactDays,
    contact_window: base.contact_window ?? take('contact_window', extra.contact_window),
    doubts: JSON.stringify(doubts),
  };
  const carried = carriedBy(base);
  return carried ? { ...result, carried: JSON.stringify([...carried].filter((entry) => !taken.has(entry))) } : result;
}

/**
 * `before` said again from `day`, carrying all it holds (so that a circumstance recorded later from
 * an earlier day reaches it all): the ground a row dated after its file's day adds its protections to.
 */
export function restated(before: Circumstance & { id?: number; import_id?: number }, day: string, line: number): Circumstance {
  const { id, import_id, ...circumstance } = before;
  return { ...circumstance, effective_on: day, line, carried: JSON.stringify([...CARRIED.flatMap(([, fields]) => fields), ...Object.keys(columnsOf(before)).map((column) => COLUMN + column)]) };
}
