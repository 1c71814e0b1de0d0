/**
 * The export at the end of a session: the statement, the chosen schedule and the plan letter, each
 * rendered by the same renderer the other commands use, written atomically into one folder.
 */
import { join } from 'node:path';
import type { Affordability } from '../core/affordability/types.js';
import type { OptionValue, ProvenanceInput } from '../core/provenance.js';
import type { PlanProposal } from '../core/plan/types.js';
import type { Statement } from '../core/statement.js';
import { writeFilesAtomic } from '../io/atomic-file.js';
import { createEmptyFolder, folderProblem, PERSONAL_FILE_MODE } from '../io/folder.js';
import { checkOutputs, type ReadFile } from '../io/output-check.js';

/** What a session knows before a plan: enough to export the statement alone. */
export interface StatementBundle {
  readonly statement: Statement;
  readonly affordability: Affordability;
  readonly asOf: string;
}

/**
 * What the session was started with, for the provenance of what it exports: fairplan's version, the
 * options given and the input files besides the statement (a guideline file), hashed at the edge.
 */
export interface SessionProvenance {
  readonly fairplanVersion: string;
  readonly options: Readonly<Record<string, OptionValue>>;
  readonly inputs: readonly ProvenanceInput[];
}

export interface ExportBundle extends StatementBundle {
  readonly session: SessionProvenance;
  readonly proposal: PlanProposal;
  /** The chosen option, by its index in `proposal.options`. */
  readonly optionIndex: number;
  /** Why the plan was agreed although it needed an override; absent when it did not. */
  readonly overrideReason?: string;
}

export interface ExportFile<B extends StatementBundle = ExportBundle> {
  readonly name: string;
  readonly describe: string;
  render(bundle: B): string;
}

/**
 * Files whose number and names depend on the plan agreed, such as a letter to each of its creditors,
 * and what the advisor should be told of them (a gap a letter shows).
 */
export interface ExportFileSet<B extends StatementBundle = ExportBundle> {
  files(bundle: B): Promise<{
    readonly files: readonly { readonly name: string; readonly describe: string; readonly content: string | Uint8Array }[];
    readonly warnings: readonly string[];
  }>;
}

export interface Written {
  readonly path: string;
  readonly describe: string;
}

/** What was written where, and anything the advisor should be told of it before sending. */
export type Saved = Written[] & { readonly warnings?: readonly string[] };

export interface Exporter {
  /** Why nothing could be exported into `folder`, in one plain sentence; undefined when it could. */
  problem(folder: string): Promise<string | undefined>;
  /** Writes every file into `folder` and says what was written where. */
  export(folder: string, bundle: ExportBundle): Promise<Saved>;
  /** Writes the statement alone, when no plan can be asked for yet (a moratorium with no end). */
  exportStatement(folder: string, bundle: StatementBundle): Promise<Written[]>;
}

/**
 * Exports into a folder the advisor names, which is made if it is not there (its parent must be);
 * no file of the export may overwrite one of `reads` (the statement or the draft the session uses).
 */
export function folderExporter(
  files: readonly (ExportFile | ExportFileSet)[],
  reads: readonly ReadFile[] = [],
  statementFiles: readonly ExportFile<StatementBundle>[] = [],
): Exporter {
  async function writeInto<B extends StatementBundle>(folder: string, chosen: readonly (ExportFile<B> | ExportFileSet<B>)[], bundle: B): Promise<Saved> {
    // Render everything first: a renderer that fails then leaves no files half exported.
    const sets = await Promise.all(chosen.map(async (file) => ('files' in file ? file.files(bundle) : { files: [{ ...file, content: file.render(bundle) }], warnings: [] })));
    const rendered = sets.flatMap((set) => set.files).map(({ name, describe, content }) => ({ name, describe, path: join(folder, name), content }));
    await createEmptyFolder(folder);
    await checkOutputs({ reads, writes: rendered.map(({ path, name }) => ({ path, option: `the export (${name})` })) });
    await writeFilesAtomic(rendered.map(({ path, content }) => ({ target: path, content, mode: PERSONAL_FILE_MODE })));
    return Object.assign(
      rendered.map(({ path, describe }) => ({ path, describe })),
      { warnings: sets.flatMap((set) => set.warnings) },
    );
  }
  return {
    problem: folderProblem,
    export: (folder, bundle) => writeInto(folder, files, bundle),
    exportStatement: (folder, bundle) => writeInto(folder, statementFiles, bundle),
  };
}
