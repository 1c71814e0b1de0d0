/**
 * Who should hear from the firm tonight, about what, by which channel and on which day, and what
 * holds a message back. The words are chosen elsewhere (src/follow-up/templates.ts); this decides.
 *
 * Kind and lawful by construction: nothing in Breathing Space; nothing on a Sunday, a bank holiday,
 * Christmas Day, Boxing Day or New Year's Day; no reminder on or after the day it announces; to one
 * person (all their accounts together) one message a night, at most `perDay` a day and
 * `perWeek` in any seven days (never more than CONTACT_LIMITS), counting the contacts log; never the
 * same message twice; nothing while a protection cannot be read; a vulnerable customer's message
 * goes to a person first (FG21/1).
 */
import { isWeekend, type BusinessCalendar } from '../calendar/business-calendar.js';
import { addDays, compareDates, dayOfWeek, type IsoDate } from '../date.js';
import { FairplanError } from '../errors.js';
import type { FollowUpRules } from './rules.js';
import type { ArrangementStatus } from './status.js';

export const MESSAGE_KINDS = ['reminder', 'missed-check-in', 'review-invitation', 'thank-you'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const CHANNELS = ['sms', 'email', 'letter', 'none'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * Why a message is not to be sent tonight; `unsafe-text` is found once the words are chosen
 * (src/follow-up/run.ts). `protection-unreadable`: something that protects the customer (an opt-out,
 * a Breathing Space, a vulnerability, a contact already made) cannot be read exactly, so the
 * customer is protected rather than the message sent. `too-late`: a reminder that could only go on
 * or after the due date it announces. `already-issued`: the same message was issued by an earlier run
 * of the same night (the book keeps it), so it is with the sender already and is not written again.
 */
export const HOLDS = ['no-contact-details', 'customer-opted-out', 'protection-unreadable', 'already-sent', 'daily-limit', 'weekly-limit', 'unsafe-text', 'too-late', 'already-issued'] as const;
export type Hold = (typeof HOLDS)[number];

export interface Customer {
  readonly channel: Channel;
  readonly vulnerable: boolean;
  /** Days of the week the customer asked to be contacted on (0 = Sunday … 6 = Saturday); any day when absent. */
  readonly contactDays?: ReadonlySet<number>;
  /** The time of day the customer asked to be contacted in (`18:00-20:00`), passed on to the sender. */
  readonly contactWindow?: string;
}

/** A message issued tonight to the same person: about another of their accounts, or by an earlier run of the night. */
export interface IssuedTonight {
  readonly accountId: string;
  readonly messageId: string;
}

/** A message already sent, from the contacts log. */
export interface Contact {
  readonly sentOn: IsoDate;
  readonly messageId: string;
}

export interface PlannedMessage {
  readonly messageId: string;
  readonly accountId: string;
  readonly channel: Channel;
  readonly kind: MessageKind;
  /** The instalment (or review date) the message is about: part of its id. */
  readonly about: string;
  readonly sendOn: IsoDate;
  /** The customer's contact window, for the sender to keep to. */
  readonly sendWindow?: string;
  /** A person reads it before it goes (a vulnerable customer). */
  readonly review: boolean;
  readonly reason: string;
  readonly held?: Hold;
}

/** The same account, kind, instalment and channel give the same id, night after night. */
const messageIdFor = (accountId: string, kind: MessageKind, about: string, channel: Channel): string =>
  `${accountId}:${kind}:${about}:${channel}`;

/** Christmas Day, Boxing Day and New Year's Day (month-day): no message then, whatever the calendar (`none` too) says. */
const NEVER_SENT_ON = new Set(['12-25', '12-26', '01-01']);

/** Sunday, one of those three days, or a weekday the calendar closes (a bank holiday): no message goes then. */
const mayNotSend = (calendar: BusinessCalendar, date: IsoDate): boolean =>
  dayOfWeek(date) === 0 || NEVER_SENT_ON.has(date.slice(5)) || (!isWeekend(date) && !calendar.isWorkingDay(date));

// Bank holidays never fill a year: a search this long means the preferred days can never be met.
const SEARCH_LIMIT_DAYS = 366;

/** `date`, or the first day after it on which a message may be sent, on one of the customer's `days` if given. */
export function sendDay(calendar: BusinessCalendar, date: IsoDate, days?: ReadonlySet<number>): IsoDate {
  let day = date;
  for (let i = 0; i < SEARCH_LIMIT_DAYS; i++) {
    if (!mayNotSend(calendar, day) && (!days || days.has(dayOfWeek(day)))) return day;
    day = addDays(day, 1);
  }
  throw new FairplanError('invalid-argument', `no day from ${date} to send on: the contact days allow only Sundays or holidays`, { field: 'contact_days' });
}

/** The message the status calls for, before any rule holds it back; none for a paused plan or one with nothing to say. */
function whatToSay(status: ArrangementStatus, asOf: IsoDate, rules: FollowUpRules): { kind: MessageKind; about: string; reason: string; due?: IsoDate } | undefined {
  switch (status.status) {
    case 'paused':
      return undefined;
    case 'completed':
      return { kind: 'thank-you', about: 'completed', reason: 'the plan is completed' };
    case 'broken':
      return { kind: 'review-invitation', about: String(status.firstMissed), reason: 'the plan is broken: an invitation to talk it over' };
    case 'missed':
      return { kind: 'missed-check-in', about: String(status.firstMissed), reason: `instalment ${status.firstMissed} was missed` };
    case 'review-due':
      return { kind: 'review-invitation', about: `review-${status.reviewOn}`, reason: `the plan was due for review on ${status.reviewOn}` };
    default: {
      const next = status.next;
      if (!next || compareDates(next.due, asOf) < 0 || compareDates(next.due, addDays(asOf, rules.remindDays)) > 0) return undefined;
      return { kind: 'reminder', about: String(next.n), reason: `instalment ${next.n} is due on ${next.due}`, due: next.due };
    }
  }
}

/**
 * The most a firm's rules may allow: one message a day and three in any seven days to one person.
 * Rules may lower them, never raise them (the regulators' 2024 letter on excessive contact).
 */
export const CONTACT_LIMITS = { perDay: 1, perWeek: 3 } as const;

interface HoldInput {
  readonly customer: Customer | undefined;
  readonly messageId: string;
  readonly sendOn: IsoDate;
  readonly contacts: readonly Contact[];
  readonly doubts: readonly string[];
  readonly issuedTonight: IssuedTonight | undefined;
  readonly rules: FollowUpRules;
}

function holdFor({ customer, messageId, sendOn, contacts, doubts, issuedTonight, rules }: HoldInput): [Hold, string] | undefined {
  // First: whatever else holds it now, this message has gone to the sender once tonight.
  if (issuedTonight?.messageId === messageId) return ['already-issued', 'held back: issued by an earlier run of this night, and not written again'];
  if (!customer) return ['no-contact-details', 'held back: the account has no customer row'];
  if (customer.channel === 'none') return ['customer-opted-out', 'held back: the customer has asked not to be contacted'];
  if (doubts.length > 0) return ['protection-unreadable', `held back: ${doubts.join('; ')}`];
  const sent = contacts.find((c) => c.messageId === messageId);
  if (sent) return ['already-sent', `held back: already sent on ${sent.sentOn}`];
  if (issuedTonight) return ['daily-limit', `held back: the customer's message tonight is ${issuedTonight.messageId}, about account ${issuedTonight.accountId} (one message a night to a person, whatever their accounts)`];
  const perDay = Math.min(rules.perDay, CONTACT_LIMITS.perDay);
  const perWeek = Math.min(rules.perWeek, CONTACT_LIMITS.perWeek);
  const sameDay = contacts.filter((c) => c.sentOn === sendOn).length;
  if (sameDay >= perDay) return ['daily-limit', `held back: ${sameDay} message${sameDay === 1 ? '' : 's'} already sent to the customer on ${sendOn} (at most ${perDay} a day)`];
  // Every seven days that hold sendOn, not only those ending on it: a contact dated after it (a night
  // run late, a message moved to the customer's contact day) is in some of them.
  for (let weekStart = addDays(sendOn, -6); compareDates(weekStart, sendOn) <= 0; weekStart = addDays(weekStart, 1)) {
    const weekEnd = addDays(weekStart, 6);
    const inWeek = contacts.filter((c) => compareDates(c.sentOn, weekStart) >= 0 && compareDates(c.sentOn, weekEnd) <= 0).length;
    if (inWeek >= perWeek) return ['weekly-limit', `held back: ${inWeek} messages already sent to the customer in the 7 days to ${weekEnd} (at most ${perWeek})`];
  }
  return undefined;
}

export interface ContactInput {
  readonly status: ArrangementStatus;
  readonly customer?: Customer;
  /** The contacts log's entries for the customer: every account of the person's, as limits are a person's. */
  readonly contacts: readonly Contact[];
  /** Why nothing may be sent to the customer tonight: a protection that cannot be read exactly. */
  readonly doubts?: readonly string[];
  /** A message already issued tonight to the same person: about another account, or by an earlier run of the night. */
  readonly issuedTonight?: IssuedTonight;
  readonly asOf: IsoDate;
  readonly rules: FollowUpRules;
  readonly calendar: BusinessCalendar;
}

export function planMessage({ status, customer, contacts, doubts = [], issuedTonight, asOf, rules, calendar }: ContactInput): PlannedMessage | undefined {
  const say = whatToSay(status, asOf, rules);
  if (!say) return undefined;
  const channel = customer?.channel ?? 'none';
  const messageId = messageIdFor(status.accountId, say.kind, say.about, channel);
  const sendOn = sendDay(calendar, asOf, customer?.contactDays);
  // A reminder that could only go on or after the day it announces reminds of nothing: it is held, and
  // not sent late, when a Sunday, a holiday or the customer's contact days put send_on there.
  const late: [Hold, string] | undefined =
    say.due && compareDates(sendOn, say.due) >= 0 ? ['too-late', `held back: it could not be sent before the due date (the first day it may go is ${sendOn})`] : undefined;
  const hold = holdFor({ customer, messageId, sendOn, contacts, doubts, issuedTonight, rules }) ?? late;
  const review = customer?.vulnerable === true;
  const reasons = [say.reason, ...(review ? ['the customer may be vulnerable: a person reviews it before it is sent'] : []), ...(hold ? [hold[1]] : [])];
  return {
    messageId,
    accountId: status.accountId,
    channel,
    kind: say.kind,
    about: say.about,
    sendOn,
    ...(customer?.contactWindow ? { sendWindow: customer.contactWindow } : {}),
    review,
    reason: reasons.join('; '),
    ...(hold ? { held: hold[0] } : {}),
  };
}
