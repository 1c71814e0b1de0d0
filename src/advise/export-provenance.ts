/** The provenance of the plan files an advise session exports (plan.json, and the reference on its letters and reminders). */
import { createHash } from 'node:crypto';
import { provenance, type Provenance } from '../core/provenance.js';
import { optionAt, optionKey } from '../render/plan/select.js';
import { toFairplanJson } from '../statement/write.js';
import type { ExportBundle } from './export.js';

/** The statement's file in the export, the input the plan files were made from. */
export const STATEMENT_FILE = 'statement.json';

// plan.json, each letter and the reminders all end with it: the statement is written out and hashed once an export.
const MADE = new WeakMap<ExportBundle, Provenance>();

/**
 * What the exported plan was made from: the statement as exported beside it (statement.json, so its
 * hash can be checked with sha256sum in the folder), the session's options and the plan agreed.
 */
export function exportProvenance(b: ExportBundle): Provenance {
  const made = MADE.get(b);
  if (made) return made;
  const option = optionAt(b.proposal, b.optionIndex);
  const p = provenance({
    fairplanVersion: b.session.fairplanVersion,
    asOf: b.proposal.request.asOf,
    ...(b.affordability.guidelines ? { guidelines: b.affordability.guidelines.source } : {}),
    calendar: b.proposal.request.calendar.name,
    options: { ...b.session.options, agreed: optionKey(option), ...(b.overrideReason ? { override: true as const } : {}) },
    inputs: [
      { role: 'statement', file: STATEMENT_FILE, sha256: createHash('sha256').update(toFairplanJson(b.statement)).digest('hex') },
      ...b.session.inputs,
    ],
  });
  MADE.set(b, p);
  return p;
}
