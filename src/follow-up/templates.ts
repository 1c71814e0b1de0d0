/**
 * Firms' words, as data: Mustache templates, logic-less (no code runs inside one). Every template is
 * checked before a run writes anything: a placeholder that is not a known field or a customers
 * column, a partial, a character that does not show, a line break in a subject, or a text message
 * that states an amount, says "debt" or holds anything but the firm's words and fairplan's own
 * values, stops the run. What is filled in is cleaned and every message normalised (wording.ts).
 */
import Mustache from 'mustache';
import { ADVICE_SIGNPOST } from '../core/signpost.js';
import { FairplanError } from '../core/errors.js';
import { MESSAGE_KINDS, type MessageKind } from '../core/follow-up/contact.js';
import type { SendingChannel, Template, TemplateSet } from './default-templates.js';
import { cleanValue, codePoint, hasLineBreak, hiddenCharacter, plainName, pressingIn, textMessageProblem } from './wording.js';

export { textMessageProblem } from './wording.js';

/** Placeholders every template may use, whatever the customers file holds. */
export const PLACEHOLDERS = ['name', 'account_id', 'next_due_date', 'next_amount', 'arrears', 'balance_remaining', 'review_date', 'signpost'] as const;
/** What is owed: never in a text message. */
const MONEY_PLACEHOLDERS = new Set(['next_amount', 'arrears', 'balance_remaining']);
/**
 * What a text message may hold besides the firm's words: values fairplan formats itself, and names
 * (`name` and the columns the rules declare names), each only when it is plainly one. Not
 * `account_id`: a shared phone should not show an account number, and a long one can read as an amount.
 */
const SMS_VALUES = ['name', 'next_due_date', 'review_date', 'signpost'];
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

/** fairplan's own sentences, which are not the firm's words ("will not affect a credit rating"). */
const OWN_WORDS = [ADVICE_SIGNPOST, SMS_SIGNPOST, ...Object.values(STOP_LINES).filter((line): line is string => line !== undefined)];

/** The pressing words and phrases `text` uses (see wording.ts), fairplan's own sentences aside, in the list's order. */
export const pressingWords = (text: string): string[] => pressingIn(OWN_WORDS.reduce((rest, own) => rest.replaceAll(own, ' '), text));

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
  // The field names the template (`templates.reminder.sms.text`), before the sentence, as the CLI shows it.
  new FairplanError('invalid-rules', message, { file: source, field: `templates.${template}` });

/** What a template may use: every placeholder it may name (unknown until the customers file is read), and the names. */
interface Allowed {
  readonly known?: ReadonlySet<string>;
  readonly names: ReadonlySet<string>;
}

function check(source: string, name: string, text: string, allowed: Allowed, channel: SendingChannel, subject: boolean, uses: Set<string>): void {
  // A line break in a subject would start a header of its own (header injection).
  if (subject && hasLineBreak(text)) throw refuse(source, name, 'holds a line break: a subject is one line');
  const hidden = hiddenCharacter(text, !subject);
  if (hidden !== undefined) {
    throw refuse(source, name, `holds the character ${codePoint(hidden)}, which does not show or changes how the text shows (an invisible, formatting or control character): take it out`);
  }
  let tokens: Token[];
  try {
    tokens = Mustache.parse(text) as Token[];
  } catch (error) {
    throw refuse(source, name, `cannot be read: ${(error as Error).message}`);
  }
  for (const placeholder of placeholdersOf(tokens)) {
    uses.add(placeholder);
    if (placeholder.startsWith('>')) throw refuse(source, name, `uses the partial {{${placeholder}}}; templates cannot include others`);
    if (allowed.known && !allowed.known.has(placeholder)) throw refuse(source, name, `uses the unknown placeholder {{${placeholder}}} (known: ${[...allowed.known].join(', ')})`);
    if (channel !== 'sms' || SMS_VALUES.includes(placeholder) || allowed.names.has(placeholder)) continue;
    if (MONEY_PLACEHOLDERS.has(placeholder)) throw refuse(source, name, `puts {{${placeholder}}} in a text message, which must never state what is owed`);
    if (placeholder === 'account_id') {
      throw refuse(source, name, 'puts {{account_id}} in a text message: a shared phone should not show an account number, and a long number can read as an amount');
    }
    throw refuse(
      source,
      name,
      `puts {{${placeholder}}} in a text message, which may hold only ${[...SMS_VALUES, ...allowed.names].filter((v, i, all) => all.indexOf(v) === i).join(', ')}: a customers column goes in a text only when the rules declare it a name (name_columns)`,
    );
  }
  // A blank template would send a customer nothing but the closing line ("Reply STOP to opt out.").
  if (!hasWords(tokens)) throw refuse(source, name, 'has no words of its own (only spaces, comments or placeholders): write the message');
  const problem = channel === 'sms' ? textMessageProblem(text) : undefined;
  if (problem) throw refuse(source, name, `would ${problem} in a text message, which others may read`);
}

function checkAll(templates: TemplateSet, source: string, allowed: Allowed): Set<string> {
  const uses = new Set<string>();
  for (const kind of MESSAGE_KINDS) {
    for (const channel of SENDING_CHANNELS) {
      const template: Template = templates[kind][channel];
      check(source, `${kind}.${channel}.text`, template.text, allowed, channel, false, uses);
      if (template.subject !== undefined) check(source, `${kind}.${channel}.subject`, template.subject, allowed, channel, true, uses);
    }
  }
  return uses;
}

/**
 * Checks every template of the set as the rules are loaded, before the customers file's columns are
 * known: all but whether a placeholder is a column of it. `nameColumns`: the customers columns the
 * rules declare names.
 */
export function checkTemplates(templates: TemplateSet, source: string, nameColumns: readonly string[]): void {
  checkAll(templates, source, { names: new Set(['name', ...nameColumns]) });
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

/** A name left empty takes the spaces before it along ("Hello {{name}}," reads "Hello,"). */
function closeUp(tokens: readonly Token[], empty: ReadonlySet<string>): Token[] {
  return tokens.map((token, i) => {
    const next = tokens[i + 1];
    const [type, value, start, end, children] = token;
    if (type === 'text' && next && (next[0] === 'name' || next[0] === '&') && empty.has(next[1])) return [type, value.replace(/[ \t]+$/, ''), start, end];
    return children ? ([type, value, start, end, closeUp(children, empty), ...token.slice(5)] as unknown as Token) : token;
  });
}

// Plain text, not HTML: values go in as they are.
const PLAIN = { escape: (value: unknown) => String(value) };
const writer = new Mustache.Writer();

function fill(template: string, view: Readonly<Record<string, string>>, empty: ReadonlySet<string>): string {
  const parsed = Mustache.parse(template) as Token[];
  const tokens = empty.size === 0 ? parsed : closeUp(parsed, empty);
  return writer.renderTokens(tokens as unknown as string[][], new Mustache.Context(view), undefined, template, PLAIN).normalize('NFKC');
}

/**
 * Checks every template of the set (see above), naming `source` and the template at the first
 * problem. `columns`: the customers file's; `nameColumns`: those of them the rules declare names.
 */
export function compileTemplates(templates: TemplateSet, source: string, columns: readonly string[], nameColumns: readonly string[] = []): Renderer {
  const names = new Set(['name', ...nameColumns]);
  const uses = checkAll(templates, source, { known: new Set<string>([...PLACEHOLDERS, ...columns]), names });
  return {
    uses,
    render(kind, channel, values) {
      const template = templates[kind][channel];
      const view: Record<string, string> = {};
      for (const [key, value] of Object.entries(values)) view[key] = cleanValue(value);
      // A name goes in a text only if it is plainly one; otherwise the text greets without it.
      if (channel === 'sms') for (const column of names) view[column] = plainName(view[column] ?? '') ?? '';
      view.signpost = SIGNPOST[channel];
      const empty = new Set([...names].filter((column) => !view[column]));
      const body = fill(template.text, view, empty);
      const stop = STOP_LINES[channel];
      return {
        subject: template.subject === undefined ? '' : fill(template.subject, view, empty),
        text: stop ? `${body}${channel === 'sms' ? ' ' : '\n\n'}${stop}` : body,
      };
    },
  };
}
