/**
 * `fairplan batch` as a new analyst meets it: a money column is judged over the whole file, not the
 * first rows; a column of ages is not money; the rejected rows are counted by code; a mapping file's
 * mistakes are told in plain sentences; and a guessed mapping that leaves fields to decide says so.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/cli.js';

const EXPORT = fixture('accounts', 'household-export.csv');
const MAP = fixture('accounts', 'household-export.map.json');
const SAMPLE = fixture('accounts', 'sample-accounts.csv');
const UK = ['--date-format', 'DD/MM/YYYY', '--as-of', '2026-01-05'];
const scratch = () => mkdtempSync(path.join(tmpdir(), 'fairplan-batch-columns-'));

/** The fixture's mapping with `columns` changed, written to `dir`. */
function mapWith(dir: string, columns: Record<string, unknown>): string {
  const file = path.join(dir, 'map.json');
  const mapping = JSON.parse(readFileSync(MAP, 'utf8')) as { columns: Record<string, unknown> };
  writeFileSync(file, JSON.stringify({ ...mapping, columns: { ...mapping.columns, ...columns } }));
  return file;
}

/** The fixture export's header and `count` copies of its first row, Water blank in all but the last `filled`. */
function waterLate(dir: string, count: number, filled: number): string {
  const [header = '', row = ''] = readFileSync(EXPORT, 'utf8').split('\n');
  const rows = Array.from({ length: count }, (_, i) => row.replace('R001', `R${i + 1}`).replace(',38.20,', i < count - filled ? ',,' : ',38.20,'));
  const file = path.join(dir, 'export.csv');
  writeFileSync(file, `${[header, ...rows].join('\n')}\n`);
  return file;
}

describe('a money column blank in the first rows', () => {
  it('is judged over every row: named on stderr and in the summary, and --strict refuses the run and publishes nothing', async () => {
    const dir = scratch();
    // Water is blank in the first 150 rows (past the 100 looked at first), then holds amounts.
    const input = waterLate(dir, 160, 10);
    const narrow = mapWith(dir, { utilities: ['Energy', 'Phone & Broadband'] });
    const summary = path.join(dir, 'summary.json');
    const run = await runCli(['batch', input, '--map', narrow, ...UK, '-q', '-o', path.join(dir, 'results.csv'), '--summary', summary]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/neither read nor carried: "Water"/);
    const written = JSON.parse(readFileSync(summary, 'utf8')) as Record<string, unknown>;
    expect(written.unmappedColumns).toEqual(['Water']);
    expect(written.unmapped_columns).toEqual(['Water']);

    const strictDir = scratch();
    const outputs = ['results.csv', 'schedules.csv', 'rejected.csv', 'summary.json'].map((name) => path.join(strictDir, name));
    const [results = '', schedules = '', errors = '', strictSummary = ''] = outputs;
    const strict = await runCli(['batch', input, '--map', narrow, ...UK, '--strict', '-o', results, '--schedules', schedules, '--errors', errors, '--summary', strictSummary]);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toMatch(/"Water"/);
    for (const output of outputs) expect(existsSync(output), output).toBe(false);
  });
});

describe('the rejected rows counted by code', () => {
  it('are counted on stderr, most first, and by code in the summary', async () => {
    const dir = scratch();
    const [header = '', good = ''] = readFileSync(SAMPLE, 'utf8').split('\n');
    const rows = [
      good,
      good.replace('ACC000000001', 'BAD1').replace('847.43', 'lots'),
      good.replace('ACC000000001', 'BAD2').replace('3012.05', '"12,34"'),
      good.replace('ACC000000001', 'BAD3').replace('566.48', 'about 500'),
      good.replace('ACC000000001', 'BAD4').replace('2026-01-25', '2026-02-30'),
    ];
    const input = path.join(dir, 'accounts.csv');
    writeFileSync(input, `${[header, ...rows].join('\n')}\n`);
    const summary = path.join(dir, 'summary.json');
    const { code, stderr } = await runCli(['batch', input, '--as-of', '2026-01-05', '-o', path.join(dir, 'r.csv'), '--errors', path.join(dir, 'e.csv'), '--summary', summary]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Rejected 4 rows: 3 invalid-amount, 1 invalid-date$/m);
    expect(JSON.parse(readFileSync(summary, 'utf8')).rejectedByCode).toEqual({ 'invalid-amount': 3, 'invalid-date': 1 });
  });

  it('gives every code of the sample export in the summary, and none when nothing is rejected', async () => {
    const dir = scratch();
    const summary = path.join(dir, 'summary.json');
    await runCli(['batch', SAMPLE, '--as-of', '2026-01-05', '-o', path.join(dir, 'r.csv'), '--summary', summary, '-q']);
    // The six rows the sample export is made to reject, one of each (fixtures/accounts/README).
    expect(JSON.parse(readFileSync(summary, 'utf8')).rejectedByCode).toEqual({
      'invalid-amount': 1,
      'invalid-date': 1,
      'invalid-frequency': 1,
      'missing-value': 1,
      'negative-amount': 1,
      'wrong-field-count': 1,
    });
    const clean = await runCli(['batch', EXPORT, '--map', MAP, ...UK, '-o', path.join(dir, 'clean.csv'), '--summary', summary]);
    expect(clean.code).toBe(0);
    expect(clean.stderr).not.toMatch(/^Rejected/m);
    expect(JSON.parse(readFileSync(summary, 'utf8')).rejectedByCode).toEqual({});
  });
});

describe('a mapping file with mistakes', () => {
  it('gets one plain sentence for each, naming the file, the field by its JSON path and what was expected, with a stable code (exit 2)', async () => {
    const dir = scratch();
    const map = path.join(dir, 'bad.map.json');
    writeFileSync(
      map,
      JSON.stringify({
        columns: { balance: 5, utilities: [], food: { column: 'Groceries (weekly)', frequency: 'wekly' }, housing: { col: 'Rent' }, transport: ['Travel', ''], blance: 'x' },
        carry: 'Region',
        delim: ';',
      }),
    );
    const { code, stderr, stdout } = await runCli(['batch', EXPORT, '--map', map, ...UK], { env: { FAIRPLAN_ERRORS: 'json' } });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const problems = stderr.trim().split('\n').map((line) => JSON.parse(line) as { code: string; file: string; field?: string; message: string });
    expect(problems.map((p) => p.field).sort()).toEqual(
      ['carry', 'columns.balance', 'columns.blance', 'columns.food.frequency', 'columns.housing.col', 'columns.housing.column', 'columns.transport[1]', 'columns.utilities', 'delim'].sort(),
    );
    for (const problem of problems) {
      expect(problem.code).toBe('invalid-mapping');
      expect(problem.file).toBe(map);
      // One sentence of fairplan's, not the schema library's.
      expect(problem.message).not.toMatch(/Invalid input|Too small|Unrecognized|received/);
      expect(problem.message.split(/[.;] [A-Z]/)).toHaveLength(1);
    }
    const byField = Object.fromEntries(problems.map((p) => [p.field, p.message]));
    expect(byField['columns.food.frequency']).toMatch(/"wekly".*weekly/);
    expect(byField['columns.balance']).toMatch(/expected .*column.*got the number 5/);
    expect(byField.delim).toMatch(/did you mean "delimiter"/);
  });

  it('that is not JSON, or not an object, gets one sentence naming the mapping file (exit 2)', async () => {
    const dir = scratch();
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{"columns": ');
    const list = path.join(dir, 'list.json');
    writeFileSync(list, '[1, 2]');
    for (const map of [broken, list]) {
      const { code, stderr } = await runCli(['batch', EXPORT, '--map', map], { env: { FAIRPLAN_ERRORS: 'json' } });
      expect(code).toBe(2);
      const [problem, ...more] = stderr.trim().split('\n').map((line) => JSON.parse(line) as { code: string; file: string; message: string });
      expect(more).toEqual([]);
      expect(problem).toMatchObject({ code: 'invalid-mapping', file: map });
      expect(problem?.message).toMatch(/mapping file/);
    }
  });
});

describe('--init-map with fields it could not guess', () => {
  it('writes the mapping, names on stderr each field left "?" and exits 4', async () => {
    const dir = scratch();
    const input = path.join(dir, 'export.csv');
    // No column for council tax or the next payday.
    writeFileSync(input, 'Ref,Amount Owed,Income,Rent,Energy,Groceries,Travel,Other,Paid\nR1,100.00,1500.00,500.00,80.00,200.00,40.00,30.00,monthly\n');
    const mapFile = path.join(dir, 'export.map.json');
    const { code, stderr } = await runCli(['batch', input, '--init-map', '-o', mapFile]);
    expect(code).toBe(4);
    const mapping = JSON.parse(readFileSync(mapFile, 'utf8')) as { columns: Record<string, unknown> };
    expect([mapping.columns.council_tax, mapping.columns.next_pay_date]).toEqual(['?', '?']);
    expect(stderr).toMatch(/council_tax, next_pay_date/);

    // A run given the mapping as it is names each field still "?", in one line.
    const run = await runCli(['batch', input, '--map', mapFile, '--as-of', '2026-01-05'], { env: { FAIRPLAN_ERRORS: 'json' } });
    expect(run.code).toBe(2);
    const problems = run.stderr.trim().split('\n').map((line) => JSON.parse(line) as { field: string; message: string });
    expect(problems.map((p) => p.field)).toEqual(['council_tax', 'next_pay_date']);
    for (const problem of problems) expect(problem.message).toMatch(/still "\?"/);
  });

  it('exits 0 when it found a column for every field a run needs', async () => {
    const { code, stderr } = await runCli(['batch', EXPORT, '--init-map']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });
});
