import { describe, expect, it } from 'vitest';
import { parseIsoDate as d } from '../../../src/core/date.js';
import { FairplanError } from '../../../src/core/errors.js';
import { D, money } from '../../../src/core/money.js';
import { instalmentsOf, proposePlans, resolvePlanRequest, type PlanRequest } from '../../../src/core/plan/index.js';

const good: PlanRequest = {
  balance: money('1000'),
  affordableMonthly: money('50'),
  frequency: 'monthly',
  start: d('2027-02-01'),
  asOf: d('2027-01-20'),
};

function refusal(request: PlanRequest): FairplanError {
  try {
    proposePlans(request);
  } catch (error) {
    if (error instanceof FairplanError) return error;
    throw error;
  }
  throw new Error('the request was accepted');
}

describe('the plan engine refuses requests no schedule could honour, naming the field', () => {
  it.each<[string, Partial<PlanRequest>, string, RegExp]>([
    ['a negative balance', { balance: money('-5') }, 'balance', /the balance must be more than nil/],
    ['a nil balance', { balance: money('0') }, 'balance', /more than nil/],
    ['a balance in fractions of a penny', { balance: money('10.005') }, 'balance', /whole pence/],
    ['an affordable amount in fractions of a penny', { affordableMonthly: money('30.005') }, 'affordableMonthly', /affordable amount must be in whole pence \(got 30.005\)/],
    [
      'a later affordable amount in fractions of a penny',
      { stepUp: { periods: 2, laterAffordableMonthly: money('100.001') } },
      'stepUp.laterAffordableMonthly',
      /whole pence/,
    ],
    ['a first payment before today', { start: d('2027-01-19') }, 'start', /cannot be before today \(2027-01-20\)/],
    [
      'an interest rate over 100%',
      { interest: { kind: 'continuing', annualRatePercent: new D('199') } },
      'interest.annualRatePercent',
      /from 0% to 100% a year \(got 199%\)/,
    ],
    ['a negative interest rate', { interest: { kind: 'continuing', annualRatePercent: new D('-1') } }, 'interest.annualRatePercent', /from 0%/],
    ['a fixed term of 0 months', { fixedTermsMonths: [12, 0] }, 'fixedTermsMonths[1]', /whole number from 1 to 600/],
    ['a fixed term over 50 years', { fixedTermsMonths: [601] }, 'fixedTermsMonths[0]', /from 1 to 600/],
    ['a fractional fixed term', { fixedTermsMonths: [12.5] }, 'fixedTermsMonths[0]', /whole number/],
    ['a nil token', { token: { amount: money('0'), reviewAfterMonths: 3 } }, 'token.amount', /token payment must be more than nil/],
    ['a token review after 3 years', { token: { amount: money('1'), reviewAfterMonths: 36 } }, 'token.reviewAfterMonths', /from 1 to 24/],
    ['a reasonable term of 0', { reasonableTermMonths: 0 }, 'reasonableTermMonths', /from 1 to 600/],
    ['a step-up with no reduced periods', { stepUp: { periods: 0, laterAffordableMonthly: money('100') } }, 'stepUp.periods', /from 1/],
    [
      'a step-up later payment of nil',
      { stepUp: { periods: 2, laterAffordableMonthly: money('100'), laterPayment: money('0') } },
      'stepUp.laterPayment',
      /more than nil/,
    ],
    ['a 100% settlement discount', { settlement: { discountPercent: new D(100), maxInstalments: 3 } }, 'settlement.discountPercent', /less than 100%/],
    ['a 0% settlement discount', { settlement: { discountPercent: new D(0), maxInstalments: 3 } }, 'settlement.discountPercent', /more than 0%/],
    ['no settlement instalments', { settlement: { discountPercent: new D(20), maxInstalments: 0 } }, 'settlement.maxInstalments', /from 1 to 120/],
  ])('%s', (_, change, field, message) => {
    const error = refusal({ ...good, ...change });
    expect(error.code).toBe('invalid-argument');
    expect(error.context.field).toBe(field);
    expect(error.message).toMatch(message);
  });

  it('refuses a frequency a plan cannot run at', () => {
    const error = refusal({ ...good, frequency: 'quarterly' as PlanRequest['frequency'] });
    expect(error.context.field).toBe('frequency');
  });

  it('accepts nil and negative affordable amounts: that is what the token payment is for', () => {
    expect(() => proposePlans({ ...good, affordableMonthly: money('-300') })).not.toThrow();
    expect(() => proposePlans({ ...good, affordableMonthly: money('0') })).not.toThrow();
  });

  it('accepts a first payment today', () => expect(() => proposePlans({ ...good, start: good.asOf })).not.toThrow());
});

describe('defaults', () => {
  it('freezes interest, shows 12/24/36/60-month terms, a £1 token reviewed after 3 months, England and Wales holidays', () => {
    const resolved = resolvePlanRequest(good);
    expect(resolved.interest).toEqual({ kind: 'frozen' });
    expect(resolved.fixedTermsMonths).toEqual([12, 24, 36, 60]);
    expect(resolved.token.amount.toFixed(2)).toBe('1.00');
    expect(resolved.token.reviewAfterMonths).toBe(3);
    expect(resolved.reasonableTermMonths).toBe(60);
    expect(resolved.calendar.name).toBe('England and Wales bank holidays');
    expect(resolved.currencySymbol).toBe('£');
  });
  it('sorts fixed terms and drops repeats', () => {
    expect(resolvePlanRequest({ ...good, fixedTermsMonths: [36, 12, 36] }).fixedTermsMonths).toEqual([12, 36]);
  });
  it('uses the currency symbol given', () => {
    const proposal = proposePlans({ ...good, currencySymbol: '$' });
    expect(proposal.options[0]?.label).toBe('Affordable plan: $50.00 a month');
  });
});

describe('a pause for a Breathing Space', () => {
  it('moves a first payment on or before the moratorium\'s last day to the day after it', () => {
    const paused = resolvePlanRequest({ ...good, pausedUntil: d('2027-02-14') });
    expect(paused.start).toBe('2027-02-15');
    expect(paused.pausedUntil).toBe('2027-02-14');
    expect(resolvePlanRequest({ ...good, pausedUntil: d('2027-01-25') }).start).toBe('2027-02-01');
  });

  it('leaves no payment of any option inside the moratorium', () => {
    const proposal = proposePlans({ ...good, pausedUntil: d('2027-03-31') });
    for (const option of proposal.options) {
      for (const instalment of option.instalments) expect(instalment.due > '2027-03-31').toBe(true);
    }
  });
});


describe('interest after a Breathing Space', () => {
  // 24% a year, 2% a month: a full month's interest on £1,200.00 is £24.00.
  const continuing = { kind: 'continuing', annualRatePercent: new D('24') } as const;
  const afterPause: PlanRequest = {
    balance: money('1200'),
    affordableMonthly: money('200'),
    frequency: 'monthly',
    start: d('2027-04-01'),
    asOf: d('2027-01-20'),
    interest: continuing,
    fixedTermsMonths: [12],
  };
  const affordable = (request: PlanRequest) => proposePlans(request).options.find((o) => o.kind === 'affordable');

  it('charges the first instalment only for the days of its period after the moratorium', () => {
    const option = affordable({ ...afterPause, pausedUntil: d('2027-03-31') });
    // The period from 1 March to 1 April has 31 days, one of them after the moratorium: £24.00 × 1/31, rounded down.
    expect(option?.instalments[0]?.interest.toFixed(2)).toBe('0.77');
    // From then on a full period's interest: 2% of £1,000.77.
    expect(option?.instalments[1]?.interest.toFixed(2)).toBe('20.01');
  });

  it('charges a full period when the whole period before the first payment is after the moratorium', () => {
    expect(affordable({ ...afterPause, pausedUntil: d('2027-02-28') })?.instalments[0]?.interest.toFixed(2)).toBe('24.00');
    expect(affordable(afterPause)?.instalments[0]?.interest.toFixed(2)).toBe('24.00');
  });

  it('charges each creditor the same way when several share the payments', () => {
    const option = affordable({
      ...afterPause,
      pausedUntil: d('2027-03-31'),
      creditors: [
        { creditor: 'Card', balance: money('600') },
        { creditor: 'Loan', balance: money('600') },
      ],
    });
    // £12.00 × 1/31 = 38.7p to each, rounded down.
    expect(option?.instalments[0]?.interest.toFixed(2)).toBe('0.76');
  });

  it('asks the smallest fixed-term instalment that repays the balance within the term', () => {
    const proposal = proposePlans({ ...afterPause, pausedUntil: d('2027-03-31') });
    const option = proposal.options.find((o) => o.kind === 'fixed-term');
    if (!option) throw new Error('no fixed-term option');
    const unpaused = proposePlans(afterPause).options.find((o) => o.kind === 'fixed-term');
    expect(option.instalmentAmount.lt(unpaused?.instalmentAmount ?? money('0'))).toBe(true);
    const pennyLess = option.instalmentAmount.minus('0.01');
    const laid = instalmentsOf({ ...option, pattern: [{ count: 12, amount: money(pennyLess) }] }, proposal.request.calendar);
    expect(laid[laid.length - 1]?.balanceAfter.gt(0)).toBe(true);
  });
});
