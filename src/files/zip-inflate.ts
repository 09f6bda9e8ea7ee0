// Inflating zip parts without trusting their headers: Node's zlib, or where there is none (the pane)
// the JavaScript inflate its bundle puts in place of inflate-without-zlib.ts (pako).
import { InflateSizeError, type InflateRaw } from "./inflate-raw";
import { inflateWithoutZlib } from "./inflate-without-zlib";
import { nodeZlib } from "./node-zlib";

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

/** Native zlib where there is one (several times faster), pako in the pane. */
export const defaultInflateRaw: InflateRaw = zlibInflateRaw ?? inflateWithoutZlib;
