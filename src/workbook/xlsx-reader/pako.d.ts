// pako 1.x ships no typings; only the one function zip.ts needs is declared, rather than adding
// @types/pako for it.
declare module "pako" {
  export function inflateRaw(data: Uint8Array): Uint8Array;
}
