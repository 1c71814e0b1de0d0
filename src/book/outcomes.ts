/**
 * The book's arrangements as outcomes monitoring reads them: each agreement with its instalments, its
 * account's payments and the account's circumstances over time. Read a page of accounts at a time
 * (by account_id, through the indexes), so memory holds one page whatever the size of the book.
 */
import { breathingSpaceKindOf } from '../core/breathing-space.js';
import type { IsoDate } from '../core/date.js';
import type { CircumstanceFrom, TrackedArrangement } from '../core/outcomes.js';
import type { BreathingSpace, Payment } from '../core/follow-up/status.js';
import { pence } from './schema.js';
import type { BookWriter } from './transaction.js';

export interface BookCircumstance extends CircumstanceFrom {
  readonly vulnerable: boolean;
  readonly channel: string;
  /** The customers file's other columns, as the book keeps them. */
  readonly columns: Readonly<Record<string, string>>;
}

export interface BookArrangement extends TrackedArrangement<BookCircumstance> {
  /** The option's key (`affordable`, `fixed-term-24`…). */
  readonly plan: string;
}

/** Accounts read at once: their agreements, instalments, payments and circumstances. */
const ACCOUNTS_AT_ONCE = 1000;

function breathingSpaceOf(kind: string | null, end: string | null): BreathingSpace | undefined {
  if (kind === null) return undefined;
  // The book records a kind it could not read, or an end it could not, as a Breathing Space in force with no end (customers.ts).
  const known = breathingSpaceKindOf(kind) ?? 'standard';
  return end === null ? { kind: known } : { kind: known, end: end as IsoDate };
}

function columnsOf(json: string): Record<string, string> {
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
  return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, String(value ?? '')]));
}

const group = <T>(rows: readonly T[], key: (row: T) => string | number): Map<string | number, T[]> => {
  const groups = new Map<string | number, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
};

/** Every agreement of the book, a page of accounts at a time, in account order. */
export async function* bookArrangements(db: BookWriter, accountsAtOnce = ACCOUNTS_AT_ONCE): AsyncGenerator<BookArrangement[]> {
  let after: string | undefined;
  for (;;) {
    let accounts = db.selectFrom('agreements').select('account_id').distinct().orderBy('account_id').limit(accountsAtOnce);
    if (after !== undefined) accounts = accounts.where('account_id', '>', after);
    const ids = (await accounts.execute()).map((row) => row.account_id);
    const first = ids[0];
    const last = ids.at(-1);
    if (first === undefined || last === undefined) return;
    after = last;
    const agreements = await db
      .selectFrom('agreements')
      .select(['id', 'account_id', 'agreed_on', 'plan', 'superseded_on'])
      .where('account_id', '>=', first)
      .where('account_id', '<=', last)
      .orderBy('account_id')
      .orderBy('id')
      .execute();
    const instalments = await db
      .selectFrom('instalments')
      .innerJoin('agreements', 'agreements.id', 'instalments.agreement_id')
      .select(['instalments.agreement_id', 'instalments.n', 'instalments.due', 'instalments.amount'])
      .where('agreements.account_id', '>=', first)
      .where('agreements.account_id', '<=', last)
      .orderBy('instalments.agreement_id')
      .orderBy('instalments.due')
      .orderBy('instalments.n')
      .execute();
    const payments = await db
      .selectFrom('payments')
      .select(['account_id', 'paid_on', 'amount'])
      .where('account_id', '>=', first)
      .where('account_id', '<=', last)
      .execute();
    const circumstances = await db
      .selectFrom('circumstances')
      .select(['account_id', 'effective_on', 'vulnerable', 'channel', 'breathing_space', 'breathing_space_end', 'review_on', 'columns'])
      .where('account_id', '>=', first)
      .where('account_id', '<=', last)
      .orderBy('account_id')
      .orderBy('effective_on')
      .orderBy('id')
      .execute();
    const instalmentsOf = group(instalments, (row) => row.agreement_id);
    const paymentsOf = group(payments, (row) => row.account_id);
    const circumstancesOf = group(circumstances, (row) => row.account_id);
    const read = new Map<string, { payments: Payment[]; circumstances: BookCircumstance[] }>();
    const ofAccount = (id: string) => {
      let known = read.get(id);
      if (!known) {
        known = {
          payments: (paymentsOf.get(id) ?? []).map((row) => ({ paidOn: row.paid_on as IsoDate, amount: pence(row.amount) })),
          circumstances: (circumstancesOf.get(id) ?? []).map((row): BookCircumstance => {
            const breathingSpace = breathingSpaceOf(row.breathing_space, row.breathing_space_end);
            return {
              effectiveOn: row.effective_on as IsoDate,
              vulnerable: Number(row.vulnerable) === 1,
              channel: row.channel,
              columns: columnsOf(row.columns),
              ...(breathingSpace ? { breathingSpace } : {}),
              ...(row.review_on === null ? {} : { reviewOn: row.review_on as IsoDate }),
            };
          }),
        };
        read.set(id, known);
      }
      return known;
    };
    yield agreements.map((agreement): BookArrangement => {
      const account = ofAccount(agreement.account_id);
      return {
        accountId: agreement.account_id,
        agreedOn: agreement.agreed_on as IsoDate,
        ...(agreement.superseded_on === null ? {} : { supersededOn: agreement.superseded_on as IsoDate }),
        plan: agreement.plan,
        instalments: (instalmentsOf.get(agreement.id) ?? []).map((row) => ({ n: row.n, due: row.due as IsoDate, amount: pence(row.amount) })),
        payments: account.payments,
        circumstances: account.circumstances,
      };
    });
    if (ids.length < accountsAtOnce) return;
  }
}
