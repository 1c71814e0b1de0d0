/** `FAIRPLAN_ERRORS=json`: a script reads each error's stable code, never its wording. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { FORMAT_VERSION } from '../../src/render/shared/format-version.js';
import { fixture, ROOT, runCli } from '../helpers/cli.js';

const asJson = { env: { FAIRPLAN_ERRORS: 'json' } };
const errors = (stderr: string) => stderr.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

describe('errors as JSON lines (FAIRPLAN_ERRORS=json)', () => {
  it('gives each problem of a statement its code, file and field, one object a line of the format version, and exits 2', async () => {
    const { code, stdout, stderr } = await runCli(['check', fixture('statements', 'invalid', 'bad-amount.json')], asJson);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(errors(stderr)).toEqual([
      expect.objectContaining({ formatVersion: FORMAT_VERSION, code: 'invalid-statement', file: fixture('statements', 'invalid', 'bad-amount.json'), line: null, field: 'income[0].amount' }),
      expect.objectContaining({ code: 'invalid-statement', field: 'expenditure[0].amount' }),
    ]);
  });

  it('codes a file that cannot be read io, and a usage error usage, with the sentence a person would read and null where nothing is known', async () => {
    const missing = await runCli(['check', 'no-such-statement.json'], asJson);
    expect(missing.code).toBe(2);
    expect(errors(missing.stderr)).toEqual([{ formatVersion: FORMAT_VERSION, code: 'io', file: 'no-such-statement.json', line: null, field: null, message: expect.any(String) }]);
    const usage = await runCli(['plan', '--balance', '1000', '--affordable', '30', '--no-such-option'], asJson);
    expect(usage.code).toBe(2);
    expect(errors(usage.stderr)).toEqual([{ formatVersion: FORMAT_VERSION, code: 'usage', file: null, line: null, field: null, message: "unknown option '--no-such-option'" }]);
  });

  it('leaves errors as sentences for a person without it', async () => {
    const { stderr } = await runCli(['check', 'no-such-statement.json']);
    expect(stderr).toMatch(/^fairplan: no-such-statement\.json: /);
  });

  const errorSchema = new Ajv2020({ allErrors: true }).compile(JSON.parse(readFileSync(path.join(ROOT, 'schema', 'error.schema.json'), 'utf8')) as object);
  it.each([
    ['book', 'show'],
    ['book', 'payments', '--bogus', 'x'],
    ['book', 'show', 'BK-001', '--wait', '-5'],
  ])('writes only JSON lines of the error schema for a usage error of a book subcommand: %s %s', async (...args) => {
    const { code, stdout, stderr } = await runCli(args, asJson);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const lines = stderr.split('\n').filter((line) => line !== '');
    expect(lines).toHaveLength(1);
    for (const line of lines) {
      const error = JSON.parse(line) as unknown;
      expect(errorSchema(error) ? [] : errorSchema.errors, line).toEqual([]);
      expect(error).toMatchObject({ code: 'usage' });
    }
  });

  it('still writes a book subcommand\'s usage error as a sentence without it', async () => {
    const { code, stderr } = await runCli(['book', 'show']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: missing required argument 'account'/);
  });
});
