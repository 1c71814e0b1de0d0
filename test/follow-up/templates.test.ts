import { describe, expect, it } from 'vitest';
import { MESSAGE_KINDS } from '../../src/core/follow-up/contact.js';
import { ADVICE_SIGNPOST } from '../../src/core/signpost.js';
import { DEFAULT_TEMPLATES, type SendingChannel, type TemplateSet } from '../../src/follow-up/default-templates.js';
import { compileTemplates, PRESSING_WORDS, pressingWords, SMS_SIGNPOST, STOP_LINES, textMessageProblem } from '../../src/follow-up/templates.js';

/** Words and phrases that threaten or pressure: no default message may use one. */
const UNKIND = PRESSING_WORDS;
const VALUES = {
  name: 'Sam', account_id: 'ACC-1', next_due_date: '10 March 2026', next_amount: '£40.00', arrears: '£40.00',
  balance_remaining: '£400.00', review_date: '1 June 2026',
};
const CHANNELS: SendingChannel[] = ['sms', 'email', 'letter'];
const renderer = compileTemplates(DEFAULT_TEMPLATES, 'the default templates', []);
const everyMessage = MESSAGE_KINDS.flatMap((kind) => CHANNELS.map((channel) => ({ kind, channel, ...renderer.render(kind, channel, VALUES) })));

describe('the default templates', () => {
  it.each(everyMessage)('$kind by $channel uses none of the words a collections message must not use', ({ subject, text }) => {
    const words = `${subject} ${text}`.toLowerCase();
    expect(UNKIND.filter((word) => words.includes(word))).toEqual([]);
  });

  it.each(everyMessage)('$kind by $channel signposts free advice and says how to stop an electronic channel', ({ channel, text }) => {
    expect(text).toContain(channel === 'sms' ? SMS_SIGNPOST : ADVICE_SIGNPOST);
    if (channel !== 'letter') expect(text.endsWith(STOP_LINES[channel] ?? '')).toBe(true);
  });

  it.each(everyMessage.filter((m) => m.channel === 'sms'))('$kind by text states no amount and does not say "debt"', ({ text }) => {
    expect(text).not.toMatch(/£|\d+\.\d\d|debt/i);
  });

  it('ask after a missed payment whether circumstances have changed, and offer to look at the plan again', () => {
    const { text } = renderer.render('missed-check-in', 'email', VALUES);
    expect(text).toContain('Have your circumstances changed?');
    expect(text).toContain('look at your plan again');
  });

  it('put the values in as plain text, not HTML', () => {
    expect(renderer.render('reminder', 'email', { ...VALUES, name: 'Jo & Al <O\'Neill>' }).text).toContain('Hello Jo & Al <O\'Neill>,');
  });
});

describe('textMessageProblem', () => {
  it('finds an amount or the word "debt" in a rendered text, and nothing in a date or a time', () => {
    expect(textMessageProblem('Your balance is 1,234.56')).toBe('state an amount');
    expect(textMessageProblem('You owe £ 40')).toBe('state an amount');
    expect(textMessageProblem('about your DEBTS')).toBe('say "debt"');
    expect(textMessageProblem('Due on 11 March 2026; call 18:00-20:00 on 0800 123 4567')).toBeUndefined();
  });

  it('finds an amount however it is written: in words of money, or after a currency code', () => {
    expect(textMessageProblem('Hi Sam, you owe us 40 pounds, pay by Friday')).toBe('state an amount');
    expect(textMessageProblem('GBP 40 due on Friday')).toBe('state an amount');
    expect(textMessageProblem('40GBP due')).toBe('state an amount');
    expect(textMessageProblem('just 1,000 quid left')).toBe('state an amount');
    expect(textMessageProblem('a payment of 75p')).toBe('state an amount');
    expect(textMessageProblem('Reply by 5pm; your 2 payments are on track')).toBeUndefined();
  });
});

describe('pressingWords', () => {
  it('finds words that threaten or pressure, as whole words, however they are cased or spaced', () => {
    expect(pressingWords('Pay now, or we will send the BAILIFFS')).toEqual(['bailiff', 'or we will']);
    expect(pressingWords('Your loan is overdue: this is a final  demand')).toEqual(['final demand', 'overdue', 'demand']);
    expect(pressingWords('With courtesy, we are here to help')).toEqual([]);
  });
});

describe('compileTemplates', () => {
  const withSms = (text: string): TemplateSet => ({ ...DEFAULT_TEMPLATES, reminder: { ...DEFAULT_TEMPLATES.reminder, sms: { text } } });

  it('refuses an unknown placeholder, naming the template and the placeholder', () => {
    expect(() => compileTemplates(withSms('Hi {{nmae}}'), 'rules.yaml', [])).toThrow('template reminder.sms.text: uses the unknown placeholder {{nmae}}');
    expect(() => compileTemplates(withSms('Hi {{#vip}}friend{{/vip}}'), 'rules.yaml', [])).toThrow('{{vip}}');
  });

  it('accepts a column of the customers file as a placeholder', () => {
    const custom = compileTemplates(withSms('Hi {{preferred_name}}'), 'rules.yaml', ['preferred_name']);
    expect(custom.render('reminder', 'sms', { ...VALUES, preferred_name: 'Sammy' }).text).toBe(`Hi Sammy ${STOP_LINES.sms}`);
  });

  it('refuses a text message that states an amount or says "debt", and a partial', () => {
    expect(() => compileTemplates(withSms('You owe {{arrears}}'), 'rules.yaml', [])).toThrow('must never state what is owed');
    expect(() => compileTemplates(withSms('About your Debt'), 'rules.yaml', [])).toThrow('would say "debt" in a text message');
    expect(() => compileTemplates(withSms('Pay £5 today'), 'rules.yaml', [])).toThrow('would state an amount in a text message');
    expect(() => compileTemplates(withSms('{{> footer}}'), 'rules.yaml', [])).toThrow('partial');
  });

  it('refuses a template with no words of its own, which would send a customer only the opt-out line', () => {
    for (const blank of ['', '   ', '{{! a note }}', '{{preferred_name}}']) {
      expect(() => compileTemplates(withSms(blank), 'rules.yaml', ['preferred_name'])).toThrow('template reminder.sms.text: has no words of its own');
    }
  });
});
