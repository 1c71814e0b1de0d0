/**
 * The export's dates checked against the format the run reads them in (`--date-format`, or
 * YYYY-MM-DD): on the first rows, before any output is written, and on any later row whose date
 * proves the format wrong. A format with the day and month the wrong way round reads every day of
 * 12 or under without complaint, so one date that proves it wrong stops the run.
 */
import { FairplanError } from '../core/errors.js';
import { formatsReadingAll, ISO_FORMAT, readsAs, wrongDateFormat } from './date-format.js';
import type { ColumnLayout, Source } from './mapping.js';

const dateSources = (layout: ColumnLayout): Source[] =>
  [layout.sources.next_pay_date, layout.sources.breathing_space_end, layout.sources.last_payment_date].flatMap((sources) => sources.slice(0, 1));

/** The refusal of the run for the first date of a row (on `line`) that proves the format wrong; undefined when none does. */
export function wrongFormatProof(layout: ColumnLayout, cells: readonly string[], line: number, file: string): FairplanError | undefined {
  const format = layout.dateFormat ?? ISO_FORMAT;
  for (const source of dateSources(layout)) {
    const text = (cells[source.index] ?? '').trim();
    const wrong = text ? wrongDateFormat(format, text) : undefined;
    if (!wrong) continue;
    return new FairplanError(
      'invalid-date',
      `"${text}" cannot be ${format} (${wrong.because}), so the export writes ${wrong.format} and its dates up to the 12th would be read with day and month swapped; run with --date-format ${wrong.format} (nothing was written)`,
      { file, line, field: source.header },
    );
  }
  return undefined;
}

/**
 * Refuses a run, in one line, when a date of the first rows proves the format wrong, or when not
 * one date of a column of them reads in the format: then it says the format they do read in, or
 * that they read as DD/MM/YYYY and MM/DD/YYYY alike (no day past the 12th), rather than guess.
 */
export function checkSampleDates(layout: ColumnLayout, rows: readonly { readonly line: number; readonly cells: readonly string[] }[], file: string): void {
  for (const row of rows) {
    const proof = wrongFormatProof(layout, row.cells, row.line, file);
    if (proof) throw proof;
  }
  const format = layout.dateFormat ?? ISO_FORMAT;
  for (const source of dateSources(layout)) {
    const dated = rows.map((row) => ({ line: row.line, text: (row.cells[source.index] ?? '').trim() })).filter((d) => d.text !== '');
    const first = dated[0];
    if (!first || dated.some((d) => readsAs(format, d.text))) continue;
    const fits = formatsReadingAll(dated.map((d) => d.text));
    const failed = `not one date in column "${source.header}" of the first ${rows.length} row${rows.length === 1 ? '' : 's'} reads as ${format} (line ${first.line}: "${first.text}")`;
    if (fits.length === 1) {
      throw new FairplanError('invalid-date', `${failed}: the dates look like ${fits[0]}; run with --date-format ${fits[0]} (nothing was written)`, { file });
    }
    if (fits.length > 1) {
      throw new FairplanError(
        'invalid-date',
        `${failed}: they read as ${fits.join(' and as ')} alike, as no day is past the 12th, and fairplan will not guess which; give --date-format ${fits.join(' or ')} as the export writes them (nothing was written)`,
        { file },
      );
    }
  }
}
