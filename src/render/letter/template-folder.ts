/**
 * `--templates DIR`: an organisation's own letters, one Mustache file for each letter it words its
 * own way (`creditor-offer.mustache`, `customer.mustache`); fairplan's own words for the others.
 * Every template is checked as it is read, before anything is written; a `.mustache` file that is no
 * letter's is refused, so a misspelt name does not silently leave fairplan's words in its place.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { FairplanError } from '../../core/errors.js';
import { closest } from '../../core/suggest.js';
import { readFailure } from '../../io/read-failure.js';
import { readInputFile } from '../../statement/load.js';
import type { LetterTemplates, OwnTemplate } from './compose.js';
import { checkLetterTemplate, type LetterSpec } from './template.js';

/** The templates in `folder` for the letters `specs` describe; `named`: the folder as the user gave it. */
export async function readLetterTemplates(folder: string, specs: readonly LetterSpec[], named = folder): Promise<LetterTemplates> {
  let names: string[];
  try {
    names = (await readdir(folder)).filter((name) => name.endsWith('.mustache')).sort();
  } catch (error) {
    throw readFailure(named, error);
  }
  const files = specs.map((spec) => spec.file);
  const templates = new Map<string, OwnTemplate>();
  for (const name of names) {
    const spec = specs.find((s) => s.file === name);
    const source = path.join(named, name);
    if (!spec) {
      const near = closest(name, files);
      throw new FairplanError('invalid-argument', `is not one of fairplan's letters${near ? `; did you mean ${near}?` : ''} (expected ${files.join(', ')})`, { file: source });
    }
    const text = await readInputFile(path.join(folder, name)).catch((error: unknown) => {
      throw error instanceof FairplanError ? error.inFile(source) : readFailure(source, error);
    });
    checkLetterTemplate(spec, text, source);
    templates.set(name, { text, source });
  }
  if (templates.size === 0) {
    throw new FairplanError('invalid-argument', `holds no letter templates (expected one or more of ${files.join(', ')})`, { file: named });
  }
  return templates;
}
