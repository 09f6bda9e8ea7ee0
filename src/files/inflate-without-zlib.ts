// The inflate used where there is no zlib. Node always has zlib (zip-inflate.ts), so in Node this is
// never called and pako is never loaded (requiring it took 15–17 ms here, paid by every command and
// review worker that reads a workbook). The pane's bundle has no zlib: webpack puts
// browser/inflate-without-zlib.ts (pako) in this module's place (webpack.config.js).
import type { InflateRaw } from "./inflate-raw";

export const inflateWithoutZlib: InflateRaw = () => {
  throw new Error("no zlib to inflate with");
};
