/**
 * One account's timeline from the book: every plan agreed (with where it came from and what took
 * its place), every payment, every change of circumstances, every message a sender reported on,
 * and every payment and sender's report the book kept though it could not read them.
 * The evidence a firm hands an ombudsman or regulator about one customer.
 */
import { FairplanError } from '../core/errors.js';
import { formatMoney, fromPence, toFixed2 } from '../core/money.js';
import { pence } from './schema.js';
import type { BookWriter } from './transaction.js';

interface TimelineAgreement {
  readonly id: number;
  readonly agreedOn: string;
  readonly plan: string;
  readonly sourceFile: string;
  readonly sourceSha256: string;
  readonly provenance: unknown;
  readonly recordedAt: string;
  readonly supersededOn: string | null;
  readonly supersededBy: number | null;
  readonly instalments: readonly { readonly n: number; readonly due: string; readonly amount: string; readonly movedFrom: string | null }[];
}

interface TimelineEvent {
  readonly date: string;
  readonly kind: 'agreed' | 'superseded' | 'payment' | 'refund' | 'unread-payment' | 'circumstances' | 'issued' | 'delivered' | 'not-delivered' | 'unread-report';
  readonly text: string;
}

export interface AccountTimeline {
  readonly accountId: string;
  readonly agreements: readonly TimelineAgreement[];
  readonly payments: readonly { readonly paidOn: string; readonly amount: string; readonly reference: string | null; readonly file: string; readonly line: number }[];
  readonly circumstances: readonly {
    readonly effectiveOn: string;
    readonly customerId: string | null;
    readonly name: string | null;
    readonly channel: string;
    readonly optedOut: boolean;
    readonly vulnerable: boolean;
    readonly vulnerabilityConsent: string | null;
    readonly breathingSpace: { readonly kind: string; readonly end: string | null } | null;
    readonly reviewOn: string | null;
    readonly contactDays: string | null;
    readonly contactWindow: string | null;
    readonly doubts: readonly string[];
    readonly file: string;
    readonly line: number;
  }[];
  readonly deliveries: readonly { readonly sentOn: string; readonly messageId: string; readonly delivered: boolean; readonly channel: string | null; readonly detail: string | null }[];
  /** Every message follow-up --book issued, with what the sender reported of it (null until it does). */
  readonly messages: readonly {
    readonly night: string;
    readonly sendOn: string;
    readonly messageId: string;
    readonly agreementId: number;
    readonly kind: string;
    readonly channel: string;
    readonly review: boolean;
    readonly reason: string;
    readonly delivered: boolean | null;
  }[];
  /** Rows of a payments file that could not be read, as written, on the day the book recorded them; `settledBy` the later run that recorded the row corrected. */
  readonly unreadPayments: readonly {
    readonly recordedOn: string;
    readonly paidOn: string;
    readonly amount: string;
    readonly reference: string;
    readonly code: string;
    readonly reason: string;
    readonly file: string;
    readonly line: number;
    readonly settledBy: number | null;
  }[];
  /** A sender's reports that could not be read, as written, on the day the book recorded them: contacts of unknown day and outcome. */
  readonly unreadReports: readonly {
    readonly recordedOn: string;
    readonly messageId: string;
    readonly sentOn: string;
    readonly status: string;
    readonly reason: string;
    readonly file: string;
    readonly line: number;
  }[];
  /** All of the above as one list, by date (in the order recorded within a day). */
  readonly events: readonly TimelineEvent[];
}

const pounds = (amount: number | string): string => formatMoney(fromPence(pence(amount)));

/** `name`: the book as the user named it, for a message. */
export async function accountTimeline(db: BookWriter, name: string, accountId: string): Promise<AccountTimeline> {
  const agreementRows = await db
    .selectFrom('agreements')
    .innerJoin('imports', 'imports.id', 'agreements.import_id')
    .select(['agreements.id', 'agreed_on', 'plan', 'source_file', 'source_sha256', 'agreements.provenance', 'recorded_at', 'superseded_on', 'superseded_by'])
    .where('account_id', '=', accountId)
    .orderBy('agreements.id')
    .execute();
  const instalmentRows = agreementRows.length === 0
    ? []
    : await db.selectFrom('instalments').selectAll().where('agreement_id', 'in', agreementRows.map((row) => row.id)).orderBy('agreement_id').orderBy('n').execute();
  const agreements: TimelineAgreement[] = agreementRows.map((row) => ({
    id: row.id,
    agreedOn: row.agreed_on,
    plan: row.plan,
    sourceFile: row.source_file,
    sourceSha256: row.source_sha256,
    provenance: JSON.parse(row.provenance) as unknown,
    recordedAt: row.recorded_at,
    supersededOn: row.superseded_on,
    supersededBy: row.superseded_by,
    instalments: instalmentRows
      .filter((instalment) => instalment.agreement_id === row.id)
      .map((instalment) => ({ n: instalment.n, due: instalment.due, amount: toFixed2(fromPence(pence(instalment.amount))), movedFrom: instalment.moved_from })),
  }));
  const paymentRows = await db
    .selectFrom('payments')
    .innerJoin('imports', 'imports.id', 'payments.import_id')
    .select(['paid_on', 'amount', 'reference', 'imports.file', 'line'])
    .where('account_id', '=', accountId)
    .orderBy('paid_on')
    .orderBy('payments.id')
    .execute();
  const circumstanceRows = await db
    .selectFrom('circumstances')
    .innerJoin('imports', 'imports.id', 'circumstances.import_id')
    .selectAll('circumstances')
    .select('imports.file')
    .where('account_id', '=', accountId)
    .orderBy('effective_on')
    .orderBy('circumstances.id')
    .execute();
  const deliveryRows = await db.selectFrom('deliveries').selectAll().where('account_id', '=', accountId).orderBy('sent_on').orderBy('id').execute();
  const messageRows = await db.selectFrom('messages').selectAll().where('account_id', '=', accountId).orderBy('send_on').orderBy('id').execute();
  // What could not be read has no day of its own that can be trusted: it is placed on the day it was recorded.
  const unreadPayments = (
    await db
      .selectFrom('unread_payments')
      .innerJoin('imports', 'imports.id', 'unread_payments.import_id')
      .selectAll('unread_payments')
      .select(['imports.file', 'imports.recorded_at'])
      .where('account_id', '=', accountId)
      .orderBy('unread_payments.id')
      .execute()
  ).map((row) => ({ recordedOn: row.recorded_at.slice(0, 10), paidOn: row.paid_on, amount: row.amount, reference: row.reference, code: row.code, reason: row.reason, file: row.file, line: row.line, settledBy: row.settled_by }));
  const unreadReports = (
    await db
      .selectFrom('unread_reports')
      .innerJoin('imports', 'imports.id', 'unread_reports.import_id')
      .selectAll('unread_reports')
      .select(['imports.file', 'imports.recorded_at'])
      .where('account_id', '=', accountId)
      .orderBy('unread_reports.id')
      .execute()
  ).map((row) => ({ recordedOn: row.recorded_at.slice(0, 10), messageId: row.message_id, sentOn: row.sent_on, status: row.status, reason: row.reason, file: row.file, line: row.line }));
  if (agreementRows.length + paymentRows.length + circumstanceRows.length + deliveryRows.length + messageRows.length + unreadPayments.length + unreadReports.length === 0) {
    throw new FairplanError('invalid-argument', `the book has nothing for account ${accountId}`, { file: name });
  }

  const payments = paymentRows.map((row) => ({ paidOn: row.paid_on, amount: toFixed2(fromPence(pence(row.amount))), reference: row.reference, file: row.file, line: row.line }));
  const circumstances = circumstanceRows.map((row) => ({
    effectiveOn: row.effective_on,
    customerId: row.customer_id,
    name: row.name,
    channel: row.channel,
    optedOut: row.opted_out === 1,
    vulnerable: row.vulnerable === 1,
    vulnerabilityConsent: row.vulnerability_consent,
    breathingSpace: row.breathing_space === null ? null : { kind: row.breathing_space, end: row.breathing_space_end },
    reviewOn: row.review_on,
    contactDays: row.contact_days,
    contactWindow: row.contact_window,
    doubts: JSON.parse(row.doubts) as string[],
    file: row.file,
    line: row.line,
  }));
  const deliveries = deliveryRows.map((row) => ({ sentOn: row.sent_on, messageId: row.message_id, delivered: row.delivered === 1, channel: row.channel, detail: row.detail }));

  // What the sender last reported of each message.
  const reported = new Map(deliveries.map((d) => [d.messageId, d.delivered]));
  const messages = messageRows.map((row) => ({
    night: row.night,
    sendOn: row.send_on,
    messageId: row.message_id,
    agreementId: row.agreement_id,
    kind: row.kind,
    channel: row.channel,
    review: row.review === 1,
    reason: row.reason,
    delivered: reported.get(row.message_id) ?? null,
  }));

  const events: TimelineEvent[] = [];
  for (const agreement of agreements) {
    const { instalments } = agreement;
    const first = instalments[0];
    const last = instalments[instalments.length - 1];
    const total = instalmentRows.filter((row) => row.agreement_id === agreement.id).reduce((sum, row) => sum + pence(row.amount), 0);
    const from = (agreement.provenance as { from?: string } | null)?.from;
    events.push({
      date: agreement.agreedOn,
      kind: 'agreed',
      text: `plan ${agreement.plan} agreed (#${agreement.id}): ${instalments.length} instalment${instalments.length === 1 ? '' : 's'}${first && last ? ` from ${first.due} to ${last.due}, ${pounds(total)} in all` : ''}; from ${agreement.sourceFile}${from ? ` (${from})` : ''}, SHA-256 ${agreement.sourceSha256.slice(0, 12)}…`,
    });
    if (agreement.supersededOn !== null) {
      events.push({ date: agreement.supersededOn, kind: 'superseded', text: `plan ${agreement.plan} (#${agreement.id}) superseded by #${agreement.supersededBy}` });
    }
  }
  for (const payment of paymentRows) {
    const amount = pence(payment.amount);
    events.push({
      date: payment.paid_on,
      kind: amount < 0 ? 'refund' : 'payment',
      text: `${amount < 0 ? 'returned or refunded' : 'paid'} ${pounds(Math.abs(amount))}${payment.reference ? ` (reference ${payment.reference})` : ''}`,
    });
  }
  for (const u of unreadPayments) {
    events.push({
      date: u.recordedOn,
      kind: 'unread-payment',
      text: `a payment that cannot be read (${u.reason}), line ${u.line} of ${u.file}: paid_on "${u.paidOn}", amount "${u.amount}"${u.reference ? `, reference ${u.reference}` : ''}; ${u.settledBy === null ? "it holds the account's messages until it is recorded corrected" : `recorded corrected by import #${u.settledBy}`}`,
    });
  }
  for (const c of circumstances) {
    const parts = [
      c.optedOut ? 'opted out of contact' : `channel ${c.channel}`,
      c.vulnerable ? `vulnerable (consent to record: ${c.vulnerabilityConsent ?? 'not stated'})` : 'not recorded as vulnerable',
      ...(c.breathingSpace ? [`Breathing Space (${c.breathingSpace.kind}) ${c.breathingSpace.end ? `to ${c.breathingSpace.end}` : 'with no end known'}`] : []),
      ...(c.reviewOn ? [`review on ${c.reviewOn}`] : []),
      ...(c.contactDays ? [`contact on ${c.contactDays}`] : []),
      ...(c.contactWindow ? [`between ${c.contactWindow}`] : []),
      ...(c.doubts.length > 0 ? [`taken the protective way: ${c.doubts.join('; ')}`] : []),
    ];
    events.push({ date: c.effectiveOn, kind: 'circumstances', text: parts.join('; ') });
  }
  for (const m of messages) {
    events.push({
      date: m.sendOn,
      kind: 'issued',
      text: `message ${m.messageId} (${m.kind}, ${m.channel}) issued on the night of ${m.night} about plan #${m.agreementId}${m.review ? ', for a person to read first' : ''}: ${m.reason}`,
    });
  }
  for (const d of deliveries) {
    events.push({
      date: d.sentOn,
      kind: d.delivered ? 'delivered' : 'not-delivered',
      text: `message ${d.messageId}${d.channel ? ` (${d.channel})` : ''} ${d.delivered ? 'delivered' : 'not delivered'}${d.detail ? `: ${d.detail}` : ''}`,
    });
  }
  for (const u of unreadReports) {
    events.push({
      date: u.recordedOn,
      kind: 'unread-report',
      text: `a sender's report of message ${u.messageId} that cannot be read (${u.reason}), line ${u.line} of ${u.file}: sent_on "${u.sentOn}", status "${u.status}"; a contact of unknown day and outcome`,
    });
  }
  // A stable sort: within a day, the order above (agreed, payments, unread payments, circumstances, messages issued, reported, then unread reports).
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { accountId, agreements, payments, circumstances, deliveries, messages, unreadPayments, unreadReports, events };
}

export function timelineText(timeline: AccountTimeline): string {
  const lines = [`Account ${timeline.accountId}`, ''];
  for (const event of timeline.events) lines.push(`${event.date}  ${event.kind.padEnd(14)}  ${event.text}`);
  const current = timeline.agreements.find((agreement) => agreement.supersededOn === null);
  lines.push('', current ? `Current plan: ${current.plan}, agreed on ${current.agreedOn} (#${current.id}).` : 'No plan is agreed.');
  return `${lines.join('\n')}\n`;
}
