/**
 * `fairplan help [TOPIC]`: the manual in the terminal, the same pages as docs/ (src/cli/manual.ts).
 * A command's own options stay with `fairplan COMMAND --help`, which its page repeats.
 */
import type { CommandContext } from '../context.js';
import type { RegisterCommand } from './index.js';

const HELP = `
Examples:
  $ fairplan help                 # the pages of the manual
  $ fairplan help check           # a command's page, its options included
  $ fairplan help glossary

The pages are those of docs/ (docs/index.md lists them), shipped with
fairplan. A page is named by its file name without .md.

Exit codes:
  0  the page or the list was printed
  2  no page has that name (the nearest is suggested)`;

async function help(context: CommandContext, topic: string | undefined): Promise<void> {
  const { manualPage, manualPages } = await import('../manual.js');
  if (topic !== undefined) {
    context.out((await manualPage(topic)).text);
    return;
  }
  const pages = await manualPages();
  const width = Math.max(...pages.map((page) => page.topic.length));
  context.out(
    [
      "fairplan's manual: fairplan help TOPIC prints a page; fairplan COMMAND --help a command's options.",
      '',
      ...pages.map((page) => `  ${page.topic.padEnd(width)}  ${page.title}`),
    ].join('\n'),
  );
}

export const registerHelp: RegisterCommand = (program, context) => {
  program
    .command('help')
    .description("The manual's pages (fairplan help TOPIC prints one; fairplan help lists them).")
    .argument('[topic]', 'a page of the manual, e.g. check, statement, glossary')
    .addHelpText('after', HELP)
    .action((topic: string | undefined) => help(context, topic));
};
