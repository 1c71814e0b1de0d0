/**
 * Provenance: what an output was worked out from, so that a firm can show, months later, why a
 * customer was offered a plan. Every machine-readable output carries it, and letters and reminders
 * carry its short reference. Built from parameters only: the edge reads fairplan's version and
 * hashes the input files (src/cli/provenance.ts).
 */
import { createHash } from 'node:crypto';
import type { GuidelineSource } from './affordability/guidelines.js';
import type { IsoDate } from './date.js';
import { RULES_VERSION } from './rules-version.js';

/** An input file, by its role ("statement", "input", "mapping", "guidelines") and its name as given. */
export interface ProvenanceInput {
  readonly role: string;
  readonly file: string;
  /** SHA-256 of the file's bytes, in hex; null where it is not known yet (standard input, before it is read). */
  readonly sha256: string | null;
}

/** An option as given on the command line: its value, or true for a switch. */
export type OptionValue = string | true;

export interface ProvenanceParts {
  readonly fairplanVersion: string;
  readonly asOf: IsoDate;
  /** The guideline table the figures were checked against, if any. */
  readonly guidelines?: GuidelineSource;
  /** The bank-holiday calendar due dates were moved by; none for a check, which has no due dates. */
  readonly calendar?: string;
  /** The options given that change the result, by their command-line name. */
  readonly options?: Readonly<Record<string, OptionValue>>;
  readonly inputs: readonly ProvenanceInput[];
}

export interface Provenance {
  readonly fairplan: string;
  readonly rulesVersion: number;
  readonly asOf: IsoDate;
  readonly guidelines: { readonly name: string; readonly version: string; readonly effectiveFrom: IsoDate } | null;
  readonly calendar: string | null;
  readonly options: Readonly<Record<string, OptionValue>>;
  readonly inputs: readonly ProvenanceInput[];
}

/**
 * The provenance object. Its keys, and the options within it, are in a fixed order (the options by
 * name), so that the same run gives the same bytes.
 */
export function provenance(parts: ProvenanceParts): Provenance {
  const options = parts.options ?? {};
  return {
    fairplan: parts.fairplanVersion,
    rulesVersion: RULES_VERSION,
    asOf: parts.asOf,
    guidelines: parts.guidelines
      ? { name: parts.guidelines.name, version: parts.guidelines.version, effectiveFrom: parts.guidelines.effectiveFrom }
      : null,
    calendar: parts.calendar ?? null,
    options: Object.fromEntries(Object.keys(options).sort().map((name) => [name, options[name] as OptionValue])),
    inputs: parts.inputs.map(({ role, file, sha256 }) => ({ role, file, sha256 })),
  };
}

/** The same provenance with the hash of the input of `role` filled in (standard input, once read). */
export const withInputHash = (p: Provenance, role: string, sha256: string): Provenance => ({
  ...p,
  inputs: p.inputs.map((input) => (input.role === role ? { ...input, sha256 } : input)),
});

/** The provenance as compact JSON: what the reference identifies, and what batch records splice in. */
export const canonicalProvenance = (p: Provenance): string => JSON.stringify(p);

/**
 * The short reference a letter or reminder carries, e.g. "Ref FP-3f9a0c41d2 · fairplan 0.1.0 ·
 * rules 1": the first ten hex digits of the SHA-256 of the canonical provenance, so a letter found
 * later can be matched to the JSON made with the same inputs and options.
 */
export function provenanceReference(p: Provenance): string {
  return referenceOf(p, canonicalProvenance(p));
}

/**
 * A letter's own reference: the first ten hex digits of the SHA-256 of the canonical provenance, a
 * line break and the letter's text above its reference line. Letters of one run to different
 * creditors say different things, so no two share a reference (a reply quoting one names the
 * letter, not only the run); the provenance and the letter found later give it again.
 */
export const letterReference = (p: Provenance, letter: string): string => referenceOf(p, `${canonicalProvenance(p)}\n${letter}`);

function referenceOf(p: Provenance, text: string): string {
  const digest = createHash('sha256').update(text).digest('hex');
  return `Ref FP-${digest.slice(0, 10)} · fairplan ${p.fairplan} · rules ${p.rulesVersion}`;
}

/** A letter rendered by `render`, ending with its own reference (see letterReference); none without a provenance. */
export const withLetterReference = (p: Provenance | undefined, render: (reference?: string) => string): string =>
  p === undefined ? render() : render(letterReference(p, render()));
