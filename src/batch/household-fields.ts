/**
 * The household a batch row records (adults, children, tenure, jurisdiction), read by the names and
 * values of a statement (src/core/statement.ts), and the run's defaults for a row that records none.
 *
 * Exports write values their own way, so a value is compared in any case, with spaces or `_` for
 * `-`, and a tenure may be written as the SFS names it ("Tenant - private sector"), a jurisdiction
 * as the calendar regions are ("England", "Wales", "NI"). Anything else is refused, with what was
 * expected: a tenure guessed wrong would raise or drop a DRO pointer without a sign.
 */
import { parseCalendarRegion, type CalendarRegion } from '../core/calendar/index.js';
import { FairplanError } from '../core/errors.js';
import { JURISDICTIONS, TENURES, type Jurisdiction, type Tenure } from '../core/statement.js';
import { closest } from '../core/suggest.js';
import { SFS_TENURES } from '../statement/sfs-layout.js';
import { HOUSEHOLD_FIELDS, type HouseholdField } from './fields.js';

/** What a row's flags and due dates rest on; `defaulted` names the fields it did not record. */
export interface RowHousehold {
  readonly adults: number;
  readonly children: number;
  readonly tenure: Tenure;
  readonly jurisdiction: Jurisdiction;
  /** The bank holidays its due dates move around: its jurisdiction's, or the run's default when it records none. */
  readonly calendar: CalendarRegion;
  readonly defaulted: readonly HouseholdField[];
}

/** The run's defaults for rows that record no jurisdiction (`batch --jurisdiction`, `--calendar`). */
export interface HouseholdDefaults {
  readonly jurisdiction: Jurisdiction;
  readonly calendar: CalendarRegion;
}

export const DEFAULT_ADULTS = 1;
export const DEFAULT_CHILDREN = 0;
/** Not a homeowner, so a DRO pointer is not ruled out by a tenure the row does not record. */
export const DEFAULT_TENURE: Tenure = 'other';
export const DEFAULT_JURISDICTION: Jurisdiction = 'england-wales';

/** The defaults when the run gives none: England and Wales, and its bank holidays. */
export const HOUSEHOLD_DEFAULTS: HouseholdDefaults = { jurisdiction: DEFAULT_JURISDICTION, calendar: DEFAULT_JURISDICTION };

/** The run's defaults from `--jurisdiction` and `--calendar`: the calendar follows the jurisdiction unless given. */
export const householdDefaults = (jurisdiction: Jurisdiction | undefined, calendar: CalendarRegion | undefined): HouseholdDefaults => {
  const law = jurisdiction ?? DEFAULT_JURISDICTION;
  return { jurisdiction: law, calendar: calendar ?? law };
};

/** What a row records of its household: a field it leaves blank, or has no column for, is undefined. */
export type RecordedHousehold = { readonly [F in HouseholdField]?: RowHousehold[F] | undefined };

/** The household of what a row records, each field it does not from the run's defaults. */
export function householdWithDefaults(row: RecordedHousehold, defaults: HouseholdDefaults = HOUSEHOLD_DEFAULTS): RowHousehold {
  return {
    adults: row.adults ?? DEFAULT_ADULTS,
    children: row.children ?? DEFAULT_CHILDREN,
    tenure: row.tenure ?? DEFAULT_TENURE,
    jurisdiction: row.jurisdiction ?? defaults.jurisdiction,
    // A recorded jurisdiction's own bank holidays; the run's calendar for a row that records none.
    calendar: row.jurisdiction ?? defaults.calendar,
    defaulted: HOUSEHOLD_FIELDS.filter((field) => row[field] === undefined),
  };
}

/** A value refused, naming the household field it was read for (its rejection code is `invalid-` and the field). */
const refused = (field: HouseholdField, message: string): FairplanError => new FairplanError('invalid-argument', message, { field });

const key = (text: string): string => text.trim().toLowerCase().replace(/[\s_&]+/g, '-').replace(/-+/g, '-');

const MOST_PEOPLE = 99;

function count(text: string, field: 'adults' | 'children', least: number): number {
  if (!/^\d{1,2}$/.test(text) || Number(text) < least) {
    throw refused(field, `"${text}" is not a number of ${field}: expected a whole number from ${least} to ${MOST_PEOPLE}`);
  }
  return Number(text);
}

export const readAdults = (text: string): number => count(text, 'adults', 1);
export const readChildren = (text: string): number => count(text, 'children', 0);

const TENURE_BY_KEY: ReadonlyMap<string, Tenure> = new Map<string, Tenure>([
  ...TENURES.map((tenure): [string, Tenure] => [tenure, tenure]),
  ...Object.entries(SFS_TENURES).map(([name, tenure]): [string, Tenure] => [key(name), tenure]),
]);

export function readTenure(text: string): Tenure {
  const found = TENURE_BY_KEY.get(key(text));
  if (found) return found;
  const near = closest(key(text), TENURES);
  throw refused(
    'tenure',
    `"${text}" is not a tenure: expected one of ${TENURES.join(', ')} (or the SFS's names, e.g. "Tenant - private sector")${near ? `; did you mean "${near}"?` : ''}`,
  );
}

const isJurisdiction = (region: CalendarRegion): region is Jurisdiction => (JURISDICTIONS as readonly string[]).includes(region);

/** A jurisdiction by the names the calendar regions take ("England", "Wales", "Scotland", "NI"); `none` is no jurisdiction. */
export function readJurisdiction(text: string): Jurisdiction {
  const expected = `expected one of ${JURISDICTIONS.join(', ')} (or England, Wales, NI)`;
  let region: CalendarRegion;
  try {
    region = parseCalendarRegion(text);
  } catch (error) {
    if (!(error instanceof FairplanError)) throw error;
    const near = closest(key(text), JURISDICTIONS);
    throw refused('jurisdiction', `"${text}" is not a jurisdiction: ${expected}${near ? `; did you mean "${near}"?` : ''}`);
  }
  if (!isJurisdiction(region)) throw refused('jurisdiction', `"${text}" is not a jurisdiction: ${expected}`);
  return region;
}
