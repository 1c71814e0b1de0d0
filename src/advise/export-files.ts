/**
 * The files an advise session exports, each made by the renderer the rest of fairplan uses:
 * statement (src/statement) and schedule, calendar and letter (src/render/plan). Those land from
 * their own branches; until then this list is empty and the export says so.
 */
import type { ExportFile } from './export.js';

export const ADVISE_FILES: readonly ExportFile[] = [];
