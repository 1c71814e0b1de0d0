/**
 * fairplan's command line. Commands register themselves from src/cli/commands/; this file only
 * wires commander to the process, renders errors once and decides the exit code.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { ADVICE_SIGNPOST } from '../core/signpost.js';
import { visible } from '../render/shared/visible.js';
import { wrap } from '../render/shared/wrap.js';
import { CommandContext } from './context.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import { type Io, processIo } from '../io/streams.js';
import { renderError, renderErrorJson, usageErrorJson } from '../render/shared/error.js';
import { FAIRPLAN_VERSION } from './version.js';
import { COMMANDS } from './commands/index.js';
import { PACKAGE_ROOT } from './package-root.js';

const EXIT_CODES_HELP = `
The manual: fairplan help lists its pages, fairplan help TOPIC prints one
(fairplan help check, fairplan help glossary).

Exit codes:
  0    success
  1    batch, follow-up: some rows were rejected (see their --help)
  2    bad arguments or input, or a file that could not be read or written
  3    batch, follow-up: nothing usable (every row rejected, or stopped over
       --max-rejects or --strict with no file written)
  4    batch --init-map: the mapping was written, but leaves fields "?" for
       you to decide before a run
  70   internal error: a fault in fairplan itself (please report it)
  74   an output did not fit: the disk is full or a file passed the
       file-size limit (ulimit -f); no output file is left half written,
       though standard output may have been cut short
  75   book: the book is in use by another run that did not finish in time;
       nothing was recorded, run the command again later
  129  stopped because the terminal closed (SIGHUP)
  130  interrupted (Ctrl-C)
  141  the reader of the output stopped early (| head)
  143  stopped by kill or a scheduler (SIGTERM)
  When stopped (129, 130, 141, 143) or out of room (74), no output file is
  left half written and files written before are as they were.
  With FAIRPLAN_ERRORS=json, errors are JSON lines with a stable code
  (docs/json-output.md).

${wrap(ADVICE_SIGNPOST, 78).join('\n')}`;

/** Commands whose examples name sample files under fixtures/ (test/cli/help.test.ts holds this to their help). */
const NAMES_SAMPLES = new Set(['check', 'plan', 'advise', 'batch', 'report', 'follow-up', 'book']);

/** Each command's help ends with where its page of the manual is, and where its sample files come from. */
function manualPointer(command: Command): string {
  // A page of concepts may share the command's name (docs/book.md): then the command's page goes by its path.
  const shared = existsSync(path.join(PACKAGE_ROOT, 'docs', `${command.name()}.md`));
  const page = `\nThe manual's page: fairplan help ${shared ? 'commands/' : ''}${command.name()}.`;
  if (!NAMES_SAMPLES.has(command.name())) return page;
  return `${page}\nThe fixtures/ files the examples name are samples a clone holds; elsewhere,\nfairplan new --examples writes them into this folder.`;
}

/** Commander quotes the value it refuses: an escape sequence typed in an option is shown, not run. */
const visibleUsageError = (text: string, write: (text: string) => void): void => write(text.split('\n').map(visible).join('\n'));

/** `FAIRPLAN_ERRORS=json`: errors as JSON lines on standard error, for scripts (docs/json-output.md). */
const errorsAsJson = (context: CommandContext): boolean => context.io.env.FAIRPLAN_ERRORS === 'json';

export function buildProgram(context: CommandContext): Command {
  // As JSON, commander's usage errors are written once, by main, with their code.
  const outputError = errorsAsJson(context) ? () => undefined : visibleUsageError;
  const program = new Command('fairplan')
    .description('Affordability checks and realistic repayment plans from an income & expenditure statement.')
    .version(FAIRPLAN_VERSION, '-V, --version')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => context.io.stdout.write(text),
      writeErr: (text) => context.io.stderr.write(text),
      outputError,
    })
    .helpCommand(false)
    .addHelpText('after', EXIT_CODES_HELP);
  // Subcommands too (book show, …): each reports its own usage errors, so each must write them as main does.
  const configure = (command: Command): void => {
    command.exitOverride().configureOutput({
      writeOut: (text) => context.io.stdout.write(text),
      writeErr: (text) => context.io.stderr.write(text),
      outputError,
    });
    command.commands.forEach(configure);
  };
  for (const register of COMMANDS) register(program, context);
  for (const command of program.commands) {
    if (command.name() !== 'help') command.addHelpText('after', manualPointer(command));
    configure(command);
  }
  return program;
}

export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const context = new CommandContext(io);
  const program = buildProgram(context);
  try {
    await program.parseAsync([...argv]);
    return context.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are not failures; every other commander complaint is a usage error.
      if (error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version') {
        return EXIT.ok;
      }
      // The help shown for a command left out (`fairplan book` alone): the run did nothing, so a usage error.
      const message = error.code === 'commander.help' ? 'a command is needed: the help lists them' : error.message;
      if (errorsAsJson(context)) context.err(usageErrorJson(message));
      return EXIT.usage;
    }
    if (errorsAsJson(context)) for (const line of renderErrorJson(error)) context.err(line);
    else for (const line of renderError(error)) context.err(`fairplan: ${line}`);
    return exitCodeFor(error);
  }
}
