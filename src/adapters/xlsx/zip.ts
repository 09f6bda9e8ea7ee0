// The zip container of an .xlsx: the central directory is read once, each part is inflated only when
// asked for, never beyond the size its header declares. Anything unusual (zip64, encryption, other
// methods) is "unsupported", so the caller falls back to ExcelJS.
// Runs in Node and in the task pane alike, so only Uint8Array, DataView and TextDecoder are used,
// never Buffer.
import { Inflate } from "pako";
import * as zlib from "zlib";
import { Unsupported } from "./errors";
import { entryBytes, readDirectory, ZipFormatError, type ZipEntry } from "../../files/zip-directory";

/**
 * Inflates a raw deflate stream to exactly `size` bytes, the size the central directory declares:
 * never more is produced (a part that would inflate further throws at the limit, so a zip bomb or a
 * lying header costs at most `size` bytes), and less is an error too.
 */
export type InflateRaw = (data: Uint8Array, size: number) => Uint8Array;

/** A part that does not inflate to the size its header declares: damaged or hostile. */
export class InflateSizeError extends Error {
  constructor(readonly declared: number) {
    super(`inflated size differs from the declared ${declared} bytes`);
    this.name = "InflateSizeError";
  }
}

/** Node's native zlib, or undefined where the bundle has none (webpack's `zlib: false`). */
const nodeZlib: Partial<typeof zlib> = zlib;
const inflateRawSync = nodeZlib.inflateRawSync;
export const zlibInflateRaw: InflateRaw | undefined =
  typeof inflateRawSync === "function"
    ? (data, size) => {
        let out: Uint8Array;
        try {
          out = inflateRawSync(data, { maxOutputLength: Math.max(1, size) });
        } catch (e) {
          if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw new InflateSizeError(size);
          throw e;
        }
        if (out.length !== size) throw new InflateSizeError(size);
        return out;
      }
    : undefined;

const PAKO_CHUNK = 64 * 1024;

export const pakoInflateRaw: InflateRaw = (data, size) => {
  const inflator = new Inflate({ raw: true, chunkSize: PAKO_CHUNK });
  const out = new Uint8Array(size);
  let filled = 0;
  // Chunks are copied into the declared size as they come; one byte more and inflating stops.
  inflator.onData = (chunk: Uint8Array) => {
    if (filled + chunk.length > size) throw new InflateSizeError(size);
    out.set(chunk, filled);
    filled += chunk.length;
  };
  let status = 0;
  inflator.onEnd = (s: number) => {
    status = s;
  };
  try {
    inflator.push(data, true);
  } catch (e) {
    // pako 1.x throws bare strings; an Error keeps callers' `e instanceof Error` reporting working.
    throw typeof e === "string" ? new Error(e) : e;
  }
  if (status !== 0) throw new Error(`invalid deflate data (${status})`);
  // Where zlib fails on a truncated stream, pako stops where the data does: the size tells.
  if (filled !== size) throw new InflateSizeError(size);
  return out;
};

/** Native zlib where there is one (several times faster), pako in the browser. */
export const defaultInflateRaw: InflateRaw = zlibInflateRaw ?? pakoInflateRaw;

// ignoreBOM keeps a BOM in the decoded text, as Buffer's toString did: text() drops it itself.
const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });

/** The fast reader's view of a package: anything unusual is Unsupported, so the caller falls back. */
function directoryOf(data: Uint8Array): Map<string, ZipEntry> {
  let list: ZipEntry[];
  try {
    list = readDirectory(data);
  } catch (e) {
    if (e instanceof ZipFormatError) throw new Unsupported("zip: bad central directory");
    throw e;
  }
  const entries = new Map<string, ZipEntry>();
  for (const e of list) {
    if (e.zip64) throw new Unsupported("zip64");
    if (entries.has(e.name)) throw new Unsupported(`zip: duplicate part ${e.name}`);
    entries.set(e.name, e);
  }
  return entries;
}

export class ZipParts {
  private readonly entries: Map<string, ZipEntry>;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly inflateRaw: InflateRaw = defaultInflateRaw,
  ) {
    this.entries = directoryOf(bytes);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** The part's bytes, or undefined when the package has no such part. */
  bytesOf(name: string): Uint8Array | undefined {
    const e = this.entries.get(name);
    if (!e) return undefined;
    if (e.flags & 1) throw new Unsupported("zip: encrypted part");
    let raw: Uint8Array;
    try {
      raw = entryBytes(this.bytes, e);
    } catch (err) {
      if (err instanceof ZipFormatError) throw new Unsupported(`zip: ${name} runs past the end`);
      throw err;
    }
    if (e.method === 0) {
      if (raw.length !== e.uncompressedSize) throw new InflateSizeError(e.uncompressedSize);
      return raw;
    }
    if (e.method === 8) return this.inflateRaw(raw, e.uncompressedSize);
    throw new Unsupported(`zip: method ${e.method}`);
  }

  /** The part as UTF-8 text, or undefined when the package has no such part. */
  text(name: string): string | undefined {
    const out = this.bytesOf(name);
    if (out === undefined) return undefined;
    // A byte-order mark is dropped, as XML parsers do.
    let s = utf8.decode(out);
    if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    return s;
  }
}
