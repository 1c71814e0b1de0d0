import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FairplanError } from '../../../src/core/errors.js';
import { parseLetter } from '../../../src/render/letter/document.js';
import { checkLetterTemplate, fillLetterTemplate, type LetterSpec } from '../../../src/render/letter/template.js';
import { readLetterTemplates } from '../../../src/render/letter/template-folder.js';
import { renderLetterText } from '../../../src/render/letter/text.js';
import { LETTER_SPECS } from '../../../src/render/plan/letter-templates.js';

const SPEC: LetterSpec = { file: 'creditor-offer.mustache', placeholders: ['creditor', 'offer', 'address', 'token'], lists: ['address'], text: '' };

/** The error checking `text` throws, for its code and context. */
function refusal(text: string): FairplanError {
  try {
    checkLetterTemplate(SPEC, text, 'own/creditor-offer.mustache');
  } catch (error) {
    if (error instanceof FairplanError) return error;
    throw error;
  }
  throw new Error('the template was accepted');
}

describe('checking a letter template', () => {
  it('accepts the placeholders the letter has, a list item inside its list, and sections', () => {
    expect([...checkLetterTemplate(SPEC, 'Dear {{creditor}}\n{{#address}}\n{{.}}\n{{/address}}\n{{#token}}A token.{{/token}}{{^token}}{{offer}}{{/token}}', 'x')].sort()).toEqual(['.', 'address', 'creditor', 'offer', 'token']);
  });

  it('refuses an unknown placeholder, naming the file and the tag, with a suggestion', () => {
    const error = refusal('Dear {{creditr}}');
    expect(error.code).toBe('invalid-argument');
    expect(error.context).toMatchObject({ file: 'own/creditor-offer.mustache', field: '{{creditr}}' });
    expect(error.message).toContain('did you mean {{creditor}}?');
  });

  it('refuses an unknown placeholder inside a section, and a section over an unknown name', () => {
    expect(refusal('{{#address}}{{postcode}}{{/address}} words').context.field).toBe('{{postcode}}');
    expect(refusal('{{#vulnerable}}words{{/vulnerable}}').context.field).toBe('{{vulnerable}}');
  });

  it('refuses {{.}} outside a list, a partial, a hidden character, a broken tag and a template with no words', () => {
    expect(refusal('words {{.}}').context.field).toBe('{{.}}');
    expect(refusal('words {{> header}}').context.field).toBe('{{>header}}');
    expect(refusal('Dear {{creditor}}\u202e').message).toContain('U+202E');
    expect(refusal('Dear {{#token}}').message).toContain('cannot be read');
    expect(refusal('{{creditor}}\n{{! a comment }}\n').message).toContain('no words of its own');
  });

  it('fills values in as plain text, never as HTML', () => {
    expect(fillLetterTemplate('To {{creditor}}', { creditor: 'Smith & Sons <Ltd>' })).toBe('To Smith & Sons <Ltd>');
  });

  it('accepts fairplan’s own templates', () => {
    for (const spec of LETTER_SPECS) expect(() => checkLetterTemplate(spec, spec.text, spec.file)).not.toThrow();
  });
});

describe('a letter read from its template’s output', () => {
  it('is a title, headings, paragraphs that keep their lines, and lists; however many blank lines', () => {
    const letter = parseLetter('Sender\n12 Street\n\n\n\n# Offer of payment\n\n## The offer\nWe offer £10.00 a month.\n\n- Harbour Bank: £5.00\n- Lumen: £5.00\n', 'fallback');
    expect(letter.title).toBe('Offer of payment');
    expect(letter.blocks).toEqual([
      { kind: 'paragraph', lines: ['Sender', '12 Street'] },
      { kind: 'title', text: 'Offer of payment' },
      { kind: 'heading', text: 'The offer' },
      { kind: 'paragraph', lines: ['We offer £10.00 a month.'] },
      { kind: 'list', items: ['Harbour Bank: £5.00', 'Lumen: £5.00'] },
    ]);
    expect(renderLetterText(letter, 30)).toBe('Sender\n12 Street\n\nOffer of payment\n\nThe offer\nWe offer £10.00 a month.\n\n- Harbour Bank: £5.00\n- Lumen: £5.00\n');
  });

  it('is named by the fallback when it has no title', () => {
    expect(parseLetter('Words.', 'The SFS summary').title).toBe('The SFS summary');
  });
});

describe('an organisation’s templates folder (--templates)', () => {
  const folder = (files: Record<string, string>): string => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fairplan-templates-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    return dir;
  };

  it('reads each letter it words, checked, and leaves the others to fairplan', async () => {
    const templates = await readLetterTemplates(folder({ 'creditor-offer.mustache': 'Dear {{creditor}}, {{offer}}', 'README.md': 'notes' }), LETTER_SPECS, 'own');
    expect([...templates.keys()]).toEqual(['creditor-offer.mustache']);
    expect(templates.get('creditor-offer.mustache')?.source).toBe(path.join('own', 'creditor-offer.mustache'));
  });

  it('refuses a template file that is no letter’s, suggesting the name meant', async () => {
    await expect(readLetterTemplates(folder({ 'creditor-ofer.mustache': 'Dear {{creditor}}' }), LETTER_SPECS, 'own')).rejects.toMatchObject({
      code: 'invalid-argument',
      context: { file: path.join('own', 'creditor-ofer.mustache') },
      message: expect.stringContaining('did you mean creditor-offer.mustache?'),
    });
  });

  it('refuses an unknown placeholder, naming the file and the tag', async () => {
    await expect(readLetterTemplates(folder({ 'customer.mustache': 'Dear {{customer_name}}, {{balance}}' }), LETTER_SPECS, 'own')).rejects.toMatchObject({
      code: 'invalid-argument',
      context: { file: path.join('own', 'customer.mustache'), field: '{{balance}}' },
    });
  });

  it('refuses a folder with no templates, and one that is not there', async () => {
    await expect(readLetterTemplates(folder({}), LETTER_SPECS, 'own')).rejects.toMatchObject({ code: 'invalid-argument', context: { file: 'own' } });
    await expect(readLetterTemplates(path.join(tmpdir(), 'fairplan-no-such-folder'), LETTER_SPECS, 'gone')).rejects.toMatchObject({ code: 'io', context: { file: 'gone' } });
  });
});
