// Inflating zip parts without trusting their headers, in Node (zlib) and in the browser (pako).
import { Inflate } from "pako";
import { nodeZlib } from "./node-zlib";

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

const inflateRawSync = nodeZlib.inflateRawSync;
/** zlib's raw inflate, to the declared size; undefined where there is no zlib (the pane). */
export const zlibInflateRaw: InflateRaw | undefined =
  typeof inflateRawSync === "function"
    ? (data, size) => {
        let out: Uint8Array;
        try {
          out = inflateRawSync(data, { maxOutputLength: Math.max(1, size) });
        } catch (e) {
          if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw new InflateSizeError(size);
          throw e;
        }
        if (out.length !== size) throw new InflateSizeError(size);
        return out;
      }
    : undefined;

const PAKO_CHUNK = 64 * 1024;

export const pakoInflateRaw: InflateRaw = (data, size) => {
  const inflator = new Inflate({ raw: true, chunkSize: PAKO_CHUNK });
  const out = new Uint8Array(size);
  let filled = 0;
  // Chunks are copied into the declared size as they come; one byte more and inflating stops.
  inflator.onData = (chunk: Uint8Array) => {
    if (filled + chunk.length > size) throw new InflateSizeError(size);
    out.set(chunk, filled);
    filled += chunk.length;
  };
  let status = 0;
  inflator.onEnd = (s: number) => {
    status = s;
  };
  try {
    inflator.push(data, true);
  } catch (e) {
    // pako 1.x throws bare strings; an Error keeps callers' `e instanceof Error` reporting working.
    throw typeof e === "string" ? new Error(e) : e;
  }
  if (status !== 0) throw new Error(`invalid deflate data (${status})`);
  // Where zlib fails on a truncated stream, pako stops where the data does: the size tells.
  if (filled !== size) throw new InflateSizeError(size);
  return out;
};

/** Native zlib where there is one (several times faster), pako in the browser. */
export const defaultInflateRaw: InflateRaw = zlibInflateRaw ?? pakoInflateRaw;
