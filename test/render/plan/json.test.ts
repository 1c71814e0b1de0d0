import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../../src/core/date.js';
import { provenance } from '../../../src/core/provenance.js';
import { ADVICE_SIGNPOST } from '../../../src/core/signpost.js';
import { renderPlanJson } from '../../../src/render/plan/json.js';
import { FORMAT_VERSION } from '../../../src/render/shared/format-version.js';
import { everyKind, hundredAtTwelvePercent, nothingAffordable, thousandAtThirty, thousandAtThirtyWorkingDays, threeCreditors } from './proposals.js';

const MONEY_FIELDS = new Set([
  'balance', 'affordable', 'affordablePerInstalment', 'amount', 'interest', 'principal', 'amountToRepay',
  'instalmentAmount', 'finalAmount', 'total', 'totalInterest', 'balanceAfter', 'reducedPayment',
  'laterPayment', 'fullBalance', 'writtenOff',
]);

const COUNT_FIELDS = new Set(['n', 'index', 'instalmentCount', 'termMonths', 'reducedCount', 'instalments']);

/** Every JSON number anywhere in the document, with its key. */
function numbers(value: unknown, key = '$'): [string, number][] {
  if (typeof value === 'number') return [[key, value]];
  if (Array.isArray(value)) return value.flatMap((item) => numbers(item, key));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, child]) => numbers(child, k));
}

/** Every money field anywhere in the document, with its path. */
function moneyValues(value: unknown, path = '$'): [string, unknown][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => moneyValues(item, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => [
    // `affordable` is money at the top and a yes/no on each option.
    ...(MONEY_FIELDS.has(key) && typeof child !== 'object' && typeof child !== 'boolean' ? [[`${path}.${key}`, child] as [string, unknown]] : []),
    ...moneyValues(child, `${path}.${key}`),
  ]);
}

describe('plan JSON', () => {
  const json = JSON.parse(renderPlanJson(thousandAtThirty()));

  it('states what the plan was made from, money as two-decimal strings', () => {
    expect(json).toMatchObject({
      formatVersion: FORMAT_VERSION,
      asOf: '2027-01-10',
      balance: '1000.00',
      affordable: '30.00',
      affordablePerInstalment: '30.00',
      frequency: 'monthly',
      start: '2027-01-15',
      interest: { kind: 'frozen' },
    });
  });

  it('ends with the provenance given, after the signpost; without one, has none', () => {
    const given = provenance({ fairplanVersion: '0.1.0', asOf: parseIsoDate('2027-01-10'), calendar: 'none', inputs: [] });
    const withProvenance = JSON.parse(renderPlanJson(thousandAtThirty(), { provenance: given })) as Record<string, unknown>;
    expect(Object.keys(withProvenance).slice(-2)).toEqual(['signpost', 'provenance']);
    expect(withProvenance.provenance).toEqual(given);
    expect(json).not.toHaveProperty('provenance');
  });

  it('never writes money as a JSON number: every amount is a string with exactly two decimals', () => {
    for (const document of [json, ...[everyKind(), hundredAtTwelvePercent(), nothingAffordable()].map((p) => JSON.parse(renderPlanJson(p)))]) {
      const values = moneyValues(document);
      expect(values.length).toBeGreaterThan(50);
      for (const [path, value] of values) expect({ path, value }).toEqual({ path, value: expect.stringMatching(/^-?\d+\.\d{2}$/) });
      for (const [key, value] of numbers(document)) expect({ key, integer: Number.isInteger(value), count: COUNT_FIELDS.has(key) }).toEqual({ key, integer: true, count: true });
    }
  });

  it('lays out the affordable plan: 33 × 30.00 and a last 10.00, 34 in all, totalling 1000.00', () => {
    const affordable = json.options[0];
    expect(affordable).toMatchObject({ key: 'affordable', kind: 'affordable', affordable: true, total: '1000.00', totalInterest: '0.00' });
    expect(affordable.instalments).toHaveLength(34);
    expect(affordable.instalments[0]).toEqual({ n: 1, date: '2027-01-15', amount: '30.00', interest: '0.00', principal: '30.00', balance: '970.00' });
    expect(affordable.instalments.slice(0, 33).every((i: { amount: string }) => i.amount === '30.00')).toBe(true);
    expect(affordable.instalments[33]).toEqual({ n: 34, date: '2029-10-15', amount: '10.00', interest: '0.00', principal: '10.00', balance: '0.00' });
    expect(affordable.outcome).toEqual({ kind: 'repaid' });
  });

  it('recommends the affordable plan, says why, and lists what is not offered with the reason', () => {
    expect(json.recommended).toMatchObject({
      index: 0,
      key: 'affordable',
      kind: 'affordable',
      label: 'Affordable plan: £30.00 a month',
      flagForReview: false,
    });
    expect(json.recommended.reason).toContain('within the 5 years');
    expect(json.notOffered).toContainEqual({ kind: 'token', reason: expect.stringContaining('a token payment would ask for less') });
  });

  it('names each fixed term by its months and ends with the free debt advice signpost', () => {
    expect(json.options.map((o: { key: string }) => o.key)).toEqual(['affordable', 'fixed-term-12', 'fixed-term-24', 'fixed-term-36', 'fixed-term-60']);
    expect(json.options[1]).toMatchObject({ termMonths: 12, affordable: false, instalmentAmount: '83.34', finalAmount: '83.26' });
    expect(json.signpost).toBe(ADVICE_SIGNPOST);
  });

  it('records a payment moved off a weekend: Saturday 15 May 2027 is collected on Monday 17 May', () => {
    const moved = JSON.parse(renderPlanJson(thousandAtThirtyWorkingDays())).options[0].instalments[4];
    expect(moved).toMatchObject({ n: 5, date: '2027-05-17', movedFrom: '2027-05-15' });
  });

  it('gives the rate as a string and the interest charged, worked by hand: 1.00 + 0.51 + 0.01', () => {
    const continuing = JSON.parse(renderPlanJson(hundredAtTwelvePercent()));
    expect(continuing.interest).toEqual({ kind: 'continuing', annualRatePercent: '12' });
    expect(continuing.options[0].instalments.map((i: { interest: string; amount: string }) => [i.interest, i.amount])).toEqual([
      ['1.00', '50.00'],
      ['0.51', '50.00'],
      ['0.01', '1.52'],
    ]);
    expect(continuing.options[0]).toMatchObject({ total: '101.52', totalInterest: '1.52' });
  });

  it('gives a token payment its review, and a step-up and a settlement their own figures', () => {
    const token = JSON.parse(renderPlanJson(nothingAffordable())).options.find((o: { kind: string }) => o.kind === 'token');
    expect(token.outcome).toMatchObject({ kind: 'review', reviewDate: '2027-04-15' });
    expect(token.instalments.map((i: { amount: string }) => i.amount)).toEqual(['1.00', '1.00', '1.00']);

    const options = JSON.parse(renderPlanJson(everyKind())).options;
    expect(options.find((o: { kind: string }) => o.kind === 'step-up')).toMatchObject({
      reducedPayment: '30.00',
      reducedCount: 3,
      laterPayment: '200.00',
      stepDate: '2027-04-15',
      note: 'new job from April',
    });
    // 20% off £1,000.00: settle for £800.00, £200.00 written off.
    expect(options.find((o: { key: string }) => o.key === 'settlement-lump-sum')).toMatchObject({
      variant: 'lump-sum',
      discountPercent: '20',
      fullBalance: '1000.00',
      amountToRepay: '800.00',
      writtenOff: '200.00',
    });
  });
});

describe('plan JSON across several creditors', () => {
  const json = JSON.parse(renderPlanJson(threeCreditors())) as {
    options: {
      instalments: { n: number; amount: string }[];
      redistribute: boolean;
      creditors: { creditor: string; balance: string; interest: { kind: string }; share: string; instalments: { n: number; amount: string; balance: string }[]; total: string; totalInterest: string; lastDate: string; outcome: { kind: string } }[];
    }[];
  };
  const cents = (amount: string) => Math.round(Number(amount) * 100);

  it('gives each option its creditors: balance, interest, share of the first payment, instalments, totals, last date and outcome', () => {
    const [affordable] = json.options;
    expect(affordable?.redistribute).toBe(true);
    expect(affordable?.creditors.map((c) => [c.creditor, c.balance, c.interest.kind, c.share, c.total, c.lastDate, c.outcome.kind])).toEqual([
      ['Harbour Bank (credit card)', '1000.00', 'frozen', '48.78', '1000.00', '2028-09-15', 'repaid'],
      ['Fairway Finance (personal loan)', '1000.00', 'continuing', '48.78', '1227.42', '2028-11-15', 'repaid'],
      ['Lumen Shopping (store card)', '50.00', 'frozen', '2.44', '50.00', '2028-09-15', 'repaid'],
    ]);
    expect(Object.keys(affordable?.creditors[0]?.instalments[0] ?? {})).toEqual(['n', 'date', 'amount', 'interest', 'principal', 'balance']);
  });

  it('has the creditors’ amounts add up to each instalment, and takes every creditor of a repaying option to nil', () => {
    for (const option of json.options) {
      for (const instalment of option.instalments) {
        const parts = option.creditors.map((c) => c.instalments.find((i) => i.n === instalment.n)?.amount ?? '0.00');
        expect(parts.reduce((total, amount) => total + cents(amount), 0)).toBe(cents(instalment.amount));
      }
      for (const c of option.creditors) expect(c.instalments.at(-1)?.balance).toBe('0.00');
    }
  });
});
