/** What a follow-up run found, for stderr and for `--summary FILE`. */
import { HOLDS, MESSAGE_KINDS, type Hold, type MessageKind, type PlannedMessage } from '../core/follow-up/contact.js';
import { formatMoney, fromPence, toFixed2 } from '../core/money.js';
import { STATUSES, type ArrangementStatus, type Status } from '../core/follow-up/status.js';
import type { Provenance } from '../core/provenance.js';
import type { NotUsed } from './book.js';
import { FORMAT_VERSION } from '../render/shared/format-version.js';
import { withSnakeAliases } from '../render/shared/snake-aliases.js';

export interface FollowUpSummary {
  arrangements: number;
  byStatus: Record<Status, number>;
  messagesByKind: Record<MessageKind, number>;
  messagesByChannel: Record<string, number>;
  heldBack: Record<Hold, number>;
  forReview: number;
  /** Pence, added as BigInt: each plan's figures are exact numbers, but a million of them together need not be. */
  dueToDate: bigint;
  received: bigint;
  arrears: bigint;
  rejected: number;
  /** Customer rows and contacts of accounts with no plan. */
  notUsed: NotUsed;
  /** Customers columns neither read nor used by a template, as written. */
  unknownColumns: readonly string[];
  /** Customer rows for an account that had one already (read together, protectively). */
  repeatedCustomerRows: number;
  /** Rows of the customers file or contacts log that could not be tied to an account: every message was held back. */
  unattributedRows: number;
  /** Whether the messages were written (--messages); without it they are counted only. */
  messagesWritten: boolean;
  /** Whether a contacts log was read; without one (--no-contacts-log) the limits count only tonight's messages. */
  contactsLog: boolean;
  /** Set when the run stopped over --max-rejects: nothing was written. */
  stopped?: string;
}

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export const emptySummary = (): FollowUpSummary => ({
  arrangements: 0,
  byStatus: zeros(STATUSES),
  messagesByKind: zeros(MESSAGE_KINDS),
  messagesByChannel: {},
  heldBack: zeros(HOLDS),
  forReview: 0,
  dueToDate: 0n,
  received: 0n,
  arrears: 0n,
  rejected: 0,
  notUsed: { customers: 0, contacts: 0 },
  unknownColumns: [],
  repeatedCustomerRows: 0,
  unattributedRows: 0,
  messagesWritten: false,
  contactsLog: false,
});

export function countStatus(summary: FollowUpSummary, status: ArrangementStatus): void {
  summary.arrangements++;
  summary.byStatus[status.status]++;
  summary.dueToDate += BigInt(status.dueToDate);
  summary.received += BigInt(status.paidToDate);
  summary.arrears += BigInt(status.arrears);
}

/** A held message counts under its rule, not as one to send. */
export function countMessage(summary: FollowUpSummary, message: PlannedMessage): void {
  if (message.held) {
    summary.heldBack[message.held]++;
    return;
  }
  summary.messagesByKind[message.kind]++;
  summary.messagesByChannel[message.channel] = (summary.messagesByChannel[message.channel] ?? 0) + 1;
  if (message.review) summary.forReview++;
}

const listed = (counts: Readonly<Record<string, number>>): string =>
  Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([key, n]) => `${n} ${key}`)
    .join(', ') || 'none';

const counted = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

export function summaryLines(s: FollowUpSummary): string[] {
  const toSend = Object.values(s.messagesByKind).reduce((a, b) => a + b, 0);
  const messages = s.messagesWritten
    ? `${toSend} messages to send (${s.forReview} for a person to review first): ${listed(s.messagesByKind)}; by channel: ${listed(s.messagesByChannel)}`
    : `no message was written (no --messages file); ${toSend} would be due: ${listed(s.messagesByKind)}`;
  return [
    `${s.arrangements} arrangements: ${listed(s.byStatus)}`,
    messages,
    `held back: ${listed(s.heldBack)}`,
    ...(s.contactsLog ? [] : ['no contacts log was read (--no-contacts-log): the contact limits counted only tonight\'s messages']),
    ...(s.unattributedRows > 0 ? [`${counted(s.unattributedRows, 'row')} of the customers file or contacts log could not be tied to an account: every message was held back`] : []),
    ...(s.repeatedCustomerRows > 0 ? [`${counted(s.repeatedCustomerRows, 'repeated customer row')}: read with the first, the way that protects the customer`] : []),
    ...(s.unknownColumns.length > 0 ? [`customers columns not read and used by no template: ${s.unknownColumns.join(', ')} (--strict refuses them)`] : []),
    `due to date ${formatMoney(fromPence(s.dueToDate))}, received ${formatMoney(fromPence(s.received))}, in arrears ${formatMoney(fromPence(s.arrears))}`,
    ...(s.rejected > 0 ? [`${s.rejected} rows rejected`] : []),
    ...(s.notUsed.customers + s.notUsed.contacts > 0
      ? [`not used, as their accounts have no plan here: ${counted(s.notUsed.customers, 'customer row')}, ${counted(s.notUsed.contacts, 'contact')}`]
      : []),
  ];
}

/** The summary as JSON, amounts in pounds as exact decimal strings (1234.56), and what the run was worked out from. */
export function summaryJson(s: FollowUpSummary, provenance?: Provenance) {
  const doc = {
    formatVersion: FORMAT_VERSION,
    arrangements: s.arrangements,
    byStatus: s.byStatus,
    messagesByKind: s.messagesByKind,
    messagesByChannel: s.messagesByChannel,
    heldBack: s.heldBack,
    forReview: s.forReview,
    dueToDate: toFixed2(fromPence(s.dueToDate)),
    received: toFixed2(fromPence(s.received)),
    arrears: toFixed2(fromPence(s.arrears)),
    rejected: s.rejected,
    notUsed: s.notUsed,
    messagesWritten: s.messagesWritten,
    contactsLog: s.contactsLog,
    unknownCustomerColumns: s.unknownColumns,
    repeatedCustomerRows: s.repeatedCustomerRows,
    unattributedRows: s.unattributedRows,
  };
  const withAliases = withSnakeAliases(doc, [
    'byStatus', 'messagesByKind', 'messagesByChannel', 'heldBack', 'forReview', 'dueToDate', 'notUsed',
    'messagesWritten', 'contactsLog', 'unknownCustomerColumns', 'repeatedCustomerRows', 'unattributedRows',
  ]);
  return { ...withAliases, ...(provenance ? { provenance } : {}) };
}
