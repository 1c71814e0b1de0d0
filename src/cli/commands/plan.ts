/**
 * `fairplan plan`: every realistic repayment option, from a statement or for a balance and an
 * affordable amount, as a table for people, JSON or CSV for scripts, an iCalendar file of payment
 * reminders, or a letter.
 */
import path from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { concernsOf, reasonProblem } from '../../advise/override.js';
import type { Affordability } from '../../core/affordability/types.js';
import { EVERY_DAY, type BusinessCalendar, type CalendarRegion } from '../../core/calendar/index.js';
import { noPlanDuring } from '../../core/breathing-space.js';
import type { IsoDate } from '../../core/date.js';
import { FairplanError } from '../../core/errors.js';
import type { PaymentFrequency } from '../../core/frequency.js';
import { D, type Dec } from '../../core/money.js';
import { DEFAULT_TOKEN, planRequestFromStatement, proposePlans, type CreditorDiscount, type PlanProposal, type PlanRequest } from '../../core/plan/index.js';
import { wordsFor } from '../../core/plan/words.js';
import { ADVICE_SIGNPOST } from '../../core/signpost.js';
import { budgetReviewOn } from '../../core/time-limits.js';
import { CURRENCY_SYMBOLS, type Currency, type Jurisdiction, type Statement } from '../../core/statement.js';
import { writeFileAtomic, writeFilesAtomic } from '../../io/atomic-file.js';
import { createEmptyFolder, PERSONAL_FILE_MODE } from '../../io/folder.js';
import { checkOutputs } from '../../io/output-check.js';
import { renderNoScheduleCsv, renderScheduleCsv } from '../../render/plan/csv.js';
import { renderNoPlanJson, renderPlanJson } from '../../render/plan/json.js';
import type { StatementWarning } from '../../statement/warnings.js';
import { readLetterTemplates } from '../../render/letter/template-folder.js';
import { readSender } from '../../render/letter/sender.js';
import { LETTER_FORMATS, type LetterFormat } from '../../render/letter/formats.js';
import { renderLetter, type LetterOptions } from '../../render/plan/letter.js';
import { LETTER_SPECS } from '../../render/plan/letter-templates.js';
import { closest } from '../../core/suggest.js';
import { findOption, optionAt } from '../../render/plan/select.js';
import { renderPlanReport } from '../../render/plan/table.js';
import { wrap } from '../../render/shared/wrap.js';
import { visible } from '../../render/shared/visible.js';
import type { CommandContext } from '../context.js';
import { runProvenance } from '../provenance.js';
import { provenanceReference, withLetterReference, type OptionValue, type Provenance } from '../../core/provenance.js';
import {
  calendarForCurrency,
  calendarOption,
  inCurrency,
  type AmountOption,
  dateOption,
  moneyOption,
  paymentFrequencyOption,
  percentOption,
  positiveIntegerOption,
  positiveMoneyOption,
  today,
} from '../options.js';
import { addStatementOptions, assessStatement, refuseWarnings, type StatementFlags } from '../statement-options.js';
import type { RegisterCommand } from './index.js';

interface PlanFlags extends StatementFlags {
  readonly balance?: AmountOption;
  readonly affordable?: AmountOption;
  readonly frequency?: PaymentFrequency;
  readonly start?: IsoDate;
  readonly asOf?: IsoDate;
  readonly interestRate?: Dec;
  readonly fixedTerms?: readonly number[];
  readonly token?: AmountOption;
  readonly reviewMonths?: number;
  readonly stepUpPeriods?: number;
  readonly stepUpTo?: AmountOption;
  readonly settlementDiscount?: Dec;
  readonly settlementInstalments?: number;
  /** --settlement CREDITOR=PCT, repeatable: a creditor's own discount. */
  readonly settlement?: readonly CreditorDiscount[];
  readonly calendar?: CalendarRegion;
  /** False with --no-business-days. */
  readonly businessDays: boolean;
  /** False with --no-redistribute. */
  readonly redistribute: boolean;
  readonly schedule?: string;
  readonly json?: boolean;
  readonly csv?: boolean;
  readonly ics?: string;
  readonly letter?: boolean;
  readonly letters?: string;
  /** Who the letters are from (a settings file), their templates (a folder) and formats. */
  readonly sender?: string;
  readonly templates?: string;
  readonly letterFormats?: readonly LetterFormat[];
  /** Why an option above what is affordable is to be sent all the same (letters, reminders). */
  readonly overrideReason?: string;
  /** --time-run-out CREDITOR, repeatable: reasonably sure nothing was paid or acknowledged in the limitation period. */
  readonly timeRunOut?: readonly string[];
  /** --include-possibly-barred CREDITOR, repeatable: offered money all the same, for --override-reason. */
  readonly includePossiblyBarred?: readonly string[];
  /** False with --no-color. */
  readonly color: boolean;
}

/** A reason is words a person can read later, by the rule advise uses (src/advise/override.ts). */
function reasonOption(value: string): string {
  const problem = reasonProblem(value);
  if (problem) throw new InvalidArgumentError(problem);
  const reason = value.trim();
  // It is written into letters and reminders, and shown: an escape sequence in it would run on whoever reads them.
  if (visible(reason) !== reason) throw new InvalidArgumentError(`"${visible(reason)}" holds a control character: give the reason in plain words`);
  return reason;
}

/** `--settlement "Harbour Bank=30"`: a creditor's own discount, added to those given before. */
function creditorDiscountOption(value: string, previous: readonly CreditorDiscount[] = []): CreditorDiscount[] {
  const at = value.lastIndexOf('=');
  const creditor = value.slice(0, at).trim();
  if (at < 0 || creditor === '') throw new InvalidArgumentError(`"${value}" is not CREDITOR=PERCENT (expected e.g. "Harbour Bank=30")`);
  return [...previous, { creditor, discountPercent: percentOption(value.slice(at + 1)) }];
}

/** A creditor's name, added to those given before (a repeatable option). */
function creditorsOption(value: string, previous: readonly string[] = []): string[] {
  const creditor = value.trim();
  if (creditor === '') throw new InvalidArgumentError('give the creditor as the statement names it (e.g. "Quickline Loans")');
  return [...previous, creditor];
}

/** `--letter-formats txt,pdf`: which files each letter is written as. */
function letterFormatsOption(value: string): LetterFormat[] {
  const formats = value.split(',').map((part) => part.trim().toLowerCase());
  for (const format of formats) {
    if (!(LETTER_FORMATS as readonly string[]).includes(format)) {
      const near = closest(format, LETTER_FORMATS);
      throw new InvalidArgumentError(`"${format}" is not a letter format${near ? `; did you mean "${near}"?` : ''} (expected some of ${LETTER_FORMATS.join(', ')}, comma-separated)`);
    }
  }
  return [...new Set(formats)] as LetterFormat[];
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


const missing = (message: string) => new FairplanError('invalid-argument', message);

function requireTogether(flags: PlanFlags, file: string | undefined): void {
  if ((flags.stepUpPeriods === undefined) !== (flags.stepUpTo === undefined)) {
    throw missing('--step-up-periods and --step-up-to go together: how many reduced payments, and the monthly amount affordable after them');
  }
  if (flags.settlementInstalments !== undefined && flags.settlementDiscount === undefined && flags.settlement === undefined) {
    throw missing('--settlement-instalments needs --settlement-discount or --settlement: the discount the creditor has offered');
  }
  for (const [given, flag] of [[flags.sender, '--sender'], [flags.letterFormats, '--letter-formats']] as const) {
    if (given !== undefined && flags.letters === undefined) throw missing(`${flag} goes with --letters: it is for the letters of a pack`);
  }
  if (flags.templates !== undefined && flags.letters === undefined && !flags.letter) throw missing('--templates goes with --letters or --letter: it words their letters');
  if (file === undefined && (flags.format !== undefined || flags.strict)) {
    throw missing(`${flags.format !== undefined ? '--format' : '--strict'} needs a statement: it says how to read one`);
  }
  const limitation = flags.includePossiblyBarred !== undefined ? '--include-possibly-barred' : flags.timeRunOut !== undefined ? '--time-run-out' : undefined;
  if (limitation && file === undefined) throw missing(`${limitation} needs a statement: it names one of its debts`);
  if (flags.includePossiblyBarred !== undefined && flags.overrideReason === undefined) {
    throw missing('--include-possibly-barred needs --override-reason "…": why money is offered on a debt that may be statute-barred, which the plan records');
  }
}

// The core names its choices; a person typed options.
const LIMITATION_FLAGS: Readonly<Record<string, string>> = { timeRunOut: '--time-run-out', include: '--include-possibly-barred' };

/**
 * The plan request, with the person's decisions about debts past the limitation period; a decision
 * naming no such debt, or a statement whose every debt is left out, is refused naming the option or file.
 */
function requestWithLimitation(file: string, statement: Statement, affordability: Affordability, asOf: IsoDate, overrides: Partial<PlanRequest>, flags: PlanFlags): PlanRequest {
  const reason = flags.overrideReason;
  const choices = {
    ...(flags.timeRunOut ? { timeRunOut: flags.timeRunOut } : {}),
    ...(flags.includePossiblyBarred && reason ? { include: flags.includePossiblyBarred.map((creditor) => ({ creditor, reason })) } : {}),
  };
  try {
    return planRequestFromStatement(statement, affordability, asOf, overrides, choices);
  } catch (error) {
    if (!(error instanceof FairplanError)) throw error;
    const flag = LIMITATION_FLAGS[error.context.field?.replace(/\[\d+\]$/, '') ?? ''];
    if (flag) throw new FairplanError(error.code, error.message, { field: flag });
    if (error.context.field === 'debts') {
      throw new FairplanError(error.code, `${error.message}: include one with --include-possibly-barred CREDITOR --override-reason "…"`, { file });
    }
    throw error;
  }
}

function calendarFrom(flags: PlanFlags, currency: Currency): BusinessCalendar {
  return flags.businessDays ? calendarForCurrency(flags.calendar, currency) : EVERY_DAY;
}

/** No plan can be made (see `noPlanDuring`): why, with the affordability check. */
interface NoPlan {
  readonly noPlan: string;
  readonly affordability: Affordability;
}

/** What the plan is made from: the request, and the affordability check when there is a statement. */
interface Basis {
  readonly request: PlanRequest;
  readonly affordability?: Affordability;
  /** Totals an SFS summary states wrongly (the computed ones are used). */
  readonly warnings?: readonly StatementWarning[];
  /** Said on stderr: a --calendar that is not where the statement's customer lives. */
  readonly calendarNote?: string;
}

const JURISDICTION_NAMES: Readonly<Record<Jurisdiction, string>> = {
  'england-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

/**
 * --calendar chooses the bank holidays payments move around, never the law the debts are under
 * (docs/breathing-space.md, "Where the customer lives"): a region other than the statement's is pointed out.
 */
function calendarNote(region: CalendarRegion | undefined, statement: Statement): string | undefined {
  const jurisdiction = statement.jurisdiction ?? 'england-wales';
  if (region === undefined || region === 'none' || region === jurisdiction) return undefined;
  const recorded = statement.jurisdiction ? '' : ' (the statement records no jurisdiction)';
  return (
    `--calendar ${region} sets only the bank holidays payments move around: the debts are taken to be under the law of ` +
    `${JURISDICTION_NAMES[jurisdiction]}${recorded}; if the customer lives in ${JURISDICTION_NAMES[region]}, say "jurisdiction": "${region}" in the statement`
  );
}

/**
 * From a statement: the balance is its non-priority debts and the affordable amount what its
 * affordability check leaves for them; pay frequency, first payday and any step-up come from it too.
 * Flags given on the command line win.
 */
async function requestFromStatement(file: string, flags: PlanFlags, asOf: IsoDate): Promise<Basis | NoPlan> {
  // The statement readers are loaded when a statement is given, not at start-up.
  const { loadStatementDocument } = await import('../../statement/load.js');
  const { statement, warnings } = await loadStatementDocument(file, flags.format);
  if (flags.strict) refuseWarnings(file, warnings);
  if (flags.balance === undefined && statement.debts.length === 0) {
    throw new FairplanError('invalid-argument', 'the statement lists no non-priority debts: give the balance with --balance', { file });
  }
  // Otherwise the engine's refusal of a nil balance would name --balance, which was not given.
  if (flags.balance === undefined && !statement.debts.some((debt) => debt.balance.gt(0))) {
    const nil = `${CURRENCY_SYMBOLS[statement.currency ?? 'GBP']}0.00`;
    throw new FairplanError('invalid-argument', `every non-priority debt in the statement is ${nil}, so there is nothing to plan: give the balance with --balance`, { file });
  }
  const currency = statement.currency ?? 'GBP';
  const affordability = assessStatement(file, statement, { asOf, ...(flags.staleAfter !== undefined ? { staleAfterMonths: flags.staleAfter } : {}) });
  const noPlan = noPlanDuring(statement.breathingSpace, asOf);
  if (noPlan !== undefined) return { noPlan, affordability };
  const overrides: Partial<PlanRequest> = {
    ...(flags.balance !== undefined ? { balance: inCurrency(flags.balance, currency, '--balance') } : {}),
    ...(flags.affordable !== undefined ? { affordableMonthly: inCurrency(flags.affordable, currency, '--affordable') } : {}),
    ...(flags.frequency !== undefined ? { frequency: flags.frequency } : {}),
    ...(flags.start !== undefined ? { start: flags.start } : {}),
    ...optionalSettings(flags, currency),
    budgetReviewOn: budgetReviewOn(statement.takenOn, asOf, flags.staleAfter),
    currencySymbol: CURRENCY_SYMBOLS[currency],
  };
  const note = calendarNote(flags.calendar, statement);
  const request = requestWithLimitation(file, statement, affordability, asOf, overrides, flags);
  return { request, affordability, warnings, ...(note ? { calendarNote: note } : {}) };
}

/** The engine request from the command line alone (no statement). */
function requestFromFlags(flags: PlanFlags, asOf: IsoDate): PlanRequest {
  if (flags.affordable === undefined) {
    throw missing('--affordable is required without a statement: the monthly amount available for non-priority creditors');
  }
  if (flags.balance === undefined) throw missing('--balance is required without a statement: the amount owed');
  return {
    balance: inCurrency(flags.balance, 'GBP', '--balance'),
    affordableMonthly: inCurrency(flags.affordable, 'GBP', '--affordable'),
    frequency: flags.frequency ?? 'monthly',
    start: flags.start ?? asOf,
    asOf,
    budgetReviewOn: budgetReviewOn(undefined, asOf, flags.staleAfter),
    ...optionalSettings(flags),
  };
}

/** Everything a request takes from the flags whether or not there is a statement. */
function optionalSettings(flags: PlanFlags, currency: Currency = 'GBP'): Partial<PlanRequest> {
  return {
    ...(flags.interestRate !== undefined ? { interest: { kind: 'continuing', annualRatePercent: flags.interestRate } } : {}),
    ...(flags.fixedTerms !== undefined ? { fixedTermsMonths: flags.fixedTerms } : {}),
    ...(flags.token !== undefined || flags.reviewMonths !== undefined
      ? { token: { amount: flags.token ? inCurrency(flags.token, currency, '--token') : DEFAULT_TOKEN.amount, reviewAfterMonths: flags.reviewMonths ?? DEFAULT_TOKEN.reviewAfterMonths } }
      : {}),
    ...(flags.stepUpPeriods !== undefined && flags.stepUpTo !== undefined
      ? { stepUp: { periods: flags.stepUpPeriods, laterAffordableMonthly: inCurrency(flags.stepUpTo, currency, '--step-up-to') } }
      : {}),
    ...(flags.settlementDiscount !== undefined || flags.settlement !== undefined
      ? {
          settlement: {
            discountPercent: flags.settlementDiscount ?? new D(0),
            ...(flags.settlement ? { byCreditor: flags.settlement } : {}),
            maxInstalments: flags.settlementInstalments ?? 1,
          },
        }
      : {}),
    calendar: calendarFrom(flags, currency),
    ...(flags.redistribute ? {} : { redistribute: false }),
  };
}

/** The options given that change the plans or which one is shown, as typed (defaults are left out). */
function planOptionsGiven(flags: PlanFlags): Record<string, OptionValue> {
  const given: [string, OptionValue | undefined][] = [
    ['--balance', flags.balance?.text],
    ['--affordable', flags.affordable?.text],
    ['--frequency', flags.frequency],
    ['--start', flags.start],
    ['--interest-rate', flags.interestRate?.toString()],
    ['--fixed-terms', flags.fixedTerms?.join(',')],
    ['--token', flags.token?.text],
    ['--review-months', flags.reviewMonths?.toString()],
    ['--step-up-periods', flags.stepUpPeriods?.toString()],
    ['--step-up-to', flags.stepUpTo?.text],
    ['--settlement-discount', flags.settlementDiscount?.toString()],
    ['--settlement', flags.settlement?.map((c) => `${c.creditor}=${c.discountPercent.toString()}`).join('; ')],
    ['--settlement-instalments', flags.settlementInstalments?.toString()],
    ['--calendar', flags.calendar],
    ['--no-business-days', flags.businessDays ? undefined : true],
    ['--no-redistribute', flags.redistribute ? undefined : true],
    ['--schedule', flags.schedule],
    ['--override-reason', flags.overrideReason],
    ['--time-run-out', flags.timeRunOut?.join('; ')],
    ['--include-possibly-barred', flags.includePossiblyBarred?.join('; ')],
    // How the statement is read, and when its budget is stale: the review date and flags follow from it.
    ['--format', flags.format],
    ['--stale-after', flags.staleAfter?.toString()],
  ];
  return Object.fromEntries(given.filter((entry): entry is [string, OptionValue] => entry[1] !== undefined));
}

/**
 * Letters and reminders ask a person to pay: never more than was found affordable unless a person
 * has given the reason it is agreed all the same (as advise asks for one).
 */
function sendable(proposal: PlanProposal, chosen: number, overrideReason: string | undefined, affordability: Affordability | undefined): void {
  const option = optionAt(proposal, chosen);
  if (overrideReason) return;
  const { available } = wordsFor(proposal.request.currencySymbol);
  if (!option.affordable) {
    throw new FairplanError(
      'invalid-argument',
      `"${option.label}" asks for more than the ${available(proposal.request.affordableMonthly)} found affordable: ` +
        'give the reason it is agreed all the same with --override-reason "…", or choose an affordable option with --schedule',
    );
  }
  // As advise asks: a flag that asks for a person (a vulnerability, a Breathing Space…) is answered before anything is sent.
  const concerns = affordability ? concernsOf(affordability, option, proposal.request.possiblyBarred ?? []) : [];
  if (concerns.length > 0) {
    throw new FairplanError('invalid-argument', `the statement needs a person's review before a plan is sent: ${concerns.join('; ')}: give the reason it is agreed all the same with --override-reason "…"`);
  }
}

/** What the plan was made from; `calendar` is absent when no plan is made. */
const planProvenance = (context: CommandContext, file: string | undefined, flags: PlanFlags, asOf: IsoDate, calendar?: string): Promise<Provenance> =>
  runProvenance(context, {
    asOf,
    ...(calendar !== undefined ? { calendar } : {}),
    options: planOptionsGiven(flags),
    inputs: file === undefined ? [] : [{ role: 'statement', file }],
  });

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
  'settlement.byCreditor': '--settlement',
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

/** The customer's letter, ending with its own reference (see letterReference). */
const customerLetter = (proposal: PlanProposal, chosen: number, letterOptions: LetterOptions, provenance: Provenance): string =>
  withLetterReference(provenance, (reference) => renderLetter(proposal, chosen, { ...letterOptions, ...(reference ? { reference } : {}) }));

/**
 * One offer letter to each creditor, the customer's letter and the SFS summary, in each format
 * asked for, into `folder` (made if need be), written all together or not at all.
 */
async function writeLetters(
  context: CommandContext,
  folder: string,
  proposal: PlanProposal,
  chosen: number,
  letterOptions: LetterOptions,
  provenance: Provenance,
  formats: readonly LetterFormat[],
  statementFile?: string,
  affordability?: Affordability,
) {
  const option = optionAt(proposal, chosen);
  if (!statementFile || !affordability || !option.creditors) {
    throw missing('--letters needs a statement: the letters go to its creditors, with its SFS summary');
  }
  const { creditorPack } = await import('../../render/plan/creditor-pack.js');
  const target = path.resolve(context.io.cwd, folder);
  const pack = await creditorPack(proposal, chosen, affordability, { ...letterOptions, provenance, formats });
  const files = pack.files.map(({ name, content }) => ({ target: path.join(target, name), content, mode: PERSONAL_FILE_MODE }));
  // Only the folder named is made, or one found empty; the letters are written all together or not at all, never over the statement.
  await createEmptyFolder(target, folder);
  await checkOutputs({ cwd: context.io.cwd, reads: [{ path: statementFile, what: 'the statement' }], writes: files.map((f) => ({ path: f.target, option: '--letters' })) });
  await writeFilesAtomic(files);
  for (const warning of pack.warnings) context.err(`fairplan: ${warning}`);
  // The "time has run out" letters are creditor letters too.
  context.err(`fairplan: wrote ${option.creditors.length + pack.timeRunOut} creditor letters, the customer's letter and the SFS summary (${formats.join(', ')}) for "${option.label}" to ${folder}`);
}

/** The sender and an organisation's templates, read and checked before anything is written. */
async function letterSettings(context: CommandContext, flags: PlanFlags): Promise<Pick<LetterOptions, 'sender' | 'templates'>> {
  const sender = flags.sender === undefined ? undefined : await readSender(path.resolve(context.io.cwd, flags.sender)).catch((error: unknown) => {
    throw error instanceof FairplanError ? error.inFile(flags.sender ?? '') : error;
  });
  const templates = flags.templates === undefined ? undefined : await readLetterTemplates(path.resolve(context.io.cwd, flags.templates), LETTER_SPECS, flags.templates);
  return { ...(sender ? { sender } : {}), ...(templates ? { templates } : {}) };
}

async function run(context: CommandContext, file: string | undefined, flags: PlanFlags): Promise<void> {
  requireTogether(flags, file);
  await checkOutputs({
    cwd: context.io.cwd,
    reads: file === undefined ? [] : [{ path: file, what: 'the statement' }],
    writes: flags.ics === undefined ? [] : [{ path: flags.ics, option: '--ics' }],
    ...(flags.ics === undefined ? { stdout: context.io.stdout } : {}),
  });
  const asOf = flags.asOf ?? today(context.io);
  const basis = file === undefined ? { request: requestFromFlags(flags, asOf) } : await requestFromStatement(file, flags, asOf);
  if ('noPlan' in basis) {
    // Nothing is written: there is no schedule, letter or reminder to give until the moratorium ends.
    if (flags.json) return context.out(renderNoPlanJson(asOf, basis.noPlan, basis.affordability, await planProvenance(context, file, flags, asOf)));
    // A script reading the schedule or waiting for a file is told on stderr; the CSV has its header and no rows.
    const document = flags.csv ? 'schedule' : flags.ics !== undefined ? 'reminders' : flags.letter ? 'letter' : flags.letters !== undefined ? 'letters' : undefined;
    if (document) {
      if (flags.csv) context.io.stdout.write(renderNoScheduleCsv());
      return context.err(`fairplan: no plan is made, so no ${document}: ${basis.noPlan}`);
    }
    return context.out([...wrap(basis.noPlan, 80), '', ...wrap(ADVICE_SIGNPOST, 80)].join('\n'));
  }
  const { request, affordability, warnings = [] } = basis;
  if ('calendarNote' in basis && basis.calendarNote) context.err(`fairplan: ${basis.calendarNote}`);
  // The plan is made all the same, from the computed figures; `check` shows them in full.
  for (const w of warnings) context.err(`fairplan: ${file}: ${w.path}: ${w.message}${w.computed === undefined ? '' : '; the computed figure is used'}`);
  const proposal = proposeFor(request);
  const chosen = flags.schedule === undefined ? proposal.recommended.index : findOption(proposal, flags.schedule);
  const provenance = await planProvenance(context, file, flags, asOf, proposal.request.calendar.name);

  if (flags.json) return context.out(renderPlanJson(proposal, { ...(affordability ? { affordability } : {}), provenance }));
  if (flags.csv) {
    context.io.stdout.write(flags.schedule === undefined ? renderScheduleCsv(proposal) : renderScheduleCsv(proposal, [chosen], flags.overrideReason));
    return;
  }
  if (flags.letter || flags.letters !== undefined || flags.ics !== undefined) sendable(proposal, chosen, flags.overrideReason, affordability);
  const letterOptions = {
    ...(affordability ? { affordability } : {}),
    ...(flags.overrideReason ? { overrideReason: flags.overrideReason } : {}),
    ...(flags.letter || flags.letters !== undefined ? await letterSettings(context, flags) : {}),
  };
  if (flags.letter) return context.out(customerLetter(proposal, chosen, letterOptions, provenance));
  if (flags.letters !== undefined) {
    return writeLetters(context, flags.letters, proposal, chosen, letterOptions, provenance, flags.letterFormats ?? LETTER_FORMATS, file, affordability);
  }
  if (flags.ics !== undefined) {
    const target = path.resolve(context.io.cwd, flags.ics);
    const option = optionAt(proposal, chosen);
    const { renderIcs } = await import('../../render/plan/ics.js');
    await writeFileAtomic(target, renderIcs(proposal, chosen, provenanceReference(provenance)));
    const review = option.outcome.kind === 'review' ? ' and the review date' : '';
    context.err(`fairplan: wrote ${option.instalmentCount} payment reminders${review} for "${option.label}" to ${flags.ics}`);
    return;
  }
  context.io.stdout.write(
    renderPlanReport(proposal, {
      chalk: context.stdoutChalk(!flags.color),
      width: context.io.stdout.isTTY ? (context.io.stdout.columns ?? 80) : 80,
      scheduleIndex: chosen,
      ...(affordability ? { affordability } : {}),
    }),
  );
}

const HELP = `
The affordable amount is monthly, whatever the pay frequency; amounts are like
1234.56 or £1,234.56 ($ with a statement in dollars). Options are compared, the
recommended one is marked *, and its schedule is shown (--schedule picks
another: affordable, fixed-term-24, token, step-up, settlement-lump-sum,
settlement-instalments).

Examples:
  $ fairplan plan fixtures/statements/single-renter-weekly.json
  $ fairplan plan fixtures/statements/homeowner-several-creditors.json \\
      --interest-rate 9.9 --letter
  $ fairplan plan fixtures/statements/six-creditors-small-balance.yaml \\
      --letters letters
  $ fairplan plan fixtures/statements/two-creditors-one-charging.json \\
      --letters pack --sender fixtures/letters/sender.yaml --letter-formats pdf
  $ fairplan plan fixtures/statements/deficit-budget.json --letter \\
      --override-reason "Keeps a token payment going while seeing an adviser"
  $ fairplan plan fixtures/statements/two-creditors-one-charging.json \\
      --no-redistribute --settlement "Fairway Finance (personal loan)=40"
  $ fairplan plan fixtures/statements/possibly-statute-barred.json \\
      --time-run-out "Quickline Loans" --letters time-run-out
  $ fairplan plan --balance 1000 --affordable 30 --start 2027-01-15 \\
      --as-of 2027-01-10
  $ fairplan plan --balance 2400 --affordable 85 --frequency fortnightly \\
      --interest-rate 19.9
  $ fairplan plan --balance 1000 --affordable 0 --token 2 --review-months 6
  $ fairplan plan --balance 3000 --affordable 40 \\
      --step-up-periods 6 --step-up-to 150
  $ fairplan plan --balance 1000 --affordable 30 \\
      --settlement-discount 20 --settlement-instalments 3
  $ fairplan plan --balance 1000 --affordable 30 --json | jq .recommended
  $ fairplan plan --balance 1000 --affordable 30 --csv > schedules.csv
  $ fairplan plan --balance 1000 --affordable 30 --ics reminders.ics
  $ fairplan plan --balance 1000 --affordable 30 --schedule fixed-term-36 \\
      --letter

A debt whose last payment (or written acknowledgement) is more than six years
old (five in Scotland) may be statute-barred: it is left out of the offers, its
share going to the other creditors, and its creditor gets no letter, until you
say otherwise with --time-run-out or --include-possibly-barred (see
docs/statute-barred.md).

--json ends with "provenance" (fairplan and rules versions, as-of date, calendar,
options given, SHA-256 of the statement); letters and --ics reminders end with
its reference, "Ref FP-… · fairplan … · rules …", to match them to it.

--letters writes each letter and the SFS summary as text, DOCX and PDF (or
the --letter-formats given). A detail neither the statement nor --sender
gives shows as a gap marked [MISSING: …], with a warning on stderr. Templates
of your own, the sender file and every placeholder: docs/letters.md.

Exit codes:
  0    success
  2    bad arguments, an --ics file that cannot be written, or an invalid
       or unreadable statement (one line per problem on stderr)
  70   internal error: a fault in fairplan itself (please report it)
  74   the disk is full or a file passed the file-size limit (ulimit -f):
       no --ics or --letters file is written, earlier ones are as they were
`;

export const registerPlan: RegisterCommand = (program: Command, context: CommandContext) => {
  const outputs = ['json', 'csv', 'ics', 'letter', 'letters'];
  const exclusive = (flag: string) => outputs.filter((other) => other !== flag);
  const command = program
    .command('plan')
    .description('Propose repayment plans from a statement, or for a balance and an affordable monthly amount.')
    .argument('[statement]', 'statement file (fairplan JSON/YAML or SFS JSON): the balance, the affordable amount and the pay schedule come from it')
    .option('--balance <amount>', 'what is owed (default with a statement: its non-priority debts)', positiveMoneyOption)
    .option('--affordable <amount>', 'the monthly amount available for non-priority creditors (default with a statement: what its check leaves)', moneyOption)
    .option('--frequency <frequency>', "pay frequency: weekly, fortnightly, four-weekly or monthly (default: the statement's, else monthly)", paymentFrequencyOption)
    .option('--start <date>', "first payment on or after this date, YYYY-MM-DD (default: the statement's next payday, else the as-of date; monthly payments then keep the payday's day of the month)", dateOption)
    .option('--as-of <date>', "today's date for the plan, YYYY-MM-DD (default: today)", dateOption)
    .option('--interest-rate <percent>', 'interest continues at this annual rate, for each debt that records no interest of its own (default: frozen)', percentOption)
    .option('--fixed-terms <months>', 'fixed terms to show, comma-separated (default: 12,24,36,60)', fixedTermsOption)
    .option('--token <amount>', 'the token payment a month, to each creditor still owed (default: 1.00)', positiveMoneyOption)
    .option('--review-months <n>', 'months from the first token payment to a review (default: 3)', positiveIntegerOption)
    .option('--step-up-periods <n>', 'reduced payments before a step up (with --step-up-to)', positiveIntegerOption)
    .option('--step-up-to <amount>', 'the monthly amount affordable after the step up', moneyOption)
    .option('--settlement-discount <percent>', 'a settlement the creditor offers: the discount in percent', percentOption)
    .option('--settlement <creditor=percent>', "a creditor's own settlement discount, by name (repeatable; the others are paid in full unless --settlement-discount)", creditorDiscountOption)
    .option('--settlement-instalments <n>', 'the most instalments the creditor allows for the settlement (default: 1)', positiveIntegerOption)
    .option('--calendar <region>', 'bank holidays for due dates: england-wales, scotland, northern-ireland, none (default: england-wales; none for a USD statement)', calendarOption)
    .option('--no-business-days', 'keep due dates on weekends and bank holidays')
    .option('--no-redistribute', "with several creditors, keep each one's share fixed when another is repaid (the payment then falls)")
    .option('--schedule <option>', 'the option to show, export or write to (default: the recommended one)')
    .addOption(new Option('--json', 'print the proposal as JSON').conflicts(exclusive('json')))
    .addOption(new Option('--csv', 'print the schedules as CSV, one row per instalment').conflicts(exclusive('csv')))
    .addOption(new Option('--ics <file>', 'write payment reminders as an iCalendar file').conflicts(exclusive('ics')))
    .addOption(new Option('--letter', 'print a letter for the customer').conflicts(exclusive('letter')))
    .addOption(
      new Option('--letters <folder>', "write an offer letter to each creditor, the customer's letter and the SFS summary into a new or empty folder").conflicts(exclusive('letters')),
    )
    .option('--letter-formats <list>', 'with --letters: the formats of each letter, comma-separated: txt, docx, pdf (default: all three)', letterFormatsOption)
    .option('--sender <file>', 'with --letters: who the letters are from (organisation, adviser, address, phone, email), a YAML or JSON file; see docs/letters.md')
    .option('--templates <folder>', "with --letters or --letter: an organisation's own letter templates (creditor-offer.mustache, customer.mustache, time-run-out.mustache); see docs/letters.md")
    .option('--override-reason <text>', 'why an option above what is affordable is agreed all the same: needed for its letters and reminders, and stated in them', reasonOption)
    .option(
      '--time-run-out <creditor>',
      'a debt past the limitation period that you are reasonably sure was neither paid nor acknowledged in writing in it: --letters writes the "time has run out" letter to its creditor, not an offer (repeatable)',
      creditorsOption,
    )
    .option(
      '--include-possibly-barred <creditor>',
      'offer money on a debt past the limitation period all the same, for the reason given with --override-reason (repeatable; by default such a debt is left out of the offers)',
      creditorsOption,
    );
  addStatementOptions(command)
    .option('--no-color', 'no colours, even on a terminal')
    .addHelpText('after', HELP)
    .action(async (file: string | undefined, flags: PlanFlags) => run(context, file, flags));
};
