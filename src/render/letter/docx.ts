/**
 * A letter as a Word document an advisor can edit before sending: the title and headings as Word
 * headings, an address keeping its lines, lists as bulleted lists and the SFS figures in a table.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Block, LetterDocument, TableRow as Row } from './document.js';

// Word's own sizes are in half points, spacing in twentieths of a point.
const BODY = 22;
const AFTER = 160;

const cell = (text: string, right: boolean, bold: boolean, percent: number): TableCell =>
  new TableCell({
    width: { size: percent, type: WidthType.PERCENTAGE },
    children: [new Paragraph({ ...(right ? { alignment: AlignmentType.RIGHT } : {}), children: [new TextRun({ text, bold })] })],
  });

const row = ({ label, figures, total }: Row): TableRow => {
  const figurePercent = Math.floor(40 / Math.max(figures.length, 1));
  return new TableRow({
    children: [cell(label, false, total === true, 100 - figurePercent * figures.length), ...figures.map((figure) => cell(figure, true, total === true, figurePercent))],
  });
};

function convert(block: Block): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'title':
      return [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(block.text)] })];
    case 'heading':
      return [new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, spacing: { after: 40 }, children: [new TextRun(block.text)] })];
    case 'paragraph':
      return [new Paragraph({ spacing: { after: AFTER }, children: block.lines.map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}) })) })];
    case 'list':
      return block.items.map((item, i) => new Paragraph({ bullet: { level: 0 }, spacing: { after: i === block.items.length - 1 ? AFTER : 40 }, children: [new TextRun(item)] }));
    case 'table':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [...(block.columns ? [row({ label: '', figures: block.columns, total: true })] : []), ...block.rows.map(row)],
        }),
        new Paragraph({ spacing: { after: AFTER } }),
      ];
  }
}

/** The letter as the bytes of a .docx file. */
export function renderLetterDocx(document: LetterDocument): Promise<Buffer> {
  const doc = new Document({
    creator: 'fairplan',
    title: document.title,
    styles: {
      default: {
        document: { run: { font: 'Arial', size: BODY } },
        heading1: { run: { font: 'Arial', size: 28, bold: true, color: '000000' }, paragraph: { spacing: { after: AFTER } } },
        heading2: { run: { font: 'Arial', size: BODY, bold: true, color: '000000' } },
      },
    },
    sections: [{ children: document.blocks.flatMap(convert) }],
  });
  return Packer.toBuffer(doc);
}
