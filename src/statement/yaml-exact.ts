/**
 * YAML read without floats: the document is parsed with the YAML 1.2 core schema (so dates and
 * `1,234.50` stay strings) and its nodes are walked by hand, so a number such as `0.10` becomes a
 * NumberLiteral carrying the text it was written as rather than the float the yaml package holds.
 */
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { NumberLiteral, syntaxError, type RawObject, type RawValue } from './raw.js';

function toRaw(node: Node | null | undefined, doc: Document): RawValue {
  if (node === null || node === undefined) return null;
  if (isAlias(node)) return toRaw(node.resolve(doc), doc);
  if (isMap(node)) {
    const result: Record<string, RawValue> = {};
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      result[key] = toRaw(pair.value as Node | null, doc);
    }
    return result as RawObject;
  }
  if (isSeq(node)) return node.items.map((item) => toRaw(item as Node | null, doc));
  if (isScalar(node)) {
    const value = node.value;
    if (typeof value === 'number' || typeof value === 'bigint') return new NumberLiteral(node.source ?? String(value));
    if (typeof value === 'boolean' || value === null) return value;
    return String(value);
  }
  return null;
}

/** Reads YAML text; numbers become NumberLiteral. The first syntax error is reported with its line. */
export function parseYamlExact(text: string): RawValue {
  const doc = parseDocument(text, { schema: 'core', prettyErrors: false, uniqueKeys: true });
  const [error] = doc.errors;
  if (error) throw syntaxError('YAML', error.message, text, error.pos[0]);
  return toRaw(doc.contents as Node | null, doc);
}
