import { describe, expect, it } from 'vitest';
import { EVERY_DAY, fixedCalendar } from '../../../src/core/calendar/business-calendar.js';
import { calendarFor } from '../../../src/core/calendar/index.js';
import { parseIsoDate, type IsoDate } from '../../../src/core/date.js';
import { planMessage, sendDay, type Contact, type Customer } from '../../../src/core/follow-up/contact.js';
import { DEFAULT_RULES } from '../../../src/core/follow-up/rules.js';
import { arrangementStatus, type Arrangement } from '../../../src/core/follow-up/status.js';

const d = (text: string): IsoDate => parseIsoDate(text);
const SMS: Customer = { channel: 'sms', vulnerable: false };
/** £40.00 on the 10th of March, April and May 2026 (Tuesday, Friday, Sunday). */
const plan = (paid: [string, number][] = [], extra: Partial<Arrangement> = {}): Arrangement => ({
  accountId: 'ACC-7',
  instalments: [
    { n: 1, due: d('2026-03-10'), amount: 4000 },
    { n: 2, due: d('2026-04-10'), amount: 4000 },
    { n: 3, due: d('2026-05-10'), amount: 4000 },
  ],
  payments: paid.map(([paidOn, amount]) => ({ paidOn: d(paidOn), amount })),
  ...extra,
});
const message = (arrangement: Arrangement, asOf: string, customer: Customer | undefined, contacts: Contact[] = []) =>
  planMessage({ status: arrangementStatus(arrangement, d(asOf), DEFAULT_RULES), customer, contacts, asOf: d(asOf), rules: DEFAULT_RULES, calendar: EVERY_DAY });

describe('planMessage', () => {
  it('passes on the customer\'s contact window and keeps to their days', () => {
    const mondayEvenings: Customer = { channel: 'sms', vulnerable: false, contactDays: new Set([1]), contactWindow: '18:00-20:00' };
    expect(message(plan(), '2026-03-07', mondayEvenings)).toMatchObject({ sendOn: '2026-03-09', sendWindow: '18:00-20:00' });
    expect(message(plan(), '2026-03-07', mondayEvenings)?.held).toBeUndefined();
  });

  it('holds back, as too late, a reminder whose send day falls on or after the due date it announces', () => {
    // Due on Tuesday 10 March: the Wednesday-only customer would get it the day after.
    const wednesdays: Customer = { channel: 'sms', vulnerable: false, contactDays: new Set([3]) };
    const late = message(plan(), '2026-03-07', wednesdays);
    expect(late).toMatchObject({ kind: 'reminder', held: 'too-late', sendOn: '2026-03-11' });
    expect(late?.reason).toContain('could not be sent before the due date');
    // On the due date itself.
    expect(message(plan(), '2026-03-10', SMS)).toMatchObject({ kind: 'reminder', held: 'too-late' });
    // On Sunday 8 March, with Monday 9 a holiday, the first day to send is the Tuesday it is due.
    const mondayOff = (asOf: string) =>
      planMessage({ status: arrangementStatus(plan(), d(asOf), DEFAULT_RULES), customer: SMS, contacts: [], asOf: d(asOf), rules: DEFAULT_RULES, calendar: fixedCalendar([d('2026-03-09')]) });
    expect(mondayOff('2026-03-08')).toMatchObject({ kind: 'reminder', sendOn: '2026-03-10', held: 'too-late' });
    expect(mondayOff('2026-03-07')).toMatchObject({ kind: 'reminder', sendOn: '2026-03-07' });
    expect(mondayOff('2026-03-07')?.held).toBeUndefined();
    // Already sent says so first.
    expect(message(plan(), '2026-03-10', SMS, [{ sentOn: d('2026-03-07'), messageId: 'ACC-7:reminder:1:sms' }])).toMatchObject({ held: 'already-sent' });
  });

  it('reminds three days before an instalment, and not four', () => {
    expect(message(plan(), '2026-03-07', SMS)).toMatchObject({ kind: 'reminder', about: '1', messageId: 'ACC-7:reminder:1:sms', sendOn: '2026-03-07', review: false });
    expect(message(plan(), '2026-03-06', SMS)).toBeUndefined();
  });

  it('checks in after a missed instalment, invites a review once the plan is broken, and thanks at the end', () => {
    expect(message(plan(), '2026-03-16', SMS)).toMatchObject({ kind: 'missed-check-in', about: '1' });
    expect(message(plan(), '2026-04-16', SMS)).toMatchObject({ kind: 'review-invitation', about: '1' });
    expect(message(plan([['2026-03-10', 12000]]), '2026-03-11', SMS)).toMatchObject({ kind: 'thank-you', about: 'completed' });
  });

  it('invites a review when the review date is reached', () => {
    const token = plan([['2026-03-10', 4000]], { reviewOn: d('2026-03-20') });
    expect(message(token, '2026-03-20', SMS)).toMatchObject({ kind: 'review-invitation', about: 'review-2026-03-20' });
  });

  it('says nothing in Breathing Space', () => {
    expect(message(plan([], { breathingSpace: { kind: 'standard', end: d('2026-06-30') } }), '2026-04-16', SMS)).toBeUndefined();
  });

  it('marks a vulnerable customer\'s message for a person to review first', () => {
    const m = message(plan(), '2026-03-07', { channel: 'email', vulnerable: true });
    expect(m).toMatchObject({ review: true, messageId: 'ACC-7:reminder:1:email' });
    expect(m?.reason).toContain('a person reviews it');
  });

  it('holds back, with the reason, a message to a customer with no row, one who asked for none, and one already sent', () => {
    expect(message(plan(), '2026-03-07', undefined)).toMatchObject({ held: 'no-contact-details', channel: 'none' });
    expect(message(plan(), '2026-03-07', { channel: 'none', vulnerable: false })).toMatchObject({ held: 'customer-opted-out' });
    const sent = message(plan(), '2026-03-08', SMS, [{ sentOn: d('2026-03-07'), messageId: 'ACC-7:reminder:1:sms' }]);
    expect(sent).toMatchObject({ held: 'already-sent' });
    expect(sent?.reason).toContain('already sent on 2026-03-07');
  });

  it('holds back a second message on one day and a fourth in seven days', () => {
    expect(message(plan(), '2026-03-07', SMS, [{ sentOn: d('2026-03-07'), messageId: 'x' }])).toMatchObject({ held: 'daily-limit' });
    const three = ['2026-03-01', '2026-03-03', '2026-03-05'].map((sentOn) => ({ sentOn: d(sentOn), messageId: sentOn }));
    expect(message(plan(), '2026-03-07', SMS, three)).toMatchObject({ held: 'weekly-limit' });
    // The first of the three falls outside the seven days ending on the 8th.
    expect(message(plan(), '2026-03-08', SMS, three)?.held).toBeUndefined();
  });

  it('counts contacts dated after the night in the seven days around it, as a night run late meets them', () => {
    // The 7th run after the 8th, 9th and 12th were sent: four in the seven days from the 6th to the 12th.
    const later = ['2026-03-08', '2026-03-09', '2026-03-12'].map((sentOn) => ({ sentOn: d(sentOn), messageId: sentOn }));
    expect(message(plan(), '2026-03-07', SMS, later)).toMatchObject({ held: 'weekly-limit' });
    expect(message(plan(), '2026-03-07', SMS, later)?.reason).toContain('in the 7 days to 2026-03-12');
    // The 14th is more than six days after the 7th: three in every seven days.
    const apart = ['2026-03-08', '2026-03-09', '2026-03-14'].map((sentOn) => ({ sentOn: d(sentOn), messageId: sentOn }));
    expect(message(plan(), '2026-03-07', SMS, apart)?.held).toBeUndefined();
  });
});

describe('sendDay', () => {
  it('waits for a day the customer asked to be contacted on', () => {
    const tuesdayOrThursday = new Set([2, 4]);
    expect(sendDay(EVERY_DAY, d('2026-03-09'), tuesdayOrThursday)).toBe('2026-03-10');
    expect(sendDay(EVERY_DAY, d('2026-03-11'), tuesdayOrThursday)).toBe('2026-03-12');
    expect(() => sendDay(EVERY_DAY, d('2026-03-11'), new Set([0]))).toThrow(expect.objectContaining({ code: 'invalid-argument', context: { field: 'contact_days' } }));
  });

  const mayDay = fixedCalendar([d('2026-05-04')]);
  it('moves a Sunday and a bank holiday Monday to the Tuesday, and keeps a Saturday', () => {
    expect(sendDay(mayDay, d('2026-05-03'))).toBe('2026-05-05');
    expect(sendDay(mayDay, d('2026-05-04'))).toBe('2026-05-05');
    expect(sendDay(mayDay, d('2026-05-02'))).toBe('2026-05-02');
  });

  it('never sends on Christmas Day, Boxing Day or New Year\'s Day, whatever the calendar says, a Saturday or calendar none included', () => {
    // 2026: Friday 25, Saturday 26 December, Sunday 27; Friday 1 January 2027.
    expect(sendDay(EVERY_DAY, d('2026-12-25'))).toBe('2026-12-28');
    expect(sendDay(EVERY_DAY, d('2027-01-01'))).toBe('2027-01-02');
    // 2027: Christmas on a Saturday, which a calendar of working days leaves open.
    expect(sendDay(fixedCalendar([]), d('2027-12-25'))).toBe('2027-12-27');
    expect(sendDay(calendarFor('england-wales'), d('2027-12-25'))).toBe('2027-12-29');
    expect(sendDay(EVERY_DAY, d('2026-12-24'))).toBe('2026-12-24');
  });
});

describe('planMessage: contact is a person\'s, and a doubt holds it back', () => {
  const plan7 = (asOf: string, extra: Partial<Parameters<typeof planMessage>[0]> = {}) =>
    planMessage({ status: arrangementStatus(plan(), d(asOf), DEFAULT_RULES), customer: SMS, contacts: [], asOf: d(asOf), rules: DEFAULT_RULES, calendar: EVERY_DAY, ...extra });

  it('holds back a message when another account of the same person has one tonight', () => {
    expect(plan7('2026-03-07', { issuedTonight: { accountId: 'ACC-8', messageId: 'ACC-8:reminder:2:sms' } })).toMatchObject({ held: 'daily-limit', reason: expect.stringContaining('ACC-8') });
  });

  it('holds back the message an earlier run of the same night issued, as already issued, whatever else holds it now', () => {
    const tonight = { issuedTonight: { accountId: 'ACC-7', messageId: 'ACC-7:reminder:1:sms' } };
    expect(plan7('2026-03-07', tonight)).toMatchObject({ messageId: 'ACC-7:reminder:1:sms', held: 'already-issued' });
    // A doubt recorded since: the message went to the sender all the same, and that is what it says.
    expect(plan7('2026-03-07', { ...tonight, doubts: ['customer row 4 cannot be read exactly'] })).toMatchObject({ held: 'already-issued' });
  });

  it('holds back every message while a protection cannot be read, naming it', () => {
    expect(plan7('2026-03-07', { doubts: ['customer row 4 cannot be read exactly'] })).toMatchObject({ held: 'protection-unreadable', reason: expect.stringContaining('customer row 4') });
  });

  it('never lets rules raise the limits above one a day and three in seven days', () => {
    const generous = { ...DEFAULT_RULES, perDay: 5, perWeek: 20 };
    expect(plan7('2026-03-07', { rules: generous, contacts: [{ sentOn: d('2026-03-07'), messageId: 'other' }] })).toMatchObject({ held: 'daily-limit' });
    const week = ['2026-03-02', '2026-03-04', '2026-03-06'].map((day, i) => ({ sentOn: d(day), messageId: `m${i}` }));
    expect(plan7('2026-03-07', { rules: generous, contacts: week })).toMatchObject({ held: 'weekly-limit' });
  });
});
