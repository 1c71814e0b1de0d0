/** Moving around the session: back to any section, or a look at the whole statement. */
import { atStep, type Step } from '../draft.js';
import { statementView } from '../render.js';
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

export function showStatement(session: Session): void {
  session.say(['', ...statementView(session.draft.statement, session.symbol), ''].join('\n'));
}
