/**
 * An item of the statement asked in more than one answer (a line, a circumstance, the pay
 * schedule…): every answer is saved in the draft as it is given, as a pending item kept out of
 * the statement until the last answer, so that a dropped call loses nothing.
 */
import { pendingOf, withPending, type Item, type PendingItem } from '../draft.js';
import type { Prompter } from '../prompter.js';
import { RecordingPrompter } from '../recording-prompter.js';
import { paragraph } from '../render.js';
import type { Session } from '../session.js';

interface Place {
  readonly item: Item;
  /** The entry being changed in its list; absent for a new one. */
  readonly index?: number;
}

/** Asks `ask` through a prompter that saves each answer; the `replay` answers are taken without asking. */
export function askItem<T>(session: Session, place: Place, ask: (prompter: Prompter) => Promise<T>, replay: readonly string[] = []): Promise<T> {
  const prompter = new RecordingPrompter(session.prompter, replay, (answers) => session.update(withPending(session.draft, { ...place, answers })));
  return ask(prompter);
}

/** The answers kept from a call that dropped while `item` was being answered, said to the advisor. */
export function carriedOver(session: Session, item: Item, what: string): PendingItem | undefined {
  const pending = pendingOf(session.draft, item);
  if (pending) session.say(['', ...paragraph(`Carrying on with ${what}, from the answers kept:`)].join('\n'));
  return pending;
}

/** Asks an item that is not one of a list, carrying on at its first unanswered part when a dropped call left it half answered. */
export function askCarryingOn<T>(session: Session, item: Item, what: string, ask: (prompter: Prompter) => Promise<T>): Promise<T> {
  return askItem(session, { item }, ask, carriedOver(session, item, what)?.answers);
}
