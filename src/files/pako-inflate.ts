// Inflating zip parts in JavaScript (pako), where there is no zlib: the task pane. Node inflates with
// zlib (zip-inflate.ts) and loads this module only in tests.
import { Inflate } from "pako";
import { InflateSizeError, type InflateRaw } from "./inflate-raw";

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
  // pako 2 reports bad data through onEnd's status, never by throwing; what push throws is onData's.
  inflator.push(data, true);
  if (status !== 0) throw new Error(`invalid deflate data (${status})`);
  // Where zlib fails on a truncated stream, pako stops where the data does: the size tells.
  if (filled !== size) throw new InflateSizeError(size);
  return out;
};
