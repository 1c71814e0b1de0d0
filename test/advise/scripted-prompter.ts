/**
 * A Prompter that answers from a script, as a person would type: '' takes the default, a select
 * answer names the choice (its start is enough), and an answer the question refuses is recorded
 * as a hint while the question stays open for the next answer.
 */
import { Back, type ConfirmQuestion, type InputQuestion, type Prompter, type SelectQuestion } from '../../src/advise/prompter.js';

/** Presses Ctrl-C at this point in the script. */
export const CTRL_C = Symbol('Ctrl-C');
/** Presses Esc at a choice: it takes the choice Esc stands for there. */
export const ESC = Symbol('Esc');
export type Answer = string | typeof CTRL_C | typeof ESC;

export class ScriptedPrompter implements Prompter {
  readonly said: string[] = [];
  readonly hints: string[] = [];
  readonly questions: string[] = [];
  /** The choices of every select, as shown. */
  readonly menus: string[][] = [];
  /** Every select as asked, its choices and whether it is a list searched by typing. */
  readonly selects: SelectQuestion<unknown>[] = [];
  private readonly script: Answer[];

  constructor(answers: readonly Answer[]) {
    this.script = [...answers];
  }

  get remaining(): number {
    return this.script.length;
  }

  private next(message: string): string | typeof ESC {
    this.questions.push(message);
    const answer = this.script.shift();
    if (answer === undefined) throw new Error(`the script ran out at "${message}"`);
    if (answer === CTRL_C) throw Object.assign(new Error('User force closed the prompt'), { name: 'ExitPromptError' });
    return answer;
  }

  /** The next answer to a question with no choice for Esc: Esc there goes back, as at a terminal. */
  private typed(message: string): string {
    const answer = this.next(message);
    if (answer === ESC) throw new Back();
    return answer;
  }

  async input(question: InputQuestion): Promise<string> {
    for (;;) {
      const typed = this.typed(question.message);
      const answer = typed === '' ? (question.default ?? '') : typed;
      const verdict = (await question.validate?.(answer)) ?? true;
      if (verdict === true) return answer;
      this.hints.push(verdict);
    }
  }

  async select<T>(question: SelectQuestion<T>): Promise<T> {
    this.menus.push(question.choices.map((c) => c.name));
    this.selects.push(question as SelectQuestion<unknown>);
    const answer = this.next(question.message);
    if (answer === ESC) {
      if (question.escape === undefined) throw new Back();
      return question.escape;
    }
    if (answer === '') {
      const fallback = question.choices.find((c) => c.value === question.default) ?? question.choices[0];
      if (!fallback) throw new Error(`"${question.message}" has no choices`);
      return fallback.value;
    }
    const choice =
      question.choices.find((c) => c.name === answer || String(c.value) === answer) ??
      question.choices.find((c) => c.name.trim().startsWith(answer));
    if (!choice) {
      throw new Error(`"${answer}" is not a choice of "${question.message}": ${question.choices.map((c) => c.name).join(' | ')}`);
    }
    return choice.value;
  }

  async confirm(question: ConfirmQuestion): Promise<boolean> {
    const answer = this.typed(question.message).toLowerCase();
    return answer === '' ? (question.default ?? true) : answer.startsWith('y');
  }

  say(text: string): void {
    this.said.push(text);
  }

  /** Everything said, as one text. */
  get transcript(): string {
    return this.said.join('\n');
  }
}
