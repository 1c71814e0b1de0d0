import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { calendarForCurrency, calendarOption } from '../../src/cli/options.js';
import { EVERY_DAY } from '../../src/core/calendar/index.js';
import { runCli, runCliErrors } from '../helpers/cli.js';

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

describe('a date option', () => {
  // Every command's date options, as the docs list the code (docs/json-output.md: invalid-date, exit 2).
  it.each([
    ['check', '--as-of', '2026-02-30'],
    ['plan', '--as-of', '2026-13-01'],
    ['plan', '--start', '31/01/2027'],
    ['batch', '--as-of', '2026-02-30'],
    ['follow-up', '--as-of', '2026-02-30'],
    ['advise', '--as-of', '2026-02-30'],
    ['report', '--as-of', '2026-02-30'],
    ['new', '--as-of', '2026-02-30'],
    ['book agree', '--agreed-on', '2026-13-01'],
    ['book customers', '--effective-on', '2026-02-30'],
  ])('%s %s %s that is not a date is refused with code invalid-date, naming the option, exit code 2', async (command, option, value) => {
    const { code, stdout, errors } = await runCliErrors([...command.split(' '), option, value]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(errors).toEqual([expect.objectContaining({ code: 'invalid-date', field: option })]);
  });

  it('is told in one sentence naming the option, without FAIRPLAN_ERRORS=json', async () => {
    const { code, stderr } = await runCli(['follow-up', '--as-of', '2026-02-30']);
    expect(code).toBe(2);
    expect(stderr).toBe('fairplan: --as-of: "2026-02-30" is not a date that exists\n');
  });
});
