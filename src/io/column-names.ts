/**
 * One rule for finding a column by its name, in every input of every command: case, surrounding
 * spaces, and spaces, `_` or `-` between words do not matter, so `Breathing_Space_End`,
 * `breathing space end` and `BREATHING-SPACE-END` are the one column `breathing_space_end`. An
 * export's own spelling never hides a column that protects a customer.
 */

/** The form a header is compared in. */
export const columnKey = (name: string): string => name.trim().toLowerCase().replace(/[\s_-]+/g, '_');

/** The index of the header that means `name`, if there is one. */
export function findHeader(headers: readonly string[], name: string): number | undefined {
  const wanted = columnKey(name);
  const found = headers.findIndex((header) => columnKey(header) === wanted);
  return found >= 0 ? found : undefined;
}

/** A column named twice under the rule above: which of the two a reader took would be a guess. */
export interface NamedTwice {
  readonly name: string;
  /** 0-based positions in the header. */
  readonly first: number;
  readonly second: number;
}

export function columnsNamedTwice(headers: readonly string[]): NamedTwice[] {
  const first = new Map<string, number>();
  const twice: NamedTwice[] = [];
  headers.forEach((header, i) => {
    const key = columnKey(header);
    if (key === '' || key === '_') return;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, i);
    else twice.push({ name: header.trim(), first: earlier, second: i });
  });
  return twice;
}
