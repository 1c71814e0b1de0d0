/** `plan --letters` with a sender, an organisation's templates and the formats chosen (spawns dist/: `npm run build` first). */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli, runCliErrors } from '../helpers/cli.js';

const STATEMENT = fixture('statements', 'two-creditors-one-charging.json');
const SENDER = fixture('letters', 'sender.yaml');
const PLAN = ['plan', STATEMENT, '--as-of', '2027-01-04'];

describe('fairplan plan --letters with --sender, --templates and --letter-formats', () => {
  it('writes only the formats asked for, with the sender in every letter and no gap when every detail is given', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fairplan-pack-'));
    const { code, stderr } = await runCli([...PLAN, '--letters', 'out', '--sender', SENDER, '--letter-formats', 'pdf,txt'], { cwd: dir });
    expect(code).toBe(0);
    expect(stderr).not.toContain('MISSING');
    const files = readdirSync(path.join(dir, 'out'));
    expect(files.filter((f) => f.endsWith('.docx'))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.pdf')).sort()).toEqual(files.filter((f) => f.endsWith('.txt')).map((f) => f.replace(/\.txt$/, '.pdf')).sort());
    const letter = readFileSync(path.join(dir, 'out', 'letter-01-harbour-bank-credit-card.txt'), 'utf8');
    expect(letter.startsWith('Riverside Money Advice\n12 Market Street\nLlanbadarn Fawr\nAberystwyth SY23 3AA\nTelephone: 01970 000000\nEmail: advice@riverside.example\n\n4 January 2027\n')).toBe(true);
  });

  it('warns of each gap the letters show, and what to add, when the sender is not given', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fairplan-pack-'));
    const { code, stderr } = await runCli([...PLAN, '--letters', 'out', '--letter-formats', 'txt'], { cwd: dir });
    expect(code).toBe(0);
    expect(stderr).toContain('fairplan: the letters show a gap marked [MISSING: …] for the sender’s organisation, the adviser’s name, the sender’s address and the sender’s telephone number: give the sender’s details with --sender FILE');
    expect(readFileSync(path.join(dir, 'out', 'letter-customer.txt'), 'utf8')).toContain('Telephone: [MISSING: the sender’s telephone number]');
  });

  it('uses an organisation’s own template for the letter it words', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fairplan-pack-'));
    mkdirSync(path.join(dir, 'own'));
    writeFileSync(path.join(dir, 'own', 'creditor-offer.mustache'), '{{sender_organisation}}\n\n# Payment proposal\n\nAccount {{account_reference}}. {{offer}}\n');
    const { code } = await runCli([...PLAN, '--letters', 'out', '--sender', SENDER, '--templates', 'own', '--letter-formats', 'txt'], { cwd: dir });
    expect(code).toBe(0);
    expect(readFileSync(path.join(dir, 'out', 'letter-02-fairway-finance-personal-loan.txt'), 'utf8')).toMatch(/^Riverside Money Advice\n\nPayment proposal\n\nAccount PL-30117845\. We offer you £/);
  });

  it('refuses a template with an unknown placeholder, naming the file and the tag, and writes nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fairplan-pack-'));
    mkdirSync(path.join(dir, 'own'));
    writeFileSync(path.join(dir, 'own', 'customer.mustache'), 'Dear {{customer_nmae}}\n');
    const { code, stderr } = await runCli([...PLAN, '--letters', 'out', '--templates', 'own'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr.trim()).toMatch(/^fairplan: own\/customer\.mustache: \{\{customer_nmae\}\}: uses the unknown placeholder \{\{customer_nmae\}\}; did you mean \{\{customer_name\}\}\?/);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('refuses a sender file with an unknown key, and a format it does not write, with exit 2', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fairplan-pack-'));
    writeFileSync(path.join(dir, 'sender.yaml'), 'organisation: Riverside\ntelephone: "01970 000000"\n');
    const sender = await runCliErrors([...PLAN, '--letters', 'out', '--sender', 'sender.yaml'], { cwd: dir });
    expect(sender.code).toBe(2);
    expect(sender.errors).toEqual([expect.objectContaining({ code: 'invalid-argument', file: 'sender.yaml' })]);
    const format = await runCliErrors([...PLAN, '--letters', 'out', '--letter-formats', 'txt,odt'], { cwd: dir });
    expect(format.code).toBe(2);
    expect(format.errors).toEqual([expect.objectContaining({ code: 'usage', message: expect.stringContaining("'--letter-formats <list>'") })]);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('refuses --sender and --letter-formats without --letters', async () => {
    for (const extra of [['--sender', SENDER], ['--letter-formats', 'pdf']]) {
      const { code, stderr } = await runCli([...PLAN, ...extra]);
      expect(code, extra[0]).toBe(2);
      expect(stderr, extra[0]).toContain(`${extra[0]} goes with --letters`);
    }
  });
});
