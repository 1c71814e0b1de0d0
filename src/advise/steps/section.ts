/**
 * Steps 2 to 6: one section of the statement. The advisor adds, edits and deletes lines, can look
 * at the whole statement or go back, and sees the running totals when moving on.
 */
import { assess } from '../affordability.js';
import { atStep, nextStep, withPending, withStatement } from '../draft.js';
import { RecordingPrompter } from '../recording-prompter.js';
import { entryLine, runningSummary, sectionView } from '../render.js';
import { addEntry, entriesOf, removeEntry, replaceEntry, SECTION_TITLES, type SectionId } from '../sections.js';
import type { Session } from '../session.js';
import { ASK_ENTRY } from './entry.js';
import { askExpectedChanges } from './expected-change.js';
import { goBack, showStatement } from './navigate.js';
import { askPaySchedule } from './pay-schedule.js';
import { askSavings } from './savings.js';

type Action = 'add' | 'edit' | 'delete' | 'statement' | 'back' | 'next';

const NEXT_NAMES: Readonly<Record<SectionId, string>> = {
  income: 'fixed costs',
  fixed: 'flexible costs',
  flexible: 'priority debts',
  'priority-debts': 'other debts',
  debts: 'the summary',
};

/** The parts of the statement that are not lines, asked when the advisor moves on from the section they belong with. */
const ON_DONE: Partial<Record<SectionId, (session: Session) => Promise<void>>> = {
  income: askPaySchedule,
  flexible: askSavings,
  debts: askExpectedChanges,
};

async function pickLine(session: Session, section: SectionId, message: string): Promise<number> {
  const entries = entriesOf(session.draft.statement, section);
  return session.prompter.select({
    message,
    choices: entries.map((entry, i) => ({ name: `${i + 1}. ${entryLine(entry, session.symbol).trimEnd()}`, value: i })),
  });
}

/** Asks for a new line, or a change to line `index`, saving every answer as it is given. */
async function typeEntry<S extends SectionId>(session: Session, section: S, index?: number, replay: readonly string[] = []): Promise<void> {
  const existing = index === undefined ? undefined : entriesOf(session.draft.statement, section)[index];
  const place = index === undefined ? {} : { index };
  const prompter = new RecordingPrompter(session.prompter, replay, (answers) =>
    session.update(withPending(session.draft, { section, ...place, answers })),
  );
  const entry = await ASK_ENTRY[section](session, prompter, existing, index);
  const { statement } = session.draft;
  await session.update(
    withStatement(session.draft, index === undefined ? addEntry(statement, section, entry) : replaceEntry(statement, section, index, entry)),
  );
}

export async function sectionStep(session: Session, section: SectionId): Promise<void> {
  const { prompter, services } = session;
  const { pending } = session.draft;
  if (pending?.section === section) {
    session.say('\nCarrying on with the line that was being typed: press Enter to keep each answer.');
    await typeEntry(session, section, pending.index, pending.answers);
  }
  for (;;) {
    const { statement } = session.draft;
    const count = entriesOf(statement, section).length;
    const [title = '', ...lines] = sectionView(statement, section, session.symbol);
    const totals = services.style.quiet(runningSummary(assess(statement, services), session.symbol));
    session.say(['', services.style.heading(title), ...lines, totals].join('\n'));
    const action = await prompter.select<Action>({
      message: `${SECTION_TITLES[section]}: what next?`,
      choices: [
        { name: count === 0 ? 'Add a line' : 'Add another line', value: 'add' },
        ...(count > 0 ? [{ name: 'Change a line', value: 'edit' as const }, { name: 'Delete a line', value: 'delete' as const }] : []),
        { name: 'Show the whole statement', value: 'statement' },
        { name: 'Go back to another part', value: 'back' },
        { name: `Done: on to ${NEXT_NAMES[section]}`, value: 'next' },
      ],
      default: count === 0 ? 'add' : 'next',
    });
    switch (action) {
      case 'add':
        await typeEntry(session, section);
        break;
      case 'edit':
        await typeEntry(session, section, await pickLine(session, section, 'Change which line?'));
        break;
      case 'delete': {
        const index = await pickLine(session, section, 'Delete which line?');
        if (await prompter.confirm({ message: `Delete line ${index + 1}?`, default: false })) {
          await session.update(withStatement(session.draft, removeEntry(session.draft.statement, section, index)));
        }
        break;
      }
      case 'statement':
        showStatement(session);
        break;
      case 'back':
        return goBack(session);
      case 'next':
        await ON_DONE[section]?.(session);
        return session.update(atStep(session.draft, nextStep(section)));
    }
  }
}
