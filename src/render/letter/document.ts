/**
 * A letter as the three renderers (text, DOCX, PDF) take it: a title and blocks, made once from its
 * template's output, so every letter of a pack (an offer, the customer's letter, a "time has run
 * out" letter, the SFS summary) reads the same in each format.
 *
 * A template's output is read as plain lines: `# ` heads the letter, `## ` a section, lines that
 * each start with `- ` are a list, and other lines together are a paragraph whose line breaks are
 * kept (an address is lines; a long line is one sentence or more, wrapped by the renderer). Blank
 * lines separate blocks, however many a section left empty makes.
 */
export type Block =
  | { readonly kind: 'title'; readonly text: string }
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly lines: readonly string[] }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  /** Figures beside their labels, as the SFS lays them out, under `columns` when there are several. */
  | { readonly kind: 'table'; readonly columns?: readonly string[]; readonly rows: readonly TableRow[] };

export interface TableRow {
  readonly label: string;
  /** One figure, or one under each column. */
  readonly figures: readonly string[];
  /** A total, set apart (in bold where the format can). */
  readonly total?: boolean;
}

export interface LetterDocument {
  /** What the document is, for its properties (a PDF's title): the first `# ` line. */
  readonly title: string;
  readonly blocks: readonly Block[];
}

/** The letter a template's output makes (see above); `fallbackTitle` names one without a `# ` line. */
export function parseLetter(text: string, fallbackTitle: string): LetterDocument {
  const blocks: Block[] = [];
  let lines: string[] = [];
  const flush = () => {
    if (lines.length === 0) return;
    if (lines.every((line) => line.startsWith('- '))) blocks.push({ kind: 'list', items: lines.map((line) => line.slice(2).trim()) });
    else blocks.push({ kind: 'paragraph', lines });
    lines = [];
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (line.trim() === '') flush();
    else if (/^#{1,2} /.test(line)) {
      flush();
      blocks.push({ kind: line.startsWith('## ') ? 'heading' : 'title', text: line.replace(/^#{1,2} /, '').trim() });
    } else lines.push(line);
  }
  flush();
  const title = blocks.find((block): block is Extract<Block, { kind: 'title' }> => block.kind === 'title')?.text ?? fallbackTitle;
  return { title, blocks };
}
