/**
 * The plan JSON of an advise export: the options as `fairplan plan --json` gives them, and the one
 * agreed, with the reason for the override when it needed one.
 */
import { planJson } from '../render/plan/json.js';
import { optionAt, optionKey } from '../render/plan/select.js';
import type { ExportBundle } from './export.js';

export function renderAgreedPlanJson(bundle: ExportBundle): string {
  const option = optionAt(bundle.proposal, bundle.optionIndex);
  const document = {
    ...planJson(bundle.proposal, { affordability: bundle.affordability }),
    agreed: {
      index: bundle.optionIndex,
      key: optionKey(option),
      label: option.label,
      affordable: option.affordable,
      ...(bundle.overrideReason ? { overrideReason: bundle.overrideReason } : {}),
    },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
