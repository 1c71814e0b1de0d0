import { describe, expect, it } from 'vitest';
import { FairplanError } from '../../src/core/errors.js';
import { NumberLiteral } from '../../src/statement/raw.js';
import { parseYamlExact } from '../../src/statement/yaml-exact.js';

function errorOf(text: string): { message: string; context: object } {
  try {
    parseYamlExact(text);
  } catch (error) {
    expect(error).toBeInstanceOf(FairplanError);
    const { message, context } = error as FairplanError;
    return { message, context };
  }
  throw new Error('expected an error');
}

describe('reading YAML without floats', () => {
  it('keeps every number as the text it was written as, and dates as text', () => {
    expect(parseYamlExact('amount: 0.10\nlist: [-5, 1e3]\nfrom: 2027-01-15\nccj: true\nnote: ~\n')).toEqual({
      amount: new NumberLiteral('0.10'),
      list: [new NumberLiteral('-5'), new NumberLiteral('1e3')],
      from: '2027-01-15',
      ccj: true,
      note: null,
    });
  });

  it('reads an alias as the value of the anchor last set before it', () => {
    const text = 'a: &x 1\nb: &y [&x 2, *x]\nc: &x 3\nd: *y\ne: *x\n';
    const [one, two, three] = ['1', '2', '3'].map((n) => new NumberLiteral(n));
    expect(parseYamlExact(text)).toEqual({ a: one, b: [two, two], c: three, d: [two, two], e: three });
  });

  it('refuses an alias with no anchor before it, rather than reading it as nothing', () => {
    expect(errorOf('a: *rent\nb: &rent 650.00\n')).toEqual({
      message: 'not valid YAML: the alias *rent has no anchor &rent before it (column 4)',
      context: { line: 1 },
    });
  });

  it('refuses a second document in the file', () => {
    expect(errorOf('a: 1\n---\na: 2\n')).toMatchObject({ context: { line: 2 } });
  });
});

describe('reading YAML within bounds', () => {
  const nestedFlow = (depth: number): string => `a: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;

  it('reads lists and maps nested 100 deep, and refuses 101, in flow or block style', () => {
    // The document's own map is the first level.
    expect(() => parseYamlExact(nestedFlow(99))).not.toThrow();
    expect(errorOf(nestedFlow(100)).message).toBe(
      'lists and objects are nested more than 100 levels deep, the most a statement file may have (column 103)',
    );
    const block = (depth: number): string => Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}a:\n`).join('') + `${' '.repeat(depth)}x\n`;
    expect(() => parseYamlExact(block(100))).not.toThrow();
    expect(errorOf(block(101)).context).toEqual({ line: 101 });
  });

  it('refuses a file nested thousands deep before the yaml package recurses into it', () => {
    expect(errorOf(nestedFlow(10_000)).message).toMatch(/^lists and objects are nested more than 100 levels deep/);
  });

  it('refuses aliases nested so deep that what they stand for is nested too deep', () => {
    const chain = ['a0: &a0 [[[[[[[[[[1]]]]]]]]]]', ...Array.from({ length: 12 }, (_, i) => `a${i + 1}: &a${i + 1} [[[[[[[[[[*a${i}]]]]]]]]]]`)];
    expect(errorOf(`${chain.join('\n')}\n`).message).toMatch(/^lists and objects are nested more than 100 levels deep/);
  });

  it('counts the values aliases stand for: 10,000 in all are read, one more is refused', () => {
    // An alias of a list of 99 numbers stands for 100 values.
    const uses = (aliases: number): string =>
      `hundred: &h [${Array.from({ length: 99 }, (_, i) => i).join(', ')}]\nuses: [${Array(aliases).fill('*h').join(', ')}]\n`;
    expect((parseYamlExact(uses(100)) as { uses: unknown[] }).uses).toHaveLength(100);
    expect(errorOf(uses(101)).message).toMatch(/^aliases stand for more than 10,000 values, the most a statement file may have/);
  });

  it('refuses aliases of aliases (a "billion laughs") at once, where they multiply past the limit', () => {
    const laughs = ['l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i <= 9; i++) laughs.push(`l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]`);
    const started = performance.now();
    expect(errorOf(`${laughs.join('\n')}\n`)).toMatchObject({ context: { line: 5 } });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key "%s" by name, at the map holding it', (key) => {
    expect(errorOf(`income:\n  - category: earnings\n    ${key}:\n      amount: 99999.00\n`)).toEqual({
      message: `"${key}" is not allowed as a field name (it is a reserved word; no statement uses it)`,
      context: { line: 3, field: 'income[0]' },
    });
  });
});
