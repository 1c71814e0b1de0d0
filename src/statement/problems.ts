/** zod's findings as fairplan Problems: one per thing wrong, located by a JSON path. */
import type * as z from 'zod';
import type { Problem } from '../core/errors.js';

/** `['expenditure', 3, 'frequency']` → `expenditure[3].frequency`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : `${i === 0 ? '' : '.'}${String(segment)}`))
    .join('');
}

export function problemsOf(error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message }));
}
