/**
 * A Prompter that keeps every answer of a line being typed, so that it can be saved after each
 * one, and that offers the answers kept from an interrupted line as the defaults, in order: on
 * resuming, the advisor presses Enter through what was already typed.
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
    const fallback = this.replayed ?? question.default;
    return this.record(await this.inner.input({ ...question, ...(fallback === undefined ? {} : { default: fallback }) }));
  }

  async select<T>(question: SelectQuestion<T>): Promise<T> {
    const replayed = question.choices.find((c) => String(c.value) === this.replayed);
    return this.record(await this.inner.select(replayed ? { ...question, default: replayed.value } : question));
  }

  async confirm(question: ConfirmQuestion): Promise<boolean> {
    const replayed = this.replayed;
    return this.record(await this.inner.confirm(replayed === undefined ? question : { ...question, default: replayed === 'true' }));
  }

  say(text: string): void {
    this.inner.say(text);
  }
}
