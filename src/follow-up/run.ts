/**
 * A follow-up run: every template checked, then one status row per arrangement and at most one
 * message per customer, written as each account's plan is read, in the order of the arrangements
 * file. Outputs appear whole or not at all, as in `batch`; the same inputs and as-of day give
 * the same bytes.
 */
import type { BusinessCalendar } from '../core/calendar/business-calendar.js';
import type { IsoDate } from '../core/date.js';
import { FairplanError } from '../core/errors.js';
import { planMessage, type IssuedTonight, type PlannedMessage } from '../core/follow-up/contact.js';
import type { FollowUpRules } from '../core/follow-up/rules.js';
import { arrangementStatus, pounds, type ArrangementStatus } from '../core/follow-up/status.js';
import { csvLine } from '../io/csv.js';
import { overRejectLimit, passedRejectLimit, type RejectLimit } from '../io/reject-limit.js';
import { Sink } from '../io/sink.js';
import type { Output } from '../io/streams.js';
import { longDate } from '../render/shared/dates.js';
import { readBook, type Account, type AccountSource, type BookFiles } from './book.js';
import type { TemplateSet } from './default-templates.js';
import { cellsOf, ERROR_HEADER, errorRecord, MESSAGE_HEADER, messageRecord, STATUS_HEADER, statusRecord } from './format.js';
import { smsSize } from './sms-segments.js';
import type { Provenance } from '../core/provenance.js';
import { FORMAT_VERSION } from '../render/shared/format-version.js';
import { countMessage, countStatus, emptySummary, summaryJson, type FollowUpSummary } from './summary.js';
import type { Rejection } from './table.js';
import { compileTemplates, pressingWords, textMessageProblem, type Renderer, type Values } from './templates.js';

/** A message issued tonight (not held back), with its words, for a caller that keeps them (the book). */
export interface IssuedMessage {
  readonly message: PlannedMessage;
  readonly subject: string;
  readonly text: string;
}

export interface FollowUpOptions {
  /** The night's input files, or, with `source`, where its inputs are as named in messages. */
  readonly files: BookFiles;
  /** Reads the night's accounts from elsewhere than `files` (the book: src/book/night.ts). */
  readonly source?: AccountSource;
  /** Told of each message issued, once its line is written. */
  readonly onIssued?: (issued: IssuedMessage) => void;
  /**
   * Leave the finished outputs unpublished, for the caller to publish once what goes with them is
   * recorded (the book's transaction), or to abort.
   */
  readonly deferPublish?: boolean;
  readonly output: string;
  readonly messages?: string;
  readonly errors?: string;
  readonly summary?: string;
  /** What the run is worked out from, for the summary file. */
  readonly provenance?: Provenance;
  /** Newline-delimited JSON instead of CSV, in every output. */
  readonly json: boolean;
  readonly asOf: IsoDate;
  readonly rules: FollowUpRules;
  readonly templates: TemplateSet;
  /** Where the templates came from, to name in an error. */
  readonly templatesSource: string;
  /** The customers columns the rules declare names, which a text message may then hold. */
  readonly nameColumns?: readonly string[];
  readonly calendar: BusinessCalendar;
  /** Called for each rejected row (the CLI shows them when there is no errors file). */
  readonly onRejection?: (rejection: Rejection) => void;
  /** Refuse a customers column that is neither read nor used by a template, rather than name it in the summary. */
  readonly strict?: boolean;
  /** Stop, writing nothing, once more rows than this are rejected (`--max-rejects`). */
  readonly maxRejects?: RejectLimit;
}

/** Stopped for too many rejected rows: nothing is written. */
class Stopped extends Error {}

/** What a firm's templates may say about an account; the renderer cleans each value, and leaves a name out of a text unless it is plainly one. */
function valuesFor(account: Account, status: ArrangementStatus): Values {
  return {
    ...account.customer?.columns,
    // Without one the greeting goes without ("Hello,").
    name: account.customer?.name ?? '',
    account_id: account.id,
    next_due_date: status.next ? longDate(status.next.due) : '',
    next_amount: status.next ? pounds(status.next.amount) : '',
    arrears: pounds(status.arrears),
    balance_remaining: pounds(status.balanceRemaining),
    review_date: status.reviewOn ? longDate(status.reviewOn) : '',
  };
}

/** Outputs written in full but not yet named (`deferPublish`): publish them, or abort them. */
export interface PendingOutputs {
  publish(): void;
  abort(): Promise<void>;
}

export async function runFollowUp(options: FollowUpOptions, stdout: Output): Promise<FollowUpSummary & { readonly pending?: PendingOutputs }> {
  const summary = emptySummary();
  const line = (record: Readonly<Record<string, string | number | null>>, header: readonly string[]): string =>
    options.json ? `${JSON.stringify({ formatVersion: FORMAT_VERSION, ...record })}\n` : csvLine(cellsOf(record, header));
  const opened: Sink[] = [];
  const open = async (target: string, header: readonly string[]): Promise<Sink> => {
    const sink = await Sink.open(target, stdout);
    opened.push(sink);
    if (!options.json) sink.push(csvLine(header));
    return sink;
  };
  try {
    const status = await open(options.output, STATUS_HEADER);
    const messages = options.messages ? await open(options.messages, MESSAGE_HEADER) : undefined;
    const errors = options.errors ? await open(options.errors, ERROR_HEADER) : undefined;
    let renderer: Renderer | undefined;
    /** The message issued tonight to each person with several accounts, by person. */
    const issued = new Map<number, IssuedTonight>();
    // Rows of the inputs used for an account, for a percentage in --max-rejects.
    let used = 0;
    const report = await (options.source ?? ((reader) => readBook(options.files, reader)))({
      // Before any account: a template that cannot be used stops the run here.
      columns(columns) {
        renderer = compileTemplates(options.templates, options.templatesSource, columns, options.nameColumns);
        return renderer.uses;
      },
      unknownColumns(columns) {
        if (!options.strict) return;
        const file = options.files.customers ?? '';
        throw new FairplanError('invalid-argument', `has column${columns.length === 1 ? '' : 's'} ${columns.map((c) => `"${c}"`).join(', ')} that fairplan does not read and no template uses (--strict): is one misspelt (vulnerable, breathing_space…)?`, { file, line: 1 });
      },
      // Written as they come, so that a file of bad rows cannot fill memory.
      reject(rejection) {
        summary.rejected++;
        options.onRejection?.(rejection);
        if (options.maxRejects && overRejectLimit(options.maxRejects, summary.rejected)) throw new Stopped(passedRejectLimit(options.maxRejects));
        if (errors?.push(line(errorRecord(rejection), ERROR_HEADER))) return errors.flush();
        return undefined;
      },
      async account(account) {
        used += account.instalments.length + account.payments.length + account.ownRows;
        const customer = account.customer;
        const found = arrangementStatus(
          {
            accountId: account.id,
            instalments: account.instalments,
            payments: account.payments,
            ...(account.agreedOn ? { agreedOn: account.agreedOn } : {}),
            ...(account.breathingSpace ? { breathingSpace: account.breathingSpace } : {}),
            ...(customer?.reviewOn ? { reviewOn: customer.reviewOn } : {}),
          },
          options.asOf,
          options.rules,
        );
        countStatus(summary, found);
        if (status.push(line(statusRecord(found), STATUS_HEADER))) await status.flush();
        const shared = account.person.accounts.length > 1;
        const tonight = (shared ? issued.get(account.person.key) : undefined) ?? account.issuedTonight;
        const planned = planMessage({
          status: found,
          ...(customer ? { customer } : {}),
          contacts: account.contacts,
          doubts: account.doubts,
          ...(tonight ? { issuedTonight: tonight } : {}),
          asOf: options.asOf,
          rules: options.rules,
          calendar: options.calendar,
        });
        if (!planned) return;
        const words = planned.channel === 'none' ? undefined : renderer?.render(planned.kind, planned.channel, valuesFor(account, found));
        const problem = planned.channel === 'sms' && words ? textMessageProblem(words.text) : undefined;
        const unsafe: PlannedMessage =
          problem && !planned.held ? { ...planned, held: 'unsafe-text', reason: `${planned.reason}; held back: the text would ${problem}, which others may read` } : planned;
        const pressing = words ? pressingWords(`${words.subject} ${words.text}`) : [];
        // A firm's own words that may threaten or pressure: a person reads the message before it goes.
        const message: PlannedMessage =
          pressing.length > 0
            ? { ...unsafe, review: true, reason: `${unsafe.reason}; a person reads it first: it says "${pressing.join('", "')}", which can read as a threat or pressure` }
            : unsafe;
        countMessage(summary, message);
        if (shared && !message.held) issued.set(account.person.key, { accountId: account.id, messageId: message.messageId });
        // With the sender since the earlier run: written again, it would go twice to a sender that does not drop ids it has seen.
        if (!messages || message.held === 'already-issued') return;
        const segments = message.channel === 'sms' && words ? smsSize(words.text).segments : undefined;
        if (messages.push(line(messageRecord(message, words, segments), MESSAGE_HEADER))) await messages.flush();
        if (!message.held) options.onIssued?.({ message, subject: words?.subject ?? '', text: words?.text ?? '' });
      },
    });
    summary.notUsed = report.notUsed;
    summary.unknownColumns = report.unknownColumns;
    summary.repeatedCustomerRows = report.repeatedCustomerRows;
    summary.unattributedRows = report.unattributed;
    summary.messagesWritten = messages !== undefined;
    summary.contactsLog = options.files.contacts !== undefined;
    const read = used + summary.notUsed.customers + summary.notUsed.contacts + summary.rejected;
    if (options.maxRejects && overRejectLimit(options.maxRejects, summary.rejected, read)) throw new Stopped(passedRejectLimit(options.maxRejects));
    let summaryFile: Sink | undefined;
    if (options.summary) {
      summaryFile = await Sink.open(options.summary, stdout);
      opened.push(summaryFile);
      summaryFile.push(`${JSON.stringify(summaryJson(summary, options.provenance), null, 2)}\n`);
    }
    // All written, then all named at once; the status file last, so a job that waits for it finds
    // the others already in place.
    const inOrder = [errors, messages, summaryFile, status].filter((sink): sink is Sink => sink !== undefined);
    await Promise.all(inOrder.map((sink) => sink.finish()));
    if (options.deferPublish) {
      return { ...summary, pending: { publish: () => Sink.publish(inOrder), abort: async () => void (await Promise.all(opened.map((sink) => sink.abort()))) } };
    }
    Sink.publish(inOrder);
  } catch (error) {
    await Promise.all(opened.map((sink) => sink.abort()));
    if (!(error instanceof Stopped)) throw error;
    summary.stopped = error.message;
  }
  return summary;
}
