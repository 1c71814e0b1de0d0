/**
 * The advise session: the current draft, the prompter it is driven through, and the services it
 * needs from outside (today's date, guidelines, saving the draft, exporting). Every change to the
 * draft goes through `update`, which saves it, so nothing typed is lost.
 */
import type { BusinessCalendar } from '../core/calendar/index.js';
import type { IsoDate } from '../core/date.js';
import type { GuidelineTable } from '../core/affordability/guidelines.js';
import { CURRENCY_SYMBOLS } from '../core/statement.js';
import type { Draft } from './draft.js';
import type { Exporter, SessionProvenance } from './export.js';
import type { Prompter } from './prompter.js';

/** How the session marks up what it says; plain text when colour is off. */
export interface Style {
  heading(text: string): string;
  warning(text: string): string;
  quiet(text: string): string;
}

export const PLAIN: Style = { heading: (t) => t, warning: (t) => t, quiet: (t) => t };

export interface AdviseServices {
  readonly asOf: IsoDate;
  readonly guidelines?: GuidelineTable;
  /** The bank holidays that move payment dates; the plan engine's default when absent. */
  readonly calendar?: BusinessCalendar;
  /** Called with the draft after every answer. */
  readonly saveDraft: (draft: Draft) => Promise<void>;
  readonly exporter: Exporter;
  /** For the provenance of the plan files exported. */
  readonly provenance: SessionProvenance;
  readonly defaultExportFolder: string;
  readonly style: Style;
}

export class Session {
  constructor(
    private current: Draft,
    readonly prompter: Prompter,
    readonly services: AdviseServices,
  ) {}

  get draft(): Draft {
    return this.current;
  }

  get symbol(): string {
    return CURRENCY_SYMBOLS[this.current.statement.currency ?? 'GBP'];
  }

  async update(draft: Draft): Promise<void> {
    this.current = draft;
    await this.services.saveDraft(draft);
  }

  say(text: string): void {
    this.prompter.say(text);
  }
}
