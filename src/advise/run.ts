/** Drives the session from the draft's step to the end, one step at a time. */
import { isBack } from './prompter.js';
import { signpost } from './render.js';
import { withoutPending } from './draft.js';
import type { Step } from './draft.js';
import type { Session } from './session.js';
import { exportStep } from './steps/export.js';
import { householdStep } from './steps/household.js';
import { plansStep } from './steps/plans.js';
import { sectionStep } from './steps/section.js';
import { summaryStep } from './steps/summary.js';

const STEP_HANDLERS: Readonly<Record<Exclude<Step, 'done'>, (session: Session) => Promise<void>>> = {
  household: householdStep,
  income: (s) => sectionStep(s, 'income'),
  fixed: (s) => sectionStep(s, 'fixed'),
  flexible: (s) => sectionStep(s, 'flexible'),
  'priority-debts': (s) => sectionStep(s, 'priority-debts'),
  debts: (s) => sectionStep(s, 'debts'),
  summary: summaryStep,
  plans: plansStep,
  export: exportStep,
};

/** Opens with the free debt advice signpost, then drives the steps until the plan is exported; Esc goes back. */
export async function runSession(session: Session): Promise<void> {
  session.say(signpost().map((l) => session.services.style.quiet(l)).join('\n'));
  for (let step = session.draft.step; step !== 'done'; step = session.draft.step) {
    try {
      await STEP_HANDLERS[step](session);
    } catch (error) {
      // Esc at a question the step does not handle itself: what was half answered is set aside and
      // the step starts again from its menu (its first question, in the household).
      if (!isBack(error)) throw error;
      await session.update(withoutPending(session.draft));
    }
  }
}
