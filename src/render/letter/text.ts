/** A letter as plain text: each heading on its own line above its section, paragraphs wrapped to a width. */
import { wrap } from '../shared/wrap.js';
import type { Block, LetterDocument } from './document.js';

const FIGURE_WIDTH = 12;

/** A label and its figures on one line, the last figure ending at the right margin. */
function row(label: string, figures: readonly string[], width: number): string[] {
  const right = figures.map((figure) => figure.padStart(FIGURE_WIDTH)).join('');
  const lines = wrap(label, Math.max(width - right.length - 2, 20));
  const last = lines.pop() ?? '';
  return [...lines, `${last.padEnd(width - right.length)}${right}`.trimEnd()];
}

function blockLines(block: Block, width: number): string[] {
  switch (block.kind) {
    case 'title':
    case 'heading':
      return [block.text];
    case 'paragraph':
      // A line of the template is a line of the letter: an address keeps its lines, a sentence is wrapped.
      return block.lines.flatMap((line) => (line.trim() === '' ? [''] : wrap(line, width)));
    case 'list':
      return block.items.flatMap((item) => wrap(`- ${item}`, width, '', '  '));
    case 'table':
      return [...(block.columns ? row('', block.columns, width) : []), ...block.rows.flatMap((r) => row(r.label, r.figures, width))];
  }
}

/** `width`: the longest line, 72 by default. */
export function renderLetterText(document: LetterDocument, width = 72): string {
  const lines: string[] = [];
  document.blocks.forEach((block, i) => {
    lines.push(...blockLines(block, width));
    // A section's heading sits on its first paragraph; every other block is followed by a blank line.
    if (block.kind !== 'heading' || i === document.blocks.length - 1) lines.push('');
  });
  return `${lines.join('\n').trimEnd()}\n`;
}
