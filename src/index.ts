/**
 * fairplan as a library: the public surface of `import … from 'fairplan'`. Kept small on purpose:
 * read a statement, check its affordability, make the plans, and render both as the JSON the
 * command line's `--json` writes. Everything else in dist/ is internal and may change in any release.
 */
export { parseStatementDocument, parseStatementText, type StatementFormat } from './statement/load.js';
export type { StatementDocument, StatementWarning } from './statement/warnings.js';
export { assessAffordability } from './core/affordability/assess.js';
export { planRequestFromStatement } from './core/plan/from-statement.js';
export { proposePlans } from './core/plan/propose.js';
export { renderCheckJson } from './render/check/json.js';
export { renderPlanJson, type PlanJsonOptions } from './render/plan/json.js';
export { FORMAT_VERSION } from './render/shared/format-version.js';
export { letterReference, provenance, provenanceReference, type Provenance, type ProvenanceInput, type ProvenanceParts, type OptionValue } from './core/provenance.js';
export { RULES_VERSION } from './core/rules-version.js';
export { parseIsoDate, type IsoDate } from './core/date.js';
export { parseMoney, toFixed2, type Money, type Pennies } from './core/money.js';
export { FairplanError, isFairplanError } from './core/errors.js';
export type { Statement } from './core/statement.js';
export type { Affordability, AffordabilitySettings } from './core/affordability/types.js';
export type { PlanProposal, PlanRequest } from './core/plan/types.js';
