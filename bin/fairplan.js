#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm install` (the prepare script).
import { EXIT } from '../dist/cli/exit-codes.js';
import { main } from '../dist/cli/main.js';
import { abandonTemporaryFiles } from '../dist/io/atomic-file.js';

// A reader that stops early (`fairplan batch big.csv | head`) closes the pipe: stop quietly, with
// the code a shell gives, rather than with a stack trace, and leave no output file half written.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
    abandonTemporaryFiles();
    process.exit(EXIT.closedPipe);
  });
}

process.exitCode = await main(process.argv);
