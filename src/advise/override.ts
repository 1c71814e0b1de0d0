/**
 * When agreeing a plan takes a deliberate override: the plan asks for more than the budget shows is
 * affordable (CONC 7.3.10R: no pressure to pay unreasonably large amounts), or a flag of the
 * affordability check asks for a person's review before any plan is agreed (a vulnerability marker,
 * a shortfall…). Pure: what the session shows and what the export keeps are worded here once.
 */
import type { Affordability } from '../core/affordability/types.js';
import type { Statement } from '../core/statement.js';
import { isLeftOut, type PossiblyBarredDebt } from '../core/time-limits.js';
import { FLAG_NAMES } from '../render/labels.js';

export const ABOVE_BUDGET = 'the payments are above what the budget shows is affordable';

/**
 * Why agreeing `option` needs an override; none when it can simply be agreed. The limitation check
 * asks for none once each debt past the period (`possiblyBarred`, the plan request's) is left out of
 * the offers or included for a person's reason: it has been answered.
 */
export function concernsOf(affordability: Affordability, option: { readonly affordable: boolean }, possiblyBarred?: readonly PossiblyBarredDebt[]): string[] {
  const answered = possiblyBarred !== undefined && possiblyBarred.every((p) => isLeftOut(p) || p.reason !== undefined);
  const review = affordability.flags
    .filter((flag) => flag.review && !(answered && flag.code === 'limitation-check'))
    .map((flag) => FLAG_NAMES[flag.code]);
  return [
    ...(option.affordable ? [] : [ABOVE_BUDGET]),
    ...(review.length > 0 ? [`a flag asks for a person's review (${review.join(', ')})`] : []),
  ];
}

/**
 * Why `text` is not a reason a person could read later and understand, if it is not: a reason is
 * a few words ("Partner starts work in January"), not a letter typed to get past the question.
 * One rule for advise and `plan --override-reason`.
 */
export function reasonProblem(text: string): string | undefined {
  const words = text.trim().split(/\s+/).filter((word) => /\p{L}/u.test(word));
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  if (words.length < 3 || letters < 12) return 'say why in a few words, as it will be read later (e.g. "Partner starts work on 4 January")';
  return undefined;
}

/** The note the exported statement keeps of an override: what was overridden, and the advisor's reason. */
const overrideNote = (concerns: readonly string[], reason: string): string =>
  `Plan agreed all the same although ${concerns.join(' and ')}. Reason given: ${reason}`;

/** The statement as exported: its notes end with the override's. */
export function withOverrideNote(statement: Statement, concerns: readonly string[], reason: string): Statement {
  const note = overrideNote(concerns, reason);
  return { ...statement, notes: statement.notes ? `${statement.notes}\n${note}` : note };
}
