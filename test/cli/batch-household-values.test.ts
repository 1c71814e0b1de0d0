/**
 * `fairplan batch` and the household values exports write their own way: common ones are read out
 * of the box, a mapping's `values` names the others, and a value still not understood never rejects
 * the account: the field takes the run's default, the row's defaults_used says so, and the run
 * counts the values per column on stderr and in the summary.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli, runCliErrors } from '../helpers/cli.js';

const EXPORT = fixture('accounts', 'household-export.csv');
const MAP = fixture('accounts', 'household-export.map.json');
const UK = ['--date-format', 'DD/MM/YYYY', '--as-of', '2026-01-05'];
const scratch = () => mkdtempSync(path.join(tmpdir(), 'fairplan-household-values-'));

const [HEADER = '', ...ROWS] = readFileSync(EXPORT, 'utf8').trimEnd().split('\n');
// R003 (line 4) records an owner with nothing to spare: a DRO pointer rests on its tenure.
const R003 = ROWS[2] ?? '';

/** The fixture's R003 row once for each [tenure, nation] given (R1, R2…), as a file. */
function exportWith(households: readonly (readonly [string, string])[]): string {
  const file = path.join(scratch(), 'export.csv');
  const rows = households.map(([tenure, nation], i) => R003.replace('R003', `R${i + 1}`).replace(',Owner,Scotland', `,${tenure},${nation}`));
  writeFileSync(file, [HEADER, ...rows].join('\n') + '\n');
  return file;
}

/** The fixture's mapping with `columns` changed, as a file. */
function mapWith(columns: Record<string, unknown>): string {
  const file = path.join(scratch(), 'map.json');
  const mapping = JSON.parse(readFileSync(MAP, 'utf8')) as { columns: Record<string, unknown> };
  writeFileSync(file, JSON.stringify({ ...mapping, columns: { ...mapping.columns, ...columns } }));
  return file;
}

interface Record_ {
  readonly account_id: string;
  readonly flags: readonly string[];
  readonly household: { readonly tenure: string; readonly jurisdiction: string; readonly defaults_used: readonly string[] };
}
const records = (ndjson: string): Record_[] => ndjson.trimEnd().split('\n').map((line) => JSON.parse(line) as Record_);
const households = (ndjson: string) => records(ndjson).map((r) => [r.account_id, r.household.tenure, r.household.jurisdiction, r.household.defaults_used.join(';')]);

describe('household values out of the box', () => {
  it('reads the tenures and nations exports commonly write, in any case, spacing and punctuation', async () => {
    const file = exportWith([
      ['Council tenant', 'N. Ireland'],
      ['Private rent', 'NI'],
      ['OWNER OCCUPIER', 'Wales'],
      ['mortgage', 'Scot.'],
      ['Housing Association', 'northern ireland'],
    ]);
    const { code, stdout, stderr } = await runCli(['batch', file, '--map', MAP, ...UK, '-q', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(households(stdout)).toEqual([
      ['R1', 'tenant-social', 'northern-ireland', ''],
      ['R2', 'tenant-private', 'northern-ireland', ''],
      ['R3', 'owner', 'england-wales', ''],
      ['R4', 'mortgage', 'scotland', ''],
      ['R5', 'tenant-social', 'northern-ireland', ''],
    ]);
    // A homeowner gets no DRO pointer; a tenant with the same budget does.
    expect(records(stdout).map((r) => r.flags.includes('dro-indicator'))).toEqual([true, true, false, false, true]);
  });
});

describe("a mapping's values", () => {
  it("read a column's own words as the values they stand for, over fairplan's own reading", async () => {
    const file = exportWith([
      ['Lodger', 'Ulster'],
      ['lodger ', 'England'],
      ['Council', 'England'],
    ]);
    const map = mapWith({
      tenure: { column: 'Tenure', values: { Lodger: 'tenant-private', Council: 'other' } },
      jurisdiction: { column: 'Nation', values: { Ulster: 'NI' } },
    });
    const { code, stdout } = await runCli(['batch', file, '--map', map, ...UK, '-q', '--json']);
    expect(code).toBe(0);
    expect(households(stdout)).toEqual([
      ['R1', 'tenant-private', 'northern-ireland', ''],
      ['R2', 'tenant-private', 'england-wales', ''],
      ['R3', 'other', 'england-wales', ''],
    ]);
  });

  it('are refused, every problem at once, when a value is not one fairplan knows or the field is not a household one', async () => {
    const map = mapWith({
      tenure: { column: 'Tenure', values: { 'Council tenant': 'rented', Owner: 'owner' } },
      adults: { column: 'Adults', values: { Couple: 2, None: 0 } },
      balance: { column: 'Amount Owed', values: { nil: '0' } },
    });
    const { code, stderr } = await runCli(['batch', EXPORT, '--map', map, ...UK, '-q'], { env: { FAIRPLAN_ERRORS: 'json' } });
    expect(code).toBe(2);
    const problems = stderr.trim().split('\n').map((line) => JSON.parse(line) as { code: string; field: string; message: string });
    expect(problems.map((p) => [p.code, p.field])).toEqual([
      ['invalid-mapping', 'columns.balance.values'],
      ['invalid-mapping', 'columns.adults.values.None'],
      ['invalid-mapping', 'columns.tenure.values.Council tenant'],
    ]);
    expect(problems[2]?.message).toMatch(/"rented" is not a tenure: expected one of owner, mortgage/);
  });
});

describe('a household value not understood', () => {
  it("does not reject the account: the field takes the run's default, defaults_used says so, and the values are counted per column", async () => {
    const file = exportWith([
      ['Lodger', 'Scotland'],
      ['Owner', 'Atlantis'],
      ['Lodger', 'Scotland'],
      ['Caravan', 'Scotland'],
      ['Owner', 'Scotland'],
    ]);
    const dir = scratch();
    const summary = path.join(dir, 'summary.json');
    const results = path.join(dir, 'results.ndjson');
    const { code, stderr } = await runCli(['batch', file, '--map', MAP, ...UK, '--json', '-o', results, '--summary', summary, '--jurisdiction', 'northern-ireland']);
    expect(code).toBe(0);
    const written = readFileSync(results, 'utf8');
    expect(households(written)).toEqual([
      ['R1', 'other', 'scotland', 'tenure'],
      ['R2', 'owner', 'northern-ireland', 'jurisdiction'],
      ['R3', 'other', 'scotland', 'tenure'],
      ['R4', 'other', 'scotland', 'tenure'],
      ['R5', 'owner', 'scotland', ''],
    ]);
    // Taken as tenure other, not a homeowner: the DRO pointer is not ruled out, and the figures say they rest on a default.
    expect(records(written)[0]?.flags).toContain('dro-indicator');
    const json = JSON.parse(readFileSync(summary, 'utf8'));
    expect(json.rows).toEqual({ read: 5, written: 5, rejected: 0 });
    expect(json.defaultsUsed).toEqual({ jurisdiction: 1, tenure: 3 });
    expect(json.unknownValues).toEqual({ Tenure: { rows: 3, values: { Lodger: 2, Caravan: 1 } }, Nation: { rows: 1, values: { Atlantis: 1 } } });
    expect(stderr).toContain('Tenure: 3 rows with values not understood ("Lodger" ×2, "Caravan" ×1); the default was used');
    expect(stderr).toContain('Nation: 1 row with values not understood ("Atlantis" ×1); the default was used');
  });

  it('is marked in --dry-run as read by default', async () => {
    const file = exportWith([['Lodger', 'Scotland']]);
    const { code, stdout } = await runCli(['batch', file, '--map', MAP, ...UK, '--dry-run', '1']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/tenure +other +by default: "Tenure" "Lodger" is not understood/);
  });
});

describe('--init-map and household values', () => {
  it('writes a values skeleton of the values the first rows hold, "?" for those not understood, which a run refuses until they are named', async () => {
    const file = exportWith([
      ['Council tenant', 'Scotland'],
      ['Lodger', 'Scot.'],
      ['Council tenant', 'Scotland'],
    ]);
    const dir = scratch();
    const guessed = path.join(dir, 'guessed.json');
    expect((await runCli(['batch', file, '--init-map', '-o', guessed])).code).toBe(0);
    const mapping = JSON.parse(readFileSync(guessed, 'utf8'));
    expect(mapping.columns.tenure).toEqual({ column: 'Tenure', values: { 'Council tenant': 'tenant-social', Lodger: '?' } });
    expect(mapping.columns.jurisdiction).toEqual({ column: 'Nation', values: { Scotland: 'scotland', 'Scot.': 'scotland' } });
    expect(mapping.columns['//tenure']).toMatch(/replace each "\?" with one of owner, mortgage/);

    const refused = await runCliErrors(['batch', file, '--map', guessed, ...UK, '-q']);
    expect(refused.code).toBe(2);
    expect(refused.errors).toEqual([expect.objectContaining({ code: 'invalid-mapping', file: guessed, field: 'columns.tenure.values.Lodger' })]);

    mapping.columns.tenure.values.Lodger = 'tenant-private';
    writeFileSync(guessed, JSON.stringify(mapping));
    const { code, stdout } = await runCli(['batch', file, '--map', guessed, ...UK, '-q', '--json']);
    expect(code).toBe(0);
    expect(households(stdout).map(([, tenure]) => tenure)).toEqual(['tenant-social', 'tenant-private', 'tenant-social']);
  });
});
