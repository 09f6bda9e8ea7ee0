// The zip container of an .xlsx: the central directory is read once, each part is inflated only when
// asked for. Anything unusual (zip64, encryption, other methods) is "unsupported", so the caller
// falls back to ExcelJS.
// Runs in Node and in the task pane alike, so only Uint8Array, DataView and TextDecoder are used,
// never Buffer.
import { inflateRaw as pakoInflate } from "pako";
import * as zlib from "zlib";
import { Unsupported } from "./errors";

/** Inflates a raw deflate stream; `size` is the uncompressed size the central directory declares. */
export type InflateRaw = (data: Uint8Array, size: number) => Uint8Array;

/** Node's native zlib, or undefined where the bundle has none (webpack's `zlib: false`). */
const nodeZlib: Partial<typeof zlib> = zlib;
const inflateRawSync = nodeZlib.inflateRawSync;
export const zlibInflateRaw: InflateRaw | undefined =
  typeof inflateRawSync === "function" ? (data) => inflateRawSync(data) : undefined;

export const pakoInflateRaw: InflateRaw = (data, size) => {
  let out: Uint8Array | undefined;
  try {
    out = pakoInflate(data);
  } catch (e) {
    // pako 1.x throws bare strings; an Error keeps callers' `e instanceof Error` reporting working.
    throw typeof e === "string" ? new Error(e) : e;
  }
  // Where zlib fails on a truncated stream, pako returns what it got, so the declared size is
  // what tells a damaged part from a whole one.
  if (!out || out.length !== size)
    throw new Error(`inflated ${out ? out.length : 0} bytes where ${size} were declared`);
  return out;
};

/** Native zlib where there is one (several times faster), pako in the browser. */
export const defaultInflateRaw: InflateRaw = zlibInflateRaw ?? pakoInflateRaw;

interface Entry {
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

// ignoreBOM keeps a BOM in the decoded text, as Buffer's toString did: text() drops it itself and
// names keep it.
const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });

export class ZipParts {
  private readonly entries = new Map<string, Entry>();
  private readonly bytes: Uint8Array;
  private readonly view: DataView;

  constructor(
    data: Uint8Array,
    private readonly inflateRaw: InflateRaw = defaultInflateRaw,
  ) {
    this.bytes = data;
    const v = (this.view = new DataView(data.buffer, data.byteOffset, data.byteLength));
    const len = data.byteLength;
    const u32 = (i: number) => v.getUint32(i, true);
    const u16 = (i: number) => v.getUint16(i, true);
    let eocd = -1;
    for (let i = len - 22; i >= Math.max(0, len - 22 - 0xffff); i--) {
      if (u32(i) === SIG_EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new Unsupported("zip: no end of central directory");
    const count = u16(eocd + 10);
    const size = u32(eocd + 12);
    let o = u32(eocd + 16);
    if (count === 0xffff || size === 0xffffffff || o === 0xffffffff) throw new Unsupported("zip64");
    for (let k = 0; k < count; k++) {
      if (o + 46 > len || u32(o) !== SIG_CENTRAL) throw new Unsupported("zip: bad central directory");
      const flags = u16(o + 8);
      const method = u16(o + 10);
      const compressedSize = u32(o + 20);
      const uncompressedSize = u32(o + 24);
      const nameLen = u16(o + 28);
      const extraLen = u16(o + 30);
      const commentLen = u16(o + 32);
      const localOffset = u32(o + 42);
      let name = utf8.decode(data.subarray(o + 46, o + 46 + nameLen));
      if (name.startsWith("/")) name = name.slice(1);
      if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff)
        throw new Unsupported("zip64");
      if (this.entries.has(name)) throw new Unsupported(`zip: duplicate part ${name}`);
      this.entries.set(name, { method, flags, compressedSize, uncompressedSize, localOffset });
      o += 46 + nameLen + extraLen + commentLen;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** The part as UTF-8 text, or undefined when the package has no such part. */
  text(name: string): string | undefined {
    const e = this.entries.get(name);
    if (!e) return undefined;
    if (e.flags & 1) throw new Unsupported("zip: encrypted part");
    const v = this.view;
    const o = e.localOffset;
    if (o + 30 > this.bytes.byteLength || v.getUint32(o, true) !== SIG_LOCAL)
      throw new Unsupported(`zip: bad local header for ${name}`);
    const start = o + 30 + v.getUint16(o + 26, true) + v.getUint16(o + 28, true);
    const end = start + e.compressedSize;
    if (end > this.bytes.byteLength) throw new Unsupported(`zip: ${name} runs past the end`);
    const raw = this.bytes.subarray(start, end);
    let out: Uint8Array;
    if (e.method === 0) out = raw;
    else if (e.method === 8) out = this.inflateRaw(raw, e.uncompressedSize);
    else throw new Unsupported(`zip: method ${e.method}`);
    // A byte-order mark is dropped, as XML parsers do.
    let s = utf8.decode(out);
    if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    return s;
  }
}
