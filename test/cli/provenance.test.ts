/**
 * Every figure can be traced: each machine-readable output carries the provenance of the run (the
 * SHA-256 of its inputs as sha256sum gives it, the options that changed the result), letters and
 * reminders carry its reference, and the same inputs and options give the same bytes.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { letterReference, provenanceReference, type Provenance } from '../../src/core/provenance.js';
import { RULES_VERSION } from '../../src/core/rules-version.js';
import { FAIRPLAN_VERSION } from '../../src/cli/version.js';
import { fixture, runCli } from '../helpers/cli.js';

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');
const STATEMENT = fixture('statements', 'homeowner-several-creditors.json');
const GUIDELINES = fixture('guidelines', 'example-guidelines.yaml');
const SAMPLE = fixture('accounts', 'sample-accounts.csv');
const MAP = fixture('accounts', 'bank-export.map.json');
const BANK = fixture('accounts', 'bank-export-semicolon.csv');
const AS_OF = ['--as-of', '2026-12-01'];

const lastLine = (letter: string): string => letter.trimEnd().split('\n').at(-1) ?? '';
/** A letter's text above its reference line (and the blank line before it): what its reference is made of. */
const aboveReference = (letter: string): string => letter.slice(0, letter.lastIndexOf(`\n${lastLine(letter)}`));
const provenanceOf = (stdout: string): Provenance => (JSON.parse(stdout) as { provenance: Provenance }).provenance;
const tempDir = (): string => mkdtempSync(path.join(tmpdir(), 'fairplan-provenance-'));

async function succeed(args: string[], input?: string): Promise<string> {
  const { code, stdout, stderr } = await runCli(args, input === undefined ? {} : { input });
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return stdout;
}

describe('check --json', () => {
  it('carries the version, the rules, the guideline table and the SHA-256 of the statement and the guideline file', async () => {
    const args = ['check', STATEMENT, '--guidelines', GUIDELINES, '--token-threshold', '5', '--json', ...AS_OF];
    expect(provenanceOf(await succeed(args))).toEqual({
      fairplan: FAIRPLAN_VERSION,
      rulesVersion: RULES_VERSION,
      asOf: '2026-12-01',
      guidelines: { name: 'Example spending guidelines (invented, not official)', version: 'example-2026', effectiveFrom: '2026-04-06' },
      calendar: null,
      options: { '--guidelines': GUIDELINES, '--token-threshold': '5' },
      inputs: [
        { role: 'statement', file: STATEMENT, sha256: sha256(STATEMENT) },
        { role: 'guidelines', file: GUIDELINES, sha256: sha256(GUIDELINES) },
      ],
    });
  });

  it('names a built-in guideline table without an input file', async () => {
    const provenance = provenanceOf(await succeed(['check', fixture('statements', 'us-household.json'), '--json', ...AS_OF]));
    expect(provenance.guidelines?.name).toMatch(/IRS/);
    expect(provenance.inputs.map((i) => i.role)).toEqual(['statement']);
  });

  it('gives the same bytes run after run', async () => {
    const args = ['check', STATEMENT, '--json', ...AS_OF];
    expect(await succeed(args)).toBe(await succeed(args));
  });
});

describe('plan', () => {
  it('--json carries the calendar, the options given and the statement hash sha256sum gives', async () => {
    const provenance = provenanceOf(await succeed(['plan', STATEMENT, '--json', '--interest-rate', '9.9', '--no-redistribute', ...AS_OF]));
    expect(provenance).toMatchObject({
      asOf: '2026-12-01',
      calendar: 'England and Wales bank holidays',
      options: { '--interest-rate': '9.9', '--no-redistribute': true },
      inputs: [{ role: 'statement', file: STATEMENT, sha256: sha256(STATEMENT) }],
    });
  });

  it('--json without a statement has no input, only the options', async () => {
    const provenance = provenanceOf(await succeed(['plan', '--balance', '1000', '--affordable', '30', '--json', ...AS_OF]));
    expect(provenance).toMatchObject({ options: { '--affordable': '30', '--balance': '1000' }, inputs: [] });
  });

  it('--json when no plan can be made (an open-ended Breathing Space) carries it too', async () => {
    const file = fixture('statements', 'breathing-space-crisis-open.json');
    const stdout = await succeed(['plan', file, '--json', ...AS_OF]);
    expect(JSON.parse(stdout)).toHaveProperty('noPlan');
    expect(provenanceOf(stdout)).toMatchObject({ calendar: null, inputs: [{ role: 'statement', sha256: sha256(file) }] });
  });

  it('--letter ends with its own reference, made from the provenance --json gives for the same run and the letter above it', async () => {
    const [json, letter] = await Promise.all([succeed(['plan', STATEMENT, '--json', ...AS_OF]), succeed(['plan', STATEMENT, '--letter', ...AS_OF])]);
    const reference = letterReference(provenanceOf(json), aboveReference(letter));
    expect(reference).toMatch(new RegExp(`^Ref FP-[0-9a-f]{10} · fairplan ${FAIRPLAN_VERSION} · rules ${RULES_VERSION}$`));
    expect(lastLine(letter)).toBe(reference);
  });

  it('a changed option is in the provenance and changes the reference', async () => {
    const plain = provenanceOf(await succeed(['plan', STATEMENT, '--json', ...AS_OF]));
    const token = provenanceOf(await succeed(['plan', STATEMENT, '--json', '--token', '2', ...AS_OF]));
    expect(plain.options).toEqual({});
    expect(token.options).toEqual({ '--token': '2' });
    expect(provenanceReference(token)).not.toBe(provenanceReference(plain));
    const letter = await succeed(['plan', STATEMENT, '--letter', '--token', '2', ...AS_OF]);
    expect(lastLine(letter)).toBe(letterReference(token, aboveReference(letter)));
  });

  it('--letters to several creditors: each letter ends with a reference of its own, of the run and of that letter, and no two share one', async () => {
    const dir = tempDir();
    const provenance = provenanceOf(await succeed(['plan', STATEMENT, '--json', ...AS_OF]));
    const { code } = await runCli(['plan', STATEMENT, '--letters', dir, ...AS_OF]);
    expect(code).toBe(0);
    const letters = readdirSync(dir)
      .filter((name) => name.startsWith('letter-') && name.endsWith('.txt'))
      .map((name) => readFileSync(path.join(dir, name), 'utf8'));
    expect(letters).toHaveLength(7);
    for (const letter of letters) expect(lastLine(letter)).toBe(letterReference(provenance, aboveReference(letter)));
    expect(new Set(letters.map(lastLine)).size).toBe(7);
    expect(letters.map(lastLine)).not.toContain(provenanceReference(provenance));
  });

  it('--ics ends each reminder with the reference', async () => {
    const dir = tempDir();
    const reference = provenanceReference(provenanceOf(await succeed(['plan', STATEMENT, '--json', ...AS_OF])));
    const { code } = await runCli(['plan', STATEMENT, '--ics', path.join(dir, 'r.ics'), ...AS_OF]);
    expect(code).toBe(0);
    const unfolded = readFileSync(path.join(dir, 'r.ics'), 'utf8').replace(/\r\n[ \t]/g, '');
    const descriptions = unfolded.split('\r\n').filter((line) => line.startsWith('DESCRIPTION:'));
    expect(descriptions.length).toBeGreaterThan(0);
    // iCalendar escapes the commas of a description; the reference has none.
    for (const line of descriptions) expect(line.endsWith(` ${reference}`)).toBe(true);
  });

  it.each([
    ['--json', ['--json']],
    ['--letter', ['--letter']],
  ])('%s gives the same bytes run after run', async (_, output) => {
    const args = ['plan', STATEMENT, ...output, '--interest-rate', '9.9', ...AS_OF];
    expect(await succeed(args)).toBe(await succeed(args));
  });

  it('--ics gives the same bytes run after run', async () => {
    const dir = tempDir();
    const ics = async (name: string) => {
      expect((await runCli(['plan', STATEMENT, '--ics', path.join(dir, name), ...AS_OF])).code).toBe(0);
      return readFileSync(path.join(dir, name));
    };
    expect((await ics('a.ics')).equals(await ics('b.ics'))).toBe(true);
  });
});

describe('batch', () => {
  const records = (stdout: string) => stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { provenance: Provenance });

  it('--json: every record carries the same provenance, with the SHA-256 of the input and mapping files', async () => {
    const dir = tempDir();
    const summary = path.join(dir, 'summary.json');
    const { code, stdout } = await runCli(['batch', BANK, '--map', MAP, '--json', '-q', '--interest', 'apr', '--summary', summary, ...AS_OF]);
    expect(code).toBeLessThanOrEqual(1);
    const all = records(stdout);
    expect(all.length).toBeGreaterThan(1);
    const expected = {
      fairplan: FAIRPLAN_VERSION,
      rulesVersion: RULES_VERSION,
      asOf: '2026-12-01',
      guidelines: null,
      calendar: 'England and Wales bank holidays',
      options: { '--interest': 'apr', '--map': MAP },
      inputs: [
        { role: 'input', file: BANK, sha256: sha256(BANK) },
        { role: 'mapping', file: MAP, sha256: sha256(MAP) },
      ],
    };
    for (const record of all) expect(record.provenance).toEqual(expected);
    expect((JSON.parse(readFileSync(summary, 'utf8')) as { provenance: Provenance }).provenance).toEqual(expected);
  });

  it('--summary: the counts and totals of the run, in pence-exact strings', async () => {
    const dir = tempDir();
    const summary = path.join(dir, 'summary.json');
    const { code } = await runCli(['batch', SAMPLE, '-o', path.join(dir, 'r.csv'), '--summary', summary, '-q', ...AS_OF]);
    expect(code).toBe(1);
    const written = JSON.parse(readFileSync(summary, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(written)).toEqual(['formatVersion', 'rows', 'rejectedByCode', 'flags', 'recommended', 'leftOut', 'totals', 'defaultsUsed', 'unmappedColumns', 'unknownValues', 'unmapped_columns', 'provenance']);
    // The sample export records no last payment: no account is left out.
    expect(written.leftOut).toEqual({ possiblyStatuteBarred: 0 });
    expect(written.rows).toEqual({ read: 207, written: 201, rejected: 6 });
    expect(written.unmapped_columns).toEqual([]);
    expect(written.totals).toMatchObject({ balances: expect.stringMatching(/^\d+\.\d\d$/), instalmentsMonthly: expect.stringMatching(/^\d+\.\d\d$/) });
    const plans = Object.values(written.recommended as Record<string, number>);
    expect(plans.reduce((a, b) => a + b, 0)).toBe(201);
  });

  it('from standard input: records carry a null hash (not known until read); the summary carries the hash sha256sum gives', async () => {
    const dir = tempDir();
    const summary = path.join(dir, 'summary.json');
    const { stdout } = await runCli(['batch', '-', '--json', '-q', '--summary', summary, ...AS_OF], { input: readFileSync(SAMPLE, 'utf8') });
    for (const record of records(stdout)) expect(record.provenance.inputs).toEqual([{ role: 'input', file: '-', sha256: null }]);
    const written = JSON.parse(readFileSync(summary, 'utf8')) as { provenance: Provenance };
    expect(written.provenance.inputs).toEqual([{ role: 'input', file: '-', sha256: sha256(SAMPLE) }]);
  });

  it('--json and --summary give the same bytes run after run, with worker threads or without', async () => {
    const dir = tempDir();
    const run = async (name: string, workers: string) => {
      const summary = path.join(dir, `${name}.json`);
      const { stdout } = await runCli(['batch', SAMPLE, '--json', '-q', '--workers', workers, '--summary', summary, ...AS_OF]);
      return { stdout, summary: readFileSync(summary, 'utf8') };
    };
    const first = await run('a', '0');
    expect(await run('b', '0')).toEqual(first);
    expect(await run('c', '1')).toEqual(first);
  });
});
