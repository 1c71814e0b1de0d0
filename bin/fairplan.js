#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm install` (the prepare script).
import { EXIT } from '../dist/cli/exit-codes.js';
import { main } from '../dist/cli/main.js';

// A reader that stops early (`fairplan batch big.csv | head`) closes the pipe: stop quietly, with
// the code a shell gives, rather than with a stack trace. Output files are never renamed into place.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(EXIT.closedPipe);
    throw error;
  });
}

process.exitCode = await main(process.argv);
