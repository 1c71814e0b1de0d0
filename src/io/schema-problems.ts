/** zod issues as fairplan problems: one per issue, located by JSON path (`households[2].adults`). */
import type { z } from 'zod';
import type { Problem } from '../core/errors.js';

export function jsonPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

export function problemsOf(error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message }));
}
