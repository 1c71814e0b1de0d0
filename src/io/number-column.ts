/**
 * Numbers kept in typed arrays, by index, a block at a time: growing never copies what is kept (as
 * doubling one array would, holding both for a moment), and a million of them take a few megabytes
 * outside the garbage-collected heap instead of tens within it.
 */
type TypedArray = Int32Array | Float64Array | Uint8Array;

const BLOCK_BITS = 16;
const BLOCK = 1 << BLOCK_BITS;
const MASK = BLOCK - 1;

export class NumberColumn {
  private readonly blocks: TypedArray[] = [];

  /** `unset`: what an index never set holds. */
  constructor(
    private readonly Kind: new (length: number) => TypedArray,
    private readonly unset = 0,
  ) {}

  get(index: number): number {
    return this.blocks[index >>> BLOCK_BITS]?.[index & MASK] ?? this.unset;
  }

  set(index: number, value: number): void {
    const at = index >>> BLOCK_BITS;
    while (this.blocks.length <= at) this.blocks.push(new this.Kind(BLOCK).fill(this.unset));
    (this.blocks[at] as TypedArray)[index & MASK] = value;
  }
}
