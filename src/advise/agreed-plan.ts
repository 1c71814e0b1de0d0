/**
 * The plan JSON of an advise export: the options as `fairplan plan --json` gives them, and the one
 * agreed, with the reason for the override when it needed one, and what it was made from.
 */
import { planJson } from '../render/plan/json.js';
import { optionAt, optionKey } from '../render/plan/select.js';
import type { ExportBundle } from './export.js';
import { exportProvenance } from './export-provenance.js';

export function renderAgreedPlanJson(bundle: ExportBundle): string {
  const option = optionAt(bundle.proposal, bundle.optionIndex);
  const { provenance, ...plan } = planJson(bundle.proposal, { affordability: bundle.affordability, provenance: exportProvenance(bundle) });
  const document = {
    ...plan,
    agreed: {
      index: bundle.optionIndex,
      key: optionKey(option),
      label: option.label,
      affordable: option.affordable,
      ...(bundle.overrideReason ? { overrideReason: bundle.overrideReason } : {}),
    },
    provenance,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
