// Node's native zlib where there is one: the pane's bundle has none (webpack's `zlib: false`), so
// every use is feature-detected here, once, and the zip code falls back to JavaScript (pako, its own
// CRC-32) or leaves the compression to ExcelJS.
import * as zlib from "zlib";

/** zlib's functions, each undefined where the bundle has no zlib. */
export const nodeZlib: Partial<typeof zlib> = zlib;
