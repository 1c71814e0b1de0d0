/**
 * The files an advise session exports, each made by the renderer the rest of fairplan uses, so
 * the letter is the one `fairplan plan --letter` writes, the letters to the creditors and their SFS
 * summary the ones `--letters` writes, and the calendar the one `--ics` writes.
 */
import { NO_PENNIES } from '../core/money.js';
import { agreedOffers } from '../core/plan/agreed-offers.js';
import { provenanceReference, withLetterReference } from '../core/provenance.js';
import { creditorPack } from '../render/plan/creditor-pack.js';
import { renderScheduleCsv } from '../render/plan/csv.js';
import { renderIcs } from '../render/plan/ics.js';
import { renderLetter, type LetterOptions } from '../render/plan/letter.js';
import { optionAt } from '../render/plan/select.js';
import { toSfsJson } from '../statement/sfs.js';
import { toFairplanJson } from '../statement/write.js';
import { renderAgreedPlanJson } from './agreed-plan.js';
import { exportProvenance, STATEMENT_FILE } from './export-provenance.js';
import type { ExportBundle, ExportFile, ExportFileSet, StatementBundle } from './export.js';

const STATEMENT_JSON: ExportFile<StatementBundle> = { name: STATEMENT_FILE, describe: 'the statement (fairplan JSON)', render: (b) => toFairplanJson(b.statement) };

// The reminders end with the reference of the plan.json beside them; each letter with its own, made from that provenance and its text.
const reference = (b: ExportBundle): string => provenanceReference(exportProvenance(b));

// The letters state the advisor's reason for a plan above the budget.
const letterOptions = (b: ExportBundle) => (b.overrideReason ? { overrideReason: b.overrideReason } : {});

/** With no plan yet (a moratorium with no end): the statement, and the SFS offering nothing while it lasts. */
export const ADVISE_STATEMENT_FILES: readonly ExportFile<StatementBundle>[] = [
  STATEMENT_JSON,
  { name: 'statement-sfs.json', describe: 'the statement (SFS JSON), with no offers while the moratorium lasts', render: (b) => toSfsJson(b.statement, b.affordability, b.affordability.offers.map((o) => ({ ...o, offer: NO_PENNIES }))) },
];

/** Who the letters are from and an organisation's own templates (`advise --sender`, `--templates`). */
export type LetterSettings = Pick<LetterOptions, 'sender' | 'templates'>;

/**
 * What an export holds once a plan is agreed. The customer's letter is the pack's (`letter.txt`,
 * `.docx`, `.pdf`): headed for the post, with what to pay each creditor.
 */
export const adviseFiles = (letters: LetterSettings = {}): readonly (ExportFile | ExportFileSet)[] => [
  STATEMENT_JSON,
  { name: 'statement-sfs.json', describe: 'the statement (SFS JSON)', render: (b) => toSfsJson(b.statement, b.affordability, agreedOffers(b.affordability, optionAt(b.proposal, b.optionIndex))) },
  { name: 'schedule.csv', describe: 'the agreed schedule', render: (b) => renderScheduleCsv(b.proposal, [b.optionIndex], b.overrideReason ?? '') },
  { name: 'plan.json', describe: 'the agreed plan and the options (plan JSON)', render: renderAgreedPlanJson },
  { name: 'payments.ics', describe: 'payment reminders for a calendar', render: (b) => renderIcs(b.proposal, b.optionIndex, reference(b)) },
  {
    files: async (b) => {
      const pack = await creditorPack(b.proposal, b.optionIndex, b.affordability, { ...letters, ...letterOptions(b), provenance: exportProvenance(b), customerLetterName: 'letter' });
      // A plan without creditors has no pack, but the customer still has their letter.
      if (pack.files.length > 0) return pack;
      const text = withLetterReference(exportProvenance(b), (ref) =>
        renderLetter(b.proposal, b.optionIndex, { ...letters, affordability: b.affordability, ...letterOptions(b), ...(ref ? { reference: ref } : {}) }),
      );
      return { files: [{ name: 'letter.txt', describe: 'the plan letter for the customer', content: text }], warnings: [] };
    },
  },
];

export const ADVISE_FILES = adviseFiles();
