/**
 * The plan engine, case by case. Every expected figure is worked out in the comments (or, for
 * continuing interest, by the small integer-pence amortiser below), never by fairplan itself.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarFor, EVERY_DAY } from '../../../src/core/calendar/index.js';
import { parseIsoDate as d } from '../../../src/core/date.js';
import { D, money, toFixed2 } from '../../../src/core/money.js';
import {
  instalmentsOf,
  proposePlans,
  stepUpForChange,
  summarisePlans,
  type PlanOption,
  type PlanProposal,
  type PlanRequest,
} from '../../../src/core/plan/index.js';

const base = {
  start: d('2027-01-29'),
  asOf: d('2027-01-20'),
  calendar: calendarFor('england-wales'),
} as const;

const fixed2 = (xs: readonly { amount: { toFixed(n: number): string } }[]) => xs.map((x) => x.amount.toFixed(2));
const option = (proposal: PlanProposal, kind: PlanOption['kind'], termMonths?: number): PlanOption => {
  const found = proposal.options.find((o) => o.kind === kind && (termMonths === undefined || ('termMonths' in o && o.termMonths === termMonths)));
  if (!found) throw new Error(`no ${kind} option`);
  return found;
};
const runs = (o: PlanOption) => o.pattern.map((r) => `${r.count}×${toFixed2(r.amount)}`);

/**
 * An independent amortiser in integer pence with the rate as an exact fraction: interest each
 * period is floor(balance × numerator ÷ denominator), then the payment (or what is owed, if less).
 */
function amortisePence(balance: bigint, payment: bigint, numerator: bigint, denominator: bigint, limit: number) {
  const rows: { amount: bigint; interest: bigint; balanceAfter: bigint }[] = [];
  while (balance > 0n && rows.length < limit) {
    const interest = (balance * numerator) / denominator;
    const owed = balance + interest;
    const amount = owed < payment ? owed : payment;
    balance = owed - amount;
    rows.push({ amount, interest, balanceAfter: balance });
  }
  return rows;
}
const pounds = (pence: bigint) => `${pence / 100n}.${String(pence % 100n).padStart(2, '0')}`;

describe('£1,000 owed, £50.00 a month affordable, paid monthly, interest frozen', () => {
  const proposal = proposePlans({ ...base, balance: money('1000'), affordableMonthly: money('50'), frequency: 'monthly' });

  it('offers the affordable plan: 20 payments of £50.00 (1000 ÷ 50), first on the start date', () => {
    const plan = option(proposal, 'affordable');
    expect(plan.affordable).toBe(true);
    expect(plan.instalmentCount).toBe(20);
    expect(runs(plan)).toEqual(['20×50.00']);
    expect(plan.firstDate).toBe('2027-01-29');
    expect(plan.lastDate).toBe('2028-08-29');
    expect(toFixed2(plan.totalPaid)).toBe('1000.00');
    expect(plan.outcome).toEqual({ kind: 'repaid' });
  });

  it('moves payments off weekends and bank holidays: Sunday 28 February and Easter Monday 29 March 2027', () => {
    const plan = option(proposal, 'affordable');
    expect(plan.instalments.slice(0, 4).map((i) => [i.due, i.movedFrom])).toEqual([
      ['2027-01-29', undefined],
      ['2027-03-01', '2027-02-28'],
      ['2027-03-30', '2027-03-29'],
      ['2027-04-29', undefined],
    ]);
  });

  it('shows every fixed term, marking 12 months as not affordable with the instalment it needs', () => {
    // 1000 ÷ 12 = 83.33…, rounded up to 83.34 so the term is kept; 11 × 83.34 = 916.74, last 83.26.
    const twelve = option(proposal, 'fixed-term', 12);
    expect(twelve.affordable).toBe(false);
    expect(runs(twelve)).toEqual(['11×83.34', '1×83.26']);
    expect(twelve.affordabilityReason).toBe(
      'Needs £83.34 a month, £33.34 more than the £50.00 a month found affordable: shown so everyone can see what ' +
        'this term would take; it should not be agreed.',
    );
    // 1000 ÷ 24 = 41.666… → 41.67; 23 × 41.67 = 958.41, last 41.59.
    expect(runs(option(proposal, 'fixed-term', 24))).toEqual(['23×41.67', '1×41.59']);
    // 1000 ÷ 36 = 27.777… → 27.78; 35 × 27.78 = 972.30, last 27.70.
    expect(runs(option(proposal, 'fixed-term', 36))).toEqual(['35×27.78', '1×27.70']);
    // 1000 ÷ 60 = 16.666… → 16.67; 59 × 16.67 = 983.53, last 16.47.
    expect(runs(option(proposal, 'fixed-term', 60))).toEqual(['59×16.67', '1×16.47']);
    expect(proposal.options.filter((o) => o.kind === 'fixed-term').map((o) => o.affordable)).toEqual([false, true, true, true]);
  });

  it('does not offer a token payment, step-up or settlement, and says why', () => {
    expect(proposal.notOffered).toEqual([
      {
        kind: 'token',
        reason: '£50.00 a month is affordable and repays the balance: a token payment would ask for less than the customer can pay.',
      },
      { kind: 'step-up', reason: 'No change in income or outgoings is expected, and no step-up was asked for.' },
      { kind: 'settlement', reason: 'The creditor has not offered a settlement.' },
    ]);
  });

  it('recommends the affordable plan: it repays in 20 months, within the 5 years treated as reasonable', () => {
    expect(proposal.recommended).toEqual({
      index: 0,
      kind: 'affordable',
      reason:
        'It pays what the customer can afford and repays the balance in about 20 months, within the 5 years fairplan ' +
        'treats as reasonable.',
      flagForReview: false,
    });
  });
});

describe('paid weekly: the monthly amount converts exactly, then rounds down', () => {
  // £100 a month × 12 ÷ 52 = £23.0769… a week → £23.07, never £23.08.
  const proposal = proposePlans({ ...base, balance: money('2000'), affordableMonthly: money('100'), frequency: 'weekly' });

  it('asks for £23.07 a week: 86 × 23.07 = 1984.02, and the 87th pays the remaining £15.98', () => {
    expect(toFixed2(proposal.affordablePerInstalment)).toBe('23.07');
    const plan = option(proposal, 'affordable');
    expect(runs(plan)).toEqual(['86×23.07', '1×15.98']);
    expect(plan.affordabilityReason).toBe(
      '£23.07 a week is everything found affordable: £100.00 a month available for non-priority creditors × 12 ÷ 52, ' +
        'rounded down to the penny.',
    );
  });

  it('counts fixed terms in weeks: 12 months is 52 weekly payments', () => {
    // 2000 ÷ 52 = 38.461… → 38.47; 51 × 38.47 = 1961.97, last 38.03.
    expect(runs(option(proposal, 'fixed-term', 12))).toEqual(['51×38.47', '1×38.03']);
  });
});

describe('interest continuing at 19.9% a year, compounded monthly', () => {
  const interest = { kind: 'continuing', annualRatePercent: new D('19.9') } as const;
  // 19.9% ÷ 12 = 199 / 12000 a month.
  const proposal = proposePlans({ ...base, calendar: EVERY_DAY, balance: money('1000'), affordableMonthly: money('60'), frequency: 'monthly', interest });

  it('splits each payment into interest and principal: month 1 is 1000 × 199/12000 = 16.583 → £16.58 interest', () => {
    const [first, second] = option(proposal, 'affordable').instalments;
    expect([first, second].map((i) => [i?.amount, i?.interest, i?.principal, i?.balanceAfter].map((x) => x?.toFixed(2)))).toEqual([
      ['60.00', '16.58', '43.42', '956.58'],
      // 956.58 × 199/12000 = 15.863… → 15.86
      ['60.00', '15.86', '44.14', '912.44'],
    ]);
  });

  it('matches an independent integer-pence amortisation to the penny, every row', () => {
    const expected = amortisePence(100000n, 6000n, 199n, 12000n, 600);
    const plan = option(proposal, 'affordable');
    expect(plan.instalments.map((i) => [i.amount, i.interest, i.balanceAfter].map((x) => x.toFixed(2)))).toEqual(
      expected.map((r) => [pounds(r.amount), pounds(r.interest), pounds(r.balanceAfter)]),
    );
    // 20 payments, the last £40.15; £180.15 interest in all.
    expect(runs(plan)).toEqual(['19×60.00', '1×40.15']);
    expect(toFixed2(plan.totalInterest)).toBe('180.15');
    expect(toFixed2(plan.totalPaid)).toBe('1180.15');
  });

  it('prices a 24-month term with PMT(0.199/12, 24, −1000) = 50.847 → £50.85, affordable within £60', () => {
    const term = option(proposal, 'fixed-term', 24);
    expect(toFixed2(term.instalmentAmount)).toBe('50.85');
    expect(term.affordable).toBe(true);
    const expected = amortisePence(100000n, 5085n, 199n, 12000n, 24);
    expect(expected.at(-1)?.balanceAfter).toBe(0n);
    expect(runs(term)).toEqual(['23×50.85', `1×${pounds(expected.at(-1)?.amount ?? 0n)}`]);
    expect(toFixed2(term.totalInterest)).toBe('220.16');
  });

  it('prices every term at the smallest payment that keeps it, found by the amortiser: £37.11 repays in 36, so 36 months is £37.11 and affordable', () => {
    // PMT(0.199/12, 36, −1000) = 37.1116… rounds up to £37.12, but interest is rounded down each
    // month, so a penny less still clears the balance in 36 payments.
    const smallest = (months: number): bigint => {
      let pay = 1n;
      while (amortisePence(100000n, pay, 199n, 12000n, months).at(-1)?.balanceAfter !== 0n) pay++;
      return pay;
    };
    expect(smallest(36)).toBe(3711n);
    const tight = proposePlans({ ...base, calendar: EVERY_DAY, balance: money('1000'), affordableMonthly: money('37.11'), frequency: 'monthly', interest });
    for (const months of [12, 24, 36, 60]) {
      const term = option(tight, 'fixed-term', months);
      expect([months, toFixed2(term.instalmentAmount)]).toEqual([months, pounds(smallest(months))]);
      expect(term.instalmentCount).toBe(months);
    }
    expect(option(tight, 'fixed-term', 36).affordable).toBe(true);
  });

  it('prices a fixed term at a payment that repays within it when a penny less does not, by the amortiser (property)', () => {
    const cases = fc.record({
      pence: fc.bigInt({ min: 100n, max: 5_000_000n }),
      tenths: fc.integer({ min: 1, max: 400 }),
      months: fc.constantFrom(12, 24, 36, 60),
    });
    fc.assert(
      fc.property(cases, ({ pence, tenths, months }) => {
        const rate = { kind: 'continuing', annualRatePercent: new D(tenths).div(10) } as const;
        const proposal = summarisePlans({ ...base, calendar: EVERY_DAY, balance: money(pounds(pence)), affordableMonthly: money('1'), frequency: 'monthly', interest: rate, fixedTermsMonths: [months] });
        const term = option(proposal as PlanProposal, 'fixed-term', months);
        const payment = BigInt(term.instalmentAmount.times(100).toFixed(0));
        // tenths/10 % a year, monthly: tenths / 12000 a month.
        const left = (pay: bigint) => amortisePence(pence, pay, BigInt(tenths), 12_000n, months).at(-1)?.balanceAfter;
        expect(left(payment)).toBe(0n);
        expect(left(payment - 1n)).not.toBe(0n);
      }),
      { numRuns: 100 },
    );
  });
});

describe('a payment that does not cover the interest never repays, and fairplan says so plainly', () => {
  // £5,000 at 29.9%: the first month's interest is 5000 × 0.299 ÷ 12 = 124.583… → £124.58, more than £100.
  const proposal = proposePlans({
    ...base,
    balance: money('5000'),
    affordableMonthly: money('100'),
    frequency: 'monthly',
    interest: { kind: 'continuing', annualRatePercent: new D('29.9') },
  });
  const plan = option(proposal, 'affordable');

  it('flags the affordable plan as never repaying, offers the payment that would, and shows the first year only', () => {
    // PMT(0.299/12, 60, −5000) = 161.4599… → £161.46 (rounded up, so 60 payments suffice).
    expect(plan.outcome).toEqual({
      kind: 'never-repays',
      cause: 'interest',
      message:
        'This payment never repays the balance: £100.00 a month does not cover the interest (£124.58 a month on ' +
        '£5,000.00). Paying £161.46 a month would repay it within 5 years. The schedule shows the first year only.',
      repayingPayment: { termMonths: 60, frequency: 'monthly', instalments: 60, amount: money('161.46') },
    });
    expect(plan.instalmentCount).toBe(12);
    expect(plan.balanceAfter.gt(5000)).toBe(true);
  });

  it('offers a token payment and recommends it, flagged for a person to review', () => {
    const token = option(proposal, 'token');
    expect(token.outcome.kind).toBe('review');
    expect(proposal.recommended.kind).toBe('token');
    expect(proposal.recommended.flagForReview).toBe(true);
  });
});

describe('a plan longer than 50 years is cut to its first year, not looped through', () => {
  // £50,000 at £50 a month would take 1,000 months, over 83 years.
  const proposal = summarisePlans({ ...base, balance: money('50000'), affordableMonthly: money('50'), frequency: 'monthly' });
  const plan = proposal.options[0];

  it('says it does not repay within 50 years, and what would repay it in 5 (50000 ÷ 60 = 833.33… → £833.34)', () => {
    expect(plan?.outcome).toMatchObject({
      kind: 'never-repays',
      cause: 'horizon',
      message:
        'This payment does not repay the balance within 50 years. Paying £833.34 a month would repay it within 5 years. ' +
        'The schedule shows the first year only.',
    });
    expect(plan?.instalmentCount).toBe(12);
  });

  it('recommends a token payment while the customer gets free advice', () => {
    expect(proposal.recommended.kind).toBe('token');
  });
});

describe('nothing affordable: a token payment, never presented as repaying', () => {
  const proposal = proposePlans({ ...base, balance: money('3000'), affordableMonthly: money('-25.50'), frequency: 'fortnightly' });
  const token = option(proposal, 'token');

  it('offers £1.00 a month for 3 months with a review on the fourth monthly date', () => {
    expect(token.frequency).toBe('monthly');
    expect(fixed2(token.instalments)).toEqual(['1.00', '1.00', '1.00']);
    expect(token.outcome).toEqual({
      kind: 'review',
      reviewDate: '2027-04-29',
      message: 'A token payment does not repay the balance: £2,997.00 will still be owed at the review on 2027-04-29.',
    });
    expect(token.label).toBe('Token payment: £1.00 a month until a review on 2027-04-29');
  });

  it('marks even the token as more than the budget shows, and names the alternative', () => {
    expect(token.affordable).toBe(false);
    expect(token.affordabilityReason).toMatch(/shortfall of £25.50 a month.*informal moratorium/);
  });

  it('has no affordable plan, lists every fixed term as not affordable, and recommends the token', () => {
    expect(proposal.notOffered[0]).toEqual({
      kind: 'affordable',
      reason: 'Nothing is available for non-priority creditors (a shortfall of £25.50 a month), so there is no affordable payment to plan.',
    });
    expect(proposal.options.filter((o) => o.kind === 'fixed-term')).toHaveLength(4);
    expect(proposal.options.filter((o) => o.kind === 'fixed-term').every((o) => !o.affordable)).toBe(true);
    expect(proposal.recommended).toMatchObject({ kind: 'token', flagForReview: true });
  });

  it('takes a configured token and review period', () => {
    const custom = proposePlans({
      ...base,
      balance: money('3000'),
      affordableMonthly: money('0'),
      frequency: 'monthly',
      token: { amount: money('5'), reviewAfterMonths: 6 },
    });
    expect(fixed2(option(custom, 'token').instalments)).toEqual(Array(6).fill('5.00'));
  });

  it('says so when a tiny balance is cleared by the token payments before the review', () => {
    const tiny = proposePlans({ ...base, balance: money('2.50'), affordableMonthly: money('0'), frequency: 'monthly' });
    const t = option(tiny, 'token');
    expect(fixed2(t.instalments)).toEqual(['1.00', '1.00', '0.50']);
    expect(t.outcome).toEqual({ kind: 'repaid' });
  });

  it('pays £1.00 to each creditor still owed: once a small creditor is repaid, the others still get £1.00 and the payment falls', () => {
    const creditors = [
      { creditor: 'Lumen', balance: money('1.50') },
      { creditor: 'Harbour', balance: money('100') },
      { creditor: 'Fairway', balance: money('100') },
    ];
    const shared = proposePlans({ ...base, balance: money('201.50'), creditors, affordableMonthly: money('0'), frequency: 'monthly' });
    const t = option(shared, 'token');
    // Month 1: £1.00 each (Lumen then owes 50p); month 2: Lumen's last 50p, £1.00 each to the others; month 3: £1.00 each to the two still owed.
    expect(fixed2(t.instalments)).toEqual(['3.00', '2.50', '2.00']);
    expect(t.creditors?.map((c) => fixed2(c.instalments))).toEqual([['1.00', '0.50'], ['1.00', '1.00', '1.00'], ['1.00', '1.00', '1.00']]);
    expect(t.label).toBe('Token payment: £3.00 a month (£1.00 to each creditor still owed) until a review on 2027-04-29');
    expect(toFixed2(t.totalPaid)).toBe('7.50');
  });
});

describe('step-up for an expected change', () => {
  // Paid monthly from Monday 1 February 2027; a new job from 1 May adds £150 a month.
  const start = d('2027-02-01');
  const change = { from: d('2027-05-01'), monthlyChange: money('150'), note: 'new job from May' };
  const request: PlanRequest = { ...base, start, balance: money('1000'), affordableMonthly: money('50'), frequency: 'monthly' };

  it('builds the step from the change: 3 payments fall before 1 May (February, March, April)', () => {
    expect(stepUpForChange(change, request)).toEqual({
      periods: 3,
      laterAffordableMonthly: money('200'),
      note: 'new job from May',
    });
  });

  it('pays £50 three times, then £200 until repaid: 150 + 4 × 200 = 950, and a last £50', () => {
    const stepUp = stepUpForChange(change, request);
    const proposal = proposePlans({ ...request, ...(stepUp ? { stepUp } : {}) });
    const plan = option(proposal, 'step-up');
    expect(runs(plan)).toEqual(['3×50.00', '4×200.00', '1×50.00']);
    expect(plan.affordable).toBe(true);
    expect(plan.kind === 'step-up' && plan.stepDate).toBe('2027-05-04'); // Saturday 1 May → after the May bank holiday
    expect(plan.reason).toBe(
      'For an expected change (new job from May): 3 monthly payments of £50.00, then £200.00 a month from 2027-05-04 ' +
        'until the balance is repaid on 2027-09-01.',
    );
    expect(proposal.recommended.kind).toBe('affordable');
  });

  it('marks a later payment above what will then be affordable as not affordable', () => {
    const proposal = proposePlans({
      ...request,
      stepUp: { periods: 3, laterAffordableMonthly: money('200'), laterPayment: money('250') },
    });
    const plan = option(proposal, 'step-up');
    expect(plan.affordable).toBe(false);
    expect(plan.affordabilityReason).toBe(
      'Not affordable: the later £250.00 a month is more than the £200.00 a month that will then be affordable.',
    );
  });

  it('ignores a change that reduces what is available, or one already in effect', () => {
    expect(stepUpForChange({ ...change, monthlyChange: money('-40') }, request)).toBeUndefined();
    expect(stepUpForChange({ ...change, from: d('2027-01-15') }, request)).toBeUndefined();
  });
});

describe('settlement offered by the creditor: 20% off £1,000, up to 6 instalments', () => {
  const proposal = proposePlans({
    ...base,
    balance: money('1000'),
    affordableMonthly: money('150'),
    frequency: 'monthly',
    settlement: { discountPercent: new D(20), maxInstalments: 6 },
  });
  const [lump, spread] = proposal.options.filter((o) => o.kind === 'settlement');

  it('shows the lump sum of £800.00 as not affordable from £150 a month, and never suggests borrowing for it', () => {
    expect(lump?.kind === 'settlement' && lump.variant).toBe('lump-sum');
    expect(fixed2(lump?.instalments ?? [])).toEqual(['800.00']);
    expect(lump?.affordable).toBe(false);
    expect(lump?.affordabilityReason).toMatch(/never borrow or sell/);
    expect(lump?.kind === 'settlement' && toFixed2(lump.writtenOff)).toBe('200.00');
  });

  it('spreads £800 over 6: 800 ÷ 6 = 133.33… → £133.34 × 5 = 666.70, last £133.30, affordable', () => {
    expect(runs(spread as PlanOption)).toEqual(['5×133.34', '1×133.30']);
    expect(spread?.affordable).toBe(true);
  });

  it('never recommends a settlement, even an affordable one', () => {
    expect(proposal.recommended.kind).toBe('affordable');
  });
});

describe('the recommendation rule', () => {
  const request = { ...base, balance: money('10000'), affordableMonthly: money('150'), frequency: 'monthly' } as const;
  // Paying everything affordable: 10000 ÷ 150 = 66.7 → 67 months, longer than the 60 treated as reasonable.

  it('prefers an affordable longer fixed term (84 months: 10000 ÷ 84 = 119.05) over a plan beyond the reasonable term', () => {
    const proposal = summarisePlans({ ...request, fixedTermsMonths: [12, 24, 36, 60, 84] });
    const chosen = proposal.options[proposal.recommended.index];
    expect(chosen?.kind === 'fixed-term' && chosen.termMonths).toBe(84);
    expect(toFixed2(chosen?.instalmentAmount ?? money('0'))).toBe('119.05');
    expect(proposal.recommended.flagForReview).toBe(true);
  });

  it('otherwise recommends the long affordable plan, flagged for review', () => {
    const proposal = summarisePlans(request);
    expect(proposal.recommended).toMatchObject({ kind: 'affordable', flagForReview: true });
    expect(proposal.recommended.reason).toMatch(/about 5 years 7 months, longer than the 5 years/);
  });

  it('uses a configured reasonable term', () => {
    expect(summarisePlans({ ...request, reasonableTermMonths: 72 }).recommended).toMatchObject({ kind: 'affordable', flagForReview: false });
  });
});

describe('summaries without schedules', () => {
  it('give the same figures as the laid-out schedule, and instalmentsOf lays out one option on demand', () => {
    const request: PlanRequest = { ...base, balance: money('1234.56'), affordableMonthly: money('77.77'), frequency: 'four-weekly' };
    const summary = summarisePlans(request);
    const full = proposePlans(request);
    expect(summary.options.map((o) => ({ ...o }))).toEqual(full.options.map(({ instalments: _, ...rest }) => rest));
    const recommended = summary.options[summary.recommended.index];
    expect(recommended && instalmentsOf(recommended, summary.request.calendar)).toEqual(full.options[full.recommended.index]?.instalments);
  });

  it('serialise to JSON with the calendar named', () => {
    const json = JSON.parse(JSON.stringify(summarisePlans({ ...base, balance: money('100'), affordableMonthly: money('10'), frequency: 'monthly' })));
    expect(json.request.calendar).toEqual({ name: 'England and Wales bank holidays' });
    expect(json.options[0].totalPaid).toBe('100');
  });
});
