/**
 * The version of fairplan's JSON output formats (`check --json`, `plan --json`, `batch --json`
 * records, `batch --summary`). It follows semantic versioning on its own: the minor number rises when fields are
 * added, the major number when a field is removed, renamed or changes meaning, so that a program
 * reading the output can tell whether it understands it. One number for all the formats: they
 * share their conventions (money as two-decimal strings, dates as YYYY-MM-DD). 1.1 added
 * `provenance` to each, and the `batch --summary` document. 1.2 added `balance`, `review_reasons`
 * and the recommendation's `plan_months` to `batch --json` records, and `unmapped_columns` to
 * `batch --summary`. 1.3 added each `batch --json` record's `household` (with its `defaults_used`),
 * the rejected rows' `code`, and `defaults_used` to `batch --summary`.
 */
export const FORMAT_VERSION = '1.3';
