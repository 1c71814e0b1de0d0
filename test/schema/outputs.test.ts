/**
 * Every JSON output fairplan writes is valid against its published schema in `schema/`, run on the
 * bundled fixtures as a user would run them; the schemas' lists of values are the code's own.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { HOUSEHOLD_FIELDS } from '../../src/batch/fields.js';
import { BOOK_TABLES } from '../../src/book/schema.js';
import { ERROR_CODES } from '../../src/core/errors.js';
import { CHANNELS, HOLDS, MESSAGE_KINDS } from '../../src/core/follow-up/contact.js';
import { JURISDICTIONS, TENURES } from '../../src/core/statement.js';
import { ACTIONS, STATUSES } from '../../src/core/follow-up/status.js';
import { OUTCOMES } from '../../src/core/outcomes.js';
import { REJECTION_CODES } from '../../src/follow-up/table.js';
import { FORMAT_VERSION } from '../../src/render/shared/format-version.js';
import { fixture, ROOT, runCli } from '../helpers/cli.js';

const SCHEMAS = path.join(ROOT, 'schema');
const BOOK_EXPORT = BOOK_TABLES.map((table) => `book-export-${table}` as const);
const OUTPUTS = ['check', 'plan', 'batch-record', 'batch-schedule', 'batch-rejection', 'batch-summary', 'follow-up-status', 'follow-up-message', 'follow-up-rejection', 'follow-up-summary', 'report', 'report-outcomes', 'book-show', ...BOOK_EXPORT, 'error'] as const;
type Output = (typeof OUTPUTS)[number];

const schemaOf = (name: Output) => JSON.parse(readFileSync(path.join(SCHEMAS, `${name}.schema.json`), 'utf8')) as Record<string, any>;
const validators = new Map<Output, ValidateFunction>(OUTPUTS.map((name) => [name, new Ajv2020({ allErrors: true }).compile(schemaOf(name))]));

function expectValid(name: Output, value: unknown, what: string): void {
  const validate = validators.get(name)!;
  const valid = validate(value);
  expect(valid ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`), `${what} against schema/${name}.schema.json`).toEqual([]);
}

const lines = (text: string): unknown[] => text.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as unknown);
const dir = mkdtempSync(path.join(tmpdir(), 'fairplan-schema-'));
const out = (name: string) => path.join(dir, name);

describe('the JSON schemas of fairplan outputs (schema/)', () => {
  it('exist for every output, each naming itself and the format version it describes', () => {
    const files = readdirSync(SCHEMAS).filter((file) => file.endsWith('.schema.json') && file !== 'fairplan-statement.schema.json');
    expect(files.sort()).toEqual(OUTPUTS.map((name) => `${name}.schema.json`).sort());
    for (const name of OUTPUTS) {
      const schema = schemaOf(name);
      expect(schema.$id).toBe(`https://fairplan.dev/schema/${name}.schema.json`);
      expect(FORMAT_VERSION).toMatch(new RegExp(schema.$defs.formatVersion.pattern));
    }
  });

  it('list the values the code can write: statuses, actions, message kinds, channels, holds, rejection codes and household values', () => {
    const status = schemaOf('follow-up-status').properties;
    expect(status.status.enum).toEqual([...STATUSES]);
    expect([...status.action.enum].sort()).toEqual([...new Set(Object.values(ACTIONS))].sort());
    const message = schemaOf('follow-up-message').properties;
    expect(message.kind.enum).toEqual([...MESSAGE_KINDS]);
    expect(message.channel.enum).toEqual([...CHANNELS]);
    expect(message.held_back.enum).toEqual([...HOLDS, null]);
    expect(schemaOf('follow-up-rejection').properties.code.enum).toEqual([...REJECTION_CODES]);
    const household = schemaOf('batch-record').properties.household.properties;
    expect([household.tenure.enum, household.jurisdiction.enum, household.defaults_used.items.enum]).toEqual([[...TENURES], [...JURISDICTIONS], [...HOUSEHOLD_FIELDS]]);
    expect(schemaOf('report-outcomes').properties.outcomes.items.enum).toEqual([...OUTCOMES]);
  });

  it("list batch's rejection codes as docs/batch-mapping.md does, where a script finds them", () => {
    const table = readFileSync(path.join(ROOT, 'docs', 'batch-mapping.md'), 'utf8').split('## Rejected rows')[1]!;
    const documented = [...table.matchAll(/^\| ((?:`[a-z-]+`(?:, )?)+) \|/gm)].flatMap(([, codes]) => [...codes!.matchAll(/`([a-z-]+)`/g)].map(([, code]) => code));
    expect(documented.length).toBeGreaterThan(10);
    const rejection = schemaOf('batch-rejection').properties;
    expect([...rejection.rejected_code.enum].sort()).toEqual(documented.sort());
    // The 2.1 name, written beside the new one until 3.0, takes the same values.
    expect(rejection.code.enum).toEqual(rejection.rejected_code.enum);
  });

  it("list the error codes the code has, as docs/json-output.md does, with usage and internal that the command line adds", () => {
    const codes = schemaOf('error').properties.code.enum as string[];
    expect([...codes].sort()).toEqual(['usage', ...ERROR_CODES, 'internal'].sort());
    const table = readFileSync(path.join(ROOT, 'docs', 'json-output.md'), 'utf8').split('### Errors that stop a command')[1]!.split('###')[0]!;
    const documented = [...table.matchAll(/^\| `([a-z-]+)` \| \d+ \|/gm)].map(([, code]) => code);
    expect(documented.sort()).toEqual([...codes].sort());
  });

  it('hold FAIRPLAN_ERRORS=json lines of each kind of bad input, every line of one shape', async () => {
    const mapping = out('bad.map.json');
    writeFileSync(mapping, '{"columns": {"food": {"column": "Food", "frequency": "monthy"}}}');
    const runs = [
      ['check', fixture('statements', 'invalid', 'bad-amount.json')],
      ['batch', fixture('accounts', 'sample-accounts.csv'), '--map', mapping, '-o', out('never.csv')],
      ['batch', fixture('statements', 'homeowner-several-creditors.json'), '-o', out('never.csv')],
      ['book', 'show', 'BK-001', '--book', 'mysql://book.example/fairplan'],
      ['check', out('no-such-statement.json')],
      ['plan', '--balance', '12.345', '--affordable', '30'],
      ['plan', '--balance', '1000', '--no-such-option'],
    ];
    const seen = new Set<string>();
    for (const args of runs) {
      const { code, stderr } = await runCli(args, { env: { FAIRPLAN_ERRORS: 'json' } });
      expect(code, args.join(' ')).toBe(2);
      const errors = lines(stderr) as { code: string }[];
      expect(errors.length, args.join(' ')).toBeGreaterThan(0);
      for (const error of errors) {
        expectValid('error', error, `error of ${args.join(' ')}`);
        seen.add(error.code);
      }
    }
    expect([...seen].sort()).toEqual(['invalid-argument', 'invalid-mapping', 'invalid-statement', 'io', 'usage']);
  }, 60_000);

  it('hold check --json and plan --json of every bundled statement', async () => {
    const statements = ['homeowner-several-creditors.json', 'couple-children-mixed.yaml', 'deficit-budget.json', 'breathing-space-crisis-open.json', 'scotland-old-debt-moratorium.json', 'us-household.json', 'sfs/sfs-household.json', 'possibly-statute-barred.json'];
    for (const statement of statements) {
      const check = await runCli(['check', fixture('statements', statement), '--json', '--as-of', '2026-12-07']);
      expectValid('check', JSON.parse(check.stdout), `check ${statement}`);
      const plan = await runCli(['plan', fixture('statements', statement), '--json', '--as-of', '2026-12-07', '--interest-rate', '9.9']);
      expectValid('plan', JSON.parse(plan.stdout), `plan ${statement}`);
    }
  }, 120_000);

  it('hold plan --json of a balance alone, in each kind of plan', async () => {
    const requests = [
      ['--balance', '2400', '--affordable', '85', '--frequency', 'fortnightly', '--interest-rate', '19.9'],
      ['--balance', '1000', '--affordable', '0', '--token', '2', '--review-months', '6'],
      ['--balance', '3000', '--affordable', '40', '--step-up-periods', '6', '--step-up-to', '150'],
      ['--balance', '1000', '--affordable', '30', '--settlement-discount', '20', '--settlement-instalments', '3'],
      ['--balance', '500', '--affordable', '0'],
    ];
    for (const request of requests) {
      const { stdout } = await runCli(['plan', ...request, '--json', '--as-of', '2026-12-07']);
      expectValid('plan', JSON.parse(stdout), `plan ${request.join(' ')}`);
    }
  }, 60_000);

  describe('batch and report', () => {
    beforeAll(async () => {
      await runCli(['batch', fixture('accounts', 'sample-accounts.csv'), '--json', '-o', out('batch.ndjson'), '--summary', out('batch-summary.json'), '--schedules', out('batch-schedules.ndjson'), '--errors', out('batch-errors.ndjson'), '--as-of', '2026-01-05', '-q']);
      await runCli(['batch', fixture('hostile', 'control-chars.csv'), '--json', '-o', out('messy.ndjson'), '--errors', out('messy-errors.ndjson'), '--as-of', '2026-01-05', '-q']);
      await runCli(['batch', fixture('accounts', 'grouped-accounts.csv'), '--group-by', 'customer_id', '--json', '-o', out('grouped-results.ndjson'), '--schedules', out('grouped-schedules.ndjson'), '--as-of', '2026-01-05', '-q']);
      await runCli(['batch', fixture('accounts', 'grouped-accounts.csv'), '--group-by', 'customer_id', '--json', '-o', out('grouped.ndjson'), '--summary', out('grouped-summary.json'), '--as-of', '2026-01-05', '-q']);
      await runCli(['batch', fixture('accounts', 'statute-barred-accounts.csv'), '--group-by', 'customer_id', '--json', '-o', out('barred.ndjson'), '--summary', out('barred-summary.json'), '--as-of', '2026-12-07', '-q']);
      await runCli(['batch', fixture('accounts', 'sample-accounts.csv'), '-o', out('results.csv'), '--schedules', out('schedules.csv'), '--carry', 'pay_frequency', '--as-of', '2026-01-05', '-q']);
    }, 60_000);

    it('hold batch --json records and --summary, alone, grouped by customer, and with accounts left out as possibly statute-barred', () => {
      const barred = lines(readFileSync(out('barred.ndjson'), 'utf8')) as { outcome?: string }[];
      expect(barred.some((record) => record.outcome === 'possibly-statute-barred')).toBe(true);
      for (const name of ['batch', 'grouped', 'barred']) {
        const records = lines(readFileSync(out(`${name}.ndjson`), 'utf8'));
        expect(records.length).toBeGreaterThan(0);
        for (const record of records) expectValid('batch-record', record, `${name} record`);
        expectValid('batch-summary', JSON.parse(readFileSync(out(`${name}-summary.json`), 'utf8')), `${name} summary`);
      }
    });

    it('hold batch --json --schedules rows, alone and grouped by customer, and --errors rows with their codes', () => {
      for (const name of ['batch-schedules', 'grouped-schedules']) {
        const rows = lines(readFileSync(out(`${name}.ndjson`), 'utf8'));
        expect(rows.length, name).toBeGreaterThan(0);
        for (const row of rows) expectValid('batch-schedule', row, name);
      }
      const rejected = ['batch-errors', 'messy-errors'].flatMap((name) => lines(readFileSync(out(`${name}.ndjson`), 'utf8')) as { rejected_code: string }[]);
      // The sample export's six bad rows and a hostile file's unreadable ones, each of a code the docs list.
      expect(new Set(rejected.map((row) => row.rejected_code)).size).toBeGreaterThan(3);
      for (const row of rejected) expectValid('batch-rejection', row, 'batch rejected row');
    });

    it('hold report --json, with its --by groups', async () => {
      const { stdout } = await runCli(['report', out('results.csv'), '--schedules', out('schedules.csv'), '--by', 'pay_frequency', '--json']);
      const report = JSON.parse(stdout) as { by: Record<string, Record<string, unknown>> };
      expect(Object.keys(report.by.pay_frequency!).length).toBeGreaterThan(1);
      expectValid('report', report, 'report');
    });
  });

  it('hold report --outcomes --json on a book of the bundled fixtures, with differences pointed out', async () => {
    const env = { FAIRPLAN_BOOK: out('outcomes.sqlite') };
    await runCli(['book', 'agree', '--schedules', fixture('book', 'schedules.csv'), '--agreed-on', '2026-03-02'], { env });
    await runCli(['book', 'customers', fixture('book', 'customers.csv'), '--effective-on', '2026-03-02'], { env });
    await runCli(['book', 'payments', fixture('book', 'payments.csv')], { env });
    await runCli(['book', 'agree', '--schedules', fixture('book', 'schedules-renegotiated.csv'), '--accounts', fixture('book', 'accounts.csv'), '--agreed-on', '2026-04-24'], { env });
    const { stdout } = await runCli(['report', '--outcomes', '--as-of', '2026-09-30', '--smallest-group', '1', '--json'], { env });
    const report = JSON.parse(stdout) as { differences: unknown[] };
    expect(report.differences.length).toBeGreaterThan(0);
    expectValid('report-outcomes', report, 'report --outcomes');

    // book show --json of an account with plans agreed and superseded, payments and circumstances.
    const shown = JSON.parse((await runCli(['book', 'show', 'BK-002', '--json'], { env })).stdout) as { agreements: unknown[]; payments: unknown[]; circumstances: unknown[] };
    expect([shown.agreements.length, shown.payments.length, shown.circumstances.length].every((n) => n > 0)).toBe(true);
    expectValid('book-show', shown, 'book show --json');

    // book export --ndjson of the same book, once follow-up has issued a message from it and a sender reported.
    await runCli(['follow-up', '--book', env.FAIRPLAN_BOOK, '--as-of', '2026-04-14', '-o', out('book-status.csv'), '--messages', out('book-messages.csv'), '-q']);
    await runCli(['book', 'sent', fixture('book', 'sent.csv')], { env });
    // And a payment and a sender's report it cannot read, which it keeps.
    await runCli(['book', 'payments', fixture('book', 'payments-unreadable.csv')], { env });
    await runCli(['book', 'sent', fixture('book', 'sent-unreadable.csv')], { env });
    const unread = JSON.parse((await runCli(['book', 'show', 'BK-001', '--json'], { env })).stdout) as { unreadPayments: unknown[]; unreadReports: unknown[] };
    expect([unread.unreadPayments.length, unread.unreadReports.length]).toEqual([1, 1]);
    expectValid('book-show', unread, 'book show --json of what the book cannot read');
    expect((await runCli(['book', 'export', out('export'), '--ndjson'], { env })).code).toBe(0);
    for (const table of BOOK_TABLES) {
      const rows = lines(readFileSync(out(path.join('export', `${table}.ndjson`)), 'utf8'));
      expect(rows.length, table).toBeGreaterThan(0);
      for (const row of rows) expectValid(`book-export-${table}`, row, `book export ${table}.ndjson`);
    }
  }, 90_000);

  it('hold follow-up --json status, messages, rejected rows and summary, on the fixture book and on a messy export', async () => {
    const books = [
      ['fixture', ['--arrangements', fixture('follow-up', 'arrangements.csv'), '--payments', fixture('follow-up', 'payments.csv'), '--customers', fixture('follow-up', 'customers.csv'), '--contacts', fixture('follow-up', 'contacts.csv'), '--rules', fixture('follow-up', 'rules.yaml'), '--as-of', '2026-03-09']],
      ['messy', ['arrangements', 'payments', 'customers', 'contacts'].flatMap((name) => [`--${name}`, fixture('hostile', 'follow-up', 'messy-export', `${name}.csv`)]).concat(['--as-of', '2026-04-10'])],
    ] as const;
    for (const [name, inputs] of books) {
      await runCli(['follow-up', ...inputs, '-o', out(`${name}-status.ndjson`), '--messages', out(`${name}-messages.ndjson`), '--errors', out(`${name}-errors.ndjson`), '--summary', out(`${name}-summary.json`), '--json', '-q']);
      const written = {
        'follow-up-status': lines(readFileSync(out(`${name}-status.ndjson`), 'utf8')),
        'follow-up-message': lines(readFileSync(out(`${name}-messages.ndjson`), 'utf8')),
        'follow-up-rejection': lines(readFileSync(out(`${name}-errors.ndjson`), 'utf8')),
      } as const;
      for (const [schema, records] of Object.entries(written)) {
        expect(records.length, `${name} ${schema}`).toBeGreaterThan(0);
        for (const record of records) expectValid(schema as Output, record, `${name} ${schema}`);
      }
      expectValid('follow-up-summary', JSON.parse(readFileSync(out(`${name}-summary.json`), 'utf8')), `${name} summary`);
    }
  }, 60_000);
});
