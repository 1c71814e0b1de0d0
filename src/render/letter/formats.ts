/** The formats a pack's letters are written in: text; DOCX for an advisor to edit; PDF ready to send. */
export const LETTER_FORMATS = ['txt', 'docx', 'pdf'] as const;
export type LetterFormat = (typeof LETTER_FORMATS)[number];
