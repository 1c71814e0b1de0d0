/**
 * What a message says, checked as a person would read it, not as its code points spell it. Values
 * filled in lose their invisible and formatting characters and their line breaks; every message is
 * normalised (NFKC, so a fullwidth "４０" is "40"); and look-alike letters are folded (Unicode
 * confusables, UTS #39: a Cyrillic "е" is an "e") before looking for "debt", an amount, a currency
 * or pressing words. Where the list of pressing words comes from: docs/follow-up-wording.md.
 */
import { createRequire } from 'node:module';

/**
 * Characters a reader cannot see, or that change how the others show: controls, format characters
 * (soft hyphen, zero-width characters, bidi overrides), default-ignorable ones (variation
 * selectors, tag characters, Hangul fillers), private-use and unassigned ones, the line and
 * paragraph separators, and the blank Braille pattern.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\u2800]/gu;
/** Line breaks and tabs: a space where a value or a text is read on one line. */
const BREAK = /\r\n|[\t\n\r\v\f\u0085\u2028\u2029]/g;

/** `U+00AD`: how a character is named to a person, whether or not it can be seen. */
export const codePoint = (char: string): string => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** The first character of a template's `text` that must not be in one, if any; a line break only where `lineBreaks` allows it. */
export function hiddenCharacter(text: string, lineBreaks: boolean): string | undefined {
  for (const [char] of text.matchAll(HIDDEN)) if (!(lineBreaks && char === '\n')) return char;
  return undefined;
}

export const hasLineBreak = (text: string): boolean => /[\n\r\v\f\u0085\u2028\u2029]/.test(text);

/** A value as it may be filled in: on one line (a break or tab is a space), nothing hidden, normalised. */
export const cleanValue = (value: string): string =>
  // Most values are printable ASCII, which has nothing to clean.
  /^[ -~]*$/.test(value) ? value : value.replace(BREAK, ' ').replace(HIDDEN, '').normalize('NFKC').replace(HIDDEN, '');

/**
 * Unicode's confusables mapping (confusables.txt, as the unhomoglyph package ships it), by code
 * point. Text is lowered before it is looked up, so a lower-case letter whose capital looks like
 * a Latin one (Greek "Ε" like "E") takes its capital's mapping where its own is not Latin ("ε" is
 * listed as "ꞓ"): "URGΕNT" is "urgent". Not a Latin capital: "I" is listed as "l".
 */
const CONFUSABLES = new Map(Object.entries(createRequire(import.meta.url)('unhomoglyph/data.json') as Record<string, string>));
const isAscii = (text: string): boolean => /^\p{ASCII}+$/u.test(text);
for (const [char, like] of [...CONFUSABLES]) {
  const lower = char.toLowerCase();
  if (lower === char || isAscii(char) || !isAscii(like)) continue;
  const own = CONFUSABLES.get(lower);
  if (own === undefined || !isAscii(own)) CONFUSABLES.set(lower, like.toLowerCase());
}
/** Every character the mapping has, but digits: one pass over a text finds them all. */
const LOOK_ALIKE = new RegExp(
  `[${[...CONFUSABLES.keys()].filter((char) => !/\p{Nd}/u.test(char)).map((char) => `\\u{${(char.codePointAt(0) ?? 0).toString(16)}}`).join('')}]`,
  'gu',
);

/**
 * `text` folded for looking for words: a space for a line break or tab, nothing hidden, normalised,
 * lower case, each look-alike as the letter it looks like, accents dropped. Digits stay digits (the
 * mapping reads "0" as "O"), so that an amount in figures is still one. The result is for matching
 * only: "m" folds to "rn", as the two look alike.
 */
export function folded(text: string): string {
  const plain = text.replace(BREAK, ' ').replace(HIDDEN, '').normalize('NFKC').toLowerCase().normalize('NFD');
  return plain.replace(LOOK_ALIKE, (char) => CONFUSABLES.get(char) ?? char).toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

/** Letters that pass for digits beside one ("5oo.oo", "l,2oo") read as the digits they pass for. */
function asFigures(text: string): string {
  for (let current = text; ; ) {
    const next = current.replace(/(?<=\p{Nd}[.,]?)[oil]|[oil](?=[.,]?\p{Nd})/gu, (c) => (c === 'o' ? '0' : '1'));
    if (next === current) return current;
    current = next;
  }
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A phrase as a pattern over folded text: its words folded, any spaces or hyphens between them. */
const phrase = (words: string): string => words.split(' ').map((word) => escape(folded(word))).join('[\\s\\-]+');
const wholeWords = (alternatives: string): RegExp => new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'u');
const anyOf = (words: readonly string[]): string => words.map(phrase).join('|');

const NUMBER_WORDS = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen',
  'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fourty', 'fifty', 'sixty', 'seventy',
  'eighty', 'ninety', 'hundred', 'thousand', 'million', 'billion',
];
const MONEY_WORDS = ['pound', 'pounds', 'quid', 'pence', 'penny', 'pennies', 'sterling', 'euro', 'euros', 'dollar', 'dollars', 'cent', 'cents', 'bucks', 'grand'];
const CURRENCY_CODES = ['gbp', 'eur', 'usd'];
const DIGIT = '\\p{Nd}';

/** An amount, however it is written (checked on folded text with letters read as the digits they pass for). */
const AMOUNT: readonly RegExp[] = [
  // 40.00, 40,50
  new RegExp(`${DIGIT}[.,]${DIGIT}{2}(?!${DIGIT})`, 'u'),
  // 1,200 or 1.200
  new RegExp(`(?<!${DIGIT})${DIGIT}{1,3}(?:[.,]${DIGIT}{3})+(?!${DIGIT})`, 'u'),
  // 1.2k, 40k, 2bn
  new RegExp(`${DIGIT}(?:[.,]${DIGIT}+)?\\s?(?:k|bn)(?![\\p{L}\\p{N}])`, 'u'),
  // 40 pounds, forty quid, 75p (not 5 p.m.), 40gbp, fifty euros
  new RegExp(`(?:${DIGIT}|(?<![\\p{L}\\p{N}])(?:${anyOf(NUMBER_WORDS)}))[\\s\\-]*(?:${anyOf([...MONEY_WORDS, ...CURRENCY_CODES])}|p(?!\\.(?:${phrase('m')})))(?![\\p{L}\\p{N}])`, 'u'),
  // GBP 40
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${anyOf(CURRENCY_CODES)})\\s?${DIGIT}`, 'u'),
  // a fiver, a tenner
  wholeWords(anyOf(['fiver', 'fivers', 'tenner', 'tenners'])),
];
const CURRENCY = wholeWords(anyOf(CURRENCY_CODES));
const DEBT = folded('debt');

/**
 * What a text message must never do, if this one does (CONC 7.9.7: a shared phone may be read by
 * others): say "debt" (in any word: "debtor", "indebted"), state an amount in figures or in words,
 * with a currency sign or without, or name a currency.
 */
export function textMessageProblem(text: string): string | undefined {
  const seen = folded(text);
  if (seen.includes(DEBT)) return 'say "debt"';
  if (/\p{Sc}/u.test(text.normalize('NFKC')) || /\p{Sc}/u.test(seen)) return 'state an amount';
  const figures = asFigures(seen);
  if (AMOUNT.some((pattern) => pattern.test(figures))) return 'state an amount';
  if (CURRENCY.test(seen)) return 'name a currency';
  return undefined;
}

/**
 * Words and phrases that threaten or pressure a customer, each with the forms it takes. A message
 * of a firm's own that uses one is marked for a person to read before it is sent. Sources and
 * reasons: docs/follow-up-wording.md.
 */
const PRESSING: readonly (readonly string[])[] = [
  // The courts and the law: action that may not be real (CONC 7.9; CONC 7.3.10 pressure).
  ['legal action'], ['legal', 'legally'], ['sue', 'sues', 'sued', 'suing'], ['court', 'courts'], ['county court'], ['high court'],
  ['judgment', 'judgments', 'judgement', 'judgements'], ['ccj', 'ccjs'], ['claim form'], ['proceedings'],
  ['solicitor', 'solicitors'], ['lawyer', 'lawyers'], ['litigation'], ['statutory demand'], ['charging order'], ['attachment of earnings'],
  ['bankrupt', 'bankruptcy'], ['prosecute', 'prosecuted', 'prosecuting', 'prosecution'],
  ['default notice', 'default notices'], ['default', 'defaults', 'defaulted'],
  // Taking things, coming to the door.
  ['enforcement agent', 'enforcement agents'], ['enforcement', 'enforce', 'enforced', 'enforcing'], ['bailiff', 'bailiffs'],
  ['debt collector', 'debt collectors'], ['collection agency', 'collection agencies'], ['seize', 'seizes', 'seized', 'seizing', 'seizure'],
  ['repossess', 'repossesses', 'repossessed', 'repossessing', 'repossession'], ['doorstep', 'doorstep visit', 'doorstep visits'],
  ['home visit', 'home visits'], ['visit your home'], ['field agent', 'field agents'],
  // The customer's credit record.
  ['credit file', 'credit files'], ['credit rating', 'credit ratings'], ['credit score', 'credit scores'], ['credit record'], ['credit history'],
  ['blacklist', 'blacklisted'],
  // Police and crime.
  ['police'], ['arrest', 'arrests', 'arrested'], ['criminal'], ['prison'], ['jail'], ['fraud'],
  // Pressure and urgency (CONC 7.3.10; the regulators' 2024 letter).
  ['final notice'], ['final demand'], ['final warning'], ['final reminder'], ['last chance'], ['last warning'],
  ['deadline', 'deadlines'], ['urgent', 'urgently', 'urgency'], ['immediately', 'immediate'], ['at once'], ['without delay'],
  ['act now'], ['pay now'], ['must pay'], ['failure to'], ['or we will'], ['or else'], ['no choice'], ['time is running out'],
  ['warning', 'warnings', 'warn', 'warned'], ['demand', 'demands', 'demanded'], ['overdue'], ['arrears'], ['penalty', 'penalties'],
  ['consequences'], ['further action'], ['escalate', 'escalated', 'escalation'], ['threat', 'threats', 'threaten', 'threatens', 'threatened', 'threatening'],
];

/** Each entry's name: its first form. */
export const PRESSING_WORDS: readonly string[] = PRESSING.map(([first = '']) => first);
const wordsOf = (text: string): string[] => folded(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
/** Each form, as its folded words joined by a space, to the entry it is a form of. */
const PRESSING_FORMS = new Map(PRESSING.flatMap((forms, entry) => forms.map((form) => [wordsOf(form).join(' '), entry] as const)));
const LONGEST_FORM = Math.max(...[...PRESSING_FORMS.keys()].map((form) => form.split(' ').length));
const FIRST_WORDS = new Set([...PRESSING_FORMS.keys()].map((form) => form.split(' ')[0]));

/** The pressing words and phrases `text` uses, by their first forms, in the list's order; a phrase's words may be apart by any spaces or marks. */
export function pressingIn(text: string): string[] {
  const words = wordsOf(text);
  const found = new Set<number>();
  words.forEach((first, i) => {
    if (!FIRST_WORDS.has(first)) return;
    let form = first;
    for (let n = 1; n <= LONGEST_FORM && i + n <= words.length; n++) {
      if (n > 1) form += ` ${words[i + n - 1]}`;
      const entry = PRESSING_FORMS.get(form);
      if (entry !== undefined) found.add(entry);
    }
  });
  return PRESSING_WORDS.filter((_, entry) => found.has(entry));
}

/** Letters of any script (each with at most three marks), in words joined by a space, hyphen or apostrophe. */
const NAME = /^(?:\p{L}\p{M}{0,3})+(?:[ '’‐-](?:\p{L}\p{M}{0,3})+)*$/u;
const LONGEST_NAME = 40;

/**
 * `value` if it is plainly a name (see NAME, at most 40 characters) and reads as none of the words
 * a text is checked for ("Debt", "Forty Pounds", "Sue"), else undefined: it is then left out.
 */
export function plainName(value: string): string | undefined {
  const name = cleanValue(value).trim().replace(/\s+/g, ' ');
  if ([...name].length > LONGEST_NAME || !NAME.test(name)) return undefined;
  if (textMessageProblem(name) !== undefined || pressingIn(name).length > 0) return undefined;
  return name;
}
