/**
 * Payment reminders as an iCalendar file (RFC 5545): one all-day event per instalment of one option,
 * and for a token payment one more on the review date. The file is reproducible: UIDs come from
 * the plan itself and DTSTAMP from its as-of date, never from the clock.
 */
import { createHash } from 'node:crypto';
import { createEvents, type DateArray, type EventAttributes } from 'ics';
import { addDays, type IsoDate } from '../../core/date.js';
import { FairplanError } from '../../core/errors.js';
import { formatMoney } from '../../core/money.js';
import type { Instalment, PlanOption, PlanProposal } from '../../core/plan/types.js';
import { ADVICE_SIGNPOST } from '../../core/signpost.js';
import { optionAt, optionKey } from './select.js';

const PRODUCT_ID = '-//fairplan//payment reminders//EN';

const dateArray = (date: IsoDate): DateArray => date.split('-').map(Number) as DateArray;

/** Midnight UTC on the as-of date, in iCalendar's basic format: what "when this was made" means here. */
const stamp = (asOf: IsoDate): string => `${asOf.replace(/-/g, '')}T000000Z`;

/** The same plan always gets the same UIDs, so a re-import updates the reminders instead of doubling them. */
function uidBase(proposal: PlanProposal, option: PlanOption): string {
  const { request } = proposal;
  const identity = [request.asOf, request.balance.toString(), optionKey(option), option.label, option.firstDate].join('|');
  return createHash('sha256').update(identity).digest('hex').slice(0, 24);
}

/** An all-day event: DTSTART;VALUE=DATE, ending (exclusively) the next day. */
const allDay = (date: IsoDate) => ({ start: dateArray(date), end: dateArray(addDays(date, 1)) });

// The ics package writes `timestamp` as DTSTAMP (a string passes through as is); its typings omit it.
type ReminderEvent = EventAttributes & { readonly timestamp: string };

function instalmentEvent(proposal: PlanProposal, option: PlanOption, instalment: Instalment, base: string): ReminderEvent {
  const symbol = proposal.request.currencySymbol;
  const money = (amount: Instalment['amount']) => formatMoney(amount, symbol);
  const moved = instalment.movedFrom
    ? ` It falls on ${instalment.due} because ${instalment.movedFrom} is not a working day.`
    : '';
  const after =
    option.outcome.kind === 'review'
      ? ''
      : instalment.balanceAfter.isZero()
        ? ' This is the last payment.'
        : ` Still to pay after it: ${money(instalment.balanceAfter)}.`;
  return {
    uid: `${base}-${instalment.n}@fairplan`,
    timestamp: stamp(proposal.request.asOf),
    ...allDay(instalment.due),
    title: `Payment ${instalment.n} of ${option.instalmentCount}: ${money(instalment.amount)}`,
    description:
      `${option.label}. Payment ${instalment.n} of ${option.instalmentCount}: ${money(instalment.amount)}.${moved}${after} ` +
      `If your circumstances change, get in touch before the payment is due. ${ADVICE_SIGNPOST}`,
    transp: 'TRANSPARENT',
  };
}

function reviewEvent(proposal: PlanProposal, option: PlanOption, reviewDate: IsoDate, message: string, base: string): ReminderEvent {
  return {
    uid: `${base}-review@fairplan`,
    timestamp: stamp(proposal.request.asOf),
    ...allDay(reviewDate),
    title: 'Review of your token payment arrangement',
    description: `${option.label}. ${message} ${ADVICE_SIGNPOST}`,
    transp: 'TRANSPARENT',
  };
}

/**
 * RFC 5545 limits lines to 75 octets; the ics package folds at 75 characters, so a line with "£"
 * (two octets in UTF-8) can run over. Unfold, then fold again by octets, never inside a character.
 */
export function foldIcsLines(ics: string): string {
  const unfolded = ics.replace(/\r\n[ \t]/g, '');
  return unfolded
    .split('\r\n')
    .map((line) => {
      const parts: string[] = [];
      let part = '';
      let octets = 0;
      for (const char of line) {
        const size = Buffer.byteLength(char, 'utf8');
        // Continuation lines start with a space, which counts towards their 75.
        const limit = parts.length === 0 ? 75 : 74;
        if (octets + size > limit) {
          parts.push(part);
          part = '';
          octets = 0;
        }
        part += char;
        octets += size;
      }
      parts.push(part);
      return parts.join('\r\n ');
    })
    .join('\r\n');
}

/**
 * The reminders for the option at `optionIndex`, as the text of an .ics file (CRLF line ends).
 * `reference`, the provenance reference (see provenanceReference), ends each reminder's description.
 */
export function renderIcs(proposal: PlanProposal, optionIndex: number, reference?: string): string {
  const option = optionAt(proposal, optionIndex);
  const base = uidBase(proposal, option);
  const events = option.instalments.map((instalment) => instalmentEvent(proposal, option, instalment, base));
  if (option.outcome.kind === 'review') events.push(reviewEvent(proposal, option, option.outcome.reviewDate, option.outcome.message, base));
  const signed = reference === undefined ? events : events.map((event) => ({ ...event, description: `${event.description} ${reference}` }));
  const { error, value } = createEvents(signed, { productId: PRODUCT_ID, calName: `fairplan: ${option.label}` });
  if (error || value === null) {
    throw new FairplanError('invalid-argument', `cannot make payment reminders: ${error?.message ?? 'no calendar produced'}`);
  }
  return foldIcsLines(value);
}
