/**
 * A customer or account id as compared, in every command: ids a person reading them would take for
 * one are one. `CUST-1`, ` cust-1 `, `CUST‑1` (a non-breaking hyphen), `CUST-1` with a zero-width
 * space after it and `ＣＵＳＴ－１` (full-width forms) are one customer. Wrongly joined, accounts are
 * only more protected (follow-up holds them as one person) and share one budget (batch --group-by);
 * wrongly apart, one budget would be planned twice over, or a person's opt-out would miss their
 * other account.
 */

/** Characters that show nothing (format characters, joiners, soft hyphens, variation selectors). */
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
/** Dashes and minus signs that read as `-`. */
const DASHES = /[\p{Pd}\u2212\u02d7\u2796\ufe63\uff0d]/gu;
/** An id of printable ASCII only folds by its case alone: the common case, kept cheap (batch --group-by keys every row). */
const PLAIN = /^[\x21-\x7e]*$/;

/** The id as compared: trimmed, NFKC, invisible characters removed, dashes as `-`, lower case. */
export function customerKey(id: string): string {
  const trimmed = id.trim();
  if (PLAIN.test(trimmed)) return trimmed.toLowerCase();
  return trimmed.normalize('NFKC').replace(INVISIBLE, '').replace(DASHES, '-').trim().toLowerCase().normalize('NFKC');
}
