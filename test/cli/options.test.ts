import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { calendarForCurrency, calendarOption } from '../../src/cli/options.js';
import { EVERY_DAY } from '../../src/core/calendar/index.js';

describe('--calendar', () => {
  it('reads a region, and refuses a typo as a usage error with a did-you-mean', () => {
    expect(calendarOption('scotland')).toBe('scotland');
    expect(() => calendarOption('scotlnd')).toThrow(InvalidArgumentError);
    expect(() => calendarOption('scotlnd')).toThrow(/did you mean "scotland"\?/);
  });

  it('defaults to the England and Wales bank holidays, and to none for a USD statement', () => {
    expect(calendarForCurrency(undefined, 'GBP').name).toBe('England and Wales bank holidays');
    expect(calendarForCurrency(undefined, 'USD')).toBe(EVERY_DAY);
    expect(calendarForCurrency('scotland', 'USD').name).toBe('Scotland bank holidays');
  });
});
