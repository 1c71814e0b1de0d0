/** Moving around the session: back to any section, or a look at the whole statement. */
import { atStep, type Step } from '../draft.js';
import { assess } from '../affordability.js';
import { runningSummary, statementView, tableWidth } from '../render.js';
import { SECTION_TITLES, SECTIONS } from '../sections.js';
import type { Session } from '../session.js';

// Fixed costs are named by their bills, so that no two places start with the same letter.
const PLACES: readonly { readonly step: Step; readonly name: string }[] = [
  { step: 'household', name: 'Household' },
  ...SECTIONS.map((s) => ({ step: s, name: s === 'fixed' ? 'Bills and other fixed costs' : SECTION_TITLES[s] })),
  { step: 'summary', name: 'Affordability summary' },
];

export async function goBack(session: Session): Promise<void> {
  const step = await session.prompter.select({
    message: 'Go to which part?',
    choices: PLACES.map((p) => ({ name: p.name, value: p.step })),
    default: session.draft.step,
    // Esc: stay where they were.
    escape: session.draft.step,
  });
  await session.update(atStep(session.draft, step));
}

/** The whole statement, each section with its figures a month and total, then the totals of them all. */
export function showStatement(session: Session): void {
  const { statement } = session.draft;
  const totals = runningSummary(assess(statement, session.services), session.symbol);
  session.say(['', ...statementView(statement, session.symbol, tableWidth(session.prompter.width)), '', totals, ''].join('\n'));
}
