/**
 * The lines of an NDJSON file, a chunk of bytes at a time, each with its number. LF, CRLF and a lone
 * CR each end a line, as in the CSV reader. A line longer than the limit is not kept: the rest of it
 * is passed over to its end (or the file's) and it comes out as too long, so a file that is one
 * endless line is refused at that line, quickly and in flat memory.
 */
export type JsonLine = { readonly line: number; readonly text: string } | { readonly line: number; readonly tooLong: true };

const LF = 10;
const CR = 13;

export async function* jsonLines(input: AsyncIterable<Uint8Array>, limit: number): AsyncGenerator<JsonLine[]> {
  let parts: Uint8Array[] = [];
  let size = 0;
  let tooLong = false;
  let line = 1;
  // A CR at the end of the last chunk: an LF at the start of the next ends the same line.
  let afterCr = false;

  /** Bytes `start` to `end` of `chunk` as part of the line; `copy` when the line goes on into the next chunk, as a stream may use its buffer again. */
  const keep = (chunk: Uint8Array, start: number, end: number, copy: boolean): void => {
    if (tooLong || end === start) return;
    if (size + end - start > limit) {
      tooLong = true;
      parts = [];
      size = 0;
      return;
    }
    parts.push(copy ? Uint8Array.prototype.slice.call(chunk, start, end) : chunk.subarray(start, end));
    size += end - start;
  };
  const finish = (): JsonLine => {
    const bytes = parts.length === 1 ? (parts[0] as Uint8Array) : Buffer.concat(parts, size);
    const done: JsonLine = tooLong ? { line, tooLong } : { line, text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8') };
    parts = [];
    size = 0;
    tooLong = false;
    line++;
    return done;
  };

  for await (const chunk of input) {
    const lines: JsonLine[] = [];
    let start = afterCr && chunk[0] === LF ? 1 : 0;
    afterCr = false;
    // Where the next of each line end is, found once and not searched for again until passed.
    let nextLf = -2;
    let nextCr = -2;
    while (start < chunk.length) {
      if (nextLf !== -1 && nextLf < start) nextLf = chunk.indexOf(LF, start);
      if (nextCr !== -1 && nextCr < start) nextCr = chunk.indexOf(CR, start);
      const end = nextLf === -1 ? nextCr : nextCr === -1 ? nextLf : Math.min(nextLf, nextCr);
      if (end === -1) {
        keep(chunk, start, chunk.length, true);
        break;
      }
      keep(chunk, start, end, false);
      lines.push(finish());
      start = end + 1;
      if (chunk[end] === CR) {
        if (start === chunk.length) afterCr = true;
        else if (chunk[start] === LF) start++;
      }
    }
    if (lines.length > 0) yield lines;
  }
  if (size > 0 || tooLong) yield [finish()];
}
