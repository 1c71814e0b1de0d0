/**
 * The version of fairplan's JSON output formats: `check --json`, `plan --json`, `batch --json`
 * records, schedules, rejected rows and `--summary`, `follow-up --json` records and `--summary`,
 * `report --json`, `book show --json`, `book export --ndjson` and `FAIRPLAN_ERRORS=json`. It follows
 * semantic versioning on its own: the minor number rises when fields are added, the major number when
 * a field is removed, renamed or changes meaning, so that a program reading the output can tell
 * whether it understands it. One number for all the formats: they share their conventions (money as
 * two-decimal strings, dates as YYYY-MM-DD, null for a value that is not there). Each has a JSON
 * Schema in `schema/`; docs/json-output.md keeps the history. 2.0 named every document's keys in
 * camelCase (the old snake_case names are written too until 3.0), wrote null rather than "" in
 * follow-up's NDJSON records, put `formatVersion` in every output, and
 * added each `batch --json` record's `household` (with its `defaults_used`), the rejected rows' `code`
 * and the batch summary's `defaultsUsed`. 2.1 put `formatVersion` in batch's schedule and rejected
 * rows and in `book show --json`, and null for their values that are not there. 2.2 put it in
 * `book export --ndjson` and error lines, and named batch's rejected rows as its CSV's columns
 * (`rejected_code`; the 2.1 names are written too until 3.0). 2.3 added the book's unread_reports
 * and unread_payments tables to `book export` and their rows to `book show --json`.
 */
export const FORMAT_VERSION = '2.3';
