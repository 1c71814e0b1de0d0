/**
 * CSV injection: a spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as
 * a formula. Text cells that could start so are prefixed with an apostrophe (OWASP's advice), which
 * spreadsheets show as plain text. Money cells are not text and are left alone: "-12.34" is a number.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvSafeText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
