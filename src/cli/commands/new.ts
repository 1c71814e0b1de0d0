/**
 * `fairplan new`: files to start from. `new statement.yaml` writes a commented statement to fill in
 * (src/render/statement/template.ts); `new --examples` writes the sample files the other commands'
 * `--help` examples name, from the copies the package ships, so those examples run where fairplan is
 * installed and not only in a clone. Neither ever writes over a file.
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { FairplanError } from '../../core/errors.js';
import type { IsoDate } from '../../core/date.js';
import { writeNewFilesAtomic } from '../../io/atomic-file.js';
import type { CommandContext } from '../context.js';
import { dateOption, today } from '../options.js';
import { PACKAGE_ROOT } from '../package-root.js';
import type { RegisterCommand } from './index.js';

/**
 * The sample files, by folder: those the `--help` examples name (a test holds every name there to
 * this list) and the others of their kind. package.json's "files" ships the same folders.
 */
export const SAMPLE_FOLDERS: readonly { readonly folder: string; readonly files: RegExp }[] = [
  { folder: 'fixtures/statements', files: /\.(json|yaml)$/ },
  { folder: 'fixtures/statements/sfs', files: /\.json$/ },
  { folder: 'fixtures/guidelines', files: /\.yaml$/ },
  { folder: 'fixtures/letters', files: /\.yaml$/ },
  // Exports and their mappings for batch and report; not the expected results a test compares.
  { folder: 'fixtures/accounts', files: /-(accounts|export|export-semicolon)\.csv$|\.map\.json$/ },
  { folder: 'fixtures/follow-up', files: /\.(csv|yaml)$/ },
  { folder: 'fixtures/book', files: /\.csv$/ },
];

const HELP = `
Examples:
  $ fairplan new statement.yaml      # then fill in the amounts
  $ fairplan check statement.yaml
  $ fairplan new --examples          # the sample files the --help examples name

The statement has a line for every category and SFS field, each at 0.00,
and the optional parts (pay schedule, savings, debts, Breathing Space,
circumstances) commented out with what each means. As written it is a valid
statement of a household with nothing in and nothing out: fill in the
amounts that apply and delete the lines that do not. It is written readable
by its owner only (it will hold personal data). See: fairplan help statement.

--examples writes the samples into fixtures/ in this folder: statements,
SFS documents, a guideline table, accounts exports with their mappings,
follow-up's inputs and the book's, all of invented people and figures.

Nothing is written over a file that exists, and no file is written at all
if one of them cannot be.

Exit codes:
  0   written
  2   a file exists already, a folder is missing, or a file that could not
      be written (nothing is written then)
  74  a file did not fit: the disk is full, or the file-size limit`;

interface NewFlags {
  readonly examples?: boolean;
  readonly asOf?: IsoDate;
}

/** Each sample file, to be written at the same path under the current folder. */
async function sampleFiles(): Promise<{ target: string; content: string }[]> {
  const files = [];
  for (const { folder, files: names } of SAMPLE_FOLDERS) {
    const source = path.join(PACKAGE_ROOT, folder);
    const entries = await readdir(source, { withFileTypes: true });
    for (const entry of entries.filter((e) => e.isFile() && names.test(e.name)).sort((a, b) => a.name.localeCompare(b.name))) {
      files.push({ target: path.join(folder, entry.name), content: await readFile(path.join(source, entry.name), 'utf8') });
    }
  }
  return files;
}

async function writeNew(context: CommandContext, file: string | undefined, flags: NewFlags): Promise<void> {
  if (file === undefined && !flags.examples) {
    throw new FairplanError('invalid-argument', 'name the statement to write (fairplan new statement.yaml), or give --examples for the sample files');
  }
  if (file !== undefined && !/\.ya?ml$/i.test(file)) {
    throw new FairplanError('invalid-argument', 'a statement template is YAML, so that it can hold its comments: name the file .yaml', { file });
  }
  const files: { target: string; content: string; mode?: number }[] = [];
  if (file !== undefined) {
    const { statementTemplate } = await import('../../render/statement/template.js');
    // Personal data once filled in: readable by its owner only, as advise's drafts are.
    files.push({ target: file, content: statementTemplate(flags.asOf ?? today(context.io)), mode: 0o600 });
  }
  if (flags.examples) {
    const samples = await sampleFiles();
    for (const folder of new Set(samples.map((sample) => path.dirname(sample.target)))) await mkdir(folder, { recursive: true });
    files.push(...samples);
  }
  await writeNewFilesAtomic(files);
  if (file !== undefined) context.err(`wrote ${file}: fill in the amounts, then fairplan check ${file}`);
  if (flags.examples) context.err(`wrote ${files.length - (file === undefined ? 0 : 1)} sample files into fixtures/`);
}

export const registerNew: RegisterCommand = (program, context) => {
  program
    .command('new')
    .description('Write a statement to fill in, or the sample files the --help examples name.')
    .argument('[statement]', 'the statement template to write (a .yaml file)')
    .option('--examples', 'write the sample files the --help examples name into fixtures/ here')
    .option('--as-of <date>', "the template's takenOn, the day the budget is taken (YYYY-MM-DD; default today)", dateOption)
    .addHelpText('after', HELP)
    .action((file: string | undefined, flags: NewFlags) => writeNew(context, file, flags));
};
