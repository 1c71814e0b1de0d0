/**
 * How large and how deep a statement file may be (docs/statement.md, "Limits"). A household's
 * statement is a few kilobytes and five levels deep; these bounds are far beyond any real one, yet a
 * corrupt or hostile file meets them at once instead of exhausting the stack, the memory or the
 * clock. Drafts and guideline files are read within the same bounds.
 */

/** 1 MiB: a hundred times the largest real statement, and read, checked and assessed in well under a second. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** Lists and objects inside one another; a statement needs five, an SFS file six. */
export const MAX_DEPTH = 100;

/** Values a YAML file's aliases (`*name`) may produce in all, so that aliases of aliases cannot multiply without end. */
export const MAX_ALIAS_VALUES = 10_000;

/**
 * Keys that in JavaScript name an object's machinery rather than its data: read as fields they would
 * make a line's figures come from somewhere other than what is written.
 */
const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export const isReservedKey = (key: string): boolean => RESERVED_KEYS.has(key);

/** The message for a reserved key found at `path`. */
export const reservedKeyProblem = (key: string): string =>
  `"${key}" is not allowed as a field name (it is a reserved word; no statement uses it)`;
