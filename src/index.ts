/**
 * fairplan as a library: the public surface of `import … from 'fairplan'`. Kept small on purpose:
 * read a statement, check its affordability, make the plans, and render both as the JSON the
 * command line's `--json` writes. Everything else in dist/ is internal and may change in any release.
 * Every function checks what it is given (src/library-arguments.ts): a wrong argument is a
 * FairplanError naming it, never a TypeError.
 *
 * @packageDocumentation
 */
import { assessAffordability as assess } from './core/affordability/assess.js';
import { parseIsoDate as isoDate } from './core/date.js';
import { parseMoney as money, toFixed2 as fixed2 } from './core/money.js';
import { planRequestFromStatement as fromStatement } from './core/plan/from-statement.js';
import { proposePlans as propose } from './core/plan/propose.js';
import { letterReference as ofLetter, provenance as made, provenanceReference as ofRun } from './core/provenance.js';
import * as check from './library-arguments.js';
import { renderCheckJson as checkJson } from './render/check/json.js';
import { renderPlanJson as planJson } from './render/plan/json.js';
import { parseStatementDocument as document, parseStatementText as statementText } from './statement/load.js';

// Each function below is documented where it is written (docs/api/ shows that comment), or here when it
// has none there; `@function` has the API reference show it as the function it is.
const warningsOf = (warnings: unknown): void => {
  if (warnings !== undefined) check.list(warnings, 'warnings');
};
const optionalProvenance = (p: unknown, path: string): void => {
  if (p !== undefined) check.madeProvenance(p, path);
};

/** @function */
export const parseStatementText = check.guarded('parseStatementText', (text, file) => (check.text(text, 'text'), check.text(file, 'file')), statementText);
/** @function */
export const parseStatementDocument = check.guarded(
  'parseStatementDocument',
  (text, file, format) => {
    check.text(text, 'text');
    check.text(file, 'file');
    if (format !== undefined) check.oneOf(format, ['sfs-summary'], 'format');
  },
  document,
);
export type { StatementFormat } from './statement/load.js';
export type { StatementDocument, StatementWarning } from './statement/warnings.js';
/**
 * The affordability check: monthly income and spending, the amount available for creditors, each
 * creditor's pro rata offer, the flags for review and, with guidelines, the spending compared with them.
 * @function
 * @param statement - as read by {@link parseStatementText}
 * @param settings - `asOf` (the day the figures are worked out for) and the optional guidelines
 * @returns the {@link Affordability}, every amount a monthly Decimal
 */
export const assessAffordability = check.guarded(
  'assessAffordability',
  (statement, settings) => (check.statement(statement, 'statement'), check.affordabilitySettings(settings, 'settings')),
  assess,
);
/** @function */
export const planRequestFromStatement = check.guarded(
  'planRequestFromStatement',
  (statement, available, asOf, overrides, limitation) => {
    check.statement(statement, 'statement');
    // The affordability as assessAffordability gives it (its flags then reach the recommendation), or the amount alone.
    if (typeof available === 'object' && available !== null && 'totals' in available) check.affordability(available, 'affordability');
    else check.decimal(available, 'availableMonthly');
    check.date(asOf, 'asOf');
    if (overrides !== undefined) check.planRequest(overrides, 'overrides', true);
    // The person's decisions about debts past the limitation period: creditors' names, and reasons.
    if (limitation !== undefined) check.limitationChoices(limitation, 'limitation');
  },
  fromStatement,
);
/** @function */
export const proposePlans = check.guarded('proposePlans', (request) => check.planRequest(request, 'request'), propose);
/** @function */
export const renderCheckJson = check.guarded(
  'renderCheckJson',
  (result, warnings, provenance) => (check.affordability(result, 'result'), warningsOf(warnings), optionalProvenance(provenance, 'provenance')),
  checkJson,
);
/**
 * The JSON `fairplan plan --json` writes (schema/plan.schema.json), as text.
 * @function
 * @param proposal - from {@link proposePlans}
 * @param options - the affordability the plan was made from, and a provenance
 * @returns the JSON text, ending with a newline
 */
export const renderPlanJson = check.guarded(
  'renderPlanJson',
  (proposal, options) => {
    check.proposal(proposal, 'proposal');
    if (options === undefined) return;
    const o = check.object(options, 'options');
    if (o.affordability !== undefined) check.affordability(o.affordability, 'options.affordability');
    optionalProvenance(o.provenance, 'options.provenance');
  },
  planJson,
);
export type { PlanJsonOptions } from './render/plan/json.js';
export { FORMAT_VERSION } from './render/shared/format-version.js';
/** @function */
export const provenance = check.guarded('provenance', (parts) => check.provenanceParts(parts, 'parts'), made);
/** @function */
export const provenanceReference = check.guarded('provenanceReference', (p) => check.madeProvenance(p, 'provenance'), ofRun);
/** @function */
export const letterReference = check.guarded('letterReference', (p, letter) => (check.madeProvenance(p, 'provenance'), check.text(letter, 'letter')), ofLetter);
export type { Provenance, ProvenanceInput, ProvenanceParts, OptionValue } from './core/provenance.js';
export { RULES_VERSION } from './core/rules-version.js';
/** @function */
export const parseIsoDate = check.guarded('parseIsoDate', (text) => check.text(text, 'text'), isoDate);
export type { IsoDate } from './core/date.js';
/** @function */
export const parseMoney = check.guarded('parseMoney', (text, symbol) => (check.text(text, 'text'), symbol === undefined || check.text(symbol, 'symbol')), money);
/** @function */
export const toFixed2 = check.guarded('toFixed2', (amount) => check.decimal(amount, 'amount'), fixed2);
export type { Dec, Money, Pennies } from './core/money.js';
export { FairplanError, isFairplanError } from './core/errors.js';
export type { ErrorContext, Problem } from './core/errors.js';
// The shapes the functions take and give, each part named so that the API reference (docs/api/) shows it.
export type {
  Statement,
  Line,
  Customer,
  Household,
  PaySchedule,
  IncomeLine,
  IncomeCategory,
  ExpenditureLine,
  ExpenditureCategory,
  FixedCategory,
  FlexibleCategory,
  RegularAmount,
  PriorityDebt,
  Debt,
  ExpectedChange,
  Vulnerability,
  VulnerabilityDriver,
  VulnerabilityConsent,
} from './core/statement.js';
export type { BreathingSpace } from './core/breathing-space.js';
export type {
  Affordability,
  AffordabilitySettings,
  Totals,
  MonthlyLine,
  MonthlyPriorityDebt,
  Offer,
  Flag,
  GuidelineResult,
  GuidelineStatus,
  GuidelineCheck,
} from './core/affordability/types.js';
export type { GuidelineTable, GuidelineRow, GuidelineAmounts, GuidelineCategory, GuidelineSource } from './core/affordability/guidelines.js';
export type { BusinessCalendar } from './core/calendar/business-calendar.js';
export type { LimitationChoices, LimitationStatus, PossiblyBarredDebt } from './core/time-limits.js';
export type {
  PlanProposal,
  PlanRequest,
  Proposal,
  PlanOption,
  AffordableOption,
  FixedTermOption,
  TokenOption,
  StepUpOption,
  SettlementOption,
  SettlementVariant,
  PlanOptionSummary,
  RepaidOutcome,
  NeverRepaysOutcome,
  ReviewOutcome,
  Recommendation,
  NotOffered,
  PaymentRun,
  CreditorSharing,
  CreditorSchedule,
  CreditorOutcome,
  ResolvedCreditor,
  RepayingPayment,
  Instalment,
  ResolvedPlanRequest,
  CreditorDebt,
  InterestTreatment,
  SettlementRequest,
  StepUpRequest,
  TokenSettings,
  CreditorDiscount,
} from './core/plan/types.js';
