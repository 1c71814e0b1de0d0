/**
 * What the advise session needs from a terminal: ask for text, pick from a list, yes or no, and say
 * something. The session talks only to this, so every step can be driven by a script in tests.
 */
import { wrap } from '../render/shared/wrap.js';

export interface Choice<T> {
  readonly name: string;
  readonly value: T;
  readonly description?: string;
  /** What the answer shows once chosen, when the name is long. */
  readonly short?: string;
}

export interface InputQuestion {
  readonly message: string;
  readonly default?: string;
  /** True when the answer is acceptable, or a hint to show while the question stays open. */
  readonly validate?: (answer: string) => true | string | Promise<true | string>;
}

export interface SelectQuestion<T> {
  readonly message: string;
  readonly choices: readonly Choice<T>[];
  readonly default?: T;
  /** The choice Esc picks, where Esc means going back; elsewhere Esc throws Back. */
  readonly escape?: T;
  /**
   * A list searched by typing the start of a name or its number (SFS fields, plan options, the
   * lines to change), rather than a menu whose choices each start with a letter of their own, so
   * that one typed letter always means one choice.
   */
  readonly search?: boolean;
}

export interface ConfirmQuestion {
  readonly message: string;
  readonly default?: boolean;
}

export interface Prompter {
  input(question: InputQuestion): Promise<string>;
  select<T>(question: SelectQuestion<T>): Promise<T>;
  confirm(question: ConfirmQuestion): Promise<boolean>;
  say(text: string): void;
  /** The terminal's width, when known. */
  readonly width?: number;
}

/**
 * A question once answered, as inquirer shows it, wrapped between words to `width` (the terminal
 * would otherwise break a long question in the middle of a word).
 */
export const answeredLine = (message: string, answer: string, width = 80): string =>
  wrap(`✔ ${message} ${answer}`, width, '', '  ').join('\n');

/**
 * Thrown by a prompter when Esc is pressed at a question with no choice that stands for going back:
 * whatever was being asked is left unanswered, and the session goes back (steps/list.ts, run.ts).
 */
export class Back extends Error {
  override readonly name = 'Back';
  constructor() {
    super('Esc: back');
  }
}

export const isBack = (error: unknown): error is Back => error instanceof Back;

/** Thrown by a prompter when the person presses Ctrl-C (inquirer's ExitPromptError carries this name). */
export const isInterrupt = (error: unknown): boolean => error instanceof Error && error.name === 'ExitPromptError';
