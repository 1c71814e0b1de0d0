/**
 * The Prompter on a real terminal, through @inquirer/prompts. Inquirer colours by itself (and
 * honours NO_COLOR); with colour turned off another way (--no-color) it gets a plain theme.
 */
import { confirm, input, select } from '@inquirer/prompts';
import type { Output } from '../cli/io.js';
import type { ConfirmQuestion, InputQuestion, Prompter, SelectQuestion } from './prompter.js';

const plain = (text: string): string => text;
const PLAIN_THEME = {
  prefix: { idle: '?', done: '✔' },
  style: {
    answer: plain,
    message: plain,
    error: (text: string) => `> ${text}`,
    defaultAnswer: (text: string) => `(${text})`,
    help: plain,
    highlight: plain,
    key: (text: string) => `<${text}>`,
    description: plain,
    disabled: plain,
  },
};

export class InquirerPrompter implements Prompter {
  private readonly theme: { theme?: typeof PLAIN_THEME };

  constructor(
    private readonly output: Output,
    colour: boolean,
  ) {
    this.theme = colour ? {} : { theme: PLAIN_THEME };
  }

  input(question: InputQuestion): Promise<string> {
    return input({
      message: question.message,
      ...(question.default === undefined ? {} : { default: question.default }),
      ...(question.validate ? { validate: question.validate } : {}),
      ...this.theme,
    });
  }

  async select<T>(question: SelectQuestion<T>): Promise<T> {
    const { escape } = question;
    if (escape === undefined) return this.ask(question);
    // Inquirer has no Esc of its own: Esc cancels the prompt through its signal, and is taken as that choice.
    const controller = new AbortController();
    const onKey = (_text: string, key?: { name?: string }) => {
      if (key?.name === 'escape') controller.abort();
    };
    process.stdin.on('keypress', onKey);
    try {
      return await this.ask(question, controller.signal);
    } catch (error) {
      if (!controller.signal.aborted) throw error;
      const chosen = question.choices.find((c) => c.value === escape);
      this.say(`✔ ${question.message} ${chosen?.short ?? chosen?.name ?? ''}`);
      return escape;
    } finally {
      process.stdin.off('keypress', onKey);
    }
  }

  private ask<T>(question: SelectQuestion<T>, signal?: AbortSignal): Promise<T> {
    return select<T>({
      message: question.message,
      choices: question.choices.map((c) => ({
        name: c.name,
        value: c.value,
        ...(c.description ? { description: c.description } : {}),
        ...(c.short ? { short: c.short } : {}),
      })),
      ...(question.default === undefined ? {} : { default: question.default }),
      pageSize: 12,
      loop: false,
      ...this.theme,
    }, signal ? { signal } : {});
  }

  confirm(question: ConfirmQuestion): Promise<boolean> {
    return confirm({ message: question.message, default: question.default ?? true, ...this.theme });
  }

  say(text: string): void {
    this.output.write(text.endsWith('\n') ? text : `${text}\n`);
  }
}
