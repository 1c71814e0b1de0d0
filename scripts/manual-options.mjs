// Writes each command's `--help`, as it prints it, into its page of the manual
// (docs/commands/COMMAND.md, under "## Options"), so that the page and `--help` cannot say
// different things; test/docs.test.ts fails while a page differs. Run by `npm run docs`, after a build.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const folder = path.join(root, 'docs', 'commands');
const HEADING = '## Options';

for (const file of readdirSync(folder).filter((name) => name.endsWith('.md'))) {
  const command = file.slice(0, -'.md'.length);
  // Not a terminal, so commander lays the help out for 80 columns, as the test reads it.
  const help = execFileSync(process.execPath, [path.join(root, 'bin', 'fairplan.js'), command, '--help'], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  const block = `${HEADING}\n\n\`fairplan ${command} --help\` prints:\n\n\`\`\`text\n${help.trimEnd()}\n\`\`\`\n`;
  const page = readFileSync(path.join(folder, file), 'utf8');
  const at = page.indexOf(`\n${HEADING}\n`);
  // The options end the page: everything from the heading on is replaced.
  writeFileSync(path.join(folder, file), at === -1 ? `${page.trimEnd()}\n\n${block}` : `${page.slice(0, at + 1)}${block}`);
}
