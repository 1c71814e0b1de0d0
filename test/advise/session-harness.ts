/** A session over a scripted prompter that records every draft it saves and every export. */
import { newDraft, type Draft } from '../../src/advise/draft.js';
import type { ExportBundle, Exporter, StatementBundle } from '../../src/advise/export.js';
import { PLAIN, Session, type AdviseServices } from '../../src/advise/session.js';
import type { IsoDate } from '../../src/core/date.js';
import { ScriptedPrompter, type Answer } from './scripted-prompter.js';
import { SESSION } from './statements.js';

export interface Harness {
  readonly session: Session;
  readonly prompter: ScriptedPrompter;
  readonly saved: Draft[];
  readonly exports: { folder: string; bundle: ExportBundle }[];
  /** The statements exported alone, with no plan. */
  readonly statementExports: { folder: string; bundle: StatementBundle }[];
}

export function harness(answers: readonly Answer[], draft: Draft = newDraft(), services: Partial<AdviseServices> = {}): Harness {
  const prompter = new ScriptedPrompter(answers);
  const saved: Draft[] = [];
  const exports: Harness['exports'] = [];
  const statementExports: Harness['statementExports'] = [];
  const exporter: Exporter = {
    problem: async () => undefined,
    async export(folder, bundle) {
      exports.push({ folder, bundle });
      return [{ path: `${folder}schedule.csv`, describe: 'the agreed schedule' }];
    },
    async exportStatement(folder, bundle) {
      statementExports.push({ folder, bundle });
      return [{ path: `${folder}statement-sfs.json`, describe: 'the statement (SFS JSON)' }];
    },
  };
  const session = new Session(draft, prompter, {
    asOf: '2026-11-25' as IsoDate,
    saveDraft: async (d) => {
      saved.push(d);
    },
    exporter,
    provenance: SESSION,
    defaultExportFolder: './fairplan-export-2026-11-25/',
    style: PLAIN,
    ...services,
  });
  return { session, prompter, saved, exports, statementExports };
}
