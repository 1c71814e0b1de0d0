/**
 * A Prompter that keeps every answer of an item being typed (a line, a circumstance, the pay
 * schedule…), so that it can be saved after each one, and that takes the answers kept from an
 * interrupted item without asking them again: on resuming, the advisor carries on at the first
 * part not yet answered. A kept answer the question no longer accepts is asked again, offered as
 * the default.
 */
import type { ConfirmQuestion, InputQuestion, Prompter, SelectQuestion } from './prompter.js';

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

  async input(question: InputQuestion): Promise<string> {
    const kept = this.replayed;
    if (kept !== undefined && (question.validate?.(kept) ?? true) === true) return this.record(kept);
    const fallback = kept ?? question.default;
    return this.record(await this.inner.input({ ...question, ...(fallback === undefined ? {} : { default: fallback }) }));
  }

  async select<T>(question: SelectQuestion<T>): Promise<T> {
    const kept = question.choices.find((c) => String(c.value) === this.replayed);
    return this.record(kept ? kept.value : await this.inner.select(question));
  }

  async confirm(question: ConfirmQuestion): Promise<boolean> {
    const kept = this.replayed;
    return this.record(kept === 'true' || kept === 'false' ? kept === 'true' : await this.inner.confirm(question));
  }

  say(text: string): void {
    this.inner.say(text);
  }
}
