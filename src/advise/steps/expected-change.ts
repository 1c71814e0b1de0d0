/**
 * At the end of the debts, before the summary: a change the household expects (a job starting, a
 * loan ending), which the plan engine turns into a step-up plan when more will be available.
 * One Enter means "none expected"; changes already recorded are listed and can be changed or deleted.
 */
import { money, negate } from '../../core/money.js';
import type { ExpectedChange } from '../../core/statement.js';
import { askDate, askMoney, askText } from '../ask.js';
import { changeLine } from '../render.js';
import type { Session } from '../session.js';
import { carryOn, changeChoices, changeOrDelete, typeEntry, type Change, type EntryList } from './list.js';

const CHANGE_QUESTION = 'Any change expected in what they can afford (a new job, a loan ending)?';

const CHANGES: EntryList<ExpectedChange> = {
  of: (statement) => statement.expectedChanges,
  with: (statement, expectedChanges) => ({ ...statement, expectedChanges }),
  item: 'expected-changes',
  noun: 'expected change',
  describe: changeLine,
  async ask({ services, symbol }, prompter, existing) {
    const from = await askDate(prompter, 'From (YYYY-MM-DD)', existing?.from ?? services.asOf, services.asOf);
    const direction = await prompter.select({
      message: 'Will more or less be available each month?',
      choices: [
        { name: 'More (e.g. a loan paid off, a new job)', value: 'more' },
        { name: 'Less (e.g. a benefit ending)', value: 'less' },
      ] as const,
      default: existing?.monthlyChange.isNeg() ? 'less' : 'more',
    });
    const amount = await askMoney(prompter, {
      message: 'By how much a month',
      symbol,
      zero: false,
      ...(existing ? { default: money(existing.monthlyChange.abs()) } : {}),
    });
    const note = await askText(prompter, 'What is changing?', existing?.note);
    return { from, monthlyChange: direction === 'more' ? amount : negate(amount), note };
  },
};

export async function askExpectedChanges(session: Session): Promise<void> {
  await carryOn(session, CHANGES);
  for (;;) {
    const changes = session.draft.statement.expectedChanges;
    if (changes.length > 0) {
      session.say(['Changes expected:', ...changes.map((c, i) => `  ${i + 1}. ${changeLine(c, session.symbol)}`)].join('\n'));
    }
    const answer = await session.prompter.select<'none' | 'add' | Change>({
      message: CHANGE_QUESTION,
      choices: [
        { name: changes.length === 0 ? 'No change expected' : 'No other change', value: 'none' },
        { name: 'Yes: note the change', value: 'add' },
        ...changeChoices(CHANGES, changes.length),
      ],
      default: 'none',
      escape: 'none',
    });
    if (answer === 'none') return;
    if (answer === 'add') await typeEntry(session, CHANGES);
    else await changeOrDelete(session, CHANGES, answer);
  }
}
