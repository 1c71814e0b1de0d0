import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { registerAdvise } from './advise.js';
import { registerBatch } from './batch.js';
import { registerBook } from './book.js';
import { registerCheck } from './check.js';
import { registerFollowUp } from './follow-up.js';
import { registerHelp } from './help.js';
import { registerNew } from './new.js';
import { registerPlan } from './plan.js';
import { registerReport } from './report.js';

export type RegisterCommand = (program: Command, context: CommandContext) => void;

/** Every fairplan command, in the order `fairplan --help` lists them. */
export const COMMANDS: readonly RegisterCommand[] = [registerCheck, registerPlan, registerBatch, registerFollowUp, registerReport, registerAdvise, registerBook, registerNew, registerHelp];
