/**
 * A Prompter that keeps every answer of an item being typed (a line, a circumstance, the pay
 * schedule…), so that it can be saved after each one, and that takes the answers kept from an
 * interrupted item without asking them again: on resuming, the advisor carries on at the first
 * part not yet answered, and each kept answer is shown as an answered question would be. A kept
 * answer the question no longer accepts is asked again, offered as the default.
 */
import { answeredLine, type ConfirmQuestion, type InputQuestion, type Prompter, type SelectQuestion } from './prompter.js';

export class RecordingPrompter implements Prompter {
  private readonly answers: string[] = [];

  constructor(
    private readonly inner: Prompter,
    private readonly replay: readonly string[],
    private readonly keep: (answers: readonly string[]) => Promise<void>,
  ) {}

  private get replayed(): string | undefined {
    return this.replay[this.answers.length];
  }

  private async record<T>(answer: T): Promise<T> {
    this.answers.push(String(answer));
    await this.keep([...this.answers]);
    return answer;
  }

  /** A kept answer, as inquirer shows a question once answered. */
  private shown(message: string, answer: string): void {
    this.inner.say(answeredLine(message, answer, this.inner.width));
  }

  async input(question: InputQuestion): Promise<string> {
    const kept = this.replayed;
    if (kept !== undefined && (question.validate?.(kept) ?? true) === true) {
      this.shown(question.message, kept);
      return this.record(kept);
    }
    const fallback = kept ?? question.default;
    return this.record(await this.inner.input({ ...question, ...(fallback === undefined ? {} : { default: fallback }) }));
  }

  async select<T>(question: SelectQuestion<T>): Promise<T> {
    const kept = question.choices.find((c) => String(c.value) === this.replayed);
    if (!kept) return this.record(await this.inner.select(question));
    this.shown(question.message, kept.short ?? kept.name);
    return this.record(kept.value);
  }

  async confirm(question: ConfirmQuestion): Promise<boolean> {
    const kept = this.replayed;
    if (kept !== 'true' && kept !== 'false') return this.record(await this.inner.confirm(question));
    this.shown(question.message, kept === 'true' ? 'Yes' : 'No');
    return this.record(kept === 'true');
  }

  say(text: string): void {
    this.inner.say(text);
  }
}
