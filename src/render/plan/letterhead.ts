/**
 * What heads every letter of a pack: who it is from (the `--sender` file), the date, and whose
 * account it is about (the statement's customer). A detail not given shows as a marked gap.
 */
import type { IsoDate } from '../../core/date.js';
import type { Statement } from '../../core/statement.js';
import { orGap, type Gap } from '../letter/compose.js';
import type { Sender } from '../letter/sender.js';
import { longDate } from '../shared/dates.js';

/** The placeholders letterheadView fills, which every letter's template may use. */
export const LETTERHEAD_PLACEHOLDERS = [
  'sender_organisation',
  'sender_adviser',
  'sender_address',
  'sender_phone',
  'sender_email',
  'date',
  'customer_name',
  'customer_address',
  'customer_reference',
] as const;
export const LETTERHEAD_LISTS = ['sender_address', 'customer_address'] as const;

export interface LetterDetails {
  /** Who the letters are from; every sender detail is a gap without it. */
  readonly sender?: Sender;
  readonly statement?: Statement;
  /** The day the letters are dated: the plan's as-of date, never the clock. */
  readonly date: IsoDate;
}

const senderGap = (what: string, key: string, sender: Sender | undefined): Gap => ({
  what,
  fix: sender ? `add ${key} to the --sender file` : 'give the sender’s details with --sender FILE (see docs/letters.md)',
});

const customerGap = (what: string, key: string): Gap => ({ what, fix: `add ${key} to the statement` });

const lines = (value: readonly string[] | undefined, gap: Gap, gaps: Gap[]): readonly string[] =>
  value && value.length > 0 ? value : [orGap(undefined, gap, gaps)];

/** The letterhead's values; each gap it leaves is added to `gaps`. */
export function letterheadView({ sender, statement, date }: LetterDetails, gaps: Gap[]) {
  const customer = statement?.customer;
  return {
    sender_organisation: orGap(sender?.organisation, senderGap('the sender’s organisation', 'organisation', sender), gaps),
    sender_adviser: orGap(sender?.adviser, senderGap('the adviser’s name', 'adviser', sender), gaps),
    sender_address: lines(sender?.address, senderGap('the sender’s address', 'address', sender), gaps),
    sender_phone: orGap(sender?.phone, senderGap('the sender’s telephone number', 'phone', sender), gaps),
    // Not every organisation gives one: a letter without it has no gap to fill.
    sender_email: sender?.email ?? '',
    date: longDate(date),
    customer_name: orGap(customer?.name, customerGap('the customer’s name', 'customer.name'), gaps),
    customer_address: lines(customer?.address, customerGap('the customer’s address', 'customer.address'), gaps),
    customer_reference: customer?.reference ?? '',
  };
}

/**
 * The gaps of a whole pack as warnings, one for each way to fill them:
 * "the letters show [MISSING: …] for the customer's address: add customer.address to the statement".
 */
export function gapWarnings(gaps: readonly Gap[]): string[] {
  const byFix = new Map<string, string[]>();
  for (const { what, fix } of gaps) {
    const whats = byFix.get(fix) ?? [];
    if (!whats.includes(what)) whats.push(what);
    byFix.set(fix, whats);
  }
  return [...byFix].map(([fix, whats]) => `the letters show a gap marked [MISSING: …] for ${listed(whats)}: ${fix}`);
}

const listed = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
