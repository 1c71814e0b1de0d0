/**
 * `fairplan batch` and an export's dates: a format that swaps day and month reads every day of 12
 * or under without complaint, so the one date that proves it wrong stops the run, whether it is
 * among the first rows or far down the file, and nothing is written; dates that no format given
 * reads are named in one line with the format that reads them, or the two it cannot tell apart.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli, runCliErrors } from '../helpers/cli.js';

const EXPORT = fixture('accounts', 'household-export.csv');
const MAP = fixture('accounts', 'household-export.map.json');
const asJson = { env: { FAIRPLAN_ERRORS: 'json' } };
const scratch = () => mkdtempSync(path.join(tmpdir(), 'fairplan-batch-dates-'));

const [HEADER = '', FIRST = ''] = readFileSync(EXPORT, 'utf8').split('\n');

/** The fixture's first row once for each payday given (R1, R2…), as a file. */
function exportWith(paydays: readonly string[]): string {
  const file = path.join(scratch(), 'export.csv');
  writeFileSync(file, [HEADER, ...paydays.map((day, i) => FIRST.replace('R001', `R${i + 1}`).replace('16/01/2026', day))].join('\n') + '\n');
  return file;
}

const errorOf = (stderr: string) => JSON.parse(stderr.trim()) as { code: string; file?: string; line?: number; field?: string; message: string };

describe('a --date-format the dates prove wrong', () => {
  it('stops the run in one line, naming the file, line, column and value and the format that reads it, and writes nothing', async () => {
    const results = path.join(scratch(), 'results.csv');
    // The fixture is written DD/MM/YYYY: its first payday, 16/01/2026, has no month 16.
    const run = await runCli(['batch', EXPORT, '--map', MAP, '--date-format', 'MM/DD/YYYY', '--as-of', '2026-01-05', '-o', results]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(EXPORT);
    expect(run.stderr).toMatch(/line 2: Next Payday: "16\/01\/2026" cannot be MM\/DD\/YYYY \(there is no month 16\).*--date-format DD\/MM\/YYYY/);
    expect(existsSync(results)).toBe(false);

    const json = await runCli(['batch', EXPORT, '--map', MAP, '--date-format', 'MM/DD/YYYY', '--as-of', '2026-01-05', '-o', results], asJson);
    expect(errorOf(json.stderr)).toMatchObject({ code: 'invalid-date', file: EXPORT, line: 2, field: 'Next Payday' });
  });

  it('looks over the first rows before any is planned: a proof on the fifth row stops the run as on the first', async () => {
    const file = exportWith(['01/02/2026', '02/03/2026', '03/04/2026', '04/05/2026', '25/03/2026']);
    const run = await runCli(['batch', file, '--map', MAP, '--date-format', 'MM/DD/YYYY', '--as-of', '2026-01-05', '-q'], asJson);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(errorOf(run.stderr)).toMatchObject({ code: 'invalid-date', line: 6, field: 'Next Payday' });
    expect(errorOf(run.stderr).message).toMatch(/"25\/03\/2026" cannot be MM\/DD\/YYYY \(there is no month 25\).*--date-format DD\/MM\/YYYY/);
  });

  it('stops at a proof far past the first rows, publishing none of the outputs of the rows before it', async () => {
    // 1,500 rows whose days are all 12 or under, read (wrongly) as MM/DD, then one that is not.
    const days = Array.from({ length: 1_500 }, (_, i) => `${String((i % 12) + 1).padStart(2, '0')}/02/2026`);
    const file = exportWith([...days, '13/02/2026', '01/02/2026']);
    const dir = scratch();
    const outputs = ['results.csv', 'schedules.csv', 'rejected.csv', 'summary.json'].map((name) => path.join(dir, name));
    const [results, schedules, errors, summary] = outputs as [string, string, string, string];
    const run = await runCli(
      ['batch', file, '--map', MAP, '--date-format', 'MM/DD/YYYY', '--as-of', '2026-01-05', '-o', results, '--schedules', schedules, '--errors', errors, '--summary', summary],
      asJson,
    );
    expect(run.code).toBe(2);
    expect(errorOf(run.stderr)).toMatchObject({ code: 'invalid-date', line: 1_502, field: 'Next Payday' });
    expect(outputs.filter((output) => existsSync(output))).toEqual([]);
  });

  it('reads the same export with the format its dates prove', async () => {
    const run = await runCli(['batch', EXPORT, '--map', MAP, '--date-format', 'DD/MM/YYYY', '--as-of', '2026-01-05', '-q']);
    expect(run.code).toBe(0);
  });
});

describe('dates no row of the first ones reads', () => {
  it('are named in one line with the format that reads them, in a file of five rows', async () => {
    const file = exportWith(['16/01/2026', '09/01/2026', '13/01/2026', '23/01/2026', '30/01/2026']);
    const run = await runCli(['batch', file, '--map', MAP, '--as-of', '2026-01-05']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/"Next Payday" of the first 5 rows reads as YYYY-MM-DD \(line 2: "16\/01\/2026"\): the dates look like DD\/MM\/YYYY; run with --date-format DD\/MM\/YYYY/);
  });

  it('are not guessed at when they read as DD/MM/YYYY and MM/DD/YYYY alike: the run says so and asks for --date-format', async () => {
    const file = exportWith(['01/02/2026', '02/03/2026', '03/04/2026', '04/05/2026', '05/06/2026']);
    const run = await runCli(['batch', file, '--map', MAP, '--as-of', '2026-01-05'], asJson);
    expect(run.code).toBe(2);
    const error = errorOf(run.stderr);
    expect(error.code).toBe('invalid-date');
    expect(error.message).toMatch(/DD\/MM\/YYYY and as MM\/DD\/YYYY alike/);
    expect(error.message).toMatch(/give --date-format DD\/MM\/YYYY or MM\/DD\/YYYY/);
  });

  it('refuses in one line a small file whose every row is rejected for the same column, not a line a row', async () => {
    const file = exportWith(['16/01/2026', '09/01/2026', '13/01/2026']);
    const broken = readFileSync(file, 'utf8').replace(/,Weekly,/g, ',Yearly,');
    writeFileSync(file, broken);
    const run = await runCliErrors(['batch', file, '--map', MAP, '--date-format', 'DD/MM/YYYY', '--as-of', '2026-01-05']);
    expect(run.code).toBe(2);
    // One error for the file, naming the column (the export's own name), not one a row.
    expect(run.errors).toEqual([expect.objectContaining({ code: 'invalid-argument', file, message: expect.stringContaining('Paid') })]);
  });
});
