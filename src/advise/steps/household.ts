/**
 * Step 1: who lives in the household, which sets the spending guidelines that apply, and anything
 * that makes managing money harder for the customer.
 */
import { TENURES, type Household, type Tenure } from '../../core/statement.js';
import { TENURE_NAMES } from '../../render/labels.js';
import { askCount } from '../ask.js';
import { atStep, nextStep, pendingOf, withHousehold } from '../draft.js';
import type { Session } from '../session.js';
import { askVulnerabilities } from './vulnerability.js';

/** The tenure in the words every command uses, starting a choice. */
const tenureChoice = (tenure: Tenure): string => `${TENURE_NAMES[tenure].charAt(0).toUpperCase()}${TENURE_NAMES[tenure].slice(1)}`;

async function askMakeUp(session: Session): Promise<void> {
  const { prompter } = session;
  let household: Household = session.draft.statement.household;
  const set = async (change: Partial<Household>) => {
    household = { ...household, ...change };
    await session.update(withHousehold(session.draft, household));
  };
  await set({ adults: await askCount(prompter, 'Adults in the household', household.adults, 1) });
  await set({ children: await askCount(prompter, 'Dependent children', household.children) });
  await set({ vehicles: await askCount(prompter, 'Vehicles', household.vehicles) });
  await set({
    tenure: await prompter.select({
      message: 'Home',
      choices: TENURES.map((t) => ({ name: tenureChoice(t), value: t })),
      default: household.tenure,
    }),
  });
}

export async function householdStep(session: Session): Promise<void> {
  session.say(session.services.style.heading('\nHousehold'));
  // A call that dropped in the middle of a note about their circumstances carries on there: the make-up was answered.
  if (!pendingOf(session.draft, 'circumstances')) await askMakeUp(session);
  await askVulnerabilities(session);
  await session.update(atStep(session.draft, nextStep('household')));
}
