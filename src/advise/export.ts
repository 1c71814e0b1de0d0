/**
 * The export at the end of a session: the statement, the chosen schedule and the plan letter, each
 * rendered by the same renderer the other commands use, written atomically into one folder.
 */
import { join } from 'node:path';
import type { Affordability } from '../core/affordability/types.js';
import type { PlanProposal } from '../core/plan/types.js';
import type { Statement } from '../core/statement.js';
import { writeFilesAtomic } from '../io/atomic-file.js';
import { createFolder, folderProblem } from '../io/folder.js';
import { checkOutputs, type ReadFile } from '../io/output-check.js';

export interface ExportBundle {
  readonly statement: Statement;
  readonly affordability: Affordability;
  readonly proposal: PlanProposal;
  /** The chosen option, by its index in `proposal.options`. */
  readonly optionIndex: number;
  readonly asOf: string;
  /** Why the plan was agreed although it needed an override; absent when it did not. */
  readonly overrideReason?: string;
}

export interface ExportFile {
  readonly name: string;
  readonly describe: string;
  render(bundle: ExportBundle): string;
}

/** Files whose number and names depend on the plan agreed, such as a letter to each of its creditors. */
export interface ExportFileSet {
  files(bundle: ExportBundle): readonly { readonly name: string; readonly describe: string; readonly content: string }[];
}

export interface Written {
  readonly path: string;
  readonly describe: string;
}

export interface Exporter {
  /** Why nothing could be exported into `folder`, in one plain sentence; undefined when it could. */
  problem(folder: string): Promise<string | undefined>;
  /** Writes every file into `folder` and says what was written where. */
  export(folder: string, bundle: ExportBundle): Promise<Written[]>;
}

/**
 * Exports into a folder the advisor names, which is made if it is not there (its parent must be);
 * no file of the export may overwrite one of `reads` (the statement or the draft the session uses).
 */
export function folderExporter(files: readonly (ExportFile | ExportFileSet)[], reads: readonly ReadFile[] = []): Exporter {
  return {
    problem: folderProblem,
    async export(folder, bundle) {
      // Render everything first: a renderer that fails then leaves no files half exported.
      const rendered = files
        .flatMap((file) => ('files' in file ? file.files(bundle) : [{ ...file, content: file.render(bundle) }]))
        .map(({ name, describe, content }) => ({ name, describe, path: join(folder, name), text: content }));
      await createFolder(folder);
      await checkOutputs({ reads, writes: rendered.map(({ path, name }) => ({ path, option: `the export (${name})` })) });
      await writeFilesAtomic(rendered.map(({ path, text }) => ({ target: path, content: text })));
      return rendered.map(({ path, describe }) => ({ path, describe }));
    },
  };
}
