/**
 * Steps 2 to 6: one section of the statement. The advisor adds, edits and deletes lines, can look
 * at the whole statement or go back, and sees the running totals when moving on.
 */
import { assess } from '../affordability.js';
import { atStep, nextStep, pendingOf, type Item } from '../draft.js';
import { entryLine, runningSummary, sectionView, tableWidth } from '../render.js';
import { entriesOf, SECTION_TITLES, sectionEntries, type SectionEntries, type SectionId } from '../sections.js';
import type { Session } from '../session.js';
import { ASK_ENTRY } from './entry.js';
import { askExpectedChanges } from './expected-change.js';
import { carryOn, changeChoices, changeOrDelete, typeEntry, type EntryList } from './list.js';
import { goBack, showStatement } from './navigate.js';
import { askForgotten } from './forgotten.js';
import { askPaySchedule } from './pay-schedule.js';
import { askShareWith } from './share.js';
import { askRegularAmount, DEBT_ADMIN_FEE, SAVINGS } from './regular-amount.js';

type Action = 'add' | 'edit' | 'delete' | 'statement' | 'back' | 'next';

const NEXT_NAMES: Readonly<Record<SectionId, string>> = {
  income: 'fixed costs',
  fixed: 'flexible costs',
  flexible: 'priority debts',
  'priority-debts': 'other debts',
  debts: 'the summary',
};

interface Question {
  /** The item it keeps while half answered; none for a question of one answer. */
  readonly item?: Item;
  ask(session: Session): Promise<void>;
}

/** The parts of the statement that are not lines, asked when the advisor moves on from the section they belong with. */
const ON_DONE: Partial<Record<SectionId, readonly Question[]>> = {
  income: [{ item: 'pay', ask: askPaySchedule }],
  fixed: [{ ask: askForgotten }],
  flexible: [
    { item: SAVINGS.item, ask: (session) => askRegularAmount(session, SAVINGS) },
    { item: DEBT_ADMIN_FEE.item, ask: (session) => askRegularAmount(session, DEBT_ADMIN_FEE) },
  ],
  debts: [{ ask: askShareWith }, { item: 'expected-changes', ask: askExpectedChanges }],
};

const sectionList = <S extends SectionId>(section: S, width: number): EntryList<SectionEntries[S]> => ({
  ...sectionEntries(section),
  item: section,
  noun: 'line',
  describe: (entry, symbol) => entryLine(entry, symbol, width),
  ask: ASK_ENTRY[section],
});

async function moveOn(session: Session, section: SectionId, questions: readonly Question[]): Promise<void> {
  for (const question of questions) await question.ask(session);
  await session.update(atStep(session.draft, nextStep(section)));
}

export async function sectionStep(session: Session, section: SectionId): Promise<void> {
  const { prompter, services } = session;
  const after = ON_DONE[section] ?? [];
  // The call dropped while moving on: carry on with the question it dropped in.
  const dropped = after.findIndex((question) => question.item !== undefined && pendingOf(session.draft, question.item) !== undefined);
  if (dropped >= 0) return moveOn(session, section, after.slice(dropped));
  const list = sectionList(section, tableWidth(prompter.width));
  await carryOn(session, list);
  // After a line is added the cursor rests on adding another, as lines usually come several at a time.
  let added = false;
  for (;;) {
    const { statement } = session.draft;
    const count = entriesOf(statement, section).length;
    const [title = '', ...lines] = sectionView(statement, section, session.symbol, tableWidth(prompter.width));
    const totals = services.style.quiet(runningSummary(assess(statement, services), session.symbol));
    session.say(['', services.style.heading(title), ...lines, totals].join('\n'));
    const action: Action = await prompter.select<Action>({
      message: `${SECTION_TITLES[section]}: what next?`,
      choices: [
        { name: count === 0 ? 'Add a line' : 'Add another line', value: 'add' },
        ...changeChoices(list, count),
        { name: 'Show the whole statement', value: 'statement' },
        { name: 'Go back to another part', value: 'back' },
        { name: `Done: on to ${NEXT_NAMES[section]}`, value: 'next' },
      ],
      default: count === 0 || added ? 'add' : 'next',
      escape: 'back',
    });
    added = action === 'add';
    switch (action) {
      case 'add':
        await typeEntry(session, list);
        break;
      case 'edit':
      case 'delete':
        await changeOrDelete(session, list, action);
        break;
      case 'statement':
        showStatement(session);
        break;
      case 'back':
        return goBack(session);
      case 'next':
        return moveOn(session, section, after);
    }
  }
}
