/**
 * YAML read without floats: the document is parsed with the YAML 1.2 core schema (so dates and
 * `1,234.50` stay strings) and its nodes are walked by hand, so a number such as `0.10` becomes a
 * NumberLiteral carrying the text it was written as rather than the float the yaml package holds.
 *
 * Walking the nodes means expanding aliases here too, so the bounds of limits.ts are kept here: the
 * nesting is measured before the yaml package builds its nodes (it recurses, and a file nested
 * thousands deep would exhaust the stack), and the values aliases produce are counted, so aliases
 * of aliases (a "billion laughs") are refused at once instead of multiplying without end.
 */
import { Composer, CST, isAlias, type Alias, isMap, isScalar, isSeq, Parser, type Document, type Node } from 'yaml';
import { isReservedKey, MAX_ALIAS_VALUES, MAX_DEPTH } from './limits.js';
import { NumberLiteral, emptyFileError, errorAt, reservedKeyError, syntaxError, tooDeepError, type RawObject, type RawValue } from './raw.js';

const OPTIONS = { schema: 'core', prettyErrors: false, uniqueKeys: true } as const;

/** The first collection of the parsed file nested deeper than MAX_DEPTH, found without recursion. */
function tooDeep(tokens: readonly CST.Token[]): CST.Token | undefined {
  const pending: [CST.Token, number][] = tokens.map((token) => [token, 0]);
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [token, depth] = next;
    if (token.type === 'document' && token.value) pending.push([token.value, depth]);
    if (!CST.isCollection(token)) continue;
    if (depth >= MAX_DEPTH) return token;
    for (const { key, value } of token.items) {
      if (key) pending.push([key, depth + 1]);
      if (value) pending.push([value, depth + 1]);
    }
  }
  return undefined;
}

function parseDocument(text: string): Document {
  const tokens = [...new Parser().parse(text)];
  const deep = tooDeep(tokens);
  if (deep) throw tooDeepError(text, deep.offset);
  const [document, another] = new Composer(OPTIONS).compose(tokens, true, text.length);
  // compose(…, forceDoc) always gives a document, empty or not.
  if (!document) throw emptyFileError();
  const [error] = document.errors;
  if (error) throw syntaxError('YAML', error.message, text, error.pos[0]);
  if (another) throw syntaxError('YAML', 'a second document starts here; a statement file holds one', text, another.range[0]);
  return document;
}

/**
 * Turns the document's nodes into RawValues. Each alias is resolved once, where it is written, to
 * the anchor last set before it (as YAML has it); the values an alias stands for are built again
 * wherever it is used, and counted.
 */
class RawBuilder {
  private readonly anchors = new Map<string, Node>();
  private readonly targets = new Map<Node, Node>();
  private aliasValues = 0;

  constructor(private readonly text: string) {}

  /** `aliasAt`: the node is being read again through the alias written at this offset. */
  build(node: Node | null | undefined, path: readonly (string | number)[], aliasAt?: number): RawValue {
    if (node === null || node === undefined) return null;
    const at = node.range?.[0] ?? 0;
    if (aliasAt !== undefined && ++this.aliasValues > MAX_ALIAS_VALUES) {
      throw errorAt(`aliases stand for more than ${MAX_ALIAS_VALUES.toLocaleString('en-GB')} values, the most a statement file may have`, this.text, aliasAt);
    }
    if (aliasAt === undefined && node.anchor) this.anchors.set(node.anchor, node);
    if (isAlias(node)) return this.build(this.target(node, at), path, aliasAt ?? at);
    if ((isMap(node) || isSeq(node)) && path.length >= MAX_DEPTH) throw tooDeepError(this.text, at);
    if (isMap(node)) {
      const result: Record<string, RawValue> = {};
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        if (isReservedKey(key)) throw reservedKeyError(key, path, this.text, (pair.key as Node | null)?.range?.[0] ?? at);
        result[key] = this.build(pair.value as Node | null, [...path, key], aliasAt);
      }
      return result as RawObject;
    }
    if (isSeq(node)) return node.items.map((item, i) => this.build(item as Node | null, [...path, i], aliasAt));
    if (isScalar(node)) {
      const value = node.value;
      if (typeof value === 'number' || typeof value === 'bigint') return new NumberLiteral(node.source ?? String(value));
      if (typeof value === 'boolean' || value === null) return value;
      return String(value);
    }
    return null;
  }

  private target(alias: Alias, at: number): Node {
    const target = this.targets.get(alias) ?? this.anchors.get(alias.source);
    if (!target) throw syntaxError('YAML', `the alias *${alias.source} has no anchor &${alias.source} before it`, this.text, at);
    this.targets.set(alias, target);
    return target;
  }
}

/** Reads YAML text; numbers become NumberLiteral. The first syntax error is reported with its line. */
export function parseYamlExact(text: string): RawValue {
  const document = parseDocument(text);
  if (document.contents === null) throw emptyFileError('it holds only comments');
  return new RawBuilder(text).build(document.contents as Node | null, []);
}
