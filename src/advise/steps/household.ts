/**
 * Step 1: who lives in the household, which sets the spending guidelines that apply, and anything
 * that makes managing money harder for the customer.
 */
import { EMPLOYMENT_STATUSES, TENURES, type Customer, type EmploymentStatus, type Household, type Tenure } from '../../core/statement.js';
import { askCount, askText } from '../ask.js';
import { atStep, nextStep, pendingOf, withHousehold, withStatement } from '../draft.js';
import type { Session } from '../session.js';
import { askVulnerabilities } from './vulnerability.js';

/** The tenure as the menu offers it: each starts with a letter of its own, so one typed letter picks one. */
const TENURE_CHOICES: Readonly<Record<Tenure, string>> = {
  owner: 'Owns the home outright',
  mortgage: 'Buying with a mortgage',
  'living-with-parents': 'Living with parents',
  'tenant-private': 'Renting privately',
  'tenant-social': 'Council or housing association tenant',
  other: 'Another kind of home',
};

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
      choices: TENURES.map((t) => ({ name: TENURE_CHOICES[t], value: t })),
      default: household.tenure,
    }),
  });
}

/** The SFS employment statuses, each starting with a letter of its own ("Student" is "In education"). */
const EMPLOYMENT_CHOICES: Readonly<Record<EmploymentStatus, string>> = {
  'Full-time': 'Full-time',
  'Part-time': 'Part-time',
  Unemployed: 'Unemployed',
  'Not working due to illness / disability': 'Not working due to illness or disability',
  'Self-employed': 'Self-employed',
  Retired: 'Retired',
  Carer: 'Carer',
  Student: 'In education (student)',
  Other: 'Other',
};

/**
 * Who the customer is, for the SFS and the letters: a name (Enter leaves the customer out, and the
 * rest is not asked), the address on one line with commas between its lines, a reference, and
 * their employment. What a loaded statement records is offered, and kept.
 */
async function askCustomer(session: Session): Promise<void> {
  const { prompter } = session;
  const recorded = session.draft.statement.customer;
  const name = await askText(prompter, "Customer's name (both names for a couple; Enter to leave out)", recorded?.name, false);
  const { customer: _dropped, ...rest } = session.draft.statement;
  if (name === '') return session.update(withStatement(session.draft, rest));
  const address = await askText(prompter, 'Address (commas between its lines)', recorded?.address?.join(', '), false);
  const reference = await askText(prompter, 'Your reference for them (Enter for none)', recorded?.reference, false);
  const employment = await prompter.select<EmploymentStatus | 'none'>({
    message: 'Employment',
    choices: [
      ...EMPLOYMENT_STATUSES.map((status) => ({ name: EMPLOYMENT_CHOICES[status], value: status })),
      { name: "Don't record it", value: 'none' },
    ],
    default: recorded?.employment ?? 'none',
  });
  const lines = address.split(',').map((line) => line.trim()).filter((line) => line !== '');
  // Anything else recorded of the customer is kept; what was asked is as answered.
  const { address: _a, reference: _r, employment: _e, ...others } = recorded ?? {};
  const customer: Customer = {
    ...others,
    name,
    ...(lines.length > 0 ? { address: lines } : {}),
    ...(reference ? { reference } : {}),
    ...(employment === 'none' ? {} : { employment }),
  };
  await session.update(withStatement(session.draft, { ...rest, customer }));
}

export async function householdStep(session: Session): Promise<void> {
  session.say(session.services.style.heading('\nHousehold'));
  // A call that dropped in the middle of a note about their circumstances carries on there: the make-up was answered.
  if (!pendingOf(session.draft, 'circumstances')) {
    await askCustomer(session);
    await askMakeUp(session);
  }
  await askVulnerabilities(session);
  await session.update(atStep(session.draft, nextStep('household')));
}
