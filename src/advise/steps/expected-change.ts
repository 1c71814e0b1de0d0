/**
 * At the end of the debts, before the summary: a change the household expects (a job starting, a
 * loan ending), which the plan engine turns into a step-up plan when more will be available.
 * One Enter means "none expected"; changes already recorded are listed and can be removed.
 */
import { negate } from '../../core/money.js';
import type { ExpectedChange } from '../../core/statement.js';
import { askDate, askMoney, askText } from '../ask.js';
import { withStatement } from '../draft.js';
import { changeLine } from '../render.js';
import type { Session } from '../session.js';

export const CHANGE_QUESTION = 'Any change expected in what they can afford (a new job, a loan ending)?';

const setChanges = (session: Session, expectedChanges: readonly ExpectedChange[]) =>
  session.update(withStatement(session.draft, { ...session.draft.statement, expectedChanges }));

async function askChange(session: Session): Promise<ExpectedChange> {
  const { prompter, services } = session;
  const from = await askDate(prompter, 'From (YYYY-MM-DD)', services.asOf, services.asOf);
  const direction = await prompter.select({
    message: 'Will more or less be available each month?',
    choices: [
      { name: 'More (e.g. a loan paid off, a new job)', value: 'more' },
      { name: 'Less (e.g. a benefit ending)', value: 'less' },
    ] as const,
    default: 'more',
  });
  const amount = await askMoney(prompter, { message: 'By how much a month', zero: false });
  const note = await askText(prompter, 'What is changing?');
  return { from, monthlyChange: direction === 'more' ? amount : negate(amount), note };
}

export async function askExpectedChanges(session: Session): Promise<void> {
  for (;;) {
    const changes = session.draft.statement.expectedChanges;
    if (changes.length > 0) {
      session.say(['Changes expected:', ...changes.map((c, i) => `  ${i + 1}. ${changeLine(c, session.symbol)}`)].join('\n'));
    }
    const answer = await session.prompter.select<'none' | 'add' | 'remove'>({
      message: CHANGE_QUESTION,
      choices: [
        { name: changes.length === 0 ? 'No change expected' : 'No other change', value: 'none' },
        { name: 'Yes: note the change', value: 'add' },
        ...(changes.length > 0 ? [{ name: 'Remove one of the changes above', value: 'remove' as const }] : []),
      ],
      default: 'none',
    });
    if (answer === 'none') return;
    if (answer === 'add') {
      await setChanges(session, [...changes, await askChange(session)]);
      continue;
    }
    const index = await session.prompter.select({
      message: 'Remove which?',
      choices: changes.map((c, i) => ({ name: `${i + 1}. ${changeLine(c, session.symbol)}`, value: i })),
    });
    await setChanges(session, changes.filter((_, i) => i !== index));
  }
}
