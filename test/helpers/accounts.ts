/**
 * Accounts exports of any length for tests that need more rows than the fixtures have, made from
 * the sample export's usable generated accounts with fresh ids: nothing from outside the repository.
 */
import { readFileSync } from 'node:fs';
import { fixture } from './cli.js';

const [HEADER = '', ...ROWS] = readFileSync(fixture('accounts', 'sample-accounts.csv'), 'utf8')
  .split('\n')
  .filter((line) => line !== '');
// The generated accounts (ACC0…) are plain, usable rows; the others are the deliberately odd ones.
const USABLE = ROWS.filter((line) => line.startsWith('ACC0'));

/** An accounts CSV of `count` usable rows, ids T000000001 upwards; `replace` swaps in other rows by number (1-based). */
export function accountsCsv(count: number, replace: Readonly<Record<number, string>> = {}): string {
  const lines = [HEADER];
  for (let n = 1; n <= count; n++) {
    const row = USABLE[(n - 1) % USABLE.length] ?? '';
    lines.push(replace[n] ?? `T${String(n).padStart(9, '0')}${row.slice(row.indexOf(','))}`);
  }
  return `${lines.join('\n')}\n`;
}
