/**
 * follow-up's output rows: the status of each arrangement, the messages, the rejected rows. A value
 * that is not there is null: an empty cell in CSV, `null` in NDJSON (docs/json-output.md).
 */
import type { PlannedMessage } from '../core/follow-up/contact.js';
import { ACTIONS, type ArrangementStatus } from '../core/follow-up/status.js';
import { formatPence } from '../core/pence.js';
import { safeCell, wouldRunAsFormula } from '../io/csv.js';
import { FairplanError } from '../core/errors.js';
import type { RenderedMessage } from './templates.js';
import type { Rejection } from './table.js';

export const STATUS_HEADER = [
  'account_id', 'status', 'due_to_date', 'paid_to_date', 'arrears_on_plan', 'missed_in_a_row', 'next_due', 'next_amount',
  'balance_remaining', 'last_paid_on', 'review_on', 'action', 'reason',
];

export const statusRecord = (s: ArrangementStatus) => ({
  account_id: s.accountId,
  status: s.status,
  due_to_date: formatPence(s.dueToDate),
  paid_to_date: formatPence(s.paidToDate),
  arrears_on_plan: formatPence(s.arrears),
  missed_in_a_row: s.missedInARow,
  next_due: s.next?.due ?? null,
  next_amount: s.next ? formatPence(s.next.amount) : null,
  balance_remaining: formatPence(s.balanceRemaining),
  last_paid_on: s.lastPaidOn ?? null,
  review_on: s.reviewOn ?? null,
  action: ACTIONS[s.status],
  reason: s.reason,
});

export const MESSAGE_HEADER = ['message_id', 'account_id', 'channel', 'kind', 'send_on', 'send_window', 'subject', 'text', 'sms_segments', 'review', 'held_back', 'reason'];

export const messageRecord = (m: PlannedMessage, words: RenderedMessage | undefined, smsSegments: number | undefined) => ({
  message_id: m.messageId,
  account_id: m.accountId,
  channel: m.channel,
  kind: m.kind,
  send_on: m.sendOn,
  send_window: m.sendWindow ?? null,
  // An SMS has no subject.
  subject: words?.subject || null,
  text: words?.text ?? null,
  sms_segments: smsSegments ?? null,
  review: m.review ? 'yes' : 'no',
  held_back: m.held ?? null,
  reason: m.reason,
});

export const ERROR_HEADER = ['file', 'line', 'account_id', 'code', 'reason'];

export const errorRecord = (r: Rejection) => ({ file: r.file, line: r.line, account_id: r.accountId ?? null, code: r.code, reason: r.reason });

/**
 * The ids a sender matches on: the status of an account, a message sent against the contacts log.
 * They are never given the apostrophe that keeps other cells from running as formulas (a message_id
 * changed so would not be found in the log the next night, and the message would go again).
 */
const MATCHED_IDS: ReadonlyMap<readonly string[], readonly string[]> = new Map([
  [STATUS_HEADER, ['account_id']],
  [MESSAGE_HEADER, ['message_id', 'account_id']],
]);

/**
 * A record's cells in header order; cells from the input are kept from running as spreadsheet
 * formulas. An id a sender matches on that a spreadsheet would run is refused: the run stops before
 * any file is published, so no message of that account (or any other) goes. NDJSON (--json) writes
 * every id as it is.
 */
export function cellsOf(record: Readonly<Record<string, string | number | null>>, header: readonly string[]): string[] {
  const ids = MATCHED_IDS.get(header) ?? [];
  return header.map((column) => {
    const cell = String(record[column] ?? '');
    if (!ids.includes(column)) return safeCell(cell);
    if (wouldRunAsFormula(cell)) {
      throw new FairplanError(
        'invalid-row',
        `the account id "${String(record.account_id ?? '')}" would run as a spreadsheet formula in the ${column} column (it starts with =, +, -, @, a tab or a carriage return), ` +
          'and fairplan does not change an id a sender matches on: correct it at its source, or write NDJSON with --json',
        { field: column },
      );
    }
    return cell;
  });
}
