// Writing a zip package: for ExcelJS, a copy of a checked workbook with only the parts it needs (stored
// as they are); for the CLI, the .xlsx ExcelJS writes, compressed by Node's zlib (xlsx-bytes.ts).
// Written here beside the directory reader rather than with a zip library: the pane's Web Workers would
// otherwise carry a second zip library beside the one inside ExcelJS, and the compression itself is
// zlib's. Runs in Node and in the browser (Uint8Array and DataView only; the deflate is given).
import { zlibCrc32 } from "./zip-deflate";

export interface ZipPart {
  name: string;
  /** The part's content, uncompressed. */
  bytes: Uint8Array;
}

export interface ZipOptions {
  /** Compresses a part (raw deflate); without it, or where it saves nothing, the part is stored. */
  deflateRaw?: (bytes: Uint8Array) => Uint8Array;
  /** The parts' modification time (local time, as zip tools show it); without it, none (zero). */
  modified?: Date;
  /** Computes a part's CRC-32; without it, zlib's where there is one (Node), else the one here. */
  crc32?: (bytes: Uint8Array) => number;
}

const utf8 = new TextEncoder();

let table: Uint32Array | undefined;

/** CRC-32 (IEEE), as the zip format records each part's. */
export function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = table[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Names are UTF-8 (general-purpose flag bit 11), as Excel writes a Japanese sheet part's name. */
const FLAG_UTF8 = 0x0800;
const STORED = 0;
const DEFLATED = 8;

/** A date as MS-DOS writes it in a zip header: [time, date], two seconds apart, from 1980 on. */
function dosDateTime(d: Date | undefined): [number, number] {
  if (!d || d.getFullYear() < 1980 || d.getFullYear() > 2107) return [0, 0];
  const time = (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1);
  const date = ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate();
  return [time, date];
}

/** One part as written: its name in UTF-8, its data as stored, and what the headers say of it. */
interface Entry {
  name: Uint8Array;
  data: Uint8Array;
  method: number;
  crc: number;
  size: number;
}

/**
 * The 26 bytes a local header (from its offset 4) and a central directory entry (from its offset 6)
 * have alike: version needed, flags, method, time and date, CRC, both sizes, the name's length and no
 * extra field.
 */
function entryFields(view: DataView, at: number, e: Entry, [time, date]: [number, number]): void {
  view.setUint16(at, 20, true); // version needed: 2.0
  view.setUint16(at + 2, FLAG_UTF8, true);
  view.setUint16(at + 4, e.method, true);
  view.setUint16(at + 6, time, true);
  view.setUint16(at + 8, date, true);
  view.setUint32(at + 10, e.crc, true);
  view.setUint32(at + 14, e.data.length, true);
  view.setUint32(at + 18, e.size, true);
  view.setUint16(at + 22, e.name.length, true);
  view.setUint16(at + 24, 0, true);
}

function entryOf(part: ZipPart, options: ZipOptions): Entry {
  const name = utf8.encode(part.name);
  const crc = (options.crc32 ?? zlibCrc32 ?? crc32)(part.bytes);
  const deflateRaw = options.deflateRaw;
  const size = part.bytes.length;
  const packed = deflateRaw && size > 0 ? deflateRaw(part.bytes) : undefined;
  return packed && packed.length < size
    ? { name, data: packed, method: DEFLATED, crc, size }
    : { name, data: part.bytes, method: STORED, crc, size };
}

/**
 * The parts as one zip package, in the order given. Stays within the plain zip format (no zip64):
 * throws RangeError past 65,535 parts or 4 GB, which no workbook here reaches.
 */
export function writeZip(parts: readonly ZipPart[], options: ZipOptions = {}): Uint8Array {
  if (parts.length > 0xffff) throw new RangeError("zip: too many parts");
  const entries: Entry[] = [];
  let local = 0;
  let central = 0;
  for (const p of parts) {
    const e = entryOf(p, options);
    entries.push(e);
    local += 30 + e.name.length + e.data.length;
    central += 46 + e.name.length;
  }
  const when = dosDateTime(options.modified);
  const total = local + central + 22;
  if (total > 0xffffffff) throw new RangeError("zip: too large");
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let o = 0;
  for (const e of entries) {
    offsets.push(o);
    view.setUint32(o, 0x04034b50, true);
    entryFields(view, o + 4, e, when);
    out.set(e.name, o + 30);
    out.set(e.data, o + 30 + e.name.length);
    o += 30 + e.name.length + e.data.length;
  }
  const dir = o;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    view.setUint32(o, 0x02014b50, true);
    view.setUint16(o + 4, 20, true); // made by
    entryFields(view, o + 6, e, when);
    // comment, disk, internal and external attributes: none (zero)
    view.setUint32(o + 42, offsets[i], true);
    out.set(e.name, o + 46);
    o += 46 + e.name.length;
  }
  view.setUint32(o, 0x06054b50, true);
  view.setUint16(o + 8, entries.length, true);
  view.setUint16(o + 10, entries.length, true);
  view.setUint32(o + 12, o - dir, true);
  view.setUint32(o + 16, dir, true);
  return out;
}
