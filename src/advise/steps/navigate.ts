/** Moving around the session: back to any section, or a look at the whole statement. */
import { atStep, type Step } from '../draft.js';
import { assess } from '../affordability.js';
import { runningSummary, statementView } from '../render.js';
import { SECTION_TITLES, SECTIONS } from '../sections.js';
import type { Session } from '../session.js';

const PLACES: readonly { readonly step: Step; readonly name: string }[] = [
  { step: 'household', name: 'Household' },
  ...SECTIONS.map((s) => ({ step: s, name: SECTION_TITLES[s] })),
  { step: 'summary', name: 'Affordability summary' },
];

export async function goBack(session: Session): Promise<void> {
  const step = await session.prompter.select({
    message: 'Go to which part?',
    choices: PLACES.map((p) => ({ name: p.name, value: p.step })),
    default: session.draft.step,
  });
  await session.update(atStep(session.draft, step));
}

/** The whole statement, each section with its figures a month and total, then the totals of them all. */
export function showStatement(session: Session): void {
  const { statement } = session.draft;
  const totals = runningSummary(assess(statement, session.services), session.symbol);
  session.say(['', ...statementView(statement, session.symbol), '', totals, ''].join('\n'));
}
