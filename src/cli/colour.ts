/**
 * Colour is decided once, here: chalk does not read NO_COLOR itself. Off when the stream is not a
 * terminal, when NO_COLOR is set (any value, per no-color.org), or with --no-color; FORCE_COLOR
 * turns it on for people who pipe into a pager that understands it.
 */
import { Chalk, type ChalkInstance } from 'chalk';

export interface ColourEnvironment {
  readonly isTTY: boolean;
  readonly env: NodeJS.ProcessEnv;
  readonly noColorFlag?: boolean;
}

function colourLevel({ isTTY, env, noColorFlag }: ColourEnvironment): 0 | 1 {
  if (noColorFlag) return 0;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return 1;
  if (env.TERM === 'dumb') return 0;
  return isTTY ? 1 : 0;
}

export function makeChalk(environment: ColourEnvironment): ChalkInstance {
  return new Chalk({ level: colourLevel(environment) });
}
