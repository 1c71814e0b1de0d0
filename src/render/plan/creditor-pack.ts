/**
 * What goes to the creditors of a plan across several, and to the customer: an offer letter to each
 * creditor, the customer's own letter, and the SFS summary the offers enclose, both as the JSON
 * advice software reads and laid out in its sections. Each letter is written in every format asked
 * for (text; DOCX for an advisor to edit; PDF ready to send), all from one document, so the three
 * say the same. `plan --letters` and an advise session's export both write this pack.
 */
import type { Affordability } from '../../core/affordability/types.js';
import { agreedOffers } from '../../core/plan/agreed-offers.js';
import type { PlanProposal } from '../../core/plan/types.js';
import { letterReference, type Provenance } from '../../core/provenance.js';
import { toSfsSummaryJson } from '../../statement/sfs-summary.js';
import type { ComposedLetter, Gap } from '../letter/compose.js';
import type { LetterDocument } from '../letter/document.js';
import { LETTER_FORMATS, type LetterFormat } from '../letter/formats.js';
import { renderLetterText } from '../letter/text.js';
import { creditorLetter, creditorLetterNames, creditorSlug } from './creditor-letter.js';
import { customerLetter, type LetterOptions } from './letter.js';
import { gapWarnings } from './letterhead.js';
import { optionAt } from './select.js';
import { sfsSummaryDocument } from './sfs-document.js';
import { timeRunOutLetter } from './time-run-out-letter.js';

interface PackFile {
  readonly name: string;
  readonly describe: string;
  readonly content: string | Uint8Array;
}

export interface Pack {
  readonly files: readonly PackFile[];
  /** A sentence for each kind of gap the letters show (see letterhead.ts). */
  readonly warnings: readonly string[];
  /** How many "time has run out" letters it holds (creditor letters too). */
  readonly timeRunOut: number;
}

export interface PackOptions extends Pick<LetterOptions, 'overrideReason' | 'sender' | 'templates'> {
  /** The run's provenance, from which each letter's own reference is made. */
  readonly provenance?: Provenance;
  /** The formats to write each letter in; all of them by default. */
  readonly formats?: readonly LetterFormat[];
  /** The customer's letter's file name, without its extension: `letter-customer` by default. */
  readonly customerLetterName?: string;
}

/** A letter ending with its own reference, made from the provenance and its text (two letters never share one). */
function referenced(provenance: Provenance | undefined, make: (reference?: string) => ComposedLetter): ComposedLetter {
  const plain = make();
  return provenance === undefined ? plain : make(letterReference(provenance, renderLetterText(plain.document)));
}

interface PackDocument {
  readonly name: string;
  readonly describe: string;
  readonly document: LetterDocument;
}

async function render(doc: PackDocument, format: LetterFormat, date: Date): Promise<PackFile> {
  // The DOCX and PDF libraries are loaded only by a run that writes those formats.
  const content =
    format === 'txt'
      ? renderLetterText(doc.document)
      : format === 'docx'
        ? await (await import('../letter/docx.js')).renderLetterDocx(doc.document)
        : await (await import('../letter/pdf.js')).renderLetterPdf(doc.document, { date });
  // One letter in three formats is described once: what it is, not which file.
  return { name: `${doc.name}.${format}`, describe: doc.describe, content };
}

/**
/**
 * The pack for the option at `optionIndex`: the letter to each creditor, then the "time has run out"
 * letter to each creditor a person is reasonably sure time has run out on (see `possiblyBarredDebts`),
 * the customer's letter and the SFS summary offering each creditor their part of that option's
 * payment, as the letters do (nothing to a debt left out of the offers); no files for a plan without
 * creditors. A debt left out until it is checked gets no letter at all.
 */
export async function creditorPack(proposal: PlanProposal, optionIndex: number, affordability: Affordability, options: PackOptions = {}): Promise<Pack> {
  const { provenance, formats = LETTER_FORMATS, customerLetterName = 'letter-customer', ...letterOptions } = options;
  const option = optionAt(proposal, optionIndex);
  const creditors = option.creditors ?? [];
  if (creditors.length === 0) return { files: [], warnings: [], timeRunOut: 0 };
  const shared = { ...letterOptions, affordability };
  const letters = creditorLetterNames(option).map((name, i) => ({
    name,
    describe: `the offer letter to ${creditors[i]?.creditor}`,
    letter: referenced(provenance, (reference) => creditorLetter(proposal, optionIndex, i, { ...shared, ...(reference ? { reference } : {}) })),
  }));
  const { statement } = affordability;
  const timeRunOut = (proposal.request.possiblyBarred ?? [])
    .filter((p) => p.status === 'time-run-out')
    .map(({ debt }, i) => ({
      // Numbered after the offer letters, so that no two letters share a name.
      name: `letter-${String(creditors.length + i + 1).padStart(2, '0')}-${creditorSlug(debt.creditor)}-time-run-out`,
      describe: `the "time has run out" letter to ${debt.creditor}`,
      letter: referenced(provenance, (reference) =>
        timeRunOutLetter({ ...letterOptions, debt, statement, on: proposal.request.asOf, ...(reference ? { reference } : {}) }),
      ),
    }));
  const customer = referenced(provenance, (reference) => customerLetter(proposal, optionIndex, { ...shared, pack: true, ...(reference ? { reference } : {}) }));
  const sfs = toSfsSummaryJson(affordability.statement, affordability, agreedOffers(affordability, option));
  const documents: PackDocument[] = [
    ...[...letters, ...timeRunOut].map(({ name, describe, letter }) => ({ name, describe, document: letter.document })),
    { name: customerLetterName, describe: 'the letter for the customer', document: customer.document },
    { name: 'sfs-summary', describe: 'the SFS summary the creditor letters enclose', document: sfsSummaryDocument(sfs) },
  ];
  // The letters are dated the plan's as-of day; so are the files, which then come out the same each time.
  const date = new Date(`${proposal.request.asOf}T12:00:00Z`);
  const files: PackFile[] = [];
  for (const doc of documents) for (const format of formats) files.push(await render(doc, format, date));
  files.push({ name: 'sfs-summary.json', describe: 'the SFS summary the creditor letters enclose (SFS JSON)', content: sfs });
  const gaps: Gap[] = [...[...letters, ...timeRunOut].flatMap(({ letter }) => letter.gaps), ...customer.gaps];
  return { files, warnings: gapWarnings(gaps), timeRunOut: timeRunOut.length };
}
