import { describe, expect, it } from 'vitest';
import { ADVICE_SIGNPOST } from '../../../src/core/signpost.js';
import { foldIcsLines, renderIcs } from '../../../src/render/plan/ics.js';
import { nothingAffordable, thousandAtThirty, thousandAtThirtyWorkingDays } from './proposals.js';

/** RFC 5545 3.1: a line break followed by one space or tab continues the line. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');
const events = (ics: string) => unfold(ics).split('BEGIN:VEVENT\r\n').slice(1);
const property = (event: string, name: string) => event.split('\r\n').find((line) => line.startsWith(name))?.slice(name.length);

describe('payment reminders as iCalendar', () => {
  const ics = renderIcs(thousandAtThirty(), 0);

  it('is a calendar with the properties RFC 5545 requires', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics).toContain('\r\nPRODID:-//fairplan//payment reminders//EN\r\n');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('ends every line with CRLF and folds long lines to at most 75 octets', () => {
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = ics.split('\r\n');
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  });

  it('has one all-day event per instalment, each with a UID, a DTSTAMP and a date-valued DTSTART', () => {
    const all = events(ics);
    expect(all).toHaveLength(34);
    const first = all[0] ?? '';
    expect(property(first, 'DTSTART;VALUE=DATE:')).toBe('20270115');
    expect(property(first, 'DTEND;VALUE=DATE:')).toBe('20270116');
    expect(property(first, 'SUMMARY:')).toBe('Payment 1 of 34: £30.00');
    expect(property(all[33] ?? '', 'SUMMARY:')).toBe('Payment 34 of 34: £10.00');
    expect(property(all[33] ?? '', 'DTSTART;VALUE=DATE:')).toBe('20291015');
    for (const event of all) {
      expect(property(event, 'UID:')).toMatch(/^[0-9a-f]{24}-\d+@fairplan$/);
      expect(property(event, 'DTSTAMP:')).toBe('20270110T000000Z');
    }
    expect(new Set(all.map((event) => property(event, 'UID:'))).size).toBe(34);
  });

  it('ends each reminder with the provenance reference when given one', () => {
    const signed = events(renderIcs(thousandAtThirty(), 0, 'Ref FP-0123456789 · fairplan 0.1.0 · rules 1'));
    expect(signed).toHaveLength(events(ics).length);
    for (const event of signed) expect(property(event, 'DESCRIPTION:')?.endsWith(' Ref FP-0123456789 · fairplan 0.1.0 · rules 1')).toBe(true);
    expect(ics).not.toContain('Ref FP-');
  });

  it('is reproducible: the same plan gives the same file, a different one different UIDs', () => {
    expect(renderIcs(thousandAtThirty(), 0)).toBe(ics);
    const other = renderIcs(thousandAtThirty(), 1);
    expect(property(events(other)[0] ?? '', 'UID:')).not.toBe(property(events(ics)[0] ?? '', 'UID:'));
  });

  it('says what is still owed, why a date moved, and where to get free debt advice', () => {
    const fifth = events(renderIcs(thousandAtThirtyWorkingDays(), 0))[4] ?? '';
    // TEXT values escape commas and semicolons (RFC 5545 3.3.11).
    const description = (property(fifth, 'DESCRIPTION:') ?? '').replace(/\\([,;])/g, '$1');
    expect(property(fifth, 'DTSTART;VALUE=DATE:')).toBe('20270517');
    expect(description).toContain('It falls on 2027-05-17 because 2027-05-15 is not a working day.');
    // 1000 - 5 × 30
    expect(description).toContain('Still to pay after it: £850.00.');
    expect(description).toContain(ADVICE_SIGNPOST);
  });

  it('adds the review date to a token arrangement', () => {
    const proposal = nothingAffordable();
    const token = proposal.options.findIndex((o) => o.kind === 'token');
    const all = events(renderIcs(proposal, token));
    expect(all).toHaveLength(4);
    expect(property(all[3] ?? '', 'DTSTART;VALUE=DATE:')).toBe('20270415');
    expect(property(all[3] ?? '', 'SUMMARY:')).toBe('Review of your token payment arrangement');
    expect(property(all[0] ?? '', 'DESCRIPTION:')).not.toContain('Still to pay');
  });
});

describe('folding by octets', () => {
  it('never splits a two-octet £ and never lets a line pass 75 octets', () => {
    const folded = foldIcsLines(`DESCRIPTION:${'£'.repeat(100)}\r\n`);
    const lines = folded.split('\r\n');
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    // 12 octets of "DESCRIPTION:" leave room for 31 £ (62 octets) on the first line.
    expect(lines[0]).toBe(`DESCRIPTION:${'£'.repeat(31)}`);
    expect(unfold(folded)).toBe(`DESCRIPTION:${'£'.repeat(100)}\r\n`);
  });
});
