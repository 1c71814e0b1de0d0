/**
 * Every option that changes a figure is in the provenance. Each command's options are listed here as
 * changing a figure (and then run, proving the option reaches the provenance as typed) or not (where
 * the output goes, how it is shown): an option added to a command and to neither list fails the
 * audit, so a new option cannot change figures unrecorded.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { adviseOptionsGiven } from '../../src/cli/commands/advise-session.js';
import { CommandContext } from '../../src/cli/context.js';
import { buildProgram, main } from '../../src/cli/main.js';
import type { Provenance } from '../../src/core/provenance.js';
import { fixture } from '../helpers/cli.js';

const STATEMENT = fixture('statements', 'homeowner-several-creditors.json');
const SFS_SUMMARY = fixture('statements', 'sfs', 'sfs-summary.json');
const GUIDELINES = fixture('guidelines', 'example-guidelines.yaml');
const ACCOUNTS = fixture('accounts', 'sample-accounts.csv');
const GROUPED = fixture('accounts', 'grouped-accounts.csv');
const BOOK = ['arrangements', 'payments', 'customers', 'contacts'].flatMap((name) => [`--${name}`, fixture('follow-up', `${name}.csv`)]);

/** An option that changes figures: the arguments that give it (and what it needs), and what the provenance records. */
interface FigureOption {
  readonly args: readonly string[];
  readonly recorded: Readonly<Record<string, string | true>>;
  /** The file to run on, where the command's usual one will not do. */
  readonly file?: string;
}

const FIGURES: Readonly<Record<string, Readonly<Record<string, FigureOption>>>> = {
  check: {
    '--guidelines': { args: ['--guidelines', GUIDELINES], recorded: { '--guidelines': GUIDELINES } },
    '--token-threshold': { args: ['--token-threshold', '5'], recorded: { '--token-threshold': '5' } },
    '--format': { args: ['--format', 'sfs-summary'], recorded: { '--format': 'sfs-summary' }, file: SFS_SUMMARY },
    '--stale-after': { args: ['--stale-after', '6'], recorded: { '--stale-after': '6' } },
  },
  plan: {
    '--balance': { args: ['--balance', '20000'], recorded: { '--balance': '20000' } },
    '--affordable': { args: ['--affordable', '150'], recorded: { '--affordable': '150' } },
    '--frequency': { args: ['--frequency', 'weekly'], recorded: { '--frequency': 'weekly' } },
    '--start': { args: ['--start', '2026-12-20'], recorded: { '--start': '2026-12-20' } },
    '--interest-rate': { args: ['--interest-rate', '9.9'], recorded: { '--interest-rate': '9.9' } },
    '--fixed-terms': { args: ['--fixed-terms', '12,24'], recorded: { '--fixed-terms': '12,24' } },
    '--token': { args: ['--token', '2'], recorded: { '--token': '2' } },
    '--review-months': { args: ['--review-months', '6'], recorded: { '--review-months': '6' } },
    '--step-up-periods': { args: ['--step-up-periods', '3', '--step-up-to', '400'], recorded: { '--step-up-periods': '3', '--step-up-to': '400' } },
    '--step-up-to': { args: ['--step-up-periods', '4', '--step-up-to', '450'], recorded: { '--step-up-periods': '4', '--step-up-to': '450' } },
    '--settlement-discount': { args: ['--settlement-discount', '20'], recorded: { '--settlement-discount': '20' } },
    '--settlement': { args: ['--settlement', 'Harbour Bank (credit card)=30'], recorded: { '--settlement': 'Harbour Bank (credit card)=30' } },
    '--settlement-instalments': { args: ['--settlement-discount', '20', '--settlement-instalments', '2'], recorded: { '--settlement-instalments': '2' } },
    '--calendar': { args: ['--calendar', 'scotland'], recorded: { '--calendar': 'scotland' } },
    '--no-business-days': { args: ['--no-business-days'], recorded: { '--no-business-days': true } },
    '--no-redistribute': { args: ['--no-redistribute'], recorded: { '--no-redistribute': true } },
    '--schedule': { args: ['--schedule', 'fixed-term-60'], recorded: { '--schedule': 'fixed-term-60' } },
    '--override-reason': { args: ['--override-reason', 'agreed with the creditor'], recorded: { '--override-reason': 'agreed with the creditor' } },
    '--format': { args: ['--format', 'sfs-summary'], recorded: { '--format': 'sfs-summary' }, file: SFS_SUMMARY },
    '--stale-after': { args: ['--stale-after', '6'], recorded: { '--stale-after': '6' } },
    '--time-run-out': { args: ['--time-run-out', 'Quickline Loans'], recorded: { '--time-run-out': 'Quickline Loans' }, file: fixture('statements', 'possibly-statute-barred.json') },
    '--include-possibly-barred': {
      args: ['--include-possibly-barred', 'Quickline Loans', '--override-reason', 'Customer paid Quickline in 2023'],
      recorded: { '--include-possibly-barred': 'Quickline Loans', '--override-reason': 'Customer paid Quickline in 2023' },
      file: fixture('statements', 'possibly-statute-barred.json'),
    },
  },
  batch: {
    '--map': { args: ['--map', fixture('accounts', 'bank-export.map.json')], recorded: { '--map': fixture('accounts', 'bank-export.map.json') }, file: fixture('accounts', 'bank-export-semicolon.csv') },
    '--column': { args: ['--column', 'balance=balance'], recorded: { '--column': 'balance=balance' } },
    '--carry': { args: ['--carry', 'customer_id'], recorded: { '--carry': 'customer_id' }, file: GROUPED },
    '--carry-all': { args: ['--carry-all'], recorded: { '--carry-all': true }, file: GROUPED },
    '--delimiter': { args: ['--delimiter', ','], recorded: { '--delimiter': ',' } },
    '--interest': { args: ['--interest', 'apr'], recorded: { '--interest': 'apr' } },
    '--guidelines': { args: ['--guidelines', GUIDELINES], recorded: { '--guidelines': GUIDELINES } },
    '--group-by': { args: ['--group-by', 'customer_id'], recorded: { '--group-by': 'customer_id' }, file: GROUPED },
    '--date-format': { args: ['--date-format', 'YYYY-MM-DD'], recorded: { '--date-format': 'YYYY-MM-DD' } },
    '--jurisdiction': { args: ['--jurisdiction', 'scotland'], recorded: { '--jurisdiction': 'scotland' } },
    '--calendar': { args: ['--calendar', 'scotland'], recorded: { '--calendar': 'scotland' } },
  },
  'follow-up': {
    '--calendar': { args: ['--calendar', 'scotland'], recorded: { '--calendar': 'scotland' } },
  },
  advise: {
    '--guidelines': { args: ['--guidelines', 'irs-2025'], recorded: { '--guidelines': 'irs-2025' } },
    '--calendar': { args: ['--calendar', 'scotland'], recorded: { '--calendar': 'scotland' } },
  },
};

/**
 * Options that change no figure: where the output goes and how it looks, how fast, when to stop. The
 * as-of date is the provenance's `asOf`, and input files are its `inputs`, with their hashes.
 */
const NOT_FIGURES: Readonly<Record<string, readonly string[]>> = {
  check: ['--as-of', '--json', '--sfs', '--no-color', '--strict'],
  plan: ['--as-of', '--json', '--csv', '--ics', '--letter', '--letters', '--letter-formats', '--sender', '--templates', '--no-color', '--strict'],
  batch: ['--as-of', '--output', '--schedules', '--errors', '--summary', '--json', '--workers', '--max-rejects', '--strict', '--quiet', '--bom', '--init-map', '--dry-run'],
  'follow-up': ['--as-of', '--arrangements', '--payments', '--customers', '--contacts', '--book', '--wait', '--rules', '--output', '--messages', '--errors', '--summary', '--json', '--quiet', '--no-contacts-log', '--strict', '--max-rejects'],
  advise: ['--as-of', '--draft', '--resume', '--keep-draft', '--sender', '--templates', '--no-color'],
};

const silent = { write: () => true };
const context = new CommandContext({ stdout: silent, stderr: silent, stdin: Readable.from([]), env: {}, cwd: process.cwd(), now: () => new Date(2026, 11, 1) });

describe('the options of every command', () => {
  it.each(Object.keys(NOT_FIGURES))('%s: each is listed as changing figures or not, and none as both', (name) => {
    const command = buildProgram(context).commands.find((c) => c.name() === name);
    const options = (command?.options ?? []).map((o) => o.long ?? '');
    const figures = Object.keys(FIGURES[name] ?? {});
    const others = NOT_FIGURES[name] ?? [];
    expect(figures.filter((o) => others.includes(o))).toEqual([]);
    expect([...options].sort()).toEqual([...new Set([...figures, ...others])].sort());
  });
});

async function run(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['node', 'fairplan', ...args], {
    stdout: { write: (chunk: string) => out.push(chunk) },
    stderr: { write: (chunk: string) => err.push(chunk) },
    stdin: Readable.from([]),
    env: { NO_COLOR: '1' },
    cwd: process.cwd(),
    now: () => new Date(2026, 11, 1, 12),
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const summaryProvenance = (file: string): Provenance => (JSON.parse(readFileSync(file, 'utf8')) as { provenance: Provenance }).provenance;

/** The provenance a command gives with `option`'s arguments. */
async function provenanceWith(name: string, option: FigureOption): Promise<Provenance> {
  const dir = mkdtempSync(path.join(tmpdir(), 'fairplan-options-'));
  const summary = path.join(dir, 'summary.json');
  const asOf = ['--as-of', '2026-12-01'];
  const args =
    name === 'batch'
      ? ['batch', option.file ?? ACCOUNTS, '-o', path.join(dir, 'results.csv'), '--summary', summary, '-q', ...asOf, ...option.args]
      : name === 'follow-up'
        ? ['follow-up', ...BOOK, '-o', path.join(dir, 'status.csv'), '--summary', summary, '-q', '--as-of', '2026-03-09', ...option.args]
        : [name, option.file ?? STATEMENT, '--json', ...asOf, ...option.args];
  const { code, stdout, stderr } = await run(args);
  expect(code, stderr).toBeLessThanOrEqual(1);
  return name === 'batch' || name === 'follow-up' ? summaryProvenance(summary) : (JSON.parse(stdout) as { provenance: Provenance }).provenance;
}

describe('each option that changes a figure reaches the provenance as typed', () => {
  const cases = Object.entries(FIGURES)
    .filter(([name]) => name !== 'advise')
    .flatMap(([name, options]) => Object.entries(options).map(([flag, option]) => [name, flag, option] as const));
  it.each(cases)('%s %s', async (name, _, option) => {
    expect((await provenanceWith(name, option)).options).toMatchObject(option.recorded);
  });

  it('advise: the options its export is made with', () => {
    for (const option of Object.values(FIGURES.advise ?? {})) {
      const [flag = '', value = ''] = option.args;
      const given = { color: true, [flag === '--guidelines' ? 'guidelines' : 'calendar']: value } as Parameters<typeof adviseOptionsGiven>[0];
      expect(adviseOptionsGiven(given)).toEqual(option.recorded);
    }
  });
});
