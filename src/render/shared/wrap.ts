/** Plain-text layout for people: paragraphs wrapped to a width, because terminals and letters do not reflow. */

/**
 * Wraps `text` at word boundaries so no line is longer than `width` (a single word longer than the
 * width stays whole rather than being broken). The first line starts with `indent`, the others with
 * `nextIndent` (a hanging indent for lists).
 */
export function wrap(text: string, width: number, indent = '', nextIndent = indent): string[] {
  const lines: string[] = [];
  let line = '';
  const prefix = () => (lines.length === 0 ? indent : nextIndent);
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line === '') line = word;
    else if (prefix().length + line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(prefix() + line);
      line = word;
    }
  }
  if (line !== '') lines.push(prefix() + line);
  return lines;
}
