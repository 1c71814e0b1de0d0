/**
 * Output buffers handed back once written, to be written into again. A batch passes some 20 MB of
 * output a second from its worker to the file. Each buffer was freed only when the thread that
 * last held it next collected garbage. Between two collections, 20–30 MB of written buffers waited
 * on the main thread, and a run's peak memory rose with its length. Kept buffers are small, and
 * there are few of them: a chunk with long schedules gets a buffer of its own, which is not kept.
 */
const SMALLEST = 64 * 1024;
const LARGEST_KEPT = 1024 * 1024;
const MOST_KEPT = 8;

export class BufferPool {
  private readonly spare: ArrayBuffer[] = [];

  /** A buffer of at least `size` bytes. */
  take(size: number): ArrayBuffer {
    const index = this.spare.findIndex((buffer) => buffer.byteLength >= size);
    if (index >= 0) return this.spare.splice(index, 1)[0] as ArrayBuffer;
    return new ArrayBuffer(Math.max(size, SMALLEST));
  }

  /** A buffer no longer read or written by anyone. */
  give(buffer: ArrayBuffer): void {
    if (buffer.byteLength >= SMALLEST && buffer.byteLength <= LARGEST_KEPT && this.spare.length < MOST_KEPT) this.spare.push(buffer);
  }
}
