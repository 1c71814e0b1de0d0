/**
 * The rooms of fairplan and their doors: a module imports only from its own layer or one below it,
 * and batch, advise and follow-up share code through the layers below, never by importing one
 * another. core is the bottom: pure, no I/O, no clock; then what reads and writes files and renders
 * (io, statement, guidelines, render); then batch, advise and follow-up; the book on follow-up's
 * readers; the report on batch's results and the book; the library's entry (src/index.ts); the
 * command line (cli) on top.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

const SRC = path.join(ROOT, 'src');
const LAYERS: Readonly<Record<string, number>> = {
  core: 0,
  io: 1,
  statement: 1,
  guidelines: 1,
  render: 1,
  batch: 2,
  advise: 2,
  'follow-up': 2,
  // The book keeps what follow-up reads, read by follow-up's own readers; the report reads batch's
  // results and the book.
  book: 3,
  report: 4,
  cli: 6,
};
/** The features that read their own inputs: none may import another; they share what lies below. */
const FEATURES = 2;
/** Modules at the top of src/: the library's entry and its argument checks. */
const ENTRY = 5;

const modules = readdirSync(SRC, { recursive: true }).map(String).filter((file) => file.endsWith('.ts'));
const roomOf = (file: string): string => (file.includes(path.sep) ? file.split(path.sep)[0]! : '');
const layerOf = (room: string): number => (room === '' ? ENTRY : (LAYERS[room] ?? Number.NaN));

function importsOf(file: string): string[] {
  const text = readFileSync(path.join(SRC, file), 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map(([, spec]) => path.relative(SRC, path.resolve(path.dirname(path.join(SRC, file)), spec!)));
}

/**
 * The modules a file needs loaded before it runs: its imports (for their effects alone too), less
 * those of types only (`import type`, or every name marked `type`), which compiling erases.
 */
function valueImportsOf(file: string): string[] {
  const text = readFileSync(path.join(SRC, file), 'utf8');
  const statements = text.matchAll(/^(?:import|export)\s+(type\s+)?([^;]*?)\s*from\s*'(\.{1,2}\/[^']+)'|import\(\s*'(\.{1,2}\/[^']+)'|^import\s*'(\.{1,2}\/[^']+)'/gms);
  const typesOnly = (names: string) => /^\{[^}]*\}$/.test(names) && names.slice(1, -1).split(',').map((name) => name.trim()).filter(Boolean).every((name) => name.startsWith('type '));
  return [...statements]
    .filter(([, type, names]) => !type && !(names !== undefined && typesOnly(names)))
    .map(([, , , spec, dynamic, bare]) => path.relative(SRC, path.resolve(path.dirname(path.join(SRC, file)), (spec ?? dynamic ?? bare)!)).replace(/\.js$/, '.ts'));
}

/** Every cycle of imports met walking the graph depth first, each as the chain of modules round it. */
function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const cycles: string[] = [];
  const done = new Set<string>();
  const chain: string[] = [];
  const walk = (file: string): void => {
    chain.push(file);
    for (const next of graph.get(file) ?? []) {
      const at = chain.indexOf(next);
      if (at >= 0) cycles.push([...chain.slice(at), next].map((module) => `src/${module}`).join(' -> '));
      else if (!done.has(next)) walk(next);
    }
    chain.pop();
    done.add(file);
  };
  for (const file of graph.keys()) if (!done.has(file)) walk(file);
  return cycles;
}

describe('the layers of src/', () => {
  it('name every folder of src/', () => {
    const rooms = new Set(modules.map(roomOf).filter((room) => room !== ''));
    expect([...rooms].filter((room) => !(room in LAYERS))).toEqual([]);
  });

  it('are only ever imported downwards, and no feature imports another', () => {
    const wrong: string[] = [];
    for (const file of modules) {
      const from = roomOf(file);
      for (const target of importsOf(file)) {
        const to = roomOf(target);
        if (to === from) continue;
        const up = layerOf(to) > layerOf(from);
        const sideways = layerOf(from) === FEATURES && layerOf(to) === FEATURES;
        if (up || sideways) wrong.push(`src/${file} imports src/${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  // A cycle leaves one of its modules half loaded while another runs, and none of them can be read
  // or changed alone. Types only imported make no cycle: nothing of them is left once compiled.
  it('import one another in no cycle', () => {
    const graph = new Map(modules.map((file) => [file, valueImportsOf(file)] as const));
    expect(graph.get(path.join('advise', 'steps', 'export.ts'))).toContain(path.join('advise', 'steps', 'plans.ts'));
    expect(cyclesOf(graph)).toEqual([]);
  });

  // commander reads the command line; below cli a module's errors are FairplanErrors, whoever calls it.
  it('leave the command-line parser (commander) to cli', () => {
    const wrong = modules.filter((file) => roomOf(file) !== 'cli' && /from 'commander'/.test(readFileSync(path.join(SRC, file), 'utf8'))).map((file) => `src/${file}`);
    expect(wrong).toEqual([]);
  });

  it('keep core free of I/O and the clock', () => {
    const wrong = modules
      .filter((file) => roomOf(file) === 'core')
      .filter((file) => /from 'node:(fs|child_process|net|http|https|worker_threads|process)|new Date\(\)|Date\.now\(\)|process\./.test(readFileSync(path.join(SRC, file), 'utf8')))
      .map((file) => `src/${file}`);
    expect(wrong).toEqual([]);
  });
});
