/**
 * A list in the statement that the advisor adds to, changes and deletes from: a section's lines,
 * the customer's circumstances, the changes they expect. Pure: each change returns a new statement.
 */
import type { Statement } from '../core/statement.js';

export interface Entries<E> {
  of(statement: Statement): readonly E[];
  /** The statement with the list replaced by `entries`. */
  with(statement: Statement, entries: readonly E[]): Statement;
}

export const added = <E>(list: Entries<E>, statement: Statement, entry: E): Statement =>
  list.with(statement, [...list.of(statement), entry]);

export const replaced = <E>(list: Entries<E>, statement: Statement, index: number, entry: E): Statement =>
  list.with(statement, list.of(statement).map((e, i) => (i === index ? entry : e)));

export const removed = <E>(list: Entries<E>, statement: Statement, index: number): Statement =>
  list.with(statement, list.of(statement).filter((_, i) => i !== index));

/** `entry` added, or in place of entry `index` when one is being changed. */
export const placed = <E>(list: Entries<E>, statement: Statement, entry: E, index?: number): Statement =>
  index === undefined ? added(list, statement, entry) : replaced(list, statement, index, entry);
