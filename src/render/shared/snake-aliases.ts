/**
 * Format 2.0 named every JSON document's keys in camelCase; the summaries of follow-up and report
 * and batch's `unmapped_columns` were snake_case before. Their old names are still written beside the
 * new, with the same values, for the whole of format 2 (removed in 3.0), so a script written against
 * 1.x keeps working while it moves to the new names. Only top-level keys had snake_case names.
 */
const snakeCase = (key: string): string => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

export function withSnakeAliases<T extends Record<string, unknown>>(doc: T, keys: readonly (keyof T & string)[]): T & Record<string, unknown> {
  const aliases = Object.fromEntries(keys.map((key) => [snakeCase(key), doc[key]]));
  return { ...doc, ...aliases };
}
