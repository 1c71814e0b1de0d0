/** An account's timeline as one HTML page: no script and nothing fetched, so it opens from disk, prints, and can be handed on. */
import type { AccountTimeline } from './show.js';

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);

const table = (headers: readonly string[], rows: readonly (readonly string[])[]): string =>
  rows.length === 0
    ? '<p>None recorded.</p>'
    : `<table><thead><tr>${headers.map((h) => `<th scope="col">${escape(h)}</th>`).join('')}</tr></thead><tbody>${rows
        .map((row) => `<tr>${row.map((cell) => `<td>${escape(cell)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;

export function timelineHtml(timeline: AccountTimeline): string {
  const title = `Account ${timeline.accountId}: the book's record`;
  const agreements = timeline.agreements
    .map((a) => {
      const status = a.supersededOn === null ? 'current' : `superseded on ${a.supersededOn} by #${a.supersededBy}`;
      return `<section><h3>#${a.id}: plan ${escape(a.plan)}, agreed on ${escape(a.agreedOn)} (${escape(status)})</h3>
<p>From <code>${escape(a.sourceFile)}</code>, SHA-256 <code>${escape(a.sourceSha256)}</code>, recorded ${escape(a.recordedAt)}.</p>
<details><summary>Provenance</summary><pre>${escape(JSON.stringify(a.provenance, null, 2))}</pre></details>
${table(['n', 'due', 'amount (£)', 'moved from'], a.instalments.map((i) => [String(i.n), i.due, i.amount, i.movedFrom ?? '']))}</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111}table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #999;padding:.2rem .5rem;text-align:left;vertical-align:top}code,pre{font-size:13px}pre{white-space:pre-wrap}</style>
</head><body>
<h1>${escape(title)}</h1>
<h2>Timeline</h2>
${table(['date', 'what', 'detail'], timeline.events.map((e) => [e.date, e.kind, e.text]))}
<h2>Plans agreed</h2>
${agreements || '<p>None recorded.</p>'}
<h2>Payments</h2>
${table(['paid on', 'amount (£)', 'reference', 'from'], timeline.payments.map((p) => [p.paidOn, p.amount, p.reference ?? '', `${p.file}, line ${p.line}`]))}
<h2>Circumstances</h2>
${table(
  ['from', 'channel', 'opted out', 'vulnerable', 'consent', 'Breathing Space', 'review on', 'doubts', 'from file'],
  timeline.circumstances.map((c) => [
    c.effectiveOn,
    c.channel,
    c.optedOut ? 'yes' : 'no',
    c.vulnerable ? 'yes' : 'no',
    c.vulnerabilityConsent ?? '',
    c.breathingSpace ? `${c.breathingSpace.kind}${c.breathingSpace.end ? ` to ${c.breathingSpace.end}` : ', no end known'}` : '',
    c.reviewOn ?? '',
    c.doubts.join('; '),
    `${c.file}, line ${c.line}`,
  ]),
)}
<h2>Messages issued</h2>
${table(['send on', 'message', 'night', 'plan', 'person first', 'delivered', 'why'], timeline.messages.map((m) => [m.sendOn, m.messageId, m.night, `#${m.agreementId}`, m.review ? 'yes' : 'no', m.delivered === null ? 'not reported' : m.delivered ? 'yes' : 'no', m.reason]))}
<h2>Messages reported by the sender</h2>
${table(['sent on', 'message', 'channel', 'delivered', 'detail'], timeline.deliveries.map((d) => [d.sentOn, d.messageId, d.channel ?? '', d.delivered ? 'yes' : 'no', d.detail ?? '']))}
<h2>Payments that cannot be read</h2>
${table(['recorded on', 'paid on', 'amount', 'reference', 'why', 'from', 'settled'], timeline.unreadPayments.map((u) => [u.recordedOn, u.paidOn, u.amount, u.reference, u.reason, `${u.file}, line ${u.line}`, u.settledBy === null ? 'no: holds the messages' : `by import #${u.settledBy}`]))}
<h2>Sender's reports that cannot be read</h2>
${table(['recorded on', 'message', 'sent on', 'status', 'why', 'from'], timeline.unreadReports.map((u) => [u.recordedOn, u.messageId, u.sentOn, u.status, u.reason, `${u.file}, line ${u.line}`]))}
</body></html>
`;
}
