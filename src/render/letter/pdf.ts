/**
 * A letter as a PDF ready to send: A4, in DejaVu Sans embedded (shipped in fonts/ with its licence),
 * which has the pound sign and the Welsh letters a name or an address may hold, so every letter
 * prints the same wherever it is opened.
 */
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import type { Block, LetterDocument, TableRow } from './document.js';

// From src/render/letter and dist/render/letter alike.
const font = (file: string) => fileURLToPath(new URL(`../../../fonts/${file}`, import.meta.url));
const REGULAR = font('DejaVuSans.ttf');
const BOLD = font('DejaVuSans-Bold.ttf');

const BODY = 10.5;
const GAP = 0.6;
const FIGURE_WIDTH = 80;
// Ligatures would turn "fi" into one glyph, which copies out of the PDF as a character no search finds.
const PLAIN = { features: [] as [] };

export interface PdfDetails {
  /** The day the letter is dated (the plan's as-of date), so the same letter makes the same file. */
  readonly date: Date;
}

function table(doc: PDFKit.PDFDocument, columns: readonly string[] | undefined, rows: readonly TableRow[]): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  for (const { label, figures, total } of [...(columns ? [{ label: '', figures: columns, total: true }] : []), ...rows]) {
    doc.font(total ? 'bold' : 'body').fontSize(BODY);
    const labelWidth = width - figures.length * FIGURE_WIDTH - 10;
    const height = Math.max(doc.heightOfString(label || ' ', { width: labelWidth, ...PLAIN }), doc.currentLineHeight(true));
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const top = doc.y;
    if (label) doc.text(label, left, top, { width: labelWidth, ...PLAIN });
    figures.forEach((figure, i) => {
      doc.text(figure, left + width - (figures.length - i) * FIGURE_WIDTH, top, { width: FIGURE_WIDTH, align: 'right', ...PLAIN });
    });
    doc.x = left;
    doc.y = top + height + 2;
  }
}

function draw(doc: PDFKit.PDFDocument, block: Block, next: Block | undefined): void {
  const left = doc.page.margins.left;
  switch (block.kind) {
    case 'title':
      doc.font('bold').fontSize(13).text(block.text, left, doc.y, PLAIN);
      break;
    case 'heading':
      doc.font('bold').fontSize(BODY).text(block.text, left, doc.y, PLAIN);
      // A heading stays on its first paragraph.
      return;
    case 'paragraph':
      doc.font('body').fontSize(BODY).text(block.lines.join('\n'), left, doc.y, PLAIN);
      break;
    case 'list':
      doc.font('body').fontSize(BODY).list([...block.items], left, doc.y, { bulletRadius: 1.8, textIndent: 12, bulletIndent: 2, ...PLAIN });
      break;
    case 'table':
      table(doc, block.columns, block.rows);
      break;
  }
  if (next) doc.moveDown(GAP);
}

/** The letter as the bytes of a PDF file. */
export function renderLetterPdf(document: LetterDocument, { date }: PdfDetails): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 60, bottom: 60, left: 64, right: 64 },
    font: REGULAR,
    info: { Title: document.title, Creator: 'fairplan', Producer: 'fairplan', CreationDate: date, ModDate: date },
    lang: 'en-GB',
    displayTitle: true,
  });
  doc.registerFont('body', REGULAR);
  doc.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  document.blocks.forEach((block, i) => draw(doc, block, document.blocks[i + 1]));
  doc.end();
  return done;
}
