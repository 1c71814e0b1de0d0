/**
 * How a draft carries its statement. Interim: src/statement (toFairplanJson / parseStatementText)
 * has not landed yet; when it does, these two functions delegate to it and this reader goes.
 * Amounts are written as Decimal strings at full precision and read back with parseMoney.
 */
import { FairplanError } from '../core/errors.js';
import { parseMoney } from '../core/money.js';
import type { Statement } from '../core/statement.js';

const MONEY_KEYS = new Set(['amount', 'balance', 'payment', 'monthlyChange']);

export const statementToJson = (statement: Statement): string => JSON.stringify(statement, null, 2);

export function parseStatementJson(text: string, file: string): Statement {
  try {
    const statement = JSON.parse(text, (key, value: unknown) =>
      MONEY_KEYS.has(key) && typeof value === 'string' ? parseMoney(value) : value,
    ) as Statement;
    if (typeof statement?.household !== 'object' || !Array.isArray(statement.income)) {
      throw new FairplanError('invalid-statement', 'is not a fairplan statement');
    }
    return statement;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new FairplanError('invalid-statement', message, { file });
  }
}
