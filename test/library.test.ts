/**
 * The library, as `import … from 'fairplan'` gives it (the built entry, dist/index.js: `npm run
 * build` first): a wrong argument is refused with a FairplanError naming it (code and context),
 * never a TypeError; a JavaScript number given as money and a date that is not one are refused with
 * codes of their own.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, ROOT } from './helpers/cli.js';

const fairplan = (await import(path.join(ROOT, 'dist', 'index.js'))) as typeof import('../src/index.js');
const { FairplanError, assessAffordability, parseIsoDate, parseMoney, parseStatementText, planRequestFromStatement, proposePlans, provenance, provenanceReference, renderCheckJson, renderPlanJson, toFixed2 } = fairplan;

const statement = parseStatementText(readFileSync(fixture('statements', 'homeowner-several-creditors.json'), 'utf8'), 'homeowner.json');
const asOf = parseIsoDate('2026-12-01');
const request = {
  balance: parseMoney('1000'),
  affordableMonthly: parseMoney('30'),
  frequency: 'monthly' as const,
  start: parseIsoDate('2027-01-15'),
  asOf: parseIsoDate('2027-01-10'),
};

/** What `call` throws: it must be a FairplanError of the package's own class. */
function refusal(call: () => unknown): InstanceType<typeof FairplanError> {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(FairplanError);
    return error as InstanceType<typeof FairplanError>;
  }
  throw new Error('nothing was refused');
}

// Arguments as a JavaScript program (or a TypeScript one with `as any`) can pass them.
const loose = <T>(value: unknown): T => value as T;

describe('the library refuses what it cannot use, with a FairplanError', () => {
  it('a JavaScript number given as money, anywhere in a request', () => {
    expect(refusal(() => proposePlans(loose({ ...request, balance: 1000.5 })))).toMatchObject({ code: 'invalid-amount', context: { field: 'request.balance' } });
    expect(refusal(() => proposePlans(loose({ ...request, creditors: [{ creditor: 'A', balance: 1000 }] })))).toMatchObject({
      code: 'invalid-amount',
      context: { field: 'request.creditors[0].balance' },
    });
    expect(refusal(() => planRequestFromStatement(statement, loose(129.78), asOf))).toMatchObject({ code: 'invalid-amount', context: { field: 'availableMonthly' } });
    expect(refusal(() => toFixed2(loose(12.5)))).toMatchObject({ code: 'invalid-amount' });
  });

  it('an invalid asOf: not a date, not one that exists, or not text', () => {
    for (const bad of ['2026-02-30', 'tomorrow', 20261201, undefined]) {
      expect(refusal(() => assessAffordability(statement, loose({ asOf: bad })))).toMatchObject({ code: 'invalid-date', context: { field: 'settings.asOf' } });
      expect(refusal(() => proposePlans(loose({ ...request, asOf: bad })))).toMatchObject({ code: 'invalid-date', context: { field: 'request.asOf' } });
    }
    expect(refusal(() => parseIsoDate(loose(20261201)))).toMatchObject({ code: 'invalid-argument', context: { field: 'text' } });
  });

  it('arguments of the wrong kind, or none, to every function', () => {
    const calls: [string, () => unknown][] = [
      ['parseStatementText', () => parseStatementText(loose(42), 'x.json')],
      ['parseStatementDocument', () => fairplan.parseStatementDocument('{}', 'x.json', loose('csv'))],
      ['assessAffordability', () => assessAffordability(loose(null), { asOf })],
      ['assessAffordability', () => assessAffordability(loose({ ...statement, debts: 'none' }), { asOf })],
      ['planRequestFromStatement', () => planRequestFromStatement(statement, parseMoney('100'), asOf, loose({ fixedTermsMonths: '12' }))],
      ['proposePlans', () => proposePlans(loose(undefined))],
      ['proposePlans', () => proposePlans(loose({ ...request, token: { amount: parseMoney('1'), reviewAfterMonths: '3' } }))],
      ['proposePlans', () => proposePlans(loose({ ...request, calendar: 'scotland' }))],
      ['renderCheckJson', () => renderCheckJson(loose({}))],
      ['renderPlanJson', () => renderPlanJson(loose([]))],
      ['provenance', () => provenance(loose({ fairplanVersion: '0.1.0', asOf, inputs: 'statement.json' }))],
      ['provenanceReference', () => provenanceReference(loose(undefined))],
      ['parseMoney', () => parseMoney(loose(12.5))],
    ];
    for (const [name, call] of calls) {
      const error = refusal(call);
      expect(error.code, name).toMatch(/^invalid-/);
      expect(error.context.field, name).toBeTruthy();
    }
  });

  it('still works as the README shows, through the same entry', () => {
    const affordability = assessAffordability(statement, { asOf });
    const proposal = proposePlans(planRequestFromStatement(statement, affordability.totals.available, asOf));
    expect(JSON.parse(renderPlanJson(proposal, { affordability })).options.length).toBeGreaterThan(0);
    expect(JSON.parse(renderCheckJson(affordability)).asOf).toBe('2026-12-01');
    expect(toFixed2(parseMoney('£1,234.5'))).toBe('1234.50');
  });
});
