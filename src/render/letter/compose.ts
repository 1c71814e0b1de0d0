/**
 * A letter made from its template: the values filled in, the output read as a letter (document.ts),
 * and a warning for each detail the letter shows as a gap. A detail fairplan does not have (the
 * customer's address, the sender's telephone) is never left blank: the letter shows where it goes,
 * marked so that no one can send it unnoticed, and the run says what to add.
 */
import { parseLetter, type LetterDocument } from './document.js';
import { checkLetterTemplate, fillLetterTemplate, type LetterSpec, type LetterView } from './template.js';

/** An organisation's own template for a letter, and where it was read from. */
export interface OwnTemplate {
  readonly text: string;
  readonly source: string;
}

/** Templates by their file name (`creditor-offer.mustache`); a letter without one here uses fairplan's. */
export type LetterTemplates = ReadonlyMap<string, OwnTemplate>;

/** A detail a letter needs and the run does not have. */
export interface Gap {
  /** What is missing, as the letter shows it: "the customer's address". */
  readonly what: string;
  /** How to give it: "customer.address in the statement". */
  readonly fix: string;
}

/** How a gap shows in a letter. */
const gapMarker = (gap: Gap): string => `[MISSING: ${gap.what}]`;

/** A value, or the marked gap where it goes. */
export const orGap = (value: string | undefined, gap: Gap, gaps: Gap[]): string => {
  if (value !== undefined && value.trim() !== '') return value;
  gaps.push(gap);
  return gapMarker(gap);
};

export interface ComposedLetter {
  readonly document: LetterDocument;
  /** One sentence for each gap the letter shows. */
  readonly gaps: readonly Gap[];
}

/** The letter `spec` describes, from the organisation's template in `templates` or fairplan's own. */
export function composeLetter(spec: LetterSpec, templates: LetterTemplates | undefined, view: LetterView, gaps: readonly Gap[], fallbackTitle: string): ComposedLetter {
  const own = templates?.get(spec.file);
  const text = own?.text ?? spec.text;
  checkLetterTemplate(spec, text, own?.source ?? `fairplan's ${spec.file}`);
  const filled = fillLetterTemplate(text, view);
  return { document: parseLetter(filled, fallbackTitle), gaps: gaps.filter((gap) => filled.includes(gapMarker(gap))) };
}
