// The central directory of a zip package, read without trusting it: every offset and size is checked
// against the bytes that are there. Runs in Node and in the browser (Uint8Array and DataView only).

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** As the directory declares it: a claim, checked when the part is inflated. */
  uncompressedSize: number;
  localOffset: number;
  zip64: boolean;
}

/** The bytes are not a readable zip: "directory" (no usable table of contents) or "truncated". */
export class ZipFormatError extends Error {
  constructor(
    readonly reason: "directory" | "truncated",
    readonly part?: string,
  ) {
    super(`zip: ${reason}${part ? ` (${part})` : ""}`);
    this.name = "ZipFormatError";
  }
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_LOCATOR64 = 0x07064b50;

// ignoreBOM keeps a BOM in names as they are written.
const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });

class Reader {
  readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  private need(o: number, n: number, part?: string) {
    if (o < 0 || o + n > this.bytes.byteLength) throw new ZipFormatError("truncated", part);
  }
  u16(o: number, part?: string): number {
    this.need(o, 2, part);
    return this.view.getUint16(o, true);
  }
  u32(o: number, part?: string): number {
    this.need(o, 4, part);
    return this.view.getUint32(o, true);
  }
  u64(o: number, part?: string): number {
    this.need(o, 8, part);
    const lo = this.view.getUint32(o, true);
    const hi = this.view.getUint32(o + 4, true);
    // Beyond 2^53 no file here can be: treat as a lie.
    if (hi > 0x1fffff) throw new ZipFormatError("directory", part);
    return hi * 0x100000000 + lo;
  }
}

function findEnd(r: Reader): number {
  const len = r.bytes.byteLength;
  for (let o = len - 22; o >= Math.max(0, len - 22 - 0xffff); o--) {
    if (r.bytes[o] === 0x50 && r.bytes[o + 1] === 0x4b && r.view.getUint32(o, true) === SIG_END) return o;
  }
  throw new ZipFormatError("directory");
}

/** True when the bytes start like a zip archive (a local file header or an empty archive). */
export function looksLikeZip(data: Uint8Array): boolean {
  return data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && (data[2] === 3 || data[2] === 5);
}

/** Every entry of the central directory, in order. Throws ZipFormatError. */
export function readDirectory(data: Uint8Array): ZipEntry[] {
  const r = new Reader(data);
  const end = findEnd(r);
  let count = r.u16(end + 10);
  let size = r.u32(end + 12);
  let offset = r.u32(end + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const loc = end - 20;
    if (loc < 0 || r.u32(loc) !== SIG_LOCATOR64) throw new ZipFormatError("directory");
    const end64 = r.u64(loc + 8);
    if (r.u32(end64) !== SIG_END64) throw new ZipFormatError("directory");
    count = r.u64(end64 + 32);
    size = r.u64(end64 + 40);
    offset = r.u64(end64 + 48);
  }
  if (offset + size > data.byteLength) throw new ZipFormatError("directory");
  // Each entry takes at least 46 bytes: a count the directory cannot hold is a lie.
  if (count * 46 > size) throw new ZipFormatError("directory");
  const entries: ZipEntry[] = [];
  let o = offset;
  for (let i = 0; i < count; i++) {
    if (r.u32(o) !== SIG_CENTRAL) throw new ZipFormatError("directory");
    const flags = r.u16(o + 8);
    const method = r.u16(o + 10);
    let compressedSize = r.u32(o + 20);
    let uncompressedSize = r.u32(o + 24);
    const nameLen = r.u16(o + 28);
    const extraLen = r.u16(o + 30);
    const commentLen = r.u16(o + 32);
    let localOffset = r.u32(o + 42);
    if (o + 46 + nameLen > data.byteLength) throw new ZipFormatError("truncated");
    let name = utf8.decode(data.subarray(o + 46, o + 46 + nameLen));
    if (name.startsWith("/")) name = name.slice(1);
    let zip64 = false;
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      // Zip64 extended information: the 64-bit values, in this order, for the fields that overflowed.
      zip64 = true;
      let e = o + 46 + nameLen;
      const extraEnd = e + extraLen;
      while (e + 4 <= extraEnd) {
        const id = r.u16(e, name);
        const len = r.u16(e + 2, name);
        if (id === 0x0001) {
          let p = e + 4;
          if (uncompressedSize === 0xffffffff) ((uncompressedSize = r.u64(p, name)), (p += 8));
          if (compressedSize === 0xffffffff) ((compressedSize = r.u64(p, name)), (p += 8));
          if (localOffset === 0xffffffff) localOffset = r.u64(p, name);
          break;
        }
        e += 4 + len;
      }
    }
    entries.push({ name, method, flags, compressedSize, uncompressedSize, localOffset, zip64 });
    o += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The stored (compressed) bytes of an entry, checked against its local header. */
export function entryBytes(data: Uint8Array, e: ZipEntry): Uint8Array {
  const r = new Reader(data);
  const o = e.localOffset;
  if (r.u32(o, e.name) !== SIG_LOCAL) throw new ZipFormatError("truncated", e.name);
  const start = o + 30 + r.u16(o + 26, e.name) + r.u16(o + 28, e.name);
  const end = start + e.compressedSize;
  if (end > data.byteLength) throw new ZipFormatError("truncated", e.name);
  return data.subarray(start, end);
}
