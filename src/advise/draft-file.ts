/**
 * Drafts on disk: written atomically after every answer, so a dropped call or a crash loses nothing,
 * and read back by `fairplan advise --resume FILE`.
 */
import { rm } from 'node:fs/promises';
import { FairplanError } from '../core/errors.js';
import { parseIsoDate } from '../core/date.js';
import { isPaymentFrequency } from '../core/frequency.js';
import { parseMoney } from '../core/money.js';
import { PLAN_KINDS, type PlanKind } from '../core/plan/types.js';
import { writeFileAtomic } from '../io/atomic-file.js';
import { parseRawText, readInputFile, statementFromRawValue } from '../statement/load.js';
import { NumberLiteral, type RawValue } from '../statement/raw.js';
import { toFairplanJson } from '../statement/write.js';
import { DRAFT_FORMAT, DRAFT_VERSION } from '../statement/draft-format.js';
import { ITEMS, STEPS, type Draft, type Item, type LimitationDecision, type Override, type PendingItem, type PlanChoice, type Step } from './draft.js';


export function draftToJson(draft: Draft): string {
  const plan = draft.plan && { ...draft.plan, ...(draft.plan.amount ? { amount: draft.plan.amount.toFixed() } : {}) };
  const document = {
    format: DRAFT_FORMAT,
    version: DRAFT_VERSION,
    step: draft.step,
    // The statement in fairplan's own format: amounts are strings at full precision.
    statement: JSON.parse(toFairplanJson(draft.statement)) as unknown,
    ...(plan ? { plan } : {}),
    ...(draft.limitation ? { limitation: draft.limitation } : {}),
    ...(draft.override ? { override: draft.override } : {}),
    ...(draft.pending ? { pending: draft.pending } : {}),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** A whole number the draft holds (a count or a position), or undefined. */
const wholeNumber = (value: unknown): number | undefined =>
  value instanceof NumberLiteral && /^\d+$/.test(value.source) ? Number(value.source) : undefined;

function problem(file: string, field: string, message: string): FairplanError {
  return new FairplanError('invalid-argument', message, { file, field });
}

function readPlan(value: unknown, file: string): PlanChoice {
  const plan = value as Record<string, unknown>;
  const termMonths = wholeNumber(plan.termMonths);
  if (typeof plan.kind !== 'string' || !(PLAN_KINDS as readonly string[]).includes(plan.kind)) {
    throw problem(file, 'plan.kind', `"${String(plan.kind)}" is not a plan option`);
  }
  const frequency = plan.frequency;
  if (frequency !== undefined && (typeof frequency !== 'string' || !isPaymentFrequency(frequency))) {
    throw problem(file, 'plan.frequency', `"${String(frequency)}" is not a payment frequency`);
  }
  return {
    kind: plan.kind as PlanKind,
    ...(termMonths === undefined ? {} : { termMonths }),
    ...(plan.variant === 'lump-sum' || plan.variant === 'instalments' ? { variant: plan.variant } : {}),
    ...(typeof plan.start === 'string' ? { start: parseIsoDate(plan.start) } : {}),
    ...(frequency ? { frequency } : {}),
    ...(typeof plan.amount === 'string' ? { amount: parseMoney(plan.amount) } : {}),
  };
}

const STATUSES: readonly string[] = ['unchecked', 'time-run-out', 'included'];

function readLimitation(value: unknown, file: string): LimitationDecision[] {
  if (!Array.isArray(value)) throw problem(file, 'limitation', 'expected the decisions about debts past the limitation period, as a list');
  return value.map((entry: unknown, i) => {
    const { creditor, status, reason } = (entry ?? {}) as Record<string, unknown>;
    if (typeof creditor !== 'string' || typeof status !== 'string' || !STATUSES.includes(status)) {
      throw problem(file, `limitation[${i}]`, `expected a creditor and one of ${STATUSES.join(', ')}`);
    }
    if (status === 'included' && (typeof reason !== 'string' || reason.trim() === '')) {
      throw problem(file, `limitation[${i}].reason`, 'expected the reason the debt is offered money all the same, as text');
    }
    return { creditor, status: status as LimitationDecision['status'], ...(typeof reason === 'string' ? { reason } : {}) };
  });
}

function readOverride(value: unknown, file: string): Override {
  const reason = (value as Record<string, unknown> | null)?.reason;
  if (typeof reason !== 'string' || reason.trim() === '') {
    throw problem(file, 'override.reason', 'expected the reason the plan was agreed all the same, as text');
  }
  return { reason };
}

function readPending(value: unknown, file: string): PendingItem {
  const pending = value as Record<string, unknown>;
  // Drafts written before other items than lines could be pending name the line's section.
  const item = pending.item ?? pending.section;
  const { index, answers } = pending;
  if (typeof item !== 'string' || !(ITEMS as readonly string[]).includes(item)) {
    throw problem(file, 'pending.item', `"${String(item)}" is not a part of the statement that can be half answered`);
  }
  if (!Array.isArray(answers) || !answers.every((a) => typeof a === 'string')) {
    throw problem(file, 'pending.answers', 'expected the answers typed so far, as a list of text');
  }
  const position = wholeNumber(index);
  return { item: item as Item, ...(position === undefined ? {} : { index: position }), answers };
}

/** Reads a draft as a statement file is read, so it is held to the same limits and its amounts stay exact. */
export function parseDraft(text: string, file: string): Draft {
  let document: Record<string, unknown>;
  try {
    document = parseRawText(text, file) as Record<string, unknown>;
  } catch (error) {
    throw problem(file, 'draft', `is not a fairplan advise draft (${error instanceof Error ? error.message : String(error)})`);
  }
  if (document?.format !== DRAFT_FORMAT || wholeNumber(document.version) !== DRAFT_VERSION) {
    throw problem(file, 'format', `is not a fairplan advise draft (expected "format": "${DRAFT_FORMAT}", "version": ${DRAFT_VERSION})`);
  }
  const step = document.step;
  if (typeof step !== 'string' || !(STEPS as readonly string[]).includes(step)) {
    throw problem(file, 'step', `"${String(step)}" is not a step of the session`);
  }
  const statement = statementFromRawValue((document.statement ?? null) as RawValue, file);
  return {
    step: step as Step,
    statement,
    ...(document.plan === undefined ? {} : { plan: readPlan(document.plan, file) }),
    ...(document.limitation === undefined ? {} : { limitation: readLimitation(document.limitation, file) }),
    ...(document.override === undefined ? {} : { override: readOverride(document.override, file) }),
    ...(document.pending === undefined ? {} : { pending: readPending(document.pending, file) }),
  };
}

/** A draft holds the customer's whole budget: only its owner may read it (and DRAFTS_FOLDER_MODE). */
export const saveDraft = (file: string, draft: Draft): Promise<void> => writeFileAtomic(file, draftToJson(draft), 0o600);

/** The permissions of the drafts folder when fairplan makes it: only its owner may open it. */
export const DRAFTS_FOLDER_MODE = 0o700;

/** After a successful export the draft is not needed, and personal data is not left behind. */
export async function removeDraft(file: string): Promise<void> {
  try {
    await rm(file, { force: true });
  } catch (error) {
    throw new FairplanError('io', `cannot remove the draft ${file}: ${error instanceof Error ? error.message : String(error)}`, { file });
  }
}

export const loadDraft = async (file: string): Promise<Draft> => parseDraft(await readInputFile(file), file);
