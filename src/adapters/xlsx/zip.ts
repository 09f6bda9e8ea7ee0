// The zip container of an .xlsx: the central directory is read once, each part is inflated only when
// asked for, never beyond the size its header declares. Anything unusual (zip64, encryption, other
// methods) is "unsupported", so the caller falls back to ExcelJS.
// Runs in Node and in the task pane alike, so only Uint8Array, DataView and TextDecoder are used,
// never Buffer.
import { InflateSizeError, type InflateRaw } from "../../files/inflate-raw";
import { defaultInflateRaw } from "../../files/zip-inflate";
import { Unsupported } from "./errors";
import { entryBytes, readDirectory, ZipFormatError, type ZipEntry } from "../../files/zip-directory";
import type { SheetLimits } from "../../files/inspect-workbook";

// ignoreBOM keeps a BOM in the decoded text, as Buffer's toString did: text() drops it itself.
const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });

/**
 * Parts inflated elsewhere, by name: a map of parts, or the package check, which inflates (and
 * checks) a part when it is first asked for and has read the central directory already.
 */
export interface PartSource {
  get(name: string): Uint8Array | undefined;
  readonly entries?: readonly ZipEntry[];
  /** A worksheet for a reader that counts its rows and cells as it parses them, with the limits to
   *  hold the count to where they are left to it (CheckedPackage.worksheet). */
  worksheet?(name: string): Part | undefined;
}

/** A part's bytes, and for a worksheet the limits its parser holds its rows and cells to, if any. */
interface Part {
  bytes: Uint8Array;
  limits?: SheetLimits;
}

/** The fast reader's view of a package: anything unusual is Unsupported, so the caller falls back. */
function directoryOf(data: Uint8Array, known?: readonly ZipEntry[]): Map<string, ZipEntry> {
  let list: readonly ZipEntry[];
  try {
    list = known ?? readDirectory(data);
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
    /** Where parts come from when it has them (inflated and checked against their declared sizes there). */
    private readonly inflated?: PartSource,
  ) {
    this.entries = directoryOf(bytes, inflated?.entries);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** The part's bytes, or undefined when the package has no such part. */
  bytesOf(name: string): Uint8Array | undefined {
    return this.read(name, false)?.bytes;
  }

  /**
   * A worksheet part to be parsed, and the limits its parser holds the count of its rows and cells to
   * where the package check left that count to the parser; undefined when there is no such part.
   */
  worksheet(name: string): Part | undefined {
    return this.read(name, true);
  }

  /** The part from the source that has it inflated (as a worksheet to count, if asked), else inflated here. */
  private read(name: string, worksheet: boolean): Part | undefined {
    const e = this.entries.get(name);
    if (!e) return undefined;
    if (e.flags & 1) throw new Unsupported("zip: encrypted part");
    const source = this.inflated;
    const from: Partial<Part> | undefined =
      worksheet && source?.worksheet ? source.worksheet(name) : { bytes: source?.get(name) };
    const limits = from?.limits;
    if (from?.bytes && from.bytes.length === e.uncompressedSize) return { bytes: from.bytes, limits };
    let raw: Uint8Array;
    try {
      raw = entryBytes(this.bytes, e);
    } catch (err) {
      if (err instanceof ZipFormatError) throw new Unsupported(`zip: ${name} runs past the end`);
      throw err;
    }
    if (e.method === 0) {
      if (raw.length !== e.uncompressedSize) throw new InflateSizeError(e.uncompressedSize);
      return { bytes: raw, limits };
    }
    if (e.method === 8) return { bytes: this.inflateRaw(raw, e.uncompressedSize), limits };
    throw new Unsupported(`zip: method ${e.method}`);
  }

  /** The part as UTF-8 text, or undefined when the package has no such part. */
  text(name: string): string | undefined {
    const out = this.bytesOf(name);
    return out === undefined ? undefined : partText(out);
  }
}

/** A part's bytes as text; a byte-order mark is dropped, as XML parsers do. */
export function partText(bytes: Uint8Array): string {
  const s = utf8.decode(bytes);
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/** Bytes from inside a part (after a tag's end) as text: a U+FEFF there is a character like any other. */
export function innerText(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}
