// Compressing a zip part with Node's native zlib. Undefined in the pane's bundle (webpack's
// `zlib: false`), where ExcelJS compresses the workbooks it writes itself.
import * as zlib from "zlib";

export type DeflateRaw = (bytes: Uint8Array) => Uint8Array;

const nodeZlib: Partial<typeof zlib> = zlib;
const deflateRawSync = nodeZlib.deflateRawSync;

/** Raw deflate at zlib's default level, or undefined where there is no zlib. */
export const zlibDeflateRaw: DeflateRaw | undefined =
  typeof deflateRawSync === "function" ? (bytes) => deflateRawSync(bytes) : undefined;
