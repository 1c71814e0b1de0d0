/** How an advise draft file names itself, so that it is known wherever it is given (as a draft, or by mistake as a statement). */
export const DRAFT_FORMAT = 'fairplan-advise-draft';
export const DRAFT_VERSION = 1;
