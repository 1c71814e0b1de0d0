/**
 * Firms' words, as data: Mustache templates, logic-less (no code runs inside one). Every template is
 * checked before a run writes anything: a placeholder that is not a known field or a customers
 * column, a partial, or a text message that states an amount or says "debt" stops the run.
 */
import Mustache from 'mustache';
import { ADVICE_SIGNPOST } from '../core/signpost.js';
import { FairplanError } from '../core/errors.js';
import { MESSAGE_KINDS, type MessageKind } from '../core/follow-up/contact.js';
import type { SendingChannel, Template, TemplateSet } from './default-templates.js';

/** Placeholders every template may use, whatever the customers file holds. */
export const PLACEHOLDERS = ['name', 'account_id', 'next_due_date', 'next_amount', 'arrears', 'balance_remaining', 'review_date', 'signpost'] as const;
/** What is owed: never in a text message. */
const MONEY_PLACEHOLDERS = new Set(['next_amount', 'arrears', 'balance_remaining']);
const SENDING_CHANNELS: readonly SendingChannel[] = ['sms', 'email', 'letter'];

/** A text message's signpost: the same help, worded without "debt", and short enough to leave room for the message. */
export const SMS_SIGNPOST = 'Free advice: moneyhelper.org.uk';
const SIGNPOST: Readonly<Record<SendingChannel, string>> = { sms: SMS_SIGNPOST, email: ADVICE_SIGNPOST, letter: ADVICE_SIGNPOST };

/** How to stop each electronic channel, added to every message sent by it. */
export const STOP_LINES: Readonly<Record<SendingChannel, string | undefined>> = {
  sms: 'Reply STOP to opt out.',
  email: 'To stop emails from us, reply with the word STOP.',
  letter: undefined,
};

type Token = [string, string, number, number, Token[]?];

function placeholdersOf(tokens: readonly Token[], found: Set<string> = new Set()): Set<string> {
  for (const [type, value, , , children] of tokens) {
    if (type === 'name' || type === '&' || type === '#' || type === '^' || type === '>') found.add(type === '>' ? `>${value}` : value);
    if (children) placeholdersOf(children, found);
  }
  return found;
}

/** Whether the template has words of its own, not only placeholders, comments and spaces. */
const hasWords = (tokens: readonly Token[]): boolean =>
  tokens.some(([type, value, , , children]) => (type === 'text' && value.trim() !== '') || (children !== undefined && hasWords(children)));

const refuse = (source: string, template: string, message: string) =>
  new FairplanError('invalid-argument', `template ${template}: ${message}`, { file: source });

function check(source: string, name: string, text: string, known: ReadonlySet<string>, channel: SendingChannel, uses: Set<string>): void {
  let tokens: Token[];
  try {
    tokens = Mustache.parse(text) as Token[];
  } catch (error) {
    throw refuse(source, name, `cannot be read: ${(error as Error).message}`);
  }
  for (const placeholder of placeholdersOf(tokens)) {
    uses.add(placeholder);
    if (placeholder.startsWith('>')) throw refuse(source, name, `uses the partial {{${placeholder}}}; templates cannot include others`);
    if (!known.has(placeholder)) throw refuse(source, name, `uses the unknown placeholder {{${placeholder}}} (known: ${[...known].join(', ')})`);
    if (channel === 'sms' && MONEY_PLACEHOLDERS.has(placeholder)) {
      throw refuse(source, name, `puts {{${placeholder}}} in a text message, which must never state what is owed`);
    }
  }
  // A blank template would send a customer nothing but the closing line ("Reply STOP to opt out.").
  if (!hasWords(tokens)) throw refuse(source, name, 'has no words of its own (only spaces, comments or placeholders): write the message');
  const problem = channel === 'sms' ? textMessageProblem(text) : undefined;
  if (problem) throw refuse(source, name, `would ${problem} in a text message, which others may read`);
}

/**
 * Words and phrases that threaten or pressure a customer (CONC 7.9, the regulators' 2024 letter on
 * collections): no default template uses one, and a message of a firm's own that does is marked for
 * a person to read before it is sent, never sent as it is.
 */
export const PRESSING_WORDS: readonly string[] = [
  'legal action', 'bailiff', 'court', 'final demand', 'default notice', 'enforcement', 'debt collector', 'solicitor',
  'repossess', 'ccj', 'county court', 'judgment', 'urgent', 'immediately', 'failure to', 'warning', 'must pay',
  'overdue', 'arrears', 'penalty', 'consequences', 'further action', 'legal', 'demand', 'or we will',
];

const PRESSING = PRESSING_WORDS.map((words) => ({ words, pattern: new RegExp(`\\b${words.replace(/ /g, '\\s+')}s?\\b`, 'i') }));

/** The pressing words and phrases `text` uses (a plural too), in the list's order. */
export const pressingWords = (text: string): string[] => PRESSING.filter(({ pattern }) => pattern.test(text)).map(({ words }) => words);

/** An amount, however it is written: £40, 40.00, 40 pounds, GBP 40, 40GBP, 75p. */
const AMOUNT: readonly RegExp[] = [
  /[£$€]\s?\d/,
  /\b\d+\.\d\d\b/,
  /\b\d[\d,]*(\.\d+)?\s?(pounds?|quid|pence|p|gbp|usd|eur|dollars?|euros?)\b/i,
  /\b(gbp|usd|eur)\s?\d/i,
];

/**
 * What a text message must never do, if this one does (CONC 7.9.7: a shared phone may be read by
 * others). Checked on every template and again on every text rendered, as a customers column a
 * firm's template uses may hold an amount.
 */
export function textMessageProblem(text: string): string | undefined {
  if (/debt/i.test(text)) return 'say "debt"';
  if (AMOUNT.some((pattern) => pattern.test(text))) return 'state an amount';
  return undefined;
}

export type Values = Readonly<Record<string, string>>;

export interface RenderedMessage {
  readonly subject: string;
  readonly text: string;
}

export interface Renderer {
  /** Every placeholder the templates use. */
  readonly uses: ReadonlySet<string>;
  render(kind: MessageKind, channel: SendingChannel, values: Values): RenderedMessage;
}

/** Checks every template of the set (see above), naming `source` and the template at the first problem. */
export function compileTemplates(templates: TemplateSet, source: string, columns: readonly string[]): Renderer {
  const known = new Set<string>([...PLACEHOLDERS, ...columns]);
  const uses = new Set<string>();
  for (const kind of MESSAGE_KINDS) {
    for (const channel of SENDING_CHANNELS) {
      const template: Template = templates[kind][channel];
      check(source, `${kind}.${channel}.text`, template.text, known, channel, uses);
      if (template.subject !== undefined) check(source, `${kind}.${channel}.subject`, template.subject, known, channel, uses);
    }
  }
  // Plain text, not HTML: values go in as they are.
  const options = { escape: (value: unknown) => String(value) };
  return {
    uses,
    render(kind, channel, values) {
      const template = templates[kind][channel];
      const view = { ...values, signpost: SIGNPOST[channel] };
      const body = Mustache.render(template.text, view, {}, options);
      const stop = STOP_LINES[channel];
      return {
        subject: template.subject === undefined ? '' : Mustache.render(template.subject, view, {}, options),
        text: stop ? `${body}${channel === 'sms' ? ' ' : '\n\n'}${stop}` : body,
      };
    },
  };
}
