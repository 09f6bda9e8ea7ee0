// The zip container of an .xlsx: the central directory is read once, each part is inflated only when
// asked for. Anything unusual (zip64, encryption, other methods) is "unsupported", so the caller
// falls back to ExcelJS.
import { inflateRawSync } from "zlib";
import { Unsupported } from "./errors";

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

export class ZipParts {
  private readonly entries = new Map<string, Entry>();
  private readonly buf: Buffer;

  constructor(data: Uint8Array) {
    const b = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    this.buf = b;
    let eocd = -1;
    for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
      if (b.readUInt32LE(i) === SIG_EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new Unsupported("zip: no end of central directory");
    const count = b.readUInt16LE(eocd + 10);
    const size = b.readUInt32LE(eocd + 12);
    let o = b.readUInt32LE(eocd + 16);
    if (count === 0xffff || size === 0xffffffff || o === 0xffffffff) throw new Unsupported("zip64");
    for (let k = 0; k < count; k++) {
      if (o + 46 > b.length || b.readUInt32LE(o) !== SIG_CENTRAL)
        throw new Unsupported("zip: bad central directory");
      const flags = b.readUInt16LE(o + 8);
      const method = b.readUInt16LE(o + 10);
      const compressedSize = b.readUInt32LE(o + 20);
      const uncompressedSize = b.readUInt32LE(o + 24);
      const nameLen = b.readUInt16LE(o + 28);
      const extraLen = b.readUInt16LE(o + 30);
      const commentLen = b.readUInt16LE(o + 32);
      const localOffset = b.readUInt32LE(o + 42);
      let name = b.toString("utf8", o + 46, o + 46 + nameLen);
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
    const b = this.buf;
    const o = e.localOffset;
    if (o + 30 > b.length || b.readUInt32LE(o) !== SIG_LOCAL)
      throw new Unsupported(`zip: bad local header for ${name}`);
    const start = o + 30 + b.readUInt16LE(o + 26) + b.readUInt16LE(o + 28);
    const end = start + e.compressedSize;
    if (end > b.length) throw new Unsupported(`zip: ${name} runs past the end`);
    const raw = b.subarray(start, end);
    let out: Buffer;
    if (e.method === 0) out = raw;
    else if (e.method === 8) out = inflateRawSync(raw);
    else throw new Unsupported(`zip: method ${e.method}`);
    // A byte-order mark is dropped, as XML parsers do.
    let s = out.toString("utf8");
    if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    return s;
  }
}
