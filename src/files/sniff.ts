// What a file is, from its bytes rather than its name: clerks rename files, save CSV as .xlsx and
// send password-protected books, and each deserves its own explanation. Pure; runs in the browser too.
import { looksLikeZip, readDirectory, ZipFormatError } from "./zip-directory";

export type FileKind =
  | { kind: "empty" }
  | { kind: "zip"; package: PackageKind }
  /** A zip whose table of contents cannot be read. */
  | { kind: "zip-damaged"; reason: "directory" | "truncated" }
  | { kind: "encrypted" }
  | { kind: "xls" }
  | { kind: "word" }
  | { kind: "powerpoint" }
  /** Another OLE compound file. */
  | { kind: "compound" }
  | { kind: "pdf" }
  | { kind: "html" }
  | { kind: "text"; encoding: "utf-8" | "shift_jis"; csv: boolean }
  | { kind: "binary" };

export type PackageKind = "workbook" | "xlsb" | "ods" | "word" | "powerpoint" | "other";

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** OLE compound files: password-protected .xlsx, legacy .xls, .doc, .ppt. */
export function isCompoundFile(data: Uint8Array): boolean {
  return data.length >= 8 && CFB.every((x, i) => data[i] === x);
}

function utf16(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) out[i * 2] = s.charCodeAt(i);
  return out;
}

function contains(data: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  outer: for (let i = data.indexOf(first); i >= 0 && i <= data.length - needle.length; i = data.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (data[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

// Stream names in the compound file's directory (UTF-16LE).
const ENCRYPTED = utf16("EncryptedPackage");
const XLS_STREAMS = [utf16("Workbook"), utf16("Book")];
const WORD = utf16("WordDocument");
const POWERPOINT = utf16("PowerPoint Document");

function compoundKind(data: Uint8Array): FileKind {
  if (contains(data, ENCRYPTED)) return { kind: "encrypted" };
  if (contains(data, WORD)) return { kind: "word" };
  if (contains(data, POWERPOINT)) return { kind: "powerpoint" };
  if (XLS_STREAMS.some((n) => contains(data, n))) return { kind: "xls" };
  return { kind: "compound" };
}

export function packageKind(names: readonly string[]): PackageKind {
  const has = (n: string) => names.includes(n);
  if (has("xl/workbook.xml")) return "workbook";
  if (has("xl/workbook.bin")) return "xlsb";
  if (has("mimetype") && has("content.xml")) return "ods";
  if (names.some((n) => n.startsWith("word/"))) return "word";
  if (names.some((n) => n.startsWith("ppt/"))) return "powerpoint";
  return "other";
}

const utf8Strict = new TextDecoder("utf-8", { fatal: true });

function decodes(data: Uint8Array, encoding: string): boolean {
  try {
    (encoding === "utf-8" ? utf8Strict : new TextDecoder(encoding, { fatal: true })).decode(data);
    return true;
  } catch {
    return false;
  }
}

/** Where text was cut at a byte limit, a multi-byte character may be cut too: drop up to 3 bytes. */
function decodesAllowingCut(data: Uint8Array, encoding: string): boolean {
  for (let cut = 0; cut <= 3 && cut < data.length; cut++)
    if (decodes(data.subarray(0, data.length - cut), encoding)) return true;
  return false;
}

const SAMPLE = 64 * 1024;

function textKind(data: Uint8Array): FileKind | null {
  const sample = data.subarray(0, SAMPLE);
  if (sample.includes(0)) return null;
  const cut = data.length > SAMPLE;
  const ok = (enc: string) => (cut ? decodesAllowingCut(sample, enc) : decodes(sample, enc));
  const encoding = ok("utf-8") ? "utf-8" : ok("shift_jis") ? "shift_jis" : null;
  if (!encoding) return null;
  const head = new TextDecoder(encoding).decode(sample.subarray(0, 2048)).replace(/^\uFEFF/, "").trimStart();
  if (/^<(!doctype\s+html|html)\b/i.test(head)) return { kind: "html" };
  const lines = head.split(/\r?\n/).filter((l) => l.trim() !== "").slice(0, 5);
  const csv = lines.length > 0 && lines.every((l) => /[,\t]/.test(l)) && !/^[[{]/.test(head);
  return { kind: "text", encoding, csv };
}

const nameOf = (e: { name: string }) => e.name;

export function sniff(data: Uint8Array): FileKind {
  if (data.length === 0) return { kind: "empty" };
  if (isCompoundFile(data)) return compoundKind(data);
  if (looksLikeZip(data)) {
    try {
      return { kind: "zip", package: packageKind(readDirectory(data).map(nameOf)) };
    } catch (e) {
      if (e instanceof ZipFormatError) return { kind: "zip-damaged", reason: e.reason };
      throw e;
    }
  }
  if (data.length >= 5 && String.fromCharCode(...data.subarray(0, 5)) === "%PDF-") return { kind: "pdf" };
  return textKind(data) ?? { kind: "binary" };
}
