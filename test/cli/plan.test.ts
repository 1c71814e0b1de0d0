/**
 * `fairplan plan` end to end, through the built binary. Figures are the hand-worked case the
 * renderer tests use: £1,000 owed, £30 a month, from Friday 15 January 2027, interest frozen →
 * 33 payments of £30.00 and a last one of £10.00.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { assessAffordability, parseIsoDate, parseStatementText, planRequestFromStatement, proposePlans } from '../../src/index.js';
import { ADVICE_SIGNPOST } from '../../src/core/signpost.js';
import { SCHEDULE_CSV_COLUMNS } from '../../src/render/plan/csv.js';
import { BIN, fixture, ROOT, runCli, runWithStdoutTo } from '../helpers/cli.js';
import { AS_ORDINARY_USER, readOnlyFolder } from '../helpers/read-only.js';
import { sfsValidator } from '../helpers/sfs-schema.js';
import { hasTmux, Terminal } from '../helpers/tmux.js';

const PLAN = ['plan', '--balance', '1000', '--affordable', '30', '--start', '2027-01-15', '--as-of', '2027-01-10'];

/**
 * Most cases run in-process through main() with a fake terminal: the same program as the binary,
 * without spawning a process for each. Each output mode also runs through the built binary.
 */
async function runMain(
  args: readonly string[],
  { cwd = process.cwd(), env = { NO_COLOR: '1' } }: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(['node', 'fairplan', ...args], {
    stdout: { write: (chunk: string) => stdout.push(chunk) },
    stderr: { write: (chunk: string) => stderr.push(chunk) },
    stdin: process.stdin,
    env,
    cwd,
    now: () => new Date(2027, 0, 10, 12),
  });
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}

/** The same run as a script sees it with FAIRPLAN_ERRORS=json: the exit code and each error's code and place. */
async function errorsOf(args: readonly string[]): Promise<{ code: number; errors: Record<string, unknown>[] }> {
  const { code, stderr } = await runMain(args, { env: { NO_COLOR: '1', FAIRPLAN_ERRORS: 'json' } });
  return { code, errors: stderr.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('fairplan plan', () => {
  it('prints the comparison, the recommendation, its schedule and the signpost', async () => {
    const { code, stdout, stderr } = await runCli(PLAN);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('1*  Affordable  £30.00/mo   34  2027-01-15  2029-10-15  £1,000.00  yes');
    expect(stdout).toContain('Recommended: 1 Affordable plan: £30.00 a month');
    expect(stdout).toContain('34  2029-10-15  £10.00     £0.00     £10.00          £0.00');
    expect(stdout.replace(/\s+/g, ' ').trim().endsWith(ADVICE_SIGNPOST)).toBe(true);
    expect(stdout).not.toContain('\u001b[');
  });

  it('uses colour when asked to (FORCE_COLOR) and never with --no-color or NO_COLOR', async () => {
    expect((await runMain(PLAN, { env: { FORCE_COLOR: '1' } })).stdout).toContain('\u001b[');
    expect((await runMain([...PLAN, '--no-color'], { env: { FORCE_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    expect((await runMain(PLAN, { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
  });

  it('shows another option’s schedule with --schedule', async () => {
    const { code, stdout } = await runMain([...PLAN, '--schedule', 'fixed-term-36']);
    expect(code).toBe(0);
    // 1000 ÷ 36 = 27.77…, rounded up to 27.78.
    expect(stdout).toContain('Schedule: 4 Repay in 3 years: £27.78 a month');
  });

  it('--json: money as two-decimal strings, the schedule per option, the signpost', async () => {
    const { code, stdout } = await runCli([...PLAN, '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ asOf: '2027-01-10', balance: '1000.00', affordable: '30.00', frequency: 'monthly' });
    expect(json.recommended).toMatchObject({ kind: 'affordable', key: 'affordable' });
    const affordable = json.options[0];
    expect(typeof affordable.total).toBe('string');
    expect(affordable.total).toBe('1000.00');
    expect(affordable.instalments).toHaveLength(34);
    expect(affordable.instalments[33]).toMatchObject({ n: 34, date: '2029-10-15', amount: '10.00', balance: '0.00' });
    expect(json.signpost).toBe(ADVICE_SIGNPOST);
  });

  it('--csv: one row per instalment per option; with --schedule, that option only', async () => {
    const all = parse((await runCli([...PLAN, '--csv'])).stdout, { columns: true }) as Record<string, string>[];
    expect(all).toHaveLength(34 + 12 + 24 + 36 + 60);
    const only = parse((await runMain([...PLAN, '--csv', '--schedule', 'affordable'])).stdout, { columns: true }) as Record<string, string>[];
    expect(only).toHaveLength(34);
    expect(only[33]).toMatchObject({ option_kind: 'affordable', n: '34', date: '2029-10-15', amount: '10.00', balance: '0.00' });
  });

  it('--ics FILE: writes the reminders to the file (relative to where it is run) and says so on stderr', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fairplan-plan-'));
    mkdirSync(path.join(dir, 'reminders'));
    const { code, stdout, stderr } = await runCli([...PLAN, '--ics', 'reminders/plan.ics'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain('wrote 34 payment reminders for "Affordable plan: £30.00 a month" to reminders/plan.ics');
    const ics = readFileSync(path.join(dir, 'reminders', 'plan.ics'), 'utf8');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(34);
    expect(ics).toContain('DTSTART;VALUE=DATE:20270115\r\n');
  });

  it('--letter: the letter for the recommended option (for nothing affordable, a token arrangement and its review)', async () => {
    const { code, stdout } = await runCli([...PLAN, '--letter']);
    expect(code).toBe(0);
    expect(stdout.replace(/\s+/g, ' ')).toContain('You pay 33 monthly payments of £30.00 and a final payment of £10.00');
    // £1.00 a month is more than the nothing found affordable: a person gives the reason.
    const token = await runMain(['plan', '--balance', '1000', '--affordable', '0', '--start', '2027-01-15', '--as-of', '2027-01-10', '--letter', '--override-reason', 'Wants to keep paying something']);
    expect(token.stdout.replace(/\s+/g, ' ')).toContain('We will review the arrangement with you on 15 April 2027');
    expect(token.stdout.replace(/\s+/g, ' ')).toContain('You have agreed to it all the same for this reason: Wants to keep paying something.');
  });

  it('takes the plan settings: frequency, interest, terms, token, step-up, settlement, calendar', async () => {
    const { code, stdout } = await runMain([
      ...PLAN,
      '--frequency', 'fortnightly',
      '--interest-rate', '19.9%',
      '--fixed-terms', '18,30',
      '--step-up-periods', '6',
      '--step-up-to', '100',
      '--settlement-discount', '25',
      '--settlement-instalments', '2',
      '--calendar', 'scotland',
      '--json',
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ frequency: 'fortnightly', interest: { kind: 'continuing', annualRatePercent: '19.9' }, calendar: 'Scotland bank holidays' });
    expect(json.options.map((o: { key: string }) => o.key)).toEqual([
      'affordable',
      'fixed-term-18',
      'fixed-term-30',
      'step-up',
      'settlement-lump-sum',
      'settlement-instalments',
    ]);
    // 25% off £1,000.00.
    expect(json.options[4].amountToRepay).toBe('750.00');
  });

  it('keeps due dates on weekends with --no-business-days: Saturday 15 May 2027 stays put', async () => {
    const moved = JSON.parse((await runMain([...PLAN, '--json'])).stdout).options[0].instalments[4];
    expect(moved).toMatchObject({ date: '2027-05-17', movedFrom: '2027-05-15' });
    const kept = JSON.parse((await runMain([...PLAN, '--json', '--no-business-days'])).stdout).options[0].instalments[4];
    expect(kept).toEqual(expect.objectContaining({ date: '2027-05-15' }));
    expect(kept.movedFrom).toBeUndefined();
  });

  it('offers a token payment with the amount and review asked for', async () => {
    const { stdout } = await runMain(['plan', '--balance', '1000', '--affordable', '0', '--token', '2', '--review-months', '6', '--as-of', '2027-01-10', '--json']);
    const token = JSON.parse(stdout).options.find((o: { kind: string }) => o.kind === 'token');
    expect(token.instalments.map((i: { amount: string }) => i.amount)).toEqual(['2.00', '2.00', '2.00', '2.00', '2.00', '2.00']);
    // Six months from Sunday 10 January 2027 is Saturday 10 July: the review moves to Monday 12 July.
    expect(token.outcome).toMatchObject({ kind: 'review', reviewDate: '2027-07-12' });
  });

  it.skipIf(!hasTmux())('fits a narrow terminal: at 60 columns each option’s figures are stacked under it', async () => {
    const terminal = new Terminal(`node ${BIN} ${PLAN.join(' ')} --schedule fixed-term-12`, { cwd: ROOT, width: 60, height: 120 });
    try {
      const screen = await terminal.waitFor('[exit 0]', 25_000);
      expect(screen).toContain('£30.00/mo x 34, 2027-01-15 to 2029-10-15; total');
      expect(screen).not.toContain('Afford?');
      const lines = screen.split('\n');
      expect(lines.every((line) => line.length <= 60)).toBe(true);
    } finally {
      terminal.close();
    }
  });

  it('--help teaches: usage, examples and exit codes', async () => {
    const { code, stdout } = await runCli(['plan', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: fairplan plan');
    expect(stdout).toContain('$ fairplan plan --balance 1000 --affordable 30');
    expect(stdout).toMatch(/Exit codes:[\s\S]*2 +bad arguments/);
  });
});

describe('fairplan plan STATEMENT with several creditors', () => {
  const SIX = fixture('statements', 'six-creditors-small-balance.yaml');
  const TWO = fixture('statements', 'two-creditors-one-charging.json');
  const cents = (amount: string) => Math.round(Number(amount) * 100);
  type Json = {
    options: {
      kind: string;
      outcome: { kind: string };
      instalmentCount: number;
      instalments: { n: number; amount: string }[];
      creditors: { creditor: string; interest: { kind: string }; instalments: { n: number; amount: string }[]; lastDate: string; outcome: { kind: string } }[];
    }[];
  };
  const planJson = async (file: string, ...more: string[]) => {
    const { code, stdout, stderr } = await runMain(['plan', file, '--as-of', '2027-01-04', '--json', ...more]);
    expect([code, stderr]).toEqual([0, '']);
    return JSON.parse(stdout) as Json;
  };

  it('shares every payment of every option among the six creditors, and repays each of them', async () => {
    const json = await planJson(SIX);
    for (const option of json.options) {
      expect(option.creditors).toHaveLength(6);
      for (const instalment of option.instalments) {
        const parts = option.creditors.map((c) => c.instalments.find((i) => i.n === instalment.n)?.amount ?? '0.00');
        expect(parts.reduce((total, amount) => total + cents(amount), 0)).toBe(cents(instalment.amount));
      }
      if (option.outcome.kind === 'repaid') expect(option.creditors.every((c) => c.outcome.kind === 'repaid')).toBe(true);
    }
    // Each debt's own interest, as the statement records it (the last two record none: frozen by default).
    const affordable = json.options[0];
    expect(affordable?.creditors.map((c) => c.interest.kind)).toEqual(['continuing', 'continuing', 'continuing', 'frozen', 'frozen', 'frozen']);
    // The £60 store card, frozen, is repaid years before the cards still charging interest.
    const lumen = affordable?.creditors[3];
    const northgate = affordable?.creditors[1];
    expect((lumen?.lastDate ?? '') < (northgate?.lastDate ?? '')).toBe(true);
  });

  it('--no-redistribute keeps each share fixed: the payment falls once a creditor is repaid, and the plan runs longer', async () => {
    const shared = (await planJson(TWO)).options[0];
    const fixed = (await planJson(TWO, '--no-redistribute')).options[0];
    const harbour = fixed?.creditors[0];
    const afterHarbour = (harbour?.instalments.length ?? 0) + 1;
    expect(fixed?.instalments.find((i) => i.n === afterHarbour)?.amount).toBe('64.89');
    expect(shared?.instalments.find((i) => i.n === afterHarbour)?.amount).toBe('129.78');
    expect(fixed?.instalmentCount).toBeGreaterThan(shared?.instalmentCount ?? 0);
  });

  it('--no-redistribute: a plan a creditor’s fixed share never repays says so, and names them, without blaming the whole payment', async () => {
    const json = await planJson(fixture('statements', 'six-creditors-small-balance.yaml'), '--no-redistribute');
    const affordable = json.options[0] as unknown as { outcome: { kind: string; message: string }; creditors: { creditor: string; outcome: { kind: string; message?: string } }[] };
    expect(affordable.outcome.kind).toBe('never-repays');
    const short = affordable.creditors.filter((c) => c.outcome.kind === 'never-repays').map((c) => c.creditor);
    expect(short.length).toBeGreaterThan(0);
    expect(affordable.outcome.message).toMatch(/^This payment never repays the balance: each creditor's share is fixed, and /);
    for (const name of short) expect(affordable.outcome.message).toContain(name);
    expect(affordable.outcome.message).not.toMatch(/£91\.00 a fortnight does not cover the interest/);
  });

  it('--settlement CREDITOR=PCT takes that creditor’s own discount, and names the creditors when one is not theirs', async () => {
    const json = await planJson(TWO, '--settlement', 'Fairway Finance (personal loan)=40');
    const settle = json.options.find((o) => o.kind === 'settlement') as unknown as { total: string; creditors: { balance: string }[] };
    expect([settle.total, ...settle.creditors.map((c) => c.balance)]).toEqual(['3200.00', '2000.00', '1200.00']);
    const { code, stderr } = await runMain(['plan', TWO, '--as-of', '2027-01-04', '--settlement', 'Fairway=40']);
    expect(code).toBe(2);
    expect(stderr.trim()).toBe(
      'fairplan: --settlement: "Fairway" is not a creditor of the plan (expected one of Harbour Bank (credit card), Fairway Finance (personal loan))',
    );
  });

  it('--settlement naming two creditors of one name is refused, naming both, rather than discounting both', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fairplan-settlement-'));
    const statement = JSON.parse(readFileSync(TWO, 'utf8')) as { debts: { creditor: string }[] };
    for (const debt of statement.debts) debt.creditor = 'Harbour Bank';
    const file = path.join(dir, 'two-harbours.json');
    writeFileSync(file, JSON.stringify(statement));
    const { code, stdout, stderr } = await runMain(['plan', file, '--as-of', '2027-01-04', '--settlement', 'Harbour Bank=40']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^fairplan: --settlement: "Harbour Bank" names 2 creditors of the plan \(creditor 1, owed 2000\.00 and creditor 2, owed 2000\.00\)/);
  });

  it('shows the creditor table under the options within 80 columns, and a letter that says how each payment is shared', async () => {
    const { stdout } = await runMain(['plan', SIX, '--as-of', '2027-01-04']);
    expect(stdout.split('\n').every((line) => line.length <= 80)).toBe(true);
    expect(stdout).toMatch(/Creditors: 1 Affordable plan: £91\.00 a fortnight\n/);
    expect(stdout).toMatch(/\n4 Lumen Shopping …\s+£60\.00 frozen\s+£0\.56 /);
    expect(stdout.replace(/\s+/g, ' ')).toContain('Interest continues with 3 of 6 creditors, at their own rates; frozen with the others.');
    const letter = (await runMain(['plan', TWO, '--as-of', '2027-01-04', '--letter'])).stdout.replace(/\s+/g, ' ');
    expect(letter).toContain('- Harbour Bank (credit card): £64.89 of the first payment; £2,000.00 in all, repaid on 30 July 2029.');
  });
});

describe('fairplan plan: a debt that keeps charging interest is never shown as frozen', () => {
  const TWO = fixture('statements', 'two-creditors-one-charging.json');
  type Interest = { kind: string; annualRatePercent?: string; byCreditor?: boolean };
  type Json = { interest: Interest; options: { key: string; interest: Interest; totalInterest: string; instalments: { interest: string }[] }[] };
  const planJson = async (file: string) => {
    const { code, stdout, stderr } = await runMain(['plan', file, '--as-of', '2027-01-04', '--json']);
    expect([code, stderr]).toEqual([0, '']);
    return JSON.parse(stdout) as Json;
  };

  it('one of two creditors charging: the plan and every option that charges interest say it continues, by creditor', async () => {
    const json = await planJson(TWO);
    expect(json.interest).toEqual({ kind: 'continuing', byCreditor: true });
    // Fairway's first month: £2,000.00 × 19.9% ÷ 12 = 2000 × 199/12000 = 33.1666… → £33.16.
    expect(json.options[0]?.instalments[0]?.interest).toBe('33.16');
    for (const option of json.options) {
      if (option.totalInterest !== '0.00') expect([option.key, option.interest]).toEqual([option.key, { kind: 'continuing', byCreditor: true }]);
    }
  });

  it('the only debt charging 19.9%: the screen and the JSON say interest continues at 19.9%, never "frozen"', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fairplan-plan-'));
    const statement = JSON.parse(readFileSync(TWO, 'utf8')) as { debts: unknown[] };
    const file = path.join(dir, 'one-charging.json');
    writeFileSync(file, JSON.stringify({ ...statement, debts: statement.debts.slice(1) }));
    const json = await planJson(file);
    expect(json.interest).toEqual({ kind: 'continuing', annualRatePercent: '19.9' });
    for (const option of json.options) expect(option.interest).toEqual({ kind: 'continuing', annualRatePercent: '19.9' });
    const { stdout } = await runMain(['plan', file, '--as-of', '2027-01-04']);
    expect(stdout.replace(/\s+/g, ' ')).toContain('Interest continues at 19.9% a year.');
    expect(stdout).not.toMatch(/frozen/i);
  });
});

describe("fairplan plan: which flags ask for a person is one rule, the library's and the command line's", () => {
  const AS_OF = '2027-01-04';
  type Recommended = { flagForReview: boolean; reviewFlags?: string[] };
  const commandLine = async (file: string): Promise<{ recommended: Recommended; affordability: { flags: { code: string; review: boolean }[] } }> => {
    const { code, stdout, stderr } = await runMain(['plan', file, '--as-of', AS_OF, '--json']);
    expect([file, code, stderr]).toEqual([file, 0, '']);
    return JSON.parse(stdout);
  };

  it("gives the library's recommended.flagForReview and reviewFlags as plan --json does, for every bundled statement", async () => {
    const files = readdirSync(fixture('statements'))
      .filter((name) => /\.(json|yaml)$/.test(name) && name !== 'breathing-space-crisis-open.json')
      .map((name) => fixture('statements', name));
    expect(files.length).toBeGreaterThan(8);
    for (const file of files) {
      const statement = parseStatementText(readFileSync(file, 'utf8'), file);
      const affordability = assessAffordability(statement, { asOf: parseIsoDate(AS_OF) });
      const { recommended } = proposePlans(planRequestFromStatement(statement, affordability, parseIsoDate(AS_OF)));
      const cli = (await commandLine(file)).recommended;
      expect([file, recommended.flagForReview, recommended.reviewFlags ?? []]).toEqual([file, cli.flagForReview, cli.reviewFlags ?? []]);
    }
  });

  it('asks for no review for a Debt Relief Order pointer alone: £50.00 a month repays £1,000.00 in 20 months', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fairplan-plan-'));
    const file = path.join(dir, 'dro.json');
    writeFileSync(
      file,
      JSON.stringify({
        household: { adults: 1, children: 0, vehicles: 0, tenure: 'tenant-private' },
        pay: { frequency: 'monthly', nextPayDate: '2027-01-29' },
        income: [{ category: 'earnings', label: 'Wages', sfs: 'client-salary-or-wages', amount: '1000.00', frequency: 'monthly' }],
        expenditure: [{ category: 'home', label: 'Rent', sfs: 'rent', amount: '950.00', frequency: 'monthly' }],
        debts: [{ creditor: 'Harbour Bank', balance: '1000.00' }],
      }),
    );
    const json = await commandLine(file);
    expect(json.affordability.flags).toContainEqual(expect.objectContaining({ code: 'dro-indicator', review: false }));
    expect(json.recommended).toMatchObject({ flagForReview: false });
    expect(json.recommended.reviewFlags).toBeUndefined();
  });
});

describe('fairplan plan STATEMENT --letters', () => {
  it('writes an offer letter to each creditor, the customer’s letter and the SFS summary into the folder', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fairplan-letters-'));
    const { code, stderr } = await runMain(['plan', fixture('statements', 'two-creditors-one-charging.json'), '--as-of', '2027-01-04', '--letters', 'out'], { cwd: dir });
    expect(code).toBe(0);
    expect(stderr).toMatch(/wrote 2 creditor letters, the customer's letter and the SFS summary/);
    const folder = path.join(dir, 'out');
    // Each letter and the SFS summary as text, DOCX and PDF (the default), and the SFS summary as SFS JSON.
    const formats = (name: string) => [`${name}.docx`, `${name}.pdf`, `${name}.txt`];
    expect(readdirSync(folder).sort()).toEqual([
      ...formats('letter-01-harbour-bank-credit-card'),
      ...formats('letter-02-fairway-finance-personal-loan'),
      ...formats('letter-customer'),
      ...formats('sfs-summary'),
      'sfs-summary.json',
    ].sort());
    // Whose account it is, as the statement records it, so the creditor can match the offer to it.
    expect(readFileSync(path.join(folder, 'letter-02-fairway-finance-personal-loan.txt'), 'utf8')).toContain(
      '\nFairway Finance (personal loan)\n\nYour account: PL-30117845\nCustomer: Amira Hassan\nFlat 2, Tŷ Gwyn\n14 Heol y Dŵr\nBangor LL57 2AB\nOur reference: CASE-0193\n',
    );
    expect(JSON.parse(readFileSync(path.join(folder, 'sfs-summary.json'), 'utf8'))['client-name']).toBe('Amira Hassan');
    // The SFS summary, as creditors receive it: valid against its schema.
    const validate = await sfsValidator('sfs-summary-schema.json');
    expect(validate(JSON.parse(readFileSync(path.join(folder, 'sfs-summary.json'), 'utf8'))), JSON.stringify(validate.errors)).toBe(true);
  });

  it('makes the folder readable by its owner alone (0700), and each letter and the SFS summary in it (0600)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fairplan-letters-'));
    expect((await runMain(['plan', fixture('statements', 'two-creditors-one-charging.json'), '--as-of', '2027-01-04', '--letters', 'out'], { cwd: dir })).code).toBe(0);
    const folder = path.join(dir, 'out');
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    for (const name of readdirSync(folder)) expect(statSync(path.join(folder, name)).mode & 0o777, name).toBe(0o600);
  });

  it('puts no health note in the SFS summary or a letter without the customer’s consent to share, and with it only the note for creditors', async () => {
    const health = 'Long-term mental health condition (depression and anxiety)';
    const forCreditors = 'Please contact the customer by letter or email, not by phone.';
    const original = JSON.parse(readFileSync(fixture('statements', 'benefits-only.json'), 'utf8'));
    const consents = [undefined, { toRecord: true, toShare: false }, { toRecord: true, toShare: true }];
    for (const [i, consent] of consents.entries()) {
      const dir = mkdtempSync(path.join(tmpdir(), 'fairplan-letters-'));
      const { vulnerabilityConsent: _, ...rest } = original;
      writeFileSync(path.join(dir, 'statement.json'), JSON.stringify(consent ? { ...rest, vulnerabilityConsent: consent } : rest));
      const run = await runMain(['plan', path.join(dir, 'statement.json'), '--as-of', '2027-01-04', '--letters', 'out', '--override-reason', 'Reviewed with the customer, who wants to pay something'], { cwd: dir });
      expect(run.code, run.stderr).toBe(0);
      const files = readdirSync(path.join(dir, 'out')).map((name) => readFileSync(path.join(dir, 'out', name), 'utf8'));
      expect(files.length).toBeGreaterThan(1);
      for (const text of files) expect(text).not.toContain(health.slice(0, 30));
      const summary = JSON.parse(readFileSync(path.join(dir, 'out', 'sfs-summary.json'), 'utf8'));
      expect(summary.notes.includes(forCreditors), `consent ${i}`).toBe(consent?.toShare === true);
    }
  });

  it('encloses an SFS summary that offers each creditor their part of the payment chosen, not of what the check found', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fairplan-letters-'));
    const args = ['plan', fixture('statements', 'two-creditors-one-charging.json'), '--as-of', '2027-01-04', '--schedule', 'fixed-term-60', '--letters', 'out'];
    expect((await runMain(args, { cwd: dir })).code).toBe(0);
    const summary = JSON.parse(readFileSync(path.join(dir, 'out', 'sfs-summary.json'), 'utf8'));
    // Five years at £90.09 a month, shared half and half between two creditors owed £2,000 each.
    const offers = JSON.stringify(summary).match(/"repayment-offer":[0-9.]+/g);
    expect(offers).toEqual(['"repayment-offer":45.05', '"repayment-offer":45.04']);
  });

  it('refuses a folder that holds files already, so no letters of another plan are mixed with these, and writes nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fairplan-letters-'));
    const first = ['plan', fixture('statements', 'six-creditors-small-balance.yaml'), '--as-of', '2027-01-04', '--letters', 'out'];
    expect((await runMain(first, { cwd: dir })).code).toBe(0);
    const before = readdirSync(path.join(dir, 'out')).map((name) => [name, readFileSync(path.join(dir, 'out', name), 'utf8')]);
    const { code, stderr } = await runMain(['plan', fixture('statements', 'two-creditors-one-charging.json'), '--as-of', '2027-01-04', '--letters', 'out'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr.trim()).toBe('fairplan: out: holds files already: name a new or empty folder, so that no other plan’s letters are mixed with these');
    expect(readdirSync(path.join(dir, 'out')).map((name) => [name, readFileSync(path.join(dir, 'out', name), 'utf8')])).toEqual(before);
  });

  it('writes no letter while a flag asks for a person (a vulnerability), unless a person gives the reason; "x" is not a reason', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fairplan-letters-'));
    const home = mkdtempSync(path.join(tmpdir(), 'fairplan-statement-'));
    const statement = JSON.parse(readFileSync(fixture('statements', 'homeowner-several-creditors.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(path.join(home, 'vulnerable.json'), JSON.stringify({ ...statement, vulnerabilities: [{ driver: 'health', note: 'Recovering from an operation' }] }));
    const args = ['plan', path.join(home, 'vulnerable.json'), '--as-of', '2027-01-04'];
    const refused = await runMain([...args, '--letters', 'out'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/needs a person's review before a plan is sent: a flag asks for a person's review/);
    const x = await runMain([...args, '--letters', 'out', '--override-reason', 'x'], { cwd: dir });
    expect(x.code).toBe(2);
    expect(x.stderr).toMatch(/say why in a few words/);
    expect(readdirSync(dir)).toEqual([]);
    expect((await runMain([...args, '--letters', 'out', '--override-reason', 'Reviewed with the customer on the call today'], { cwd: dir })).code).toBe(0);
  });

  it('writes no letter for a payment above what is affordable unless a person gives the reason, which the letters then state', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fairplan-letters-'));
    const args = ['plan', fixture('statements', 'two-creditors-one-charging.json'), '--as-of', '2027-01-04', '--schedule', 'fixed-term-12'];
    for (const output of [['--letters', 'out'], ['--letter'], ['--ics', 'plan.ics']]) {
      const refused = await runMain([...args, ...output], { cwd: dir });
      expect(refused.code, output.join(' ')).toBe(2);
      expect(refused.stderr.trim()).toBe(
        'fairplan: "Repay in 1 year: £352.69 a month" asks for more than the £129.78 a month found affordable: ' +
          'give the reason it is agreed all the same with --override-reason "…", or choose an affordable option with --schedule',
      );
    }
    expect(readdirSync(dir)).toEqual([]);

    const reason = 'Customer starts a better-paid job on 1 February';
    expect((await runMain([...args, '--letters', 'out', '--override-reason', reason], { cwd: dir })).code).toBe(0);
    const flat = (name: string) => readFileSync(path.join(dir, 'out', name), 'utf8').replace(/\s+/g, ' ');
    expect(flat('letter-01-harbour-bank-credit-card.txt')).toContain(
      `This offer is more than the customer’s budget shows they can afford (£129.78 a month); it is made all the same for this reason: ${reason}.`,
    );
    expect(flat('letter-customer.txt')).toContain(`You have agreed to it all the same for this reason: ${reason}.`);
  });

  it('refuses --letters without a statement, with one plain line and exit 2', async () => {
    const { code, stderr } = await runMain([...PLAN, '--letters', 'out']);
    expect(code).toBe(2);
    expect(stderr.trim()).toBe('fairplan: --letters needs a statement: the letters go to its creditors, with its SFS summary');
  });
});

describe('fairplan plan STATEMENT', () => {
  it('flags the recommended plan for review when the budget’s own flags ask a person to look first, naming them', async () => {
    const args = ['plan', fixture('statements', 'old-budget-old-debt.json'), '--as-of', '2026-11-30'];
    const json = JSON.parse((await runMain([...args, '--json'])).stdout);
    expect(json.recommended).toMatchObject({ key: 'affordable', flagForReview: true, reviewFlags: ['statement-stale', 'limitation-check'] });
    const { stdout } = await runMain(args);
    expect(stdout.replace(/\s+/g, ' ')).toContain(
      '! Flagged for review: a person should look at this before it is agreed (Budget out of date, Limitation check).',
    );
  });

  const RENTER = fixture('statements', 'single-renter-weekly.json');

  /*
   * single-renter-weekly.json, worked by hand, each line rounded to the penny. Income 412.60 a week
   * × 52 ÷ 12 = 1,787.93. Spending: monthly lines 850 + 98.40 + 92 + 36.80 + 8.75 + 12 + 26 + 45 + 25
   * + 22 = 1,215.95; TV licence 174.50 ÷ 12 = 14.54; bus 19 × 52 ÷ 12 = 82.33; food 68 × 52 ÷ 12
   * = 294.67: 1,607.49 in all. 1,787.93 − 1,607.49 = £180.44 a month, and paid weekly
   * 180.44 × 12 ÷ 52 = 41.64 a week (41.64 exactly; a payment is rounded down).
   * Owed: 2,450.00 + 780.35 + 1,200.00 = £4,430.35. 4,430.35 ÷ 41.64 = 106.4: 106 × 41.64 = 4,413.84,
   * and a last payment of 16.51, 107 in all, from the next payday, Friday 8 January 2027.
   */
  it('plans from the statement: its non-priority debts, what its check leaves, its pay schedule', async () => {
    const { code, stdout, stderr } = await runMain(['plan', RENTER, '--as-of', '2027-01-04', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({
      balance: '4430.35',
      affordable: '180.44',
      affordablePerInstalment: '41.64',
      frequency: 'weekly',
      start: '2027-01-08',
      affordability: { totals: { available: '180.44', nonPriorityBalance: '4430.35' } },
    });
    const affordable = json.options[0];
    expect(affordable).toMatchObject({ kind: 'affordable', instalmentCount: 107, instalmentAmount: '41.64', finalAmount: '16.51' });
    expect(affordable.instalments[0]).toMatchObject({ n: 1, date: '2027-01-08', amount: '41.64', balance: '4388.71' });
  });

  it('plans from an SFS summary with its computed figures, naming each total it states wrongly on stderr', async () => {
    const wrong = fixture('statements', 'sfs', 'sfs-summary-wrong-totals.json');
    const { code, stdout, stderr } = await runMain(['plan', wrong, '--as-of', '2027-01-04', '--json']);
    expect(code).toBe(0);
    // It says 174.66 is available and 5,045.50 owed; its figures make 164.66 and 5,145.50.
    expect(JSON.parse(stdout)).toMatchObject({ balance: '5145.50', affordable: '164.66' });
    expect(stderr.trimEnd().split('\n')).toEqual([
      `fairplan: ${wrong}: monthly-outgoings.fixed-costs.total-fixed-costs: states 1,302.14 but the fixed costs add up to 1,312.14; the computed figure is used`,
      `fairplan: ${wrong}: overview.total-available-for-non-priority-debts: states 174.66 but available for priority debts − priority debt offers is 164.66; the computed figure is used`,
      `fairplan: ${wrong}: debts.total-non-priority-debts: states 5,045.50 but the non-priority debts add up to 5,145.50; the computed figure is used`,
    ]);
  });

  it('lets the command line override the statement', async () => {
    const json = JSON.parse(
      (await runMain(['plan', RENTER, '--as-of', '2027-01-04', '--balance', '500', '--affordable', '100', '--frequency', 'monthly', '--start', '2027-02-01', '--json'])).stdout,
    );
    expect(json).toMatchObject({ balance: '500.00', affordable: '100.00', frequency: 'monthly', start: '2027-02-01' });
    // 500 ÷ 100 = 5 payments of £100.00.
    expect(json.options[0]).toMatchObject({ instalmentCount: 5, total: '500.00' });
  });

  it('shows what the affordability check found, and offers a token payment when the budget is short', async () => {
    const { code, stdout } = await runCli(['plan', fixture('statements', 'deficit-budget.json'), '--as-of', '2027-01-04']);
    expect(code).toBe(0);
    const text = stdout.replace(/\s+/g, ' ');
    expect(text).toContain('From the affordability check - The budget is £358.10 a month short');
    // £1.00 a month to each of its two creditors.
    expect(text).toMatch(/Recommended: \d Token payment: £2\.00 a month \(£1\.00 to each creditor still owed\)/);
    expect(text).toContain('! Flagged for review');
  });

  it('offers a step-up for a change the statement expects', async () => {
    const json = JSON.parse((await runMain(['plan', fixture('statements', 'couple-children-mixed.yaml'), '--as-of', '2027-01-04', '--json'])).stdout);
    expect(json.options.map((o: { kind: string }) => o.kind)).toContain('step-up');
  });

  it('takes command-line amounts for a USD statement in dollars', async () => {
    const json = JSON.parse((await runMain(['plan', fixture('statements', 'us-household.json'), '--as-of', '2027-01-04', '--balance', '$500', '--json'])).stdout);
    expect(json.balance).toBe('500.00');
  });

  it('shows a USD statement in dollars and moves no dates for UK bank holidays', async () => {
    const { stdout } = await runMain(['plan', fixture('statements', 'us-household.json'), '--as-of', '2027-01-04']);
    const text = stdout.replace(/\s+/g, ' ');
    expect(text).toContain('$6,145.40 owed');
    expect(text).toContain('Due dates: no working-day adjustment.');
  });

  it('refuses an invalid statement with one line per problem, naming the file, and exit code 2', async () => {
    const file = fixture('statements', 'invalid', 'bad-amount.json');
    const { code, stdout, stderr } = await runMain(['plan', file]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([
      `fairplan: ${file}: income[0].amount: "12,34" is not an amount of money (expected e.g. 1234.56 or £1,234.56)`,
      `fairplan: ${file}: expenditure[0].amount: "seven hundred" is not an amount of money (expected e.g. 1234.56 or £1,234.56)`,
    ]);
  });

  it('refuses a statement nested 10,000 deep with one line and exit code 2, not a crash', async () => {
    const file = fixture('hostile', 'deep-nesting.json');
    const { code, stdout, stderr } = await runCli(['plan', file]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `fairplan: ${file}:line 1: lists and objects are nested more than 100 levels deep, the most a statement file may have (column 101)\n`,
    );
  });

  it.each([
    ['billion-laughs.yaml', /^fairplan: .*billion-laughs\.yaml:line 6: aliases stand for more than 10,000 values/],
    ['proto-key.json', /^fairplan: .*proto-key\.json:line 4: income\[0\]: "__proto__" is not allowed as a field name/],
    ['empty.yaml', /^fairplan: .*empty\.yaml: the file is empty$/],
    ['advise-draft.json', /^fairplan: (.*advise-draft\.json): is a draft of fairplan advise, not a statement; to carry on with it: fairplan advise --resume \1$/],
  ])('refuses the hostile statement %s with one line and exit code 2', async (name, line) => {
    const { code, stdout, stderr } = await runMain(['plan', fixture('hostile', name)]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')).toEqual([expect.stringMatching(line), '']);
  });

  it('refuses a statement that is not there', async () => {
    const { code, stderr } = await runMain(['plan', 'no-such-statement.json']);
    expect(code).toBe(2);
    expect(stderr).toBe('fairplan: no-such-statement.json: no such file\n');
  });
});

describe('fairplan plan refuses bad arguments with one clear line and exit code 2', () => {
  /**
   * One line for a person, and the stable code (and the option or file at fault) a script reads with
   * FAIRPLAN_ERRORS=json. A usage error carries no field: its sentence names the option, so `said`
   * holds that name, or the sentence itself where its wording is the point (a suggestion).
   */
  const refuses = async (args: string[], code: string, { field, file, said }: { field?: string; file?: string; said?: string | RegExp } = {}) => {
    const person = await runMain(['plan', ...args]);
    expect(person.code).toBe(2);
    expect(person.stdout).toBe('');
    expect(person.stderr.trim().split('\n')).toHaveLength(1);
    if (said !== undefined) expect(person.stderr).toMatch(said);
    const script = await errorsOf(['plan', ...args]);
    expect(script.code).toBe(2);
    expect(script.errors).toEqual([expect.objectContaining({ code, ...(field === undefined ? {} : { field }), ...(file === undefined ? {} : { file }) })]);
  };

  it('a negative balance', () => refuses(['--balance', '-5', '--affordable', '30'], 'usage', { said: "'--balance <amount>'" }));
  it('an unknown frequency, suggesting the nearest', () =>
    refuses(['--balance', '1000', '--affordable', '30', '--frequency', 'montly'], 'usage', { said: /"montly" is not a frequency; did you mean "monthly"\?/ }));
  it('a date that does not exist', () => refuses([...PLAN.slice(1), '--start', '2027-02-30'], 'invalid-date', { field: '--start' }));
  it('a placeholder date, naming the problem rather than a range of dates', () =>
    refuses([...PLAN.slice(1, -2), '--as-of', '9999-12-31'], 'invalid-date', { field: '--as-of', said: /"9999-12-31" is after 2200: not a plausible date \(fairplan takes years 1900 to 2200\)/ }));
  it('a date before 1900', () => refuses([...PLAN.slice(1), '--start', '1850-01-01'], 'invalid-date', { field: '--start' }));
  it('an amount in dollars when the plan is in pounds, naming the option', () => refuses(['--balance', '$500', '--affordable', '30'], 'invalid-amount', { field: '--balance' }));
  it('an amount in pounds for a statement in dollars', () => refuses([fixture('statements', 'us-household.json'), '--affordable', '£30'], 'invalid-amount', { field: '--affordable' }));
  it('an interest rate over 100%', () => refuses([...PLAN.slice(1), '--interest-rate', '150'], 'usage', { said: "'--interest-rate <percent>'" }));
  it('no --affordable without a statement', () => refuses(['--balance', '1000'], 'invalid-argument', { said: 'fairplan: --affordable is required without a statement' }));
  it('no --balance without a statement', () => refuses(['--affordable', '30'], 'invalid-argument', { said: 'fairplan: --balance is required without a statement' }));
  it('a statement whose debts are all £0.00, naming the statement rather than a --balance that was not given', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fairplan-plan-'));
    const statement = JSON.parse(readFileSync(fixture('statements', 'two-creditors-one-charging.json'), 'utf8')) as { debts: { balance: string }[] };
    const file = path.join(dir, 'nothing-owed.json');
    writeFileSync(file, JSON.stringify({ ...statement, debts: statement.debts.map((debt) => ({ ...debt, balance: '0.00' })) }));
    await refuses([file, '--as-of', '2027-01-04'], 'invalid-argument', { file });
  });
  it('--json with --csv', () => refuses([...PLAN.slice(1), '--json', '--csv'], 'usage'));
  it('--letter with --ics', () => refuses([...PLAN.slice(1), '--letter', '--ics', 'x.ics'], 'usage'));
  it('a first payment before today (the clock says 10 January 2027), naming the option', () =>
    refuses(['--balance', '1000', '--affordable', '30', '--start', '2027-01-01'], 'invalid-argument', { field: '--start' }));
  it('a schedule for an option not offered', () => refuses([...PLAN.slice(1), '--schedule', 'fixed-term-25'], 'invalid-argument', { field: 'schedule', said: /did you mean "fixed-term-24"\?/ }));
  it('half a step-up', () => refuses([...PLAN.slice(1), '--step-up-periods', '3'], 'invalid-argument'));
  it('an unknown calendar', () => refuses([...PLAN.slice(1), '--calendar', 'scotlnd'], 'usage', { said: /did you mean "scotland"\?/ }));
  it('a monthly amount in fractions of a penny, as a monthly figure of a budget never is', () =>
    refuses(['--balance', '1000', '--affordable', '30.005'], 'invalid-argument', { field: '--affordable' }));

  it('writes no file when it refuses', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fairplan-plan-'));
    expect((await runMain([...PLAN, '--ics', 'x.ics', '--schedule', 'nonsense'], { cwd: dir })).code).toBe(2);
    expect(existsSync(path.join(dir, 'x.ics'))).toBe(false);
  });
});

describe('fairplan plan --ics: a file that cannot or must not be written gets one plain sentence and exit code 2', () => {
  const scratch = () => mkdtempSync(path.join(tmpdir(), 'fairplan-plan-ics-'));

  it('a folder that does not exist: no such folder, and no folder is made', async () => {
    const dir = scratch();
    const { code, stderr } = await runCli([...PLAN, '--ics', 'missing/x.ics'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toBe('fairplan: missing/x.ics: no such folder\n');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a folder given as the file: is a folder', async () => {
    const dir = scratch();
    mkdirSync(path.join(dir, 'reminders'));
    const { code, stderr } = await runMain([...PLAN, '--ics', 'reminders'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toBe('fairplan: reminders: is a folder\n');
    expect(readdirSync(path.join(dir, 'reminders'))).toEqual([]);
  });

  it('a folder that cannot be written: cannot write here', async () => {
    const folder = readOnlyFolder();
    const target = path.join(folder, 'x.ics');
    const { code, stderr } = await runCli([...PLAN, '--ics', target], AS_ORDINARY_USER);
    expect(code).toBe(2);
    expect(stderr).toBe(`fairplan: ${target}: cannot write here\n`);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('the statement the plan is made from: refused, and the statement kept', async () => {
    const dir = scratch();
    const statement = path.join(dir, 'statement.json');
    copyFileSync(fixture('statements', 'single-renter-weekly.json'), statement);
    const before = readFileSync(statement, 'utf8');
    const { code, stderr } = await runMain(['plan', 'statement.json', '--ics', './statement.json'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toBe('fairplan: ./statement.json: --ics names the statement (statement.json), which would be overwritten; name another file\n');
    expect(readFileSync(statement, 'utf8')).toBe(before);
  });

  it('standard output appended to the statement (>> statement.json): refused, and the statement kept', async () => {
    const dir = scratch();
    const statement = path.join(dir, 'statement.json');
    copyFileSync(fixture('statements', 'single-renter-weekly.json'), statement);
    const before = readFileSync(statement, 'utf8');
    const { code, stderr } = await runWithStdoutTo(statement, ['plan', statement, '--json']);
    expect(code).toBe(2);
    expect(stderr).toBe(`fairplan: standard output: goes to the statement (${statement}), which would be overwritten; send it to another file\n`);
    expect(readFileSync(statement, 'utf8')).toBe(before);
  });

  it('standard output sent to the statement (> statement.json), which the shell empties first: refused, saying it is already empty', async () => {
    const dir = scratch();
    const statement = path.join(dir, 'statement.json');
    copyFileSync(fixture('statements', 'single-renter-weekly.json'), statement);
    const { code, stderr } = await runWithStdoutTo(statement, ['plan', statement, '--csv'], 'w');
    expect(code).toBe(2);
    expect(stderr).toBe(
      `fairplan: standard output: goes to the statement (${statement}), which the shell emptied before fairplan started (> empties its file first); restore it from a copy and send the output to another file\n`,
    );
  });
});

// fixtures/plans/README.md documents one command line per option kind; these keep every one true:
// each runs, offers the option its heading names, and recommends it where the heading says so.
interface Example {
  readonly kind: string;
  readonly recommended: boolean;
  readonly args: string[];
}

function examples(): Example[] {
  const found: Example[] = [];
  let heading = { kind: '', recommended: false };
  for (const line of readFileSync(fixture('plans', 'README.md'), 'utf8').split('\n')) {
    const title = /^## (\S+)( \(recommended\))?$/.exec(line);
    if (title) heading = { kind: title[1] ?? '', recommended: Boolean(title[2]) };
    const command = /^\s+\$ fairplan (plan .*)$/.exec(line);
    if (command) found.push({ ...heading, args: (command[1] ?? '').split(/\s+/) });
  }
  return found;
}

describe('the plan examples in fixtures/plans', () => {
  const all = examples();

  it('cover every kind of option', () => {
    expect(new Set(all.map((e) => e.kind))).toEqual(new Set(['affordable', 'fixed-term', 'settlement', 'step-up', 'token']));
  });

  it.each(all)('$kind: $args', async ({ kind, recommended, args }) => {
    const { code, stdout, stderr } = await runCli([...args, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.options.map((o: { kind: string }) => o.kind)).toContain(kind);
    if (recommended) expect(json.recommended.kind).toBe(kind);
  });
});

describe('fairplan plan during a Breathing Space', () => {
  // A standard moratorium from 20 November 2026 with no end recorded is taken to last to 19 January
  // 2027; paid weekly on Fridays from 8 January, the first payday after it is 22 January.
  const SPACE = fixture('statements', 'breathing-space-standard.json');

  it('honours one recorded to start after the as-of date: no payment falls before it ends, and the flag says it is to come', async () => {
    // Planned on 1 November, before the moratorium recorded from 20 November.
    const { code, stdout } = await runMain(['plan', SPACE, '--as-of', '2026-11-01', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.pausedUntil).toBe('2027-01-19');
    const dates: string[] = result.options.flatMap((o: { instalments: { date: string }[] }) => o.instalments.map((i) => i.date));
    expect(dates.every((date) => date > '2027-01-19')).toBe(true);
    expect(result.affordability.flags[0]).toMatchObject({ code: 'breathing-space', review: true });
    expect(result.affordability.flags[0].reason).toMatch(/^A standard Breathing Space is recorded for the customer from 2026-11-20 until 2027-01-19: no payment is asked for until it ends/);
  });

  it('asks for no payment inside the moratorium in any option (--json, through the binary)', async () => {
    const { code, stdout } = await runCli(['plan', SPACE, '--as-of', '2026-11-25', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.pausedUntil).toBe('2027-01-19');
    expect(result.start).toBe('2027-01-22');
    const dates: string[] = result.options.flatMap((o: { instalments: { date: string }[] }) => o.instalments.map((i) => i.date));
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.filter((date) => date <= '2027-01-19')).toEqual([]);
    expect(result.affordability.flags.map((f: { code: string }) => f.code)).toContain('breathing-space');
  });

  it('moves a first payment asked for with --start past the moratorium too', async () => {
    const { stdout } = await runMain(['plan', SPACE, '--as-of', '2026-11-25', '--start', '2026-12-04', '--json']);
    expect(JSON.parse(stdout).start).toBe('2027-01-20');
  });

  it('tells the customer in the letter', async () => {
    const { stdout } = await runMain(['plan', SPACE, '--as-of', '2026-11-25', '--letter', '--override-reason', 'Reviewed with the customer on the call today']);
    expect(stdout.replace(/\s+/g, ' ')).toContain('You are in Breathing Space until 19 January 2027.');
  });

  it('makes no plan during a mental health crisis one with no end: the reason, review when it ends, and the signpost', async () => {
    const CRISIS = fixture('statements', 'breathing-space-crisis-open.json');
    const text = await runMain(['plan', CRISIS, '--as-of', '2026-11-25']);
    expect(text.code).toBe(0);
    expect(text.stdout.replace(/\s+/g, ' ')).toContain('No plan is made: the customer is in a mental health crisis Breathing Space from 2026-11-20 with no end recorded');
    expect(text.stdout).toContain(ADVICE_SIGNPOST.slice(0, 40));
    const { code, stdout } = await runCli(['plan', CRISIS, '--as-of', '2026-11-25', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.noPlan.reason).toContain('Review the budget with the customer when it ends');
    expect(result.options).toBeUndefined();
    expect(result.affordability.flags[0]).toMatchObject({ code: 'breathing-space', review: true });
  });

  it('gives a script with no plan what it can read: --csv a schedule with no rows, and the reason on stderr, never on stdout', async () => {
    const CRISIS = fixture('statements', 'breathing-space-crisis-open.json');
    const csv = await runMain(['plan', CRISIS, '--as-of', '2026-11-25', '--csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toBe(`${SCHEDULE_CSV_COLUMNS.join(',')}\n`);
    expect(csv.stderr.replace(/\s+/g, ' ')).toContain('fairplan: no plan is made, so no schedule: No plan is made: the customer is in a mental health crisis Breathing Space');
    const dir = mkdtempSync(path.join(tmpdir(), 'fairplan-crisis-'));
    for (const output of [['--ics', 'plan.ics'], ['--letter'], ['--letters', 'out']]) {
      const run = await runMain(['plan', CRISIS, '--as-of', '2026-11-25', ...output], { cwd: dir });
      expect(run.code, output[0]).toBe(0);
      expect(run.stdout, output[0]).toBe('');
      expect(run.stderr.replace(/\s+/g, ' '), output[0]).toMatch(/^fairplan: no plan is made, so no (reminders|letter|letters): No plan is made/);
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});


describe('fairplan plan: every plan carries a review date', () => {
  // Taken on 1 October 2025; planned on 25 November 2026, when it is more than 12 months old.
  const OLD = fixture('statements', 'old-budget-old-debt.json');
  const reviews = (stdout: string) => Object.fromEntries(JSON.parse(stdout).options.map((o: { key: string; reviewOn: string }) => [o.key, o.reviewOn]));

  it('is 12 months after the as-of date when the statement does not say when the budget was taken, or the token review if sooner', async () => {
    const review = reviews((await runMain([...PLAN, '--json', '--fixed-terms', '12'])).stdout);
    expect(review).toEqual({ affordable: '2028-01-10', 'fixed-term-12': '2028-01-10' });
    const token = reviews((await runMain(['plan', '--balance', '1000', '--affordable', '0', '--start', '2027-01-15', '--as-of', '2027-01-10', '--json'])).stdout);
    // The token's review, three months from its first payment on 15 January.
    expect(token.token).toBe('2027-04-15');
  });

  it('is due at once for a budget already past its review, and follows --stale-after', async () => {
    const due = reviews((await runMain(['plan', OLD, '--as-of', '2026-11-25', '--json'])).stdout);
    expect(new Set(Object.values(due))).toEqual(new Set(['2026-11-25']));
    const later = JSON.parse((await runMain(['plan', OLD, '--as-of', '2026-11-25', '--stale-after', '18', '--json'])).stdout);
    // 18 months after 1 October 2025: not stale yet, reviewed then.
    expect(later.options[0].reviewOn).toBe('2027-04-01');
    expect(later.affordability.flags.map((f: { code: string }) => f.code)).not.toContain('statement-stale');
  });

  it('is shown with the recommendation and in the letter', async () => {
    const { stdout } = await runMain(PLAN);
    expect(stdout).toContain('Review with the customer by 2028-01-10.');
    const letter = (await runMain([...PLAN, '--letter'])).stdout.replace(/\s+/g, ' ');
    expect(letter).toContain('we will go through your budget and this plan with you again by 10 January 2028.');
  });

  it('refuses a --stale-after that is not a number of months, naming the option', async () => {
    const { code, errors } = await errorsOf([...PLAN, '--stale-after', '0']);
    expect(code).toBe(2);
    expect(errors).toEqual([expect.objectContaining({ code: 'usage', message: expect.stringContaining("'--stale-after <months>'") })]);
  });
});

describe('fairplan plan reads SFS summaries as check does', () => {
  const WRONG = fixture('statements', 'sfs', 'sfs-summary-wrong-totals.json');

  it('refuses a summary whose stated totals disagree with --strict, naming each, and exits 2', async () => {
    const { code, stdout } = await runMain(['plan', WRONG, '--strict', '--as-of', '2026-11-25']);
    expect([code, stdout]).toEqual([2, '']);
    const { errors } = await errorsOf(['plan', WRONG, '--strict', '--as-of', '2026-11-25']);
    expect(errors.map((error) => [error.code, error.file, error.field])).toContainEqual(['invalid-statement', WRONG, 'overview.total-available-for-non-priority-debts']);
    expect((await runMain(['plan', WRONG, '--as-of', '2026-11-25'])).code).toBe(0);
  });

  it('reads a file as a summary with --format sfs-summary, and needs a statement for it', async () => {
    const { code, errors } = await errorsOf(['plan', fixture('statements', 'sfs', 'sfs-household.json'), '--format', 'sfs-summary', '--as-of', '2026-11-25']);
    expect(code).toBe(2);
    expect(errors).toContainEqual(expect.objectContaining({ code: 'invalid-statement', field: 'monthly-income' }));
    expect((await runMain(['plan', WRONG, '--format', 'sfs-summary', '--as-of', '2026-11-25'])).code).toBe(0);
    const without = await errorsOf([...PLAN, '--strict']);
    expect(without.code).toBe(2);
    expect(without.errors).toEqual([expect.objectContaining({ code: 'invalid-argument' })]);
  });
});

describe('fairplan plan letters for a debt that may be statute-barred (limitation-check)', () => {
  // Quickline Loans last paid on 14 March 2020, more than six years before 25 November 2026; Lumen
  // Shopping on 10 January 2021, less than six.
  const OLD = fixture('statements', 'old-budget-old-debt.json');
  const ENFORCING = /\b(must pay|legal action|court action|take you to court|enforcement|bailiff|we will enforce)\b/i;

  it("never words it as enforceable in the customer's letter, and tells the customer not to pay, sign or promise anything to it", async () => {
    const { code, stdout } = await runMain(['plan', OLD, '--as-of', '2026-11-25', '--letter', '--override-reason', 'Reviewed with the customer on the call today']);
    expect(code).toBe(0);
    const flat = stdout.replace(/\s+/g, ' ');
    expect(flat).toContain('Nothing is offered to Quickline Loans (last payment 14 March 2020).');
    expect(flat).toContain('Please do not pay, sign or promise anything to Quickline Loans until it has been checked');
    expect(flat).not.toContain('Lumen Shopping (catalogue) (last payment');
    expect(flat).not.toMatch(ENFORCING);
  });

  it('tells only that creditor, in its offer letter, that the offer does not accept the debt can be enforced, when a person includes it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fairplan-limitation-'));
    const reason = 'Customer paid Quickline in 2023 from a joint account';
    const { code } = await runMain(['plan', OLD, '--as-of', '2026-11-25', '--letters', 'letters', '--include-possibly-barred', 'Quickline Loans', '--override-reason', reason], { cwd: dir });
    expect(code).toBe(0);
    const letter = (name: string) => readFileSync(path.join(dir, 'letters', name), 'utf8').replace(/\s+/g, ' ');
    const files = readdirSync(path.join(dir, 'letters')).filter((f) => f.endsWith('.txt'));
    const quickline = files.find((f) => f.includes('quickline')) ?? '';
    const harbour = files.find((f) => f.includes('harbour')) ?? '';
    expect(letter(quickline)).toContain('more than 6 years ago, so this debt may be statute-barred (Limitation Act 1980; CONC 7.15)');
    expect(letter(quickline)).toContain('without accepting that the debt can be enforced');
    expect(letter(harbour)).not.toContain('statute-barred');
    expect(letter('letter-customer.txt')).toContain('may be statute-barred');
    for (const file of files.filter((f) => f.endsWith('.txt'))) expect(letter(file)).not.toMatch(ENFORCING);
  });
});

describe('fairplan plan for a customer in Scotland', () => {
  // Lumen Shopping last paid on 10 January 2021: more than five years before 25 November 2026.
  const SCOTLAND = fixture('statements', 'scotland-old-debt-moratorium.json');

  it('takes debts to be possibly prescribed after five years, and says so in the letter', async () => {
    const result = JSON.parse((await runMain(['plan', SCOTLAND, '--as-of', '2026-11-25', '--json'])).stdout);
    const limitation = result.affordability.flags.find((f: { code: string }) => f.code === 'limitation-check');
    expect(limitation.reason).toContain('more than 5 years');
    expect(limitation.reason).toContain('Prescription and Limitation (Scotland) Act 1973');
    const letter = (await runMain(['plan', SCOTLAND, '--as-of', '2026-11-25', '--letter', '--override-reason', 'Reviewed with the customer on the call today'])).stdout.replace(/\s+/g, ' ');
    expect(letter).toContain('Nothing is offered to Lumen Shopping (catalogue) (last payment 10 January 2021); Quickline Loans');
    expect(letter).toContain('more than five years');
    expect(letter).toContain('in Scotland the debt may no longer be owed at all');
  });

  it('honours a moratorium it records, with a note that Breathing Space is for England and Wales', async () => {
    const result = JSON.parse((await runMain(['plan', SCOTLAND, '--as-of', '2026-11-25', '--json'])).stdout);
    expect(result.pausedUntil).toBe('2027-01-01');
    expect(result.start > '2027-01-01').toBe(true);
    const { stdout } = await runMain(['check', SCOTLAND, '--as-of', '2026-11-25', '--json']);
    const space = JSON.parse(stdout).flagDetails.find((f: { code: string }) => f.code === 'breathing-space');
    expect(space.details.join(' ')).toContain('Breathing Space applies in England and Wales only: for a customer in Scotland');
  });

  it('does not take the law from --calendar: a statement without a jurisdiction is under six years', async () => {
    const OLD = fixture('statements', 'old-budget-old-debt.json');
    const { stdout, stderr } = await runMain(['plan', OLD, '--as-of', '2026-11-25', '--calendar', 'scotland', '--json']);
    expect(JSON.parse(stdout).affordability.flags.find((f: { code: string }) => f.code === 'limitation-check').reason).toContain('more than 6 years');
    // Said, not silently decided.
    expect(stderr).toContain(
      'fairplan: --calendar scotland sets only the bank holidays payments move around: the debts are taken to be under the law of England and Wales (the statement records no jurisdiction)',
    );
    expect((await runMain(['plan', SCOTLAND, '--as-of', '2026-11-25', '--calendar', 'scotland', '--json'])).stderr).toBe('');
  });
});
