/**
 * Letters as Mustache templates (logic-less: no code runs inside one), as follow-up's messages are:
 * fairplan's own by default, an organisation's own from `--templates DIR`. A template is checked
 * before anything is written: a placeholder it does not know, a partial, a character that does not
 * show, or no words of its own stops the run, naming the file and the tag. What is filled in goes
 * in as plain text (a letter is not HTML).
 */
import Mustache from 'mustache';
import { FairplanError } from '../../core/errors.js';
import { closest } from '../../core/suggest.js';

/** What a letter's template may use: its values, and those of them that are lists (`{{#name}}{{.}}{{/name}}`). */
export interface LetterSpec {
  /** The template's file name in a `--templates` folder: `creditor-offer.mustache`. */
  readonly file: string;
  readonly placeholders: readonly string[];
  readonly lists: readonly string[];
  /** fairplan's own words. */
  readonly text: string;
}

/** A letter's values: text, a list of texts, or a flag a section shows or hides. */
export type LetterView = Readonly<Record<string, string | boolean | readonly string[]>>;

type Token = [string, string, number, number, Token[]?];

const refuse = (file: string, message: string, tag?: string) =>
  new FairplanError('invalid-argument', message, { file, ...(tag === undefined ? {} : { field: `{{${tag}}}` }) });

// C0 and C1 controls (a line break and a tab aside), and the characters that hide or reorder text.
const HIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/u;

/** The tags of `tokens`, each with whether it stands inside a list's section (where `{{.}}` is the item). */
function walk(tokens: readonly Token[], inList: boolean, spec: LetterSpec, file: string, uses: Set<string>): boolean {
  let words = false;
  for (const [type, value, , , children] of tokens) {
    if (type === 'text') words ||= value.trim() !== '';
    if (type === '>') throw refuse(file, `uses the partial {{>${value}}}: a letter's template cannot include another`, `>${value}`);
    if (type === 'name' || type === '&' || type === '#' || type === '^') {
      const known = value === '.' ? inList : spec.placeholders.includes(value);
      if (!known) {
        const hint = closest(value, spec.placeholders);
        throw refuse(
          file,
          value === '.'
            ? 'uses {{.}} outside a list section ({{#list}}…{{/list}})'
            : `uses the unknown placeholder {{${value}}}${hint ? `; did you mean {{${hint}}}?` : ''} (known: ${spec.placeholders.join(', ')})`,
          value,
        );
      }
      uses.add(value);
    }
    if (children) words = walk(children, type === '#' && spec.lists.includes(value), spec, file, uses) || words;
  }
  return words;
}

/** The placeholders `text` uses, once it has been checked against `spec`; `file` names it in any refusal. */
export function checkLetterTemplate(spec: LetterSpec, text: string, file: string): ReadonlySet<string> {
  const hidden = HIDDEN.exec(text);
  if (hidden) {
    const code = `U+${(hidden[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    throw refuse(file, `holds the character ${code}, which does not show or changes how the text shows: take it out`);
  }
  let tokens: Token[];
  try {
    tokens = Mustache.parse(text) as Token[];
  } catch (error) {
    throw refuse(file, `cannot be read as a template: ${(error as Error).message}`);
  }
  const uses = new Set<string>();
  if (!walk(tokens, false, spec, file, uses)) throw refuse(file, 'has no words of its own (only spaces, comments or placeholders): write the letter');
  return uses;
}

// Plain text, not HTML: values go in as they are.
const PLAIN = { escape: (value: unknown) => String(value) };

/** The template filled in with `view` (checked first with checkLetterTemplate). */
export const fillLetterTemplate = (text: string, view: LetterView): string => Mustache.render(text, view, {}, PLAIN);
