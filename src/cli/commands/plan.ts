/**
 * `fairplan plan`: every realistic repayment option for a balance and an affordable amount, as a
 * table for people, JSON or CSV for scripts, an iCalendar file of payment reminders, or a letter.
 */
import path from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { calendarFor, EVERY_DAY, parseCalendarRegion, type BusinessCalendar, type CalendarRegion } from '../../core/calendar/index.js';
import type { IsoDate } from '../../core/date.js';
import { FairplanError } from '../../core/errors.js';
import type { PaymentFrequency } from '../../core/frequency.js';
import type { Dec, Money } from '../../core/money.js';
import { DEFAULT_TOKEN, proposePlans, type PlanRequest } from '../../core/plan/index.js';
import { writeFileAtomic } from '../../io/atomic-file.js';
import { renderScheduleCsv } from '../../render/plan/csv.js';
import { renderIcs } from '../../render/plan/ics.js';
import { renderPlanJson } from '../../render/plan/json.js';
import { renderLetter } from '../../render/plan/letter.js';
import { findOption, optionAt } from '../../render/plan/select.js';
import { renderPlanReport } from '../../render/plan/table.js';
import type { CommandContext } from '../context.js';
import {
  dateOption,
  moneyOption,
  paymentFrequencyOption,
  percentOption,
  positiveIntegerOption,
  positiveMoneyOption,
  today,
} from '../options.js';
import type { RegisterCommand } from './index.js';

interface PlanFlags {
  readonly balance?: Money;
  readonly affordable?: Money;
  readonly frequency?: PaymentFrequency;
  readonly start?: IsoDate;
  readonly asOf?: IsoDate;
  readonly interestRate?: Dec;
  readonly fixedTerms?: readonly number[];
  readonly token?: Money;
  readonly reviewMonths?: number;
  readonly stepUpPeriods?: number;
  readonly stepUpTo?: Money;
  readonly settlementDiscount?: Dec;
  readonly settlementInstalments?: number;
  readonly calendar?: CalendarRegion;
  /** False with --no-business-days. */
  readonly businessDays: boolean;
  readonly schedule?: string;
  readonly json?: boolean;
  readonly csv?: boolean;
  readonly ics?: string;
  readonly letter?: boolean;
  /** False with --no-color. */
  readonly color: boolean;
}

function fixedTermsOption(value: string): number[] {
  return value.split(',').map((part) => {
    const months = part.trim();
    if (!/^\d+$/.test(months) || Number(months) < 1) {
      throw new InvalidArgumentError(`"${value}" is not a list of terms in months (expected e.g. 12,24,36,60)`);
    }
    return Number(months);
  });
}

function calendarOption(value: string): CalendarRegion {
  try {
    return parseCalendarRegion(value);
  } catch (error) {
    if (error instanceof FairplanError) throw new InvalidArgumentError(error.message);
    throw error;
  }
}

const missing = (message: string) => new FairplanError('invalid-argument', message);

function requireTogether(flags: PlanFlags): void {
  if ((flags.stepUpPeriods === undefined) !== (flags.stepUpTo === undefined)) {
    throw missing('--step-up-periods and --step-up-to go together: how many reduced payments, and the monthly amount affordable after them');
  }
  if (flags.settlementInstalments !== undefined && flags.settlementDiscount === undefined) {
    throw missing('--settlement-instalments needs --settlement-discount: the discount the creditor has offered');
  }
}

function calendarFrom(flags: PlanFlags): BusinessCalendar {
  if (!flags.businessDays) return EVERY_DAY;
  return calendarFor(flags.calendar ?? 'england-wales');
}

/** The engine request from the command line alone (no statement). */
function requestFromFlags(flags: PlanFlags, asOf: IsoDate): PlanRequest {
  if (flags.affordable === undefined) {
    throw missing('--affordable is required without a statement: the monthly amount available for non-priority creditors');
  }
  if (flags.balance === undefined) throw missing('--balance is required without a statement: the amount owed');
  return {
    balance: flags.balance,
    affordableMonthly: flags.affordable,
    frequency: flags.frequency ?? 'monthly',
    start: flags.start ?? asOf,
    asOf,
    ...optionalSettings(flags),
  };
}

/** Everything a request takes from the flags whether or not there is a statement. */
function optionalSettings(flags: PlanFlags): Partial<PlanRequest> {
  return {
    ...(flags.interestRate ? { interest: { kind: 'continuing', annualRatePercent: flags.interestRate } } : {}),
    ...(flags.fixedTerms ? { fixedTermsMonths: flags.fixedTerms } : {}),
    ...(flags.token || flags.reviewMonths
      ? { token: { amount: flags.token ?? DEFAULT_TOKEN.amount, reviewAfterMonths: flags.reviewMonths ?? DEFAULT_TOKEN.reviewAfterMonths } }
      : {}),
    ...(flags.stepUpPeriods !== undefined && flags.stepUpTo !== undefined
      ? { stepUp: { periods: flags.stepUpPeriods, laterAffordableMonthly: flags.stepUpTo } }
      : {}),
    ...(flags.settlementDiscount
      ? { settlement: { discountPercent: flags.settlementDiscount, maxInstalments: flags.settlementInstalments ?? 1 } }
      : {}),
    calendar: calendarFrom(flags),
  };
}

// The engine names request fields; a person typed options.
const FLAG_FOR_FIELD: Readonly<Record<string, string>> = {
  balance: '--balance',
  affordableMonthly: '--affordable',
  start: '--start',
  'interest.annualRatePercent': '--interest-rate',
  fixedTermsMonths: '--fixed-terms',
  'token.amount': '--token',
  'token.reviewAfterMonths': '--review-months',
  'stepUp.periods': '--step-up-periods',
  'stepUp.laterAffordableMonthly': '--step-up-to',
  'settlement.discountPercent': '--settlement-discount',
  'settlement.maxInstalments': '--settlement-instalments',
};

function proposeFor(request: PlanRequest) {
  try {
    return proposePlans(request);
  } catch (error) {
    const field = error instanceof FairplanError ? error.context.field?.replace(/\[\d+\]$/, '') : undefined;
    const flag = field === undefined ? undefined : FLAG_FOR_FIELD[field];
    if (error instanceof FairplanError && flag) throw new FairplanError(error.code, error.message, { ...error.context, field: flag });
    throw error;
  }
}

async function run(context: CommandContext, flags: PlanFlags): Promise<void> {
  requireTogether(flags);
  const asOf = flags.asOf ?? today(context.io);
  const proposal = proposeFor(requestFromFlags(flags, asOf));
  const chosen = flags.schedule === undefined ? proposal.recommended.index : findOption(proposal, flags.schedule);

  if (flags.json) return context.out(renderPlanJson(proposal));
  if (flags.csv) {
    context.io.stdout.write(renderScheduleCsv(proposal, flags.schedule === undefined ? undefined : [chosen]));
    return;
  }
  if (flags.letter) return context.out(renderLetter(proposal, chosen));
  if (flags.ics !== undefined) {
    const target = path.resolve(context.io.cwd, flags.ics);
    const option = optionAt(proposal, chosen);
    await writeFileAtomic(target, renderIcs(proposal, chosen));
    context.err(`fairplan: wrote ${option.instalmentCount} payment reminders for "${option.label}" to ${flags.ics}`);
    return;
  }
  context.io.stdout.write(
    renderPlanReport(proposal, {
      chalk: context.stdoutChalk(!flags.color),
      width: context.io.stdout.isTTY ? (context.io.stdout.columns ?? 80) : 80,
      scheduleIndex: chosen,
    }),
  );
}

const HELP = `
The affordable amount is monthly, whatever the pay frequency; amounts are like 1234.56 or £1,234.56.
Options are compared, the recommended one is marked *, and its schedule is shown (--schedule picks
another: affordable, fixed-term-24, token, step-up, settlement-lump-sum, settlement-instalments).

Examples:
  $ fairplan plan --balance 1000 --affordable 30 --start 2027-01-15 --as-of 2027-01-10
  $ fairplan plan --balance 2400 --affordable 85 --frequency fortnightly --interest-rate 19.9
  $ fairplan plan --balance 1000 --affordable 0 --token 2 --review-months 6
  $ fairplan plan --balance 3000 --affordable 40 --step-up-periods 6 --step-up-to 150
  $ fairplan plan --balance 1000 --affordable 30 --settlement-discount 20 --settlement-instalments 3
  $ fairplan plan --balance 1000 --affordable 30 --json | jq .recommended
  $ fairplan plan --balance 1000 --affordable 30 --csv > schedules.csv
  $ fairplan plan --balance 1000 --affordable 30 --ics reminders.ics
  $ fairplan plan --balance 1000 --affordable 30 --schedule fixed-term-36 --letter

Exit codes:
  0    success
  2    bad arguments (one line on stderr says which and why)
  70   internal error: a fault in fairplan itself (please report it)
`;

export const registerPlan: RegisterCommand = (program: Command, context: CommandContext) => {
  const outputs = ['json', 'csv', 'ics', 'letter'];
  const exclusive = (flag: string) => outputs.filter((other) => other !== flag);
  program
    .command('plan')
    .description('Propose repayment plans for a balance and an affordable monthly amount.')
    .option('--balance <amount>', 'what is owed', positiveMoneyOption)
    .option('--affordable <amount>', 'the monthly amount available for non-priority creditors', moneyOption)
    .option('--frequency <frequency>', 'pay frequency: weekly, fortnightly, four-weekly or monthly (default: monthly)', paymentFrequencyOption)
    .option('--start <date>', 'first payment on or after this date, YYYY-MM-DD (default: the as-of date)', dateOption)
    .option('--as-of <date>', "today's date for the plan, YYYY-MM-DD (default: today)", dateOption)
    .option('--interest-rate <percent>', 'interest continues at this annual rate (default: frozen)', percentOption)
    .option('--fixed-terms <months>', 'fixed terms to show, comma-separated (default: 12,24,36,60)', fixedTermsOption)
    .option('--token <amount>', 'the token payment a month (default: 1.00)', positiveMoneyOption)
    .option('--review-months <n>', 'months from the first token payment to a review (default: 3)', positiveIntegerOption)
    .option('--step-up-periods <n>', 'reduced payments before a step up (with --step-up-to)', positiveIntegerOption)
    .option('--step-up-to <amount>', 'the monthly amount affordable after the step up', moneyOption)
    .option('--settlement-discount <percent>', 'a settlement the creditor offers: the discount in percent', percentOption)
    .option('--settlement-instalments <n>', 'the most instalments the creditor allows for the settlement (default: 1)', positiveIntegerOption)
    .option('--calendar <region>', 'bank holidays for due dates: england-wales, scotland, northern-ireland (default: england-wales)', calendarOption)
    .option('--no-business-days', 'keep due dates on weekends and bank holidays')
    .option('--schedule <option>', 'the option to show, export or write to (default: the recommended one)')
    .addOption(new Option('--json', 'print the proposal as JSON').conflicts(exclusive('json')))
    .addOption(new Option('--csv', 'print the schedules as CSV, one row per instalment').conflicts(exclusive('csv')))
    .addOption(new Option('--ics <file>', 'write payment reminders as an iCalendar file').conflicts(exclusive('ics')))
    .addOption(new Option('--letter', 'print a letter for the customer').conflicts(exclusive('letter')))
    .option('--no-color', 'no colours, even on a terminal')
    .addHelpText('after', HELP)
    .action(async (flags: PlanFlags) => run(context, flags));
};
