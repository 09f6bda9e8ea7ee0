// What inflating one zip part means here, whichever library does it (zlib in Node, pako in the pane).

/**
 * Inflates a raw deflate stream to exactly `size` bytes, the size the central directory declares:
 * never more is produced (a part that would inflate further throws at the limit, so a zip bomb or a
 * lying header costs at most `size` bytes), and less is an error too.
 */
export type InflateRaw = (data: Uint8Array, size: number) => Uint8Array;

/** A part that does not inflate to the size its header declares: damaged or hostile. */
export class InflateSizeError extends Error {
  constructor(readonly declared: number) {
    super(`inflated size differs from the declared ${declared} bytes`);
    this.name = "InflateSizeError";
  }
}
