/**
 * Text from a statement echoed to the terminal (labels, notes, customer details, the messages made
 * of them) has its control characters and escape sequences made visible in the check and plan
 * reports, as batch's values already are; --json keeps the statement's text as it is. Text that
 * heads a creditor's letter, and --override-reason, which goes into letters and reminders, are
 * refused one (a creditor's name already was).
 * Spawns the built dist/ (`npm run build` first).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/cli.js';

const CLEAR = '\u001b[2J';
const TITLE = '\u001b]0;pwned\u0007';
const FLIP = '\u202e';

/** The two-creditor statement with escape sequences in a label, a note and the first debt's note and account reference. */
function hostileStatement(): string {
  const statement = JSON.parse(readFileSync(fixture('statements', 'two-creditors-one-charging.json'), 'utf8')) as {
    expenditure: { label: string; note?: string }[];
    debts: { note?: string; accountReference?: string }[];
  };
  const [rent] = statement.expenditure;
  const [card] = statement.debts;
  if (!rent || !card) throw new Error('the fixture has changed');
  rent.label = `Rent${CLEAR}`;
  rent.note = `paid late${TITLE}`;
  card.note = `frozen${FLIP}`;
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'fairplan-terminal-')), 'hostile.json');
  writeFileSync(file, JSON.stringify(statement));
  return file;
}

const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/;
const AS_OF = ['--as-of', '2027-01-04'];

describe('statement text on the terminal', () => {
  it('check shows a label and a note with their escape sequences made visible', async () => {
    const { code, stdout } = await runCli(['check', hostileStatement(), ...AS_OF]);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(UNSAFE);
    expect(stdout).toContain('Rent\\x1B[2J');
    expect(stdout).toContain('paid late\\x1B]0;pwned\\x07');
  });

  it('--json keeps the statement’s text as it is: only what reaches the terminal is changed', async () => {
    const json = await runCli(['check', hostileStatement(), '--json', ...AS_OF]);
    expect(json.code).toBe(0);
    expect(json.stdout).toContain('Rent\\u001b[2J');
  });

  it('the customer’s name and an account reference, which head the creditors’ letters, are refused one at load', async () => {
    const file = hostileStatement();
    const statement = JSON.parse(readFileSync(file, 'utf8')) as { customer: { name: string }; debts: { accountReference?: string }[] };
    statement.customer.name = `Amira${CLEAR}`;
    (statement.debts[1] as { accountReference?: string }).accountReference = `PL${TITLE}`;
    writeFileSync(file, JSON.stringify(statement));
    const { code, stdout, stderr } = await runCli(['plan', file, '--letter', ...AS_OF]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).not.toMatch(UNSAFE);
    expect(stderr).toMatch(/customer\.name: .*control character \(U\+001B\)/);
    expect(stderr).toMatch(/debts\[1\]\.accountReference: .*control character \(U\+001B\)/);
  });

  it('--override-reason holding a control character is refused, naming it, before anything is written', async () => {
    const { code, stdout, stderr } = await runCli(['plan', '--balance', '1000', '--affordable', '30', '--letter', '--override-reason', `agreed${CLEAR}`, ...AS_OF]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).not.toMatch(UNSAFE);
    expect(stderr).toContain('agreed\\x1B[2J');
  });
});
