/**
 * The Prompter on a real terminal, through @inquirer/prompts. Inquirer colours by itself (and
 * honours NO_COLOR); with colour turned off another way (--no-color) it gets a plain theme.
 */
import { confirm, input, select } from '@inquirer/prompts';
import type { Output } from '../cli/io.js';
import { answeredLine, Back, type ConfirmQuestion, type InputQuestion, type Prompter, type SelectQuestion } from './prompter.js';

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
    return this.escapable(question.message, (context) =>
      input({
        message: question.message,
        ...(question.default === undefined ? {} : { default: question.default }),
        ...(question.validate ? { validate: question.validate } : {}),
        ...this.theme,
      }, context),
    );
  }

  async select<T>(question: SelectQuestion<T>): Promise<T> {
    const { escape } = question;
    let value: T;
    try {
      value = await this.escapable(question.message, (context) => this.ask(question, context), false);
    } catch (error) {
      if (escape === undefined || !(error instanceof Back)) throw error;
      value = escape;
    }
    const chosen = question.choices.find((c) => c.value === value);
    this.say(answeredLine(question.message, chosen?.short ?? chosen?.name ?? '', this.width));
    return value;
  }

  /**
   * Runs a prompt that Esc leaves: inquirer has no Esc of its own, so Esc cancels the prompt through
   * its signal and is thrown as Back. The prompt is cleared when done, so a cancelled one does not
   * stay open on the screen; an answer is shown as inquirer shows one (`show`), or by the caller.
   */
  private async escapable<T>(message: string, run: (context: { signal: AbortSignal; clearPromptOnDone: boolean }) => Promise<T>, show = true): Promise<T> {
    const controller = new AbortController();
    const onKey = (_text: string, key?: { name?: string }) => {
      if (key?.name === 'escape') controller.abort();
    };
    process.stdin.on('keypress', onKey);
    try {
      const answer = await run({ signal: controller.signal, clearPromptOnDone: true });
      if (show) this.say(answeredLine(message, typeof answer === 'boolean' ? (answer ? 'Yes' : 'No') : String(answer), this.width));
      return answer;
    } catch (error) {
      if (!controller.signal.aborted) throw error;
      if (show) this.say(answeredLine(message, '(Esc: back)', this.width));
      throw new Back();
    } finally {
      process.stdin.off('keypress', onKey);
    }
  }

  private ask<T>(question: SelectQuestion<T>, context: { signal?: AbortSignal; clearPromptOnDone?: boolean } = {}): Promise<T> {
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
    }, context);
  }

  confirm(question: ConfirmQuestion): Promise<boolean> {
    return this.escapable(question.message, (context) => confirm({ message: question.message, default: question.default ?? true, ...this.theme }, context));
  }

  get width(): number | undefined {
    return this.output.columns;
  }

  say(text: string): void {
    this.output.write(text.endsWith('\n') ? text : `${text}\n`);
  }
}
