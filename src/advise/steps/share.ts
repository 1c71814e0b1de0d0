/**
 * At the end of the debts, once the creditors are known: which of them the customer agrees may be
 * told what is noted for creditors of their circumstances (all, or some, asked one by one). Asked
 * only when they agreed to sharing and something is noted for creditors.
 */
import type { VulnerabilityConsent } from '../../core/statement.js';
import { visible } from '../../render/shared/visible.js';
import { withStatement } from '../draft.js';
import type { Session } from '../session.js';

export const SHARE_WITH_QUESTION = 'Which of their creditors may be told what is noted for them?';

export async function askShareWith(session: Session): Promise<void> {
  const { statement } = session.draft;
  const consent = statement.vulnerabilityConsent;
  if (consent?.toShare !== true || !statement.vulnerabilities.some((v) => v.forCreditors)) return;
  const creditors = [...new Set(statement.debts.map((d) => d.creditor))];
  if (creditors.length === 0) return;
  const which = await session.prompter.select({
    message: SHARE_WITH_QUESTION,
    choices: [
      { name: 'All of them', value: 'all' },
      { name: 'Some: ask for each', value: 'some' },
    ] as const,
    default: consent.creditors === undefined ? 'all' : 'some',
  });
  const { creditors: _before, ...rest } = consent;
  let given: VulnerabilityConsent = rest;
  if (which === 'some') {
    const allowed: string[] = [];
    for (const creditor of creditors) {
      const before = consent.creditors === undefined || consent.creditors.includes(creditor);
      if (await session.prompter.confirm({ message: `May ${visible(creditor)} be told?`, default: before })) allowed.push(creditor);
    }
    given = { ...rest, creditors: allowed };
  }
  await session.update(withStatement(session.draft, { ...session.draft.statement, vulnerabilityConsent: given }));
}
