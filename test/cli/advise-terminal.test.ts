/**
 * fairplan advise in a real pseudo-terminal, driven as an advisor at a keyboard would: typing
 * answers, moving through lists by typing the start of a choice, pressing Ctrl-C and resuming.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { draftToJson } from '../../src/advise/draft-file.js';
import { money } from '../../src/core/money.js';
import type { Statement } from '../../src/core/statement.js';
import { BIN, fixture, runCli } from '../helpers/cli.js';
import { EXPENDITURE_CATEGORIES, INCOME_CATEGORIES } from '../../src/core/statement.js';
import { hasTmux, Terminal } from '../helpers/tmux.js';

let cwd: string;
let terminal: Terminal | undefined;

beforeEach(() => {
  cwd = mkdtempSync(path.join(tmpdir(), 'fairplan-advise-'));
});

afterEach(() => {
  terminal?.close();
  terminal = undefined;
  rmSync(cwd, { recursive: true, force: true });
});

/** Wages of 1,500.00 and rent of 900.00 a month; 1,200.00 owed to Acme Bank. */
const ONE_DEBT: Statement = {
  household: { adults: 1, children: 0, vehicles: 0, tenure: 'tenant-private' },
  income: [{ category: 'earnings', label: 'Wages', amount: money('1500.00'), frequency: 'monthly' }],
  expenditure: [{ category: 'home', label: 'Rent', amount: money('900.00'), frequency: 'monthly' }],
  priorityDebts: [],
  debts: [{ creditor: 'Acme Bank', balance: money('1200.00') }],
  vulnerabilities: [],
  expectedChanges: [],
};

const start = (args: string, height = 30, width = 80): Terminal =>
  new Terminal(`node ${BIN} advise --as-of 2026-11-25 ${args}`, { cwd, env: { NO_COLOR: '1' }, width, height });

// Generous: a busy machine can take seconds to start node.
const PATIENCE = 20_000;

/** Waits for the open question (inquirer marks it with "?"), then answers it. */
async function answer(t: Terminal, question: string, text = ''): Promise<void> {
  await t.waitFor(`? ${question}`, PATIENCE);
  if (text) t.type(text);
  t.press('Enter');
  await t.waitFor(`✔ ${question}`, PATIENCE);
}

/** The household step, the customer left out; `adults` '' keeps what a loaded statement records. */
async function household(t: Terminal, adults = '1'): Promise<void> {
  await answer(t, "Customer's name");
  await answer(t, 'Adults in the household', adults);
  await answer(t, 'Dependent children');
  await answer(t, 'Vehicles');
  await answer(t, 'Home');
  await answer(t, "Is there anything about the customer's health or circumstances");
}

/** A loaded statement's income and pay schedule, kept as they are. */
async function keptIncome(t: Terminal): Promise<void> {
  await answer(t, 'Income: what next?', 'Done');
  await answer(t, 'How often is the customer paid?');
  await answer(t, 'Next payday');
}

async function income(t: Terminal): Promise<void> {
  await answer(t, 'Income: what next?', 'Add');
  await answer(t, 'Describe it', 'Wages');
  await answer(t, 'SFS field');
  await t.waitFor('? Wages amount', PATIENCE);
  t.type('12,34');
  t.press('Enter');
  await t.waitFor('"12,34" is not an amount of money', PATIENCE);
  t.press('BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace');
  await answer(t, 'Wages amount', '£1,500.00');
  await answer(t, 'How often');
  await t.waitFor('A month: income £1,500.00, spending so far £0.00, left £1,500.00', PATIENCE);
  await answer(t, 'Income: what next?', 'Done');
  // Offered at the frequency of the wages entered: monthly; the payday is asked.
  await answer(t, 'How often is the customer paid?');
  await answer(t, 'Next payday', '2026-11-25');
}

async function rentFromAmount(t: Terminal): Promise<void> {
  await answer(t, 'Rent amount', '900');
  await answer(t, 'How often');
  await answer(t, 'Fixed costs: what next?', 'Done');
  // No water, TV licence or home insurance.
  await answer(t, 'Nothing is entered for water');
  await answer(t, 'Nothing is entered for a TV licence');
  await answer(t, 'Nothing is entered for home and contents insurance');
}

async function costsAndDebts(t: Terminal): Promise<void> {
  await answer(t, 'Fixed costs: what next?', 'Add');
  await answer(t, 'Describe it', 'Rent');
  await answer(t, 'SFS field');
  await rentFromAmount(t);
  await otherSectionsAndDebts(t);
}

async function otherSectionsAndDebts(t: Terminal): Promise<void> {
  await answer(t, 'Flexible costs: what next?', 'Done');
  await answer(t, 'Savings put by regularly');
  await answer(t, 'Debt admin fee to a debt management firm');
  await answer(t, 'Priority debts: what next?', 'Done');
  await answer(t, 'Other debts: what next?', 'Add');
  await answer(t, 'Creditor', 'Acme Bank');
  await answer(t, 'Their account reference');
  await answer(t, 'Owed', '1200');
  await answer(t, 'Interest and charges');
  await answer(t, 'Last payment or written acknowledgement');
  await answer(t, 'Is there a County Court Judgment on this debt?');
  await answer(t, 'Note (optional)');
  await answer(t, 'Other debts: what next?', 'Done');
  await answer(t, 'Any change expected in what they can afford');
}

async function planAndExport(t: Terminal): Promise<string> {
  // 1,500.00 − 900.00 = 600.00 a month for Acme Bank's 1,200.00: two payments.
  await t.waitFor(/Left for other creditors +£600\.00/, PATIENCE);
  await answer(t, 'What next?', 'On to the plan');
  await t.waitFor(/Affordable +£600\.00\/mo +2 months +£1,200\.00 +£0\.00 +yes/, PATIENCE);
  await answer(t, 'Which plan?', 'Affordable');
  await t.waitFor(/2 +2026-12-29 +£600\.00 +£0\.00 +£0\.00/, PATIENCE);
  await answer(t, 'Agree this plan, or change it?', 'Agree');
  await t.waitFor('Agreed: ', PATIENCE);
  await answer(t, 'The plan is agreed: save it?');
  await answer(t, 'Save the statement and plan into folder');
  return t.waitFor('[exit 0]', PATIENCE);
}

/**
 * An advisor at the keyboard, counting every key pressed besides the text typed: Enter, the arrows,
 * Backspace. A choice is picked by typing the start of its name, as an advisor would.
 */
class Keyboard {
  keys = 0;
  constructor(private readonly t: Terminal) {}

  press(...keys: string[]): void {
    this.keys += keys.length;
    this.t.press(...keys);
  }

  /** Answers the open question and waits until it is shown answered (counted over the whole scrollback). */
  async answer(question: string, text = ''): Promise<void> {
    await this.t.waitFor(`? ${question}`, PATIENCE);
    const answered = () => this.t.history().split(`✔ ${question}`).length;
    const before = answered();
    if (text) this.t.type(text);
    this.press('Enter');
    const deadline = Date.now() + PATIENCE;
    while (answered() <= before) {
      if (Date.now() > deadline) throw new Error(`"${question}" was not answered; the screen was:\n${this.t.screen()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** One line of a section: its description, the SFS field it suggests, its amount and how often. */
  async line(section: string, label: string, amount: string, frequency = ''): Promise<void> {
    await this.answer(`${section}: what next?`);
    await this.answer('Describe it', label);
    await this.answer('SFS field');
    await this.answer(`${label} amount`, amount);
    await this.answer('How often', frequency);
  }

  /** One debt: creditor, reference, balance, whose name, interest, last payment, no CCJ, no note. */
  async debt(creditor: string, reference: string, owed: string, owner: string, interest: readonly string[], lastPaid: string): Promise<void> {
    await this.answer('Other debts: what next?');
    await this.answer('Creditor (e.g.', creditor);
    await this.answer('Their account reference', reference);
    await this.answer('Owed', owed);
    await this.answer('Whose name is it in?', owner);
    const [kind = '', rate] = interest;
    await this.answer('Interest and charges', kind);
    if (rate) await this.answer('Annual interest rate', rate);
    await this.answer('Last payment or written acknowledgement', lastPaid);
    await this.answer('Is there a County Court Judgment on this debt?');
    await this.answer('Note (optional)');
  }
}

const HEALTH_NOTE = 'Anxiety; prefers letters to calls';
const REASON = 'Reviewed with the customer; letters only';

/**
 * The call of the issue: a couple with a child, five creditors (one last paid seven years ago, a
 * card still charging interest), the amount changed and then the budget lowered; the keys pressed
 * besides typing.
 */
async function coupleCall(t: Terminal): Promise<number> {
  const k = new Keyboard(t);
  await k.answer("Customer's name", 'Sam and Alex Green');
  await k.answer('Address', '12 Acacia Road, Leeds, LS1 1AA');
  await k.answer('Your reference for them', 'GR-2041');
  await k.answer('Employment', 'Full');
  await k.answer('Adults in the household', '2');
  await k.answer('Dependent children', '1');
  await k.answer('Vehicles');
  await k.answer('Home', 'Renting p');
  await k.answer("Is there anything about the customer's health or circumstances", 'Health');
  await k.answer('Does the customer agree to this being noted in their file', 'y');
  await k.answer('Do they also agree to their creditors being told', 'n');
  await k.answer('For their file (never sent to creditors)', HEALTH_NOTE);
  await k.answer("Is there anything about the customer's health or circumstances");

  await k.line('Income', 'Wages', '1650.00');
  await k.line('Income', "Partner's wages", '620.00');
  await k.line('Income', 'Child Benefit', '26.05', 'weekly');
  await k.answer('Income: what next?', 'Done');
  await k.answer('How often is the customer paid?');
  await k.answer('Next payday', '2026-11-27');

  await k.line('Fixed costs', 'Rent', '725.00');
  await k.line('Fixed costs', 'Council tax', '160.00');
  await k.line('Fixed costs', 'Gas and electricity', '140.00');
  await k.line('Fixed costs', 'Water', '45.00');
  await k.answer('Fixed costs: what next?', 'Done');
  await k.answer('Is the council tax of £160.00 a month paid over 10 months?', 'y');
  await k.answer('Nothing is entered for a TV licence');
  await k.answer('Nothing is entered for home and contents insurance');
  await k.line('Flexible costs', 'Food', '520.00');
  await k.line('Flexible costs', 'Phone and broadband', '55.00');
  await k.answer('Flexible costs: what next?', 'Done');
  await k.answer('Savings put by regularly');
  await k.answer('Debt admin fee to a debt management firm');
  await k.answer('Priority debts: what next?', 'Done');

  await k.debt('Harbour Bank credit card', '4929 1234 5678 6612', '3200.00', '', ['Still', '24.9'], '2026-10-28');
  await k.debt('Fairway Finance loan', 'PL-30117845', '2100.00', 'Joint', [], '2026-10-15');
  await k.debt('Lumen Shopping catalogue', 'LS-88120', '640.00', 'Partner', [], '2026-09-30');
  await k.debt('Quickline Loans', 'QL-771', '480.00', '', [], '2019-06-14');
  await k.debt('Brightside Mobile', 'BM-5521', '310.00', '', [], '');
  await k.answer('Other debts: what next?', 'Done');
  await k.answer('Any change expected in what they can afford');

  await k.answer('What next?', 'On to');
  // Quickline was last paid in 2019: left out of the offers until it has been checked (the default).
  await k.answer('What should the plan do with this debt?');
  await k.answer('Which plan?', 'Affordable');
  // 700.00 a month agreed; then the food is found to be 600.00, lowering the budget below it.
  await k.answer('Agree this plan, or change it?', 'Change the amount');
  await k.answer('Payment each time', '700.00');
  await k.answer('Agree this plan, or change it?', 'Go back');
  await k.answer('Go to which part?', 'Flexible');
  await k.answer('Flexible costs: what next?', 'Edit');
  await k.answer('Change which line?', '1.');
  await k.answer('Describe it');
  await k.answer('SFS field');
  await k.answer('Food amount', '600.00');
  await k.answer('How often');
  await k.answer('Flexible costs: what next?', 'Go back');
  await k.answer('Go to which part?', 'Affordability');
  await k.answer('What next?', 'On to');
  await t.waitFor('It is above the £684.55 a month found affordable.', PATIENCE);
  await k.answer('Agree this plan, or change it?', 'Change the amount');
  await k.answer('Payment each time');
  // The health note asks for a person's review: agreeing needs the override and a reason.
  await k.answer('Agree this plan, or change it?', 'Agree');
  await k.answer('Agree it all the same?', 'y');
  await k.answer('Why is it agreed all the same?', REASON);
  await k.answer('The plan is agreed: save it?');
  await k.answer('Save the statement and plan into folder');
  await t.waitFor('[exit 0]', PATIENCE);
  return k.keys;
}

describe.skipIf(!hasTmux())('fairplan advise at a terminal', () => {
  it('refuses a draft it cannot read, naming the file, with exit 2', async () => {
    terminal = start('--resume missing.json');
    const screen = await terminal.waitFor('[exit 2]', PATIENCE);
    expect(screen).toContain('fairplan: missing.json: no such file');
  }, 30_000);

  it('starts from a statement and shows its lines for review', async () => {
    terminal = start(fixture('statements', 'single-renter-weekly.json'));
    await household(terminal, '');
    const screen = await terminal.waitFor('? Income: what next?', PATIENCE);
    expect(screen).toMatch(/1 +Wages \(warehouse operative.* +£412\.60 +weekly/);
    terminal.press('C-c');
    await terminal.waitFor('[exit 130]', PATIENCE);
  }, 30_000);

  for (const width of [80, 100]) {
    it(`wraps a long label at word boundaries and aligns the amounts at ${width} columns, cutting nothing`, async () => {
      terminal = start(fixture('statements', 'single-renter-weekly.json'), 40, width);
      await household(terminal, '');
      await keptIncome(terminal);
      const screen = await terminal.waitFor('? Fixed costs: what next?', PATIENCE);
      const from = screen.lastIndexOf('Fixed costs\n');
      const section = screen.slice(from, screen.indexOf('A month: income', from));
      expect(section).not.toContain('…');
      // The label goes on under itself, broken between words, its figures on its first line.
      const words = section.split(/\s+/);
      for (const word of 'Council tax (band A, single person discount) · Council tax rates'.split(' ')) expect(words).toContain(word);
      expect(section).toMatch(/2 +Council tax \(band A, single.* +£98\.40 +monthly +£98\.40 a month/);
      // Every figure a month ends in the same column.
      const ends = section.split('\n').filter((line) => line.includes(' a month')).map((line) => line.replace(/ \*$/, '').trimEnd().length);
      expect(ends.length).toBeGreaterThan(1);
      expect(new Set(ends).size).toBe(1);
      terminal.press('C-c');
      await terminal.waitFor('[exit 130]', PATIENCE);
    }, 60_000);
  }

  it('takes the call of a couple with five creditors to an export in at most 150 keys besides typing, every figure the one check and plan give for the statement saved', async () => {
    terminal = start('', 50);
    const started = Date.now();
    const keys = await coupleCall(terminal);
    console.log(`The call took ${keys} keys besides typing, in ${Math.round((Date.now() - started) / 1000)} s.`);
    expect(keys).toBeLessThanOrEqual(150);
    // No category's code was shown at any point of the call.
    const screens = terminal.history();
    for (const code of [...INCOME_CATEGORIES, ...EXPENDITURE_CATEGORIES].filter((c) => c.includes('-'))) expect(screens).not.toContain(code);

    const exported = path.join(cwd, 'fairplan-export-2026-11-25');
    const read = (name: string) => readFileSync(path.join(exported, name), 'utf8');
    for (const name of readdirSync(exported)) expect(statSync(path.join(exported, name)).mode & 0o777, name).toBe(0o600);
    const statement = JSON.parse(read('statement.json'));
    expect(statement.customer).toEqual({ name: 'Sam and Alex Green', address: ['12 Acacia Road', 'Leeds', 'LS1 1AA'], reference: 'GR-2041', employment: 'Full-time' });
    expect(statement.takenOn).toBe('2026-11-25');
    expect(statement.debts.map((d: { lastPaymentOn?: string }) => d.lastPaymentOn)).toEqual(['2026-10-28', '2026-10-15', '2026-09-30', '2019-06-14', undefined]);
    expect(statement.debts[0]).toMatchObject({ accountReference: '4929 1234 5678 6612', owner: 'customer', interest: { kind: 'continuing', rate: '24.9' } });
    expect(statement.debts.map((d: { owner: string }) => d.owner)).toEqual(['customer', 'joint', 'partner', 'customer', 'customer']);

    // Every figure the same as check and plan give for the statement saved.
    const saved = path.join(exported, 'statement.json');
    const checked = await runCli(['check', saved, '--as-of', '2026-11-25', '--json']);
    const planned = await runCli(['plan', saved, '--as-of', '2026-11-25', '--json']);
    expect([checked.code, planned.code]).toEqual([0, 0]);
    const check = JSON.parse(checked.stdout);
    const plan = JSON.parse(read('plan.json'));
    // 1,650.00 + 620.00 + 26.05 × 52 ÷ 12 (112.88) − 725.00 − 1,600.00 ÷ 12 (133.33) − 140.00 − 45.00 − 600.00 − 55.00 = 684.55.
    expect(check.available).toBe('684.55');
    expect(plan.affordable).toBe(check.available);
    expect(plan.options).toEqual(JSON.parse(planned.stdout).options);
    expect(plan.agreed).toMatchObject({ key: 'affordable', affordable: true, overrideReason: REASON });
    const agreed = plan.options.find((o: { key: string }) => o.key === 'affordable');
    expect(agreed.instalmentAmount).toBe('684.55');

    const sfs = JSON.parse(read('statement-sfs.json'));
    expect(sfs['client-name']).toBe('Sam and Alex Green');
    expect(sfs['client-employment-status']).toEqual(['Full-time']);
    expect(sfs['monthly-outgoings']['fixed-costs']['home-contents']['council-tax-rates']['monthly-amount']).toBe(133.33);
    expect(sfs.overview['total-available-for-non-priority-debts']).toBe(684.55);
    // The debt last paid in 2019 is out of the offers and gets no letter; the customer is told not to pay it until it is checked.
    expect(plan.possiblyStatuteBarred).toEqual([expect.objectContaining({ creditor: 'Quickline Loans', status: 'unchecked', leftOut: true, offer: '0.00' })]);
    expect(readdirSync(exported).filter((name) => /quickline/i.test(name))).toEqual([]);
    expect(read('letter.txt').replace(/\s+/g, ' ')).toContain('Please do not pay, sign or promise anything to Quickline Loans until it has been checked');
    const offers = JSON.parse(read('sfs-summary.json')).debts['non-priority-debts'] as { creditor: string; 'repayment-offer': number }[];
    expect(offers.find((d) => d.creditor === 'Quickline Loans')?.['repayment-offer']).toBe(0);
    expect(offers.filter((d) => d.creditor !== 'Quickline Loans').every((d) => d['repayment-offer'] > 0)).toBe(true);
    // Every letter of the pack is there as text, DOCX and PDF (test/render/letter/formats.test.ts reads their words back).
    const letters = readdirSync(exported).filter((name) => /^letter.*\.txt$/.test(name));
    expect(letters.length).toBe(5);
    for (const name of letters) for (const format of ['docx', 'pdf']) expect(readdirSync(exported)).toContain(name.replace(/txt$/, format));
    // The customer did not consent to sharing: the health note reaches no creditor.
    for (const name of readdirSync(exported).filter((n) => n.startsWith('letter-') || n.includes('sfs'))) expect(read(name), name).not.toContain(HEALTH_NOTE);
  }, 240_000);

  it('reviews a statement to an export through Ctrl-C and --resume, which carries on at the plan chosen', async () => {
    // Tall enough for the plan's heading, its creditor table and a page of its schedule at once.
    terminal = start(`${fixture('statements', 'single-renter-weekly.json')} --draft draft.json`, 60);
    await household(terminal, '');
    await keptIncome(terminal);
    await answer(terminal, 'Fixed costs: what next?', 'Done');
    await answer(terminal, 'Is the council tax of £98.40 a month paid over 10 months?');
    await answer(terminal, 'Flexible costs: what next?', 'Done');
    await answer(terminal, 'Savings put by regularly');
    await answer(terminal, 'Debt admin fee to a debt management firm');
    await answer(terminal, 'Priority debts: what next?', 'Done');
    await answer(terminal, 'Other debts: what next?', 'Done');
    await answer(terminal, 'Any change expected in what they can afford');
    await answer(terminal, 'What next?');
    await answer(terminal, 'Which plan?');
    const chosen = await terminal.waitFor('? Agree this plan, or change it?', PATIENCE);
    const heading = /\n(Affordable plan: [^\n]+)\n/.exec(chosen)?.[1];
    expect(heading).toBeDefined();
    terminal.press('C-c');
    await terminal.waitFor('[exit 130]', PATIENCE);
    terminal.close();

    terminal = start('--resume draft.json', 60);
    // The plan chosen before Ctrl-C, shown again with its schedule.
    const resumed = await terminal.waitFor('? Agree this plan, or change it?', PATIENCE);
    expect(resumed).toContain(heading ?? '');
    await answer(terminal, 'Agree this plan, or change it?');
    await answer(terminal, 'The plan is agreed: save it?');
    await answer(terminal, 'Save the statement and plan into folder');
    await terminal.waitFor('[exit 0]', PATIENCE);
    const exported = path.join(cwd, 'fairplan-export-2026-11-25');
    const rows: Record<string, string>[] = parse(readFileSync(path.join(exported, 'schedule.csv'), 'utf8'), { columns: true });
    expect(rows.length).toBeGreaterThan(1);
    const sfs = JSON.parse(readFileSync(path.join(exported, 'statement-sfs.json'), 'utf8'));
    expect(sfs.debts['non-priority-debts'].map((d: { creditor: string }) => d.creditor)).toEqual([
      'Harbour Bank (credit card)', 'Lumen Shopping (catalogue)', 'Quickline Loans',
    ]);
    expect(existsSync(path.join(cwd, 'draft.json'))).toBe(false);
  }, 90_000);

  it('takes a household from nothing to an agreed, exported plan', async () => {
    terminal = start('');
    await household(terminal);
    await income(terminal);
    await costsAndDebts(terminal);
    await planAndExport(terminal);
    // What was saved is longer than a screen now that each letter is text, DOCX and PDF.
    const screen = terminal.history();
    expect(screen).toContain('Saved');
    expect(screen).toContain('Free, independent debt advice is available');
    // Written without a --sender: the advisor is told what the letters still need before sending.
    expect(screen).toContain('Before sending: the letters show a gap marked [MISSING: …] for the sender’s\norganisation');
    const exported = path.join(cwd, 'fairplan-export-2026-11-25');
    const formats = (name: string) => [`${name}.docx`, `${name}.pdf`, `${name}.txt`];
    expect(readdirSync(exported).sort()).toEqual([
      ...formats('letter-01-acme-bank'), ...formats('letter'), 'payments.ics', 'plan.json', 'schedule.csv', ...formats('sfs-summary'), 'sfs-summary.json', 'statement-sfs.json', 'statement.json',
    ].sort());
    const statement = JSON.parse(readFileSync(path.join(exported, 'statement.json'), 'utf8'));
    expect(statement).toMatchObject({
      income: [{ label: 'Wages', amount: '1500', frequency: 'monthly' }],
      expenditure: [{ label: 'Rent', amount: '900' }],
      debts: [{ creditor: 'Acme Bank', balance: '1200' }],
    });
    // Two payments of 600.00: 25 November and (the 25th being Christmas Day, the 26th Boxing Day
    // and then a weekend) 29 December.
    const csv = readFileSync(path.join(exported, 'schedule.csv'), 'utf8');
    expect(csv.trim().split(/\r?\n/)).toHaveLength(3);
    expect(csv).toMatch(/2026-12-29,2026-12-25,600\.00/);
    expect(readFileSync(path.join(exported, 'payments.ics'), 'utf8').match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(readFileSync(path.join(exported, 'letter.txt'), 'utf8')).toContain('£600.00');
    expect(readFileSync(path.join(exported, 'letter-01-acme-bank.txt'), 'utf8')).toContain('£600.00');
    // The list of what was saved names the letter to the creditor (its line may wrap at the edge).
    expect(screen.replace(/\n/g, '')).toContain('letter-01-acme-bank.txt, .docx, .pdf: the offer letter to Acme Bank');
    // The draft held the customer's budget: once exported it is removed, its folder left owner-only.
    expect(screen).toMatch(/The draft \.fairplan-drafts\/advise-\d{8}-\d{6}\.json is removed/);
    expect(readdirSync(path.join(cwd, '.fairplan-drafts'))).toEqual([]);
    expect(statSync(path.join(cwd, '.fairplan-drafts')).mode & 0o777).toBe(0o700);
  }, 60_000);

  it('keeps the draft, even a line half typed, on Ctrl-C (exit 130) and carries on with --resume where it stopped', async () => {
    terminal = start('--draft draft.json');
    await household(terminal);
    await income(terminal);
    await answer(terminal, 'Fixed costs: what next?', 'Add');
    await answer(terminal, 'Describe it', 'Rent');
    await answer(terminal, 'SFS field');
    await terminal.waitFor('? Rent amount', PATIENCE);
    terminal.press('C-c');
    const stopped = await terminal.waitFor('[exit 130]', PATIENCE);
    // The command as it was started: here node and the script (a long path can wrap at the edge).
    // With the options that set the figures, so that the resumed session works them out the same.
    expect(stopped.replace(/\n/g, '')).toContain(`node ${BIN} advise --resume draft.json --as-of 2026-11-25`);
    expect(statSync(path.join(cwd, 'draft.json')).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(path.join(cwd, 'draft.json'), 'utf8'))).toMatchObject({
      step: 'fixed',
      statement: { income: [{ label: 'Wages', amount: '1500', frequency: 'monthly' }] },
      pending: { item: 'fixed', answers: ['Rent', 'home:rent'] },
    });
    terminal.close();

    terminal = start('--resume draft.json --keep-draft');
    // The kind of cost and its description are kept: it carries on at the amount.
    await terminal.waitFor('Carrying on with the line that was being typed, from the answers kept:', PATIENCE);
    await terminal.waitFor('✔ Describe it (e.g. Rent, Gas, Food) Rent', PATIENCE);
    await rentFromAmount(terminal);
    await terminal.waitFor('A month: income £1,500.00, spending so far £900.00, left £600.00', PATIENCE);
    await otherSectionsAndDebts(terminal);
    const screen = await planAndExport(terminal);
    expect(screen).toContain("The draft is kept in draft.json (--keep-draft): it holds the customer's budget.");
    expect(existsSync(path.join(cwd, 'draft.json'))).toBe(true);
  }, 60_000);

  it('keeps the draft on SIGTERM (exit 143) and says how to carry on, as Ctrl-C does', async () => {
    // A name no other test's process has, so that only this session is stopped.
    const draft = `t${process.pid}.json`;
    terminal = start(`--draft ${draft}`);
    await household(terminal);
    await terminal.waitFor('? Income: what next?', PATIENCE);
    // The node process only, not the shell tmux runs it in.
    execFileSync('pkill', ['-TERM', '-f', `^node .* advise .*--draft ${draft}`]);
    const stopped = await terminal.waitFor('[exit 143]', PATIENCE);
    // A long path to the program can wrap the hint at the terminal's edge.
    expect(stopped.replace(/\n/g, '')).toContain(`advise --resume ${draft}`);
    expect(JSON.parse(readFileSync(path.join(cwd, draft), 'utf8'))).toMatchObject({ step: 'income' });
  }, 60_000);

  it('keeps the pay schedule half answered on Ctrl-C, out of the statement, and on --resume asks only the payday', async () => {
    const draft = () => JSON.parse(readFileSync(path.join(cwd, 'draft.json'), 'utf8'));
    terminal = start('--draft draft.json');
    await household(terminal);
    await answer(terminal, 'Income: what next?', 'Done');
    await answer(terminal, 'How often is the customer paid?', 'fortnightly');
    await terminal.waitFor('? Next payday', PATIENCE);
    terminal.press('C-c');
    await terminal.waitFor('[exit 130]', PATIENCE);
    expect(draft()).toMatchObject({ step: 'income', pending: { item: 'pay', answers: ['fortnightly'] } });
    expect(draft().statement.pay).toBeUndefined();
    terminal.close();

    terminal = start('--resume draft.json');
    await terminal.waitFor('Carrying on with the pay schedule, from the answers kept:', PATIENCE);
    await terminal.waitFor('✔ How often is the customer paid? (plans then fall on payday) fortnightly', PATIENCE);
    await answer(terminal, 'Next payday', '2026-12-04');
    await terminal.waitFor('? Fixed costs: what next?', PATIENCE);
    expect(draft().statement.pay).toEqual({ frequency: 'fortnightly', nextPayDate: '2026-12-04' });
    expect(draft().pending).toBeUndefined();
    terminal.press('C-c');
    await terminal.waitFor('[exit 130]', PATIENCE);
  }, 60_000);

  it('checks the export folder while the question is open: a file named gets a plain hint, and another folder can be typed', async () => {
    writeFileSync(path.join(cwd, 'README.md'), 'notes\n');
    writeFileSync(path.join(cwd, 'draft.json'), draftToJson({ step: 'export', statement: ONE_DEBT, plan: { kind: 'affordable' } }));
    terminal = start('--resume draft.json');
    await answer(terminal, 'The plan is agreed: save it?');
    await terminal.waitFor('? Save the statement and plan into folder', PATIENCE);
    terminal.type('README.md');
    terminal.press('Enter');
    await terminal.waitFor('README.md: is a file, not a folder; please name another folder', PATIENCE);
    terminal.press(...Array<string>(9).fill('BSpace'));
    await answer(terminal, 'Save the statement and plan into folder', 'customer');
    const screen = await terminal.waitFor('[exit 0]', PATIENCE);
    expect(screen).not.toContain('unexpected error');
    expect(readFileSync(path.join(cwd, 'README.md'), 'utf8')).toBe('notes\n');
    expect(readdirSync(path.join(cwd, 'customer'))).toContain('statement-sfs.json');
  }, 60_000);

  it('agrees a fixed term that does not fit only by an override with a reason, kept through Ctrl-C, Esc and --resume, and in the export', async () => {
    // 1,400.00 − 1,300.00 leaves 100.00 a month for 4,000.00 owed: 12 months needs 333.34 a month.
    const statement: Statement = {
      household: { adults: 1, children: 0, vehicles: 0, tenure: 'tenant-private' },
      income: [{ category: 'earnings', label: 'Wages', amount: money('1400.00'), frequency: 'monthly' }],
      expenditure: [
        { category: 'home', label: 'Rent', amount: money('700.00'), frequency: 'monthly' },
        { category: 'food-housekeeping', label: 'Food', amount: money('600.00'), frequency: 'monthly' },
      ],
      priorityDebts: [],
      debts: [{ creditor: 'Acme Bank', balance: money('4000.00') }],
      vulnerabilities: [],
      expectedChanges: [],
    };
    const reason = 'Partner starts work on 4 January and will pay half';
    writeFileSync(path.join(cwd, 'draft.json'), draftToJson({ step: 'plans', statement }));
    const draft = () => JSON.parse(readFileSync(path.join(cwd, 'draft.json'), 'utf8'));
    terminal = start('--resume draft.json');
    await terminal.waitFor(/Fixed 12 months +£333\.34\/mo +12 months +£4,000\.00 +£0\.00 +no/, PATIENCE);
    terminal.type('Fixed 12');
    terminal.press('Enter');
    await terminal.waitFor('This plan asks for more than was found affordable', PATIENCE);

    // Enter, and Enter again: not agreed.
    await terminal.waitFor('? Agree this plan, or change it?', PATIENCE);
    terminal.press('Enter');
    await terminal.waitFor('Agreeing this plan needs an override', PATIENCE);
    await terminal.waitFor('? Agree it all the same? (y/N)', PATIENCE);
    terminal.press('Enter');
    await terminal.waitFor('? Agree this plan, or change it?', PATIENCE);
    expect(draft()).toMatchObject({ step: 'plans', plan: { kind: 'fixed-term', termMonths: 12 } });
    expect(draft().override).toBeUndefined();

    // Yes, then an empty reason: backed out, nothing agreed.
    terminal.press('Enter');
    await answer(terminal, 'Agree it all the same?', 'y');
    await terminal.waitFor('? Why is it agreed all the same?', PATIENCE);
    terminal.press('Enter');
    await terminal.waitFor('? Agree this plan, or change it?', PATIENCE);
    expect(draft().override).toBeUndefined();

    // Yes, and a reason a person can read later: "x" is not one.
    terminal.press('Enter');
    await answer(terminal, 'Agree it all the same?', 'y');
    await terminal.waitFor('? Why is it agreed all the same?', PATIENCE);
    terminal.type('x');
    terminal.press('Enter');
    await terminal.waitFor('say why in a few words', PATIENCE);
    terminal.press('BSpace');
    terminal.type(reason);
    terminal.press('Enter');
    await terminal.waitFor('? The plan is agreed: save it?', PATIENCE);
    expect(draft()).toMatchObject({ step: 'export', override: { reason } });

    // Ctrl-C, then --resume: the agreed plan and its reason are shown first.
    terminal.press('C-c');
    await terminal.waitFor('[exit 130]', PATIENCE);
    terminal.close();
    terminal = start('--resume draft.json', 40);
    const resumed = (await terminal.waitFor('? The plan is agreed: save it?', PATIENCE)).replace(/\s+/g, ' ');
    expect(resumed).toContain('Agreed: Repay in 1 year: £333.34 a month');
    expect(resumed).toContain(`Agreed all the same, for this reason: ${reason}`);

    // Esc goes back to the plan choice; agreeing again offers the reason already given.
    terminal.press('Escape');
    const back = await terminal.waitFor('? Agree this plan, or change it?', PATIENCE);
    // The question Esc left is shown answered, not left open.
    expect(back).toContain('✔ The plan is agreed: save it? Go back to the plan choice');
    expect(back).not.toContain('? The plan is agreed: save it?');
    terminal.press('Enter');
    await answer(terminal, 'Agree it all the same?', 'y');
    const again = await terminal.waitFor('? Why is it agreed all the same?', PATIENCE);
    expect(again.replace(/\s+/g, ' ')).toContain(`(kept in the export; leave empty to go back) (${reason})`);
    terminal.press('Enter');
    await terminal.waitFor('? The plan is agreed: save it?', PATIENCE);
    terminal.press('Enter');
    await answer(terminal, 'Save the statement and plan into folder');
    await terminal.waitFor('[exit 0]', PATIENCE);

    const exported = (name: string) => readFileSync(path.join(cwd, 'fairplan-export-2026-11-25', name), 'utf8');
    expect(JSON.parse(exported('statement.json')).notes).toContain(`Reason given: ${reason}`);
    expect(JSON.parse(exported('plan.json')).agreed).toMatchObject({ key: 'fixed-term-12', affordable: false, overrideReason: reason });
    const rows: Record<string, string>[] = parse(exported('schedule.csv'), { columns: true });
    expect(rows.map((row) => row.override_reason)).toEqual(Array(12).fill(reason));
    expect(exported('letter.txt').replace(/\s+/g, ' ')).toContain('these payments are more than your budget shows you can afford');
    expect(existsSync(path.join(cwd, 'draft.json'))).toBe(false);
  }, 90_000);
});
