import { describe, expect, it } from 'vitest';
import { MESSAGE_KINDS } from '../../src/core/follow-up/contact.js';
import { ADVICE_SIGNPOST } from '../../src/core/signpost.js';
import { DEFAULT_TEMPLATES, type SendingChannel, type TemplateSet } from '../../src/follow-up/default-templates.js';
import { checkTemplates, compileTemplates, pressingWords, SMS_SIGNPOST, STOP_LINES, textMessageProblem } from '../../src/follow-up/templates.js';

const VALUES = {
  name: 'Sam', account_id: 'ACC-1', next_due_date: '10 March 2026', next_amount: '£40.00', arrears: '£40.00',
  balance_remaining: '£400.00', review_date: '1 June 2026',
};
const CHANNELS: SendingChannel[] = ['sms', 'email', 'letter'];
const renderer = compileTemplates(DEFAULT_TEMPLATES, 'the default templates', []);
const everyMessage = MESSAGE_KINDS.flatMap((kind) => CHANNELS.map((channel) => ({ kind, channel, ...renderer.render(kind, channel, VALUES) })));

describe('the default templates', () => {
  it.each(everyMessage)('$kind by $channel uses none of the words a collections message must not use', ({ subject, text }) => {
    expect(pressingWords(`${subject} ${text}`)).toEqual([]);
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

  it('greet without a name when there is none: "Hi," and "Hello,"', () => {
    expect(renderer.render('reminder', 'sms', { ...VALUES, name: '' }).text).toMatch(/^Hi, your next payment is due on 10 March 2026\. /);
    expect(renderer.render('reminder', 'email', { ...VALUES, name: '' }).text).toMatch(/^Hello,\n\n/);
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

  it('finds an amount in words, in thousands, in k, or with no currency sign', () => {
    for (const text of ['you owe forty pounds', 'Forty-five quid left', 'one hundred euros', 'twenty dollars', 'ten pence', 'we need 1,200 from you', 'about £1.2k', 'about 1.2k', 'a fiver a week', '2,500']) {
      expect(textMessageProblem(text), text).toBe('state an amount');
    }
  });

  it('names a currency code on its own, and a sign of any currency is an amount', () => {
    expect(textMessageProblem('Pay in GBP please')).toBe('name a currency');
    for (const sign of ['$', '€', '¥', '₹', '₤']) expect(textMessageProblem(`pay ${sign} now`), sign).toBe('state an amount');
  });

  it('sees through look-alike letters, fullwidth and mathematical forms and invisible characters', () => {
    expect(textMessageProblem('your d\u0435bt')).toBe('say "debt"'); // Cyrillic е
    expect(textMessageProblem('your \u0501ebt')).toBe('say "debt"'); // Cyrillic ԁ
    expect(textMessageProblem('your de\u00ADbt')).toBe('say "debt"'); // soft hyphen
    expect(textMessageProblem('your d\u200Be\u200Db\u2060t')).toBe('say "debt"'); // zero-width characters
    expect(textMessageProblem('your \uFF24\uFF25\uFF22\uFF34')).toBe('say "debt"'); // fullwidth
    expect(textMessageProblem('your \u{1D41D}\u{1D41E}\u{1D41B}\u{1D42D}')).toBe('say "debt"'); // mathematical bold
    expect(textMessageProblem('your débt')).toBe('say "debt"');
    expect(textMessageProblem('owe \uFF14\uFF10.\uFF10\uFF10')).toBe('state an amount'); // fullwidth 40.00
    expect(textMessageProblem('forty p\u043Eunds')).toBe('state an amount'); // Cyrillic о
    expect(textMessageProblem('owe 5OO.OO')).toBe('state an amount'); // letter O for zero
    expect(textMessageProblem('owe l,2OO')).toBe('state an amount');
    expect(textMessageProblem('in \u0261\u0299\u0440')).toBeUndefined(); // not every look-alike is mapped: ɢʙр is not "gbp"
  });

  it('leaves alone what is not an amount: times, phone numbers, dates, counts, a name like Debbie', () => {
    for (const text of ['Reply by 5 p.m. today', 'call 18:00-20:00', 'on 0800 123 4567', 'due on 10 March 2026', 'within 14 days', 'Hi Debbie', 'your 3rd payment', 'a plan of 12 payments']) {
      expect(textMessageProblem(text), text).toBeUndefined();
    }
  });
});

describe('pressingWords', () => {
  it('finds words that threaten or pressure, as whole words, however they are cased or spaced', () => {
    expect(pressingWords('Pay now, or we will send the BAILIFFS')).toEqual(['bailiff', 'pay now', 'or we will']);
    expect(pressingWords('Your loan is overdue: this is a final  demand')).toEqual(['final demand', 'demand', 'overdue']);
    expect(pressingWords('With courtesy, we are here to help. Any issue? Pursue it with us.')).toEqual([]);
  });

  it('finds each word in its forms: sued and suing, seizure, judgement, CCJs, arrested', () => {
    expect(pressingWords('We sued')).toEqual(['sue']);
    expect(pressingWords('We are suing')).toEqual(['sue']);
    expect(pressingWords('seizure of goods')).toEqual(['seize']);
    expect(pressingWords('a county court judgement (CCJs)')).toEqual(['court', 'county court', 'judgment', 'ccj']);
    expect(pressingWords('you may be arrested by the police')).toEqual(['police', 'arrest']);
    expect(pressingWords('an enforcement-agent doorstep visit')).toEqual(['enforcement agent', 'enforcement', 'doorstep']);
    expect(pressingWords('it will damage your credit file')).toEqual(['credit file']);
    expect(pressingWords('Last chance: the deadline is today, act immediately')).toEqual(['last chance', 'deadline', 'immediately']);
  });

  it('finds them through look-alike letters and invisible characters', () => {
    expect(pressingWords('c\u043Eurt')).toEqual(['court']); // Cyrillic о
    expect(pressingWords('ba\u00ADil\u200Biff')).toEqual(['bailiff']);
    expect(pressingWords('URG\u0395NT')).toEqual(['urgent']); // Greek Ε
    expect(pressingWords('\uFF53\uFF4F\uFF4C\uFF49\uFF43\uFF49\uFF54\uFF4F\uFF52')).toEqual(['solicitor']); // fullwidth
    expect(pressingWords('irnrnediately')).toEqual(['immediately']); // "rn" for "m"
  });

  it('does not count fairplan’s own signpost, which says a credit rating is not affected', () => {
    expect(pressingWords(renderer.render('thank-you', 'email', VALUES).text)).toEqual([]);
    expect(pressingWords('A late payment may affect your credit rating')).toEqual(['credit rating']);
  });
});

describe('compileTemplates', () => {
  const withSms = (text: string): TemplateSet => ({ ...DEFAULT_TEMPLATES, reminder: { ...DEFAULT_TEMPLATES.reminder, sms: { text } } });
  const withEmail = (text: string, subject = 'Your plan'): TemplateSet => ({ ...DEFAULT_TEMPLATES, reminder: { ...DEFAULT_TEMPLATES.reminder, email: { subject, text } } });
  const refusal = (run: () => unknown): unknown => {
    try {
      run();
    } catch (error) {
      return error;
    }
    throw new Error('not refused');
  };

  it('refuses an unknown placeholder, naming the template and the placeholder', () => {
    expect(() => compileTemplates(withSms('Hi {{nmae}}'), 'rules.yaml', [])).toThrow('uses the unknown placeholder {{nmae}}');
    expect(() => compileTemplates(withSms('Hi {{#vip}}friend{{/vip}}'), 'rules.yaml', [])).toThrow('{{vip}}');
  });

  it('puts a customers column in a text only when the rules declare it a name', () => {
    const custom = compileTemplates(withSms('Hi {{preferred_name}}'), 'rules.yaml', ['preferred_name'], ['preferred_name']);
    expect(custom.render('reminder', 'sms', { ...VALUES, preferred_name: 'Sammy' }).text).toBe(`Hi Sammy ${STOP_LINES.sms}`);
    const error = refusal(() => compileTemplates(withSms('Hi {{preferred_name}}'), 'rules.yaml', ['preferred_name']));
    expect(error).toMatchObject({ code: 'invalid-rules', context: { file: 'rules.yaml', field: 'templates.reminder.sms.text' } });
    expect(String(error)).toContain('puts {{preferred_name}} in a text message');
    expect(String(error)).toContain('name_columns');
    // A section on a column shows nothing of it, but a text holds only what is allowed all the same.
    expect(() => compileTemplates(withSms('Hi{{#vip}} friend{{/vip}}'), 'rules.yaml', ['vip'])).toThrow('puts {{vip}} in a text message');
  });

  it('lets an email or a letter use any customers column', () => {
    const custom = compileTemplates(withEmail('Dear {{title}} {{surname}}, about {{account_id}}'), 'rules.yaml', ['title', 'surname']);
    expect(custom.render('reminder', 'email', { ...VALUES, title: 'Dr', surname: 'Okafor' }).text).toMatch(/^Dear Dr Okafor, about ACC-1/);
  });

  it('refuses {{account_id}} in a text message, which a shared phone would show', () => {
    expect(() => compileTemplates(withSms('Hi, about {{account_id}}'), 'rules.yaml', [])).toThrow('puts {{account_id}} in a text message');
  });

  it('refuses a text message that states an amount or says "debt", and a partial', () => {
    expect(() => compileTemplates(withSms('You owe {{arrears}}'), 'rules.yaml', [])).toThrow('must never state what is owed');
    expect(() => compileTemplates(withSms('About your Debt'), 'rules.yaml', [])).toThrow('would say "debt" in a text message');
    expect(() => compileTemplates(withSms('Pay £5 today'), 'rules.yaml', [])).toThrow('would state an amount in a text message');
    expect(() => compileTemplates(withSms('{{> footer}}'), 'rules.yaml', [])).toThrow('partial');
  });

  it('refuses in a text message words that only look safe: a Cyrillic letter, an amount in words or thousands, a currency code', () => {
    expect(() => compileTemplates(withSms('About your d\u0435bt'), 'rules.yaml', [])).toThrow('would say "debt"');
    expect(() => compileTemplates(withSms('Just forty pounds to go'), 'rules.yaml', [])).toThrow('would state an amount');
    expect(() => compileTemplates(withSms('Only 1,200 left'), 'rules.yaml', [])).toThrow('would state an amount');
    expect(() => compileTemplates(withSms('Only 1.2k left'), 'rules.yaml', [])).toThrow('would state an amount');
    expect(() => compileTemplates(withSms('Pay in GBP'), 'rules.yaml', [])).toThrow('would name a currency');
  });

  it('refuses a character that does not show or changes how the text shows, in any template, naming it by its code', () => {
    const hidden: [string, string][] = [
      ['\u00AD', 'U+00AD'], ['\u200B', 'U+200B'], ['\u200D', 'U+200D'], ['\u202E', 'U+202E'], ['\u2066', 'U+2066'], ['\u0007', 'U+0007'],
      ['\uFE0F', 'U+FE0F'], ['\u{E0041}', 'U+E0041'], ['\uFEFF', 'U+FEFF'], ['\t', 'U+0009'], ['\u3164', 'U+3164'],
    ];
    for (const [char, code] of hidden) {
      expect(() => compileTemplates(withSms(`Hi {{name}}, your pay${char}ment`), 'rules.yaml', []), code).toThrow(`holds the character ${code}`);
      expect(() => compileTemplates(withEmail(`Dear {{name}}, your pay${char}ment`), 'rules.yaml', []), code).toThrow(`holds the character ${code}`);
    }
  });

  it('refuses a line break in a subject, which would start a header of its own, and keeps them in the text of an email', () => {
    for (const subject of ['Your plan\nBcc: everyone@example.com', 'Your plan\r\n', 'Your plan\u2028more', 'Your plan\rmore']) {
      expect(() => compileTemplates(withEmail('Dear {{name}}', subject), 'rules.yaml', []), JSON.stringify(subject)).toThrow('holds a line break');
    }
    expect(() => compileTemplates(withEmail('Dear {{name}},\n\nThank you.'), 'rules.yaml', [])).not.toThrow();
  });

  it('refuses a template with no words of its own, which would send a customer only the opt-out line', () => {
    for (const blank of ['', '   ', '{{! a note }}', '{{preferred_name}}']) {
      expect(() => compileTemplates(withSms(blank), 'rules.yaml', ['preferred_name'], ['preferred_name'])).toThrow('has no words of its own');
    }
  });
});

describe('checkTemplates (as the rules are loaded, before the customers file is read)', () => {
  const withSms = (text: string): TemplateSet => ({ ...DEFAULT_TEMPLATES, reminder: { ...DEFAULT_TEMPLATES.reminder, sms: { text } } });

  it('refuses a text with a column not declared a name, and takes one declared', () => {
    expect(() => checkTemplates(withSms('Hi {{nickname}}'), 'rules.yaml', [])).toThrow('puts {{nickname}} in a text message');
    expect(() => checkTemplates(withSms('Hi {{nickname}}'), 'rules.yaml', ['nickname'])).not.toThrow();
  });
});

describe('a rendered message', () => {
  const names = compileTemplates(
    {
      ...DEFAULT_TEMPLATES,
      reminder: {
        ...DEFAULT_TEMPLATES.reminder,
        sms: { text: 'Hi {{preferred_name}}, see you soon.' },
        email: { subject: 'For {{name}} about {{ref}}', text: 'Hello {{preferred_name}}, about {{ref}}.' },
      },
    },
    'rules.yaml',
    ['preferred_name', 'ref'],
    ['preferred_name'],
  );
  const sms = (preferred: string, name = 'Sam') => names.render('reminder', 'sms', { ...VALUES, name, preferred_name: preferred }).text;

  it('holds a name of any script, with spaces, hyphens and apostrophes', () => {
    for (const name of ['Siobhán', 'Łukasz', 'Zoë', "O'Neill", 'O’Neill', 'Anne-Marie', 'Mary Jane', 'محمد', '李雷', 'Ἀλέξανδρος', 'अनु']) {
      expect(sms(name), name).toBe(`Hi ${name}, see you soon. ${STOP_LINES.sms}`);
    }
  });

  it('leaves out a name that is not plainly one, and greets without it', () => {
    const notNames = [
      'Immy (balance 80.00)', '07700 900123', 'Sam2', 'Forty Pounds', 'Debt', 'Sue', 'Court', 'x'.repeat(41), '', ' ', 'Sam!', 'GBP', 'Z\u0335\u0336\u0337\u0338a',
    ];
    for (const value of notNames) expect(sms(value), JSON.stringify(value)).toBe(`Hi, see you soon. ${STOP_LINES.sms}`);
  });

  it('takes out of a value what does not show, puts it on one line, and normalises every text and subject', () => {
    expect(sms('Sa\u00ADm\u200B\u202E')).toBe(`Hi Sam, see you soon. ${STOP_LINES.sms}`);
    expect(sms('\uFF33\uFF41\uFF4D')).toBe(`Hi Sam, see you soon. ${STOP_LINES.sms}`); // fullwidth
    const email = names.render('reminder', 'email', { ...VALUES, name: 'Jo\r\nBcc: all@example.com', preferred_name: 'Jo', ref: 'A\u2028B\u00AD\u0007C' });
    expect(email.subject).toBe('For Jo Bcc: all@example.com about A BC');
    expect(email.text.startsWith('Hello Jo, about A BC.')).toBe(true);
    expect(names.render('reminder', 'email', { ...VALUES, preferred_name: 'Jo', ref: '\uFB01le \u2460' }).text).toMatch(/^Hello Jo, about file 1\./);
  });
});
