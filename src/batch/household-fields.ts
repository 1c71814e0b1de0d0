/**
 * The household a batch row records (adults, children, tenure, jurisdiction), read by the names and
 * values of a statement (src/core/statement.ts), and the run's defaults for a row that records none.
 *
 * Exports write values their own way, so a value is compared in any case, with any spaces and
 * punctuation, and a tenure may be written as the SFS names it ("Tenant - private sector") or as
 * exports often do ("Council tenant", "Owner occupier"), a jurisdiction as the calendar regions are
 * ("England", "Wales", "NI", "N. Ireland"); a mapping's `values` name the rest. A reader refuses
 * anything else, with what was expected: a batch row takes the run's default for it and says so
 * (account.ts), as a tenure guessed would raise or drop a DRO pointer without a sign.
 */
import type { CalendarRegion } from '../core/calendar/index.js';
import { FairplanError, type Problem } from '../core/errors.js';
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
const DEFAULT_JURISDICTION: Jurisdiction = 'england-wales';

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

/** A value refused, naming the household field it was read for. */
const refused = (field: HouseholdField, message: string): FairplanError => new FairplanError('invalid-argument', message, { field });

/**
 * A value as compared: in any case, with any spaces and punctuation ("N. Ireland" is "nireland",
 * "Tenant - social" "tenantsocial"), as exports write the same word many ways.
 */
export const valueKey = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '');

const MOST_PEOPLE = 99;

function count(text: string, field: 'adults' | 'children', least: number): number {
  const trimmed = text.trim();
  if (!/^\d{1,2}$/.test(trimmed) || Number(trimmed) < least) {
    throw refused(field, `"${text}" is not a number of ${field}: expected a whole number from ${least} to ${MOST_PEOPLE}`);
  }
  return Number(trimmed);
}

export const readAdults = (text: string): number => count(text, 'adults', 1);
export const readChildren = (text: string): number => count(text, 'children', 0);

/**
 * The tenures as exports write them, besides the statement's and the SFS's names. Only words that
 * say one tenure: an owner occupier or homeowner is an owner (with or without a mortgage, the DRO
 * pointer is ruled out alike), a bare "rent" or "tenant" says neither private nor social.
 */
const TENURE_WORDS: Readonly<Record<Tenure, readonly string[]>> = {
  owner: ['owner occupier', 'owner-occupier', 'homeowner', 'home owner', 'owned outright', 'own outright', 'outright owner'],
  mortgage: ['mortgaged', 'owner with mortgage', 'mortgage holder', 'buying with mortgage'],
  'living-with-parents': ['with parents', 'lives with parents', 'parents'],
  'tenant-private': ['private rent', 'private rented', 'privately rented', 'renting privately', 'private tenant', 'private landlord', 'tenant private sector'],
  'tenant-social': ['social rent', 'social rented', 'social housing', 'social tenant', 'council tenant', 'council', 'council house', 'council rent', 'housing association', 'housing association tenant'],
  other: [],
};

const TENURE_BY_KEY: ReadonlyMap<string, Tenure> = new Map<string, Tenure>([
  ...TENURES.map((tenure): [string, Tenure] => [valueKey(tenure), tenure]),
  ...Object.entries(SFS_TENURES).map(([name, tenure]): [string, Tenure] => [valueKey(name), tenure]),
  ...Object.entries(TENURE_WORDS).flatMap(([tenure, words]) => words.map((word): [string, Tenure] => [valueKey(word), tenure as Tenure])),
]);

export function readTenure(text: string): Tenure {
  const found = TENURE_BY_KEY.get(valueKey(text));
  if (found) return found;
  const near = closest(valueKey(text), TENURES);
  throw refused(
    'tenure',
    `"${text}" is not a tenure: expected one of ${TENURES.join(', ')} (or the SFS's names, e.g. "Tenant - private sector")${near ? `; did you mean "${near}"?` : ''}`,
  );
}

/** The jurisdictions by the names exports and the calendar regions give them ("Wales", "N. Ireland", "NI", "Scot."). */
const JURISDICTION_WORDS: Readonly<Record<Jurisdiction, readonly string[]>> = {
  'england-wales': ['england-wales', 'england and wales', 'england & wales', 'england', 'wales', 'eng', 'wls', 'ew', 'e&w', 'cymru'],
  scotland: ['scotland', 'scot', 'sct', 'scottish'],
  'northern-ireland': ['northern-ireland', 'northern ireland', 'n ireland', 'ni', 'nir', 'n.i.'],
};

const JURISDICTION_BY_KEY: ReadonlyMap<string, Jurisdiction> = new Map<string, Jurisdiction>(
  Object.entries(JURISDICTION_WORDS).flatMap(([jurisdiction, words]) => words.map((word): [string, Jurisdiction] => [valueKey(word), jurisdiction as Jurisdiction])),
);

/** A near spelling's form, for a suggestion ("scotlnd" is near "scotland"). */
const key = (text: string): string => text.trim().toLowerCase().replace(/[\s_&]+/g, '-').replace(/-+/g, '-');

/** A jurisdiction by the names it is written by ("England", "Wales", "Scotland", "NI"); `none` is no jurisdiction. */
export function readJurisdiction(text: string): Jurisdiction {
  const found = JURISDICTION_BY_KEY.get(valueKey(text));
  if (found) return found;
  const near = closest(key(text), JURISDICTIONS);
  throw refused('jurisdiction', `"${text}" is not a jurisdiction: expected one of ${JURISDICTIONS.join(', ')} (or England, Wales, NI)${near ? `; did you mean "${near}"?` : ''}`);
}

/** Each household field's reader of a cell (or of a mapping's value). */
export const HOUSEHOLD_READERS: { readonly [F in HouseholdField]: (text: string) => RowHousehold[F] } = {
  adults: readAdults,
  children: readChildren,
  tenure: readTenure,
  jurisdiction: readJurisdiction,
};

/**
 * A mapping's `values` for a household column (`{"Council tenant": "tenant-social"}`), keyed as
 * values are compared (valueKey); each value a problem, by its path, when it is not one fairplan
 * knows for the field.
 */
export function valueTable(field: HouseholdField, values: Readonly<Record<string, string | number>>, path: string): { table: Record<string, string>; problems: Problem[] } {
  const table: Record<string, string> = {};
  const problems: Problem[] = [];
  for (const [written, meant] of Object.entries(values)) {
    const text = String(meant);
    try {
      HOUSEHOLD_READERS[field](text);
      table[valueKey(written)] = text;
    } catch (error) {
      if (!(error instanceof FairplanError)) throw error;
      problems.push({ path: `${path}.${written}`, message: text === '?' ? `replace "?" with what "${written}" means: ${error.message.replace(/^"\?" is not /, '')}` : error.message });
    }
  }
  return { table, problems };
}
