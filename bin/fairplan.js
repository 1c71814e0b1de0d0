#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm install` (the prepare script).
import { main } from '../dist/cli/main.js';
import { stopOnSignalsAndClosedPipes } from '../dist/cli/stop.js';

// Ctrl-C, kill, a closed terminal or a reader that stops early (`| head`) end fairplan at once,
// with the code a shell gives, leaving no output file half written.
stopOnSignalsAndClosedPipes();

process.exitCode = await main(process.argv);
