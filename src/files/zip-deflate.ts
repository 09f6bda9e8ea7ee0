// A zip part's compression and CRC-32 by Node's native zlib. Undefined in the pane's bundle (webpack's
// `zlib: false`), where ExcelJS compresses the workbooks it writes itself and zip-write.ts computes CRCs.
import { nodeZlib } from "./node-zlib";

export type DeflateRaw = (bytes: Uint8Array) => Uint8Array;

const deflateRawSync = nodeZlib.deflateRawSync;

/** Raw deflate at zlib's default level, or undefined where there is no zlib. */
export const zlibDeflateRaw: DeflateRaw | undefined =
  typeof deflateRawSync === "function" ? (bytes) => deflateRawSync(bytes) : undefined;

const nativeCrc32 = nodeZlib.crc32;

/** CRC-32 (IEEE) by zlib (Node 20.15 and later: about 13 times the JavaScript one's speed), or undefined. */
export const zlibCrc32: ((bytes: Uint8Array) => number) | undefined =
  typeof nativeCrc32 === "function" ? (bytes) => nativeCrc32(bytes) : undefined;
