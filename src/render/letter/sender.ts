/**
 * `--sender FILE`: who the letters are from, in YAML or JSON, checked with zod: the organisation,
 * the adviser, the address and how to reach them. An unknown key is refused (a misspelt one would
 * otherwise leave a gap in every letter); a detail left out leaves a marked gap and a warning.
 */
import * as z from 'zod';
import { FairplanError, isFairplanError } from '../../core/errors.js';
import { closest } from '../../core/suggest.js';
import { parseRawText, readInputFile } from '../../statement/load.js';
import { problemsOf } from '../../statement/problems.js';

export interface Sender {
  readonly organisation?: string;
  readonly adviser?: string;
  readonly address?: readonly string[];
  readonly phone?: string;
  readonly email?: string;
}

// A value heads every letter: a control character in it would garble or hide what it says.
const line = (what: string) =>
  z
    .string({ error: `expected ${what} as text (in quotes if it is a number)` })
    .trim()
    .min(1, `expected ${what}, or leave the key out`)
    .refine((value) => !/[\u0000-\u001f\u007f-\u009f]/.test(value), { error: `${what} cannot hold a control character` });

const SHAPE = {
  organisation: line('the organisation’s name'),
  adviser: line('the adviser’s name'),
  address: z.array(line('a line of the address'), { error: 'expected the address as a list of lines' }).min(1, 'expected at least one line of the address'),
  phone: line('a telephone number'),
  email: line('an email address'),
};
const KEYS = Object.keys(SHAPE);

const senderSchema = z.strictObject(
  Object.fromEntries(Object.entries(SHAPE).map(([key, value]) => [key, value.optional()])) as { [K in keyof typeof SHAPE]: z.ZodOptional<(typeof SHAPE)[K]> },
  {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') {
        return issue.keys
          .map((key) => {
            const near = closest(key, KEYS);
            return `"${key}" is not a sender detail${near ? `; did you mean "${near}"?` : ` (expected ${KEYS.join(', ')})`}`;
          })
          .join('; ');
      }
      return issue.code === 'invalid_type' ? `expected the sender's details (${KEYS.join(', ')})` : undefined;
    },
  },
);

/** The sender `text` describes; `file` names it in messages. */
export function parseSender(text: string, file: string): Sender {
  try {
    const parsed = senderSchema.safeParse(parseRawText(text, file));
    if (!parsed.success) {
      const problems = problemsOf(parsed.error);
      throw new FairplanError('invalid-argument', `not valid sender details: ${problems.length} problem(s)`, { problems });
    }
    return parsed.data as Sender;
  } catch (error) {
    throw isFairplanError(error) ? error.inFile(file) : error;
  }
}

/** The sender `file` describes. */
export const readSender = async (file: string): Promise<Sender> => parseSender(await readInputFile(file), file);
