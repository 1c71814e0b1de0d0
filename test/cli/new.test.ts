/**
 * `fairplan new`: a statement to fill in that `check` accepts as written, and the sample files the
 * --help examples name; never written over a file.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_FOLDERS } from '../../src/cli/commands/new.js';
import { ROOT, runCli, runCliErrors } from '../helpers/cli.js';

const scratch = () => mkdtempSync(path.join(tmpdir(), 'fairplan-new-'));

describe('fairplan new statement.yaml', () => {
  it('writes a statement, readable by its owner only, that check accepts as written: nothing in or out, and council tax still to fill in', async () => {
    const cwd = scratch();
    const written = await runCli(['new', 'statement.yaml', '--as-of', '2026-12-01'], { cwd });
    expect(written).toMatchObject({ code: 0, stdout: '' });
    expect(written.stderr).toContain('wrote statement.yaml');
    expect(statSync(path.join(cwd, 'statement.yaml')).mode & 0o777).toBe(0o600);

    const check = await runCli(['check', 'statement.yaml', '--json', '--as-of', '2026-12-01'], { cwd });
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    const result = JSON.parse(check.stdout);
    expect([result.income.total, result.available]).toEqual(['0.00', '0.00']);
    // The one reminder the empty template gives, documented in docs/statement.md.
    expect(result.warnings.map((w: { code: string }) => w.code)).toEqual(['sfs-field-empty']);
    expect(result.flags).toEqual(['advice']);
  });

  it('is checked once its amounts are filled in, as any statement is', async () => {
    const cwd = scratch();
    await runCli(['new', 'statement.yaml', '--as-of', '2026-12-01'], { cwd });
    const file = path.join(cwd, 'statement.yaml');
    const filled = readFileSync(file, 'utf8')
      .replace('label: Client salary or wages, amount: 0.00, frequency: monthly', 'label: Client salary or wages, amount: 1500.00, frequency: monthly')
      .replace('label: Rent, amount: 0.00, frequency: monthly', 'label: Rent, amount: 600.00, frequency: monthly')
      .replace('label: Council tax rates, amount: 0.00', 'label: Council tax rates, amount: 120.00');
    writeFileSync(file, filled);
    const result = JSON.parse((await runCli(['check', 'statement.yaml', '--json', '--as-of', '2026-12-01'], { cwd })).stdout);
    // £1,500.00 in; £600.00 + £120.00 out.
    expect([result.income.total, result.surplus]).toEqual(['1500.00', '780.00']);
    expect(result.warnings).toEqual([]);
  });

  it('never writes over a file, saying so in one sentence with exit code 2', async () => {
    const cwd = scratch();
    writeFileSync(path.join(cwd, 'statement.yaml'), 'the advisor\'s own\n');
    const result = await runCli(['new', 'statement.yaml'], { cwd });
    expect(result).toMatchObject({ code: 2, stderr: 'fairplan: statement.yaml: exists already: name another file, or delete this one first\n' });
    expect(readFileSync(path.join(cwd, 'statement.yaml'), 'utf8')).toBe('the advisor\'s own\n');
  });

  it('writes YAML only, as a template holds comments, and needs a file or --examples', async () => {
    const cwd = scratch();
    const json = await runCli(['new', 'statement.json'], { cwd });
    expect(json.code).toBe(2);
    expect(json.stderr).toMatch(/^fairplan: statement\.json: a statement template is YAML.*\.yaml\n$/);
    expect((await runCli(['new'], { cwd })).code).toBe(2);
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('fairplan new --examples', () => {
  it('writes the sample files into fixtures/ here, as they are in the clone, and then refuses to write them again', async () => {
    const cwd = scratch();
    const result = await runCli(['new', '--examples'], { cwd });
    expect(result.code).toBe(0);
    for (const { folder, files } of SAMPLE_FOLDERS) {
      const samples = readdirSync(path.join(ROOT, folder)).filter((name) => files.test(name));
      expect(readdirSync(path.join(cwd, folder)).filter((name) => files.test(name)).sort()).toEqual(samples.sort());
      for (const name of samples) expect(readFileSync(path.join(cwd, folder, name), 'utf8')).toBe(readFileSync(path.join(ROOT, folder, name), 'utf8'));
    }
    expect(existsSync(path.join(cwd, 'fixtures/statements/single-renter-weekly.json'))).toBe(true);
    expect(existsSync(path.join(cwd, 'fixtures/statements/invalid'))).toBe(false);

    const again = await runCliErrors(['new', '--examples'], { cwd });
    expect(again.code).toBe(2);
    expect(again.errors).toEqual([expect.objectContaining({ code: 'io', file: expect.stringMatching(/^fixtures\//) })]);
  });
});
