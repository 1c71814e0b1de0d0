/** Step 7: the affordability summary, with the flags and the free debt advice signpost. */
import { assess } from '../affordability.js';
import { atStep, nextStep } from '../draft.js';
import { affordabilityView } from '../render.js';
import type { Session } from '../session.js';
import { goBack, showStatement } from './navigate.js';

export async function summaryStep(session: Session): Promise<void> {
  const { style } = session.services;
  const [title = '', ...lines] = affordabilityView(assess(session.draft.statement, session.services), session.symbol);
  // The flags always end with the free debt advice signpost.
  session.say(['', style.heading(title), ...lines].join('\n'));
  for (;;) {
    const action = await session.prompter.select({
      message: 'What next?',
      choices: [
        { name: 'On to the plan options', value: 'plans' },
        { name: 'Show the whole statement', value: 'statement' },
        { name: 'Go back to another part', value: 'back' },
      ] as const,
      default: 'plans',
      escape: 'back',
    });
    if (action === 'statement') showStatement(session);
    else if (action === 'back') return goBack(session);
    else return session.update(atStep(session.draft, nextStep('summary')));
  }
}
