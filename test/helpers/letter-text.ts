/**
 * The words of a letter as each format shows them, so a test can check that the DOCX and the PDF
 * say what the text letter says: the DOCX's own XML (word/document.xml, unzipped), the PDF through
 * poppler's pdftotext, as a reader would copy it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (text: string): string => text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name] ?? '');

/** The text of a .docx, a line for each paragraph (or table cell), a line break kept as one. */
export function docxText(docx: Uint8Array): string {
  const xml = strFromU8(unzipSync(docx, { filter: (file) => file.name === 'word/document.xml' })['word/document.xml'] ?? new Uint8Array());
  if (xml === '') throw new Error('the DOCX has no word/document.xml');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map(([paragraph]) =>
      [...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map(([tag, text]) => (tag === '<w:br/>' ? '\n' : unescapeXml(text ?? ''))).join(''),
    )
    .join('\n');
}

/** Whether poppler's pdftotext is installed (Debian: poppler-utils; .ci/run installs it). */
export const hasPdftotext = (): boolean => spawnSync('pdftotext', ['-v']).error === undefined;

/** The text of a PDF in the order it was drawn (pdftotext -raw). */
export function pdfText(pdf: Uint8Array): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'fairplan-pdf-')), 'letter.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** The words of a text, list dashes aside (DOCX and PDF draw their bullets). */
export const wordsOf = (text: string): string[] => text.split(/\s+/).filter((word) => word !== '' && word !== '-');
