// A zip package of parts stored as they are (no compression), for a reader that takes a package and
// nothing else: ExcelJS, handed a copy of a checked workbook with only the parts it needs. Written
// here beside the directory reader rather than with a zip library: stored parts need no deflate, and
// the pane's Web Workers would otherwise carry a second zip library beside the one inside ExcelJS.
// Runs in Node and in the browser (Uint8Array and DataView only).

export interface StoredPart {
  name: string;
  bytes: Uint8Array;
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

/**
 * The 26 bytes a local header (from its offset 4) and a central directory entry (from its offset 6)
 * have alike: version needed, flags, method (stored), time and date (none), CRC, both sizes, the
 * name's length and no extra field.
 */
function entryFields(view: DataView, at: number, crc: number, size: number, nameLength: number): void {
  view.setUint16(at, 20, true); // version needed: 2.0
  view.setUint16(at + 2, FLAG_UTF8, true);
  view.setUint16(at + 4, 0, true); // stored
  view.setUint32(at + 6, 0, true);
  view.setUint32(at + 10, crc, true);
  view.setUint32(at + 14, size, true);
  view.setUint32(at + 18, size, true);
  view.setUint16(at + 22, nameLength, true);
  view.setUint16(at + 24, 0, true);
}

/**
 * The parts as one zip package, in the order given. Stays within the plain zip format (no zip64):
 * throws RangeError past 65,535 parts or 4 GB, which no checked workbook reaches.
 */
export function storedZip(parts: readonly StoredPart[]): Uint8Array {
  if (parts.length > 0xffff) throw new RangeError("zip: too many parts");
  const names = parts.map((p) => utf8.encode(p.name));
  const local = parts.reduce((s, p, i) => s + 30 + names[i].length + p.bytes.length, 0);
  const central = names.reduce((s, n) => s + 46 + n.length, 0);
  const total = local + central + 22;
  if (total > 0xffffffff) throw new RangeError("zip: too large");
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  const crcs = parts.map((p) => crc32(p.bytes));
  let o = 0;
  parts.forEach((p, i) => {
    offsets.push(o);
    view.setUint32(o, 0x04034b50, true);
    entryFields(view, o + 4, crcs[i], p.bytes.length, names[i].length);
    out.set(names[i], o + 30);
    out.set(p.bytes, o + 30 + names[i].length);
    o += 30 + names[i].length + p.bytes.length;
  });
  const dir = o;
  parts.forEach((p, i) => {
    view.setUint32(o, 0x02014b50, true);
    view.setUint16(o + 4, 20, true); // made by
    entryFields(view, o + 6, crcs[i], p.bytes.length, names[i].length);
    // comment, disk, internal and external attributes: none (zero)
    view.setUint32(o + 42, offsets[i], true);
    out.set(names[i], o + 46);
    o += 46 + names[i].length;
  });
  view.setUint32(o, 0x06054b50, true);
  view.setUint16(o + 8, parts.length, true);
  view.setUint16(o + 10, parts.length, true);
  view.setUint32(o + 12, o - dir, true);
  view.setUint32(o + 16, dir, true);
  return out;
}
