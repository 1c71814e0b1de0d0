/** The Prompter on a real terminal, through @inquirer/prompts. */
import { confirm, input, select } from '@inquirer/prompts';
import type { Output } from '../cli/io.js';
import type { ConfirmQuestion, InputQuestion, Prompter, SelectQuestion } from './prompter.js';

export class InquirerPrompter implements Prompter {
  constructor(private readonly output: Output) {}

  input(question: InputQuestion): Promise<string> {
    return input({
      message: question.message,
      ...(question.default === undefined ? {} : { default: question.default }),
      ...(question.validate ? { validate: question.validate } : {}),
    });
  }

  select<T>(question: SelectQuestion<T>): Promise<T> {
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
    });
  }

  confirm(question: ConfirmQuestion): Promise<boolean> {
    return confirm({ message: question.message, default: question.default ?? true });
  }

  say(text: string): void {
    this.output.write(text.endsWith('\n') ? text : `${text}\n`);
  }
}
