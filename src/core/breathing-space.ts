/**
 * Breathing Space (the Debt Respite Scheme, England and Wales): while a moratorium is in force no
 * payment may be asked for, and interest and charges are frozen. A standard moratorium lasts up to
 * 60 days; a mental health crisis one lasts for the crisis treatment and 30 days more, so its end is
 * unknown until it is recorded.
 */
import { addDays, compareDates, type IsoDate } from './date.js';

export const BREATHING_SPACE_KINDS = ['standard', 'mental-health-crisis'] as const;
export type BreathingSpaceKind = (typeof BREATHING_SPACE_KINDS)[number];

/** Other words accepted for a kind, in statements, batch and follow-up alike. */
export const BREATHING_SPACE_ALIASES: Readonly<Record<string, BreathingSpaceKind>> = { 'mental-health': 'mental-health-crisis' };

/** The kind `text` names (any case), if it names one. */
export function breathingSpaceKindOf(text: string): BreathingSpaceKind | undefined {
  const key = text.trim().toLowerCase().replace(/[\s_]+/g, '-');
  return BREATHING_SPACE_KINDS.find((kind) => kind === key) ?? BREATHING_SPACE_ALIASES[key];
}

export interface BreathingSpace {
  readonly kind: BreathingSpaceKind;
  readonly start: IsoDate;
  /** The last day of the moratorium, when known. */
  readonly end?: IsoDate;
}

/** A standard moratorium with no end recorded is taken to end this many days after it starts. */
export const STANDARD_BREATHING_SPACE_DAYS = 60;

/** The last day of the moratorium; undefined for a mental health crisis one whose end is not yet known. */
export function breathingSpaceEnd(space: BreathingSpace): IsoDate | undefined {
  if (space.end !== undefined) return space.end;
  return space.kind === 'standard' ? addDays(space.start, STANDARD_BREATHING_SPACE_DAYS) : undefined;
}

/**
 * The last day of a moratorium known only by its end (a batch export records no more), when it is in
 * force on `asOf`: it ends on or after that day.
 */
export const pausedUntilEnd = (end: IsoDate | undefined, asOf: IsoDate): IsoDate | undefined =>
  end !== undefined && compareDates(asOf, end) <= 0 ? end : undefined;

/**
 * The moratorium a plan made on `asOf` must honour, if there is one: in force, or recorded to start
 * later (a plan's payments would otherwise fall inside it), and not yet ended.
 */
export function breathingSpaceToHonour(space: BreathingSpace | undefined, asOf: IsoDate): BreathingSpace | undefined {
  if (space === undefined) return undefined;
  const end = breathingSpaceEnd(space);
  return end === undefined || pausedUntilEnd(end, asOf) ? space : undefined;
}

/** The first day a payment may fall on: `asOf`, or the day after a moratorium's last day. */
export const firstPaymentDay = (asOf: IsoDate, pausedUntil: IsoDate | undefined): IsoDate =>
  pausedUntil === undefined ? asOf : addDays(pausedUntil, 1);

/** "a standard Breathing Space" or "a mental health crisis Breathing Space". */
export const breathingSpaceName = (space: BreathingSpace): string =>
  `${space.kind === 'standard' ? 'a standard' : 'a mental health crisis'} Breathing Space`;

/**
 * Why no plan can be made on `asOf`, if none can: a mental health crisis moratorium is in force with
 * no end recorded, so there is no day a first payment could fairly fall on; a person reviews it then.
 */
export function noPlanDuring(space: BreathingSpace | undefined, asOf: IsoDate): string | undefined {
  const inForce = breathingSpaceToHonour(space, asOf);
  if (inForce === undefined || breathingSpaceEnd(inForce) !== undefined) return undefined;
  return (
    `No plan is made: the customer is in ${breathingSpaceName(inForce)} from ${inForce.start} with no end recorded, ` +
    'and no payment may be asked for while it lasts. Review the budget with the customer when it ends; ' +
    'record its end in the statement to plan payments from the day after.'
  );
}
