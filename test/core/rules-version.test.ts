/**
 * The rules version is honest: what the money and plan rules make of a fixed set of fixtures is
 * digested, and the digest is recorded beside RULES_VERSION. A change to any rule changes the digest,
 * and this test fails until the version is raised with it. Only figures, dates, flags and choices are
 * digested, not the layout of an output, so a field added to a JSON format is not a rule change.
 */
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chunkSettings } from '../../src/batch/pool.js';
import { processChunk } from '../../src/batch/chunk.js';
import { resolveColumns } from '../../src/batch/mapping.js';
import { readRecords, type InputRecord } from '../../src/io/read-records.js';
import { assessAffordability } from '../../src/core/affordability/assess.js';
import { parseIsoDate } from '../../src/core/date.js';
import { D, money } from '../../src/core/money.js';
import type { PlanRequest } from '../../src/core/plan/types.js';
import { isFairplanError } from '../../src/core/errors.js';
import { planRequestFromStatement } from '../../src/core/plan/from-statement.js';
import { proposePlans } from '../../src/core/plan/propose.js';
import { RULES_DIGEST, RULES_VERSION } from '../../src/core/rules-version.js';
import { checkJson } from '../../src/render/check/json.js';
import { planJson } from '../../src/render/plan/json.js';
import { parseStatementText } from '../../src/statement/load.js';
import { fixture } from '../helpers/cli.js';

const AS_OF = parseIsoDate('2026-12-01');

// Named, not listed from the folder: a fixture added later is not a rule change.
const STATEMENTS = [
  'benefits-only.json',
  'breathing-space-crisis-open.json',
  'breathing-space-standard.json',
  'couple-children-mixed.yaml',
  'deficit-budget.json',
  'homeowner-several-creditors.json',
  'old-budget-old-debt.json',
  'single-renter-weekly.json',
  'six-creditors-small-balance.yaml',
  'two-creditors-one-charging.json',
  'us-household.json',
];

/** Plans for a balance and an affordable amount, across the kinds of option and interest. */
const REQUESTS: PlanRequest[] = [
  { balance: money('1000'), affordableMonthly: money('15'), frequency: 'monthly', start: AS_OF, asOf: AS_OF },
  { balance: money('1000'), affordableMonthly: money('0'), frequency: 'monthly', start: AS_OF, asOf: AS_OF },
  {
    balance: money('2400'),
    affordableMonthly: money('85'),
    frequency: 'fortnightly',
    start: AS_OF,
    asOf: AS_OF,
    interest: { kind: 'continuing', annualRatePercent: new D('19.9') },
  },
  {
    balance: money('3000'),
    affordableMonthly: money('40'),
    frequency: 'weekly',
    start: AS_OF,
    asOf: AS_OF,
    stepUp: { periods: 6, laterAffordableMonthly: money('150') },
    settlement: { discountPercent: new D('20'), maxInstalments: 3 },
  },
  // A Breathing Space ending mid-period, interest continuing after it.
  {
    balance: money('1200'),
    affordableMonthly: money('100'),
    frequency: 'monthly',
    start: parseIsoDate('2027-02-01'),
    asOf: AS_OF,
    pausedUntil: parseIsoDate('2027-01-20'),
    interest: { kind: 'continuing', annualRatePercent: new D('24') },
  },
];

const optionFigures = (plan: ReturnType<typeof planJson>) => ({
  recommended: [plan.recommended.key, plan.recommended.flagForReview],
  options: plan.options.map((o) => ({
    key: o.key,
    affordable: o.affordable,
    payments: o.instalments.map((i) => [i.date, i.amount, i.interest]),
    outcome: o.outcome.kind,
    reviewOn: o.reviewOn,
  })),
});

/** What the rules made of a statement: the check's figures and flags, and every plan's payments. */
function statementFigures(file: string) {
  const statement = parseStatementText(readFileSync(file, 'utf8'), file);
  const affordability = assessAffordability(statement, { asOf: AS_OF });
  const check = checkJson(affordability);
  const figures = {
    income: check.income.lines.map((l) => l.monthly),
    expenditure: check.expenditure.lines.map((l) => l.monthly),
    available: check.available,
    offers: check.offers.map((o) => o.offer),
    flags: check.flags,
  };
  try {
    return { ...figures, ...optionFigures(planJson(proposePlans(planRequestFromStatement(statement, affordability.totals.available, AS_OF)))) };
  } catch (error) {
    // A statement no plan can be made for is refused by a rule too.
    if (!isFairplanError(error)) throw error;
    return { ...figures, refused: error.message };
  }
}

/** What the rules made of the sample export, account by account, as a batch works them out. */
async function batchFigures() {
  const file = fixture('accounts', 'sample-accounts.csv');
  const records: InputRecord[] = [];
  for await (const chunk of readRecords(createReadStream(file), ',', file)) records.push(...chunk);
  const [header, ...rows] = records;
  if (header?.kind !== 'row') throw new Error('the sample export has no header');
  const layout = resolveColumns(header.cells, {}, { kind: 'none' }, file);
  const settings = await chunkSettings({ layout, json: true, errors: false, asOf: AS_OF, interest: 'apr', schedules: false });
  const out = processChunk(rows, settings);
  return new TextDecoder()
    .decode(out.results)
    .trimEnd()
    .split('\n')
    .map((line) => {
      const r = JSON.parse(line) as { account_id: string; available: string; flags: string[]; review: boolean; recommended: Record<string, unknown> };
      const { plan, instalment, final_instalment, instalments, first_date, last_date, total, interest } = r.recommended;
      return [r.account_id, r.available, r.flags, r.review, plan, instalment, final_instalment, instalments, first_date, last_date, total, interest];
    });
}

describe('RULES_VERSION', () => {
  it('is raised whenever a money or plan rule changes', async () => {
    const statements = STATEMENTS.map((name) => [name, statementFigures(fixture('statements', name))]);
    const digest = createHash('sha256')
      .update(JSON.stringify({ statements, requests: REQUESTS.map((r) => optionFigures(planJson(proposePlans(r)))), batch: await batchFigures() }))
      .digest('hex');
    expect(
      digest,
      `a money or plan rule changed: raise RULES_VERSION (now ${RULES_VERSION}) and record the new digest beside it in src/core/rules-version.ts`,
    ).toBe(RULES_DIGEST);
  });
});
