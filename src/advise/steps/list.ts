/**
 * Adding to, changing and deleting from a list in the statement, the same way for a section's
 * lines, the customer's circumstances and the changes they expect.
 */
import { placed, removed, type Entries } from '../entries.js';
import { withoutPending, withStatement, type Item } from '../draft.js';
import { isBack, type Choice, type Prompter } from '../prompter.js';
import type { Session } from '../session.js';
import { askItem, carriedOver } from './item.js';

export interface EntryList<E> extends Entries<E> {
  /** Names the entry being typed in the draft. */
  readonly item: Item;
  /** One entry, as the advisor calls it: "line", "note", "expected change". */
  readonly noun: string;
  describe(entry: E, symbol: string): string;
  /** Asks for one entry through `prompter` (which keeps each answer); `existing` when it is being changed. */
  ask(session: Session, prompter: Prompter, existing?: E, index?: number): Promise<E>;
}

export type Change = 'edit' | 'delete';

const one = (noun: string): string => `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;

/** The choices to change or delete an entry, offered once there is one. */
export const changeChoices = <E>(list: EntryList<E>, count: number): Choice<Change>[] =>
  count === 0
    ? []
    : [
        { name: `Edit ${one(list.noun)}`, value: 'edit' },
        // "Remove", not "Delete": its first letter is not Done's, so a typed "d" means Done.
        { name: `Remove ${one(list.noun)}`, value: 'delete' },
      ];

/** Asks for a new entry, or a change to entry `index`, saving every answer as it is given. */
export async function typeEntry<E>(session: Session, list: EntryList<E>, index?: number, replay: readonly string[] = []): Promise<void> {
  const existing = index === undefined ? undefined : list.of(session.draft.statement)[index];
  const place = { item: list.item, ...(index === undefined ? {} : { index }) };
  let entry: E;
  try {
    entry = await askItem(session, place, (prompter) => list.ask(session, prompter, existing, index), replay);
  } catch (error) {
    // Esc: the entry is left as it was (a new one not added), and the list's menu asked again.
    if (!isBack(error)) throw error;
    return session.update(withoutPending(session.draft));
  }
  await session.update(withStatement(session.draft, placed(list, session.draft.statement, entry, index)));
}

/** Finishes the entry that was being typed when the call dropped, at its first unanswered part. */
export async function carryOn<E>(session: Session, list: EntryList<E>): Promise<void> {
  const pending = carriedOver(session, list.item, `the ${list.noun} that was being typed`);
  if (pending) await typeEntry(session, list, pending.index, pending.answers);
}

function pick<E>(session: Session, list: EntryList<E>, message: string): Promise<number> {
  return session.prompter.select({
    message,
    search: true,
    choices: list.of(session.draft.statement).map((entry, i) => ({ name: `${i + 1}. ${list.describe(entry, session.symbol).trimEnd()}`, value: i })),
  });
}

export async function changeOrDelete<E>(session: Session, list: EntryList<E>, change: Change): Promise<void> {
  try {
    if (change === 'edit') return await typeEntry(session, list, await pick(session, list, `Change which ${list.noun}?`));
    const index = await pick(session, list, `Remove which ${list.noun}?`);
    if (await session.prompter.confirm({ message: `Remove ${list.noun} ${index + 1}?`, default: false })) {
      await session.update(withStatement(session.draft, removed(list, session.draft.statement, index)));
    }
  } catch (error) {
    // Esc while choosing: nothing changed, back to the list's menu.
    if (!isBack(error)) throw error;
  }
}
