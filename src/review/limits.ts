// Checks a workbook's bytes before anything parses them, against hostile or unusable files: empty,
// not a zip, OLE/CFB (password-protected .xlsx or a legacy .xls), too large on disk, too large once
// unpacked (declared in the zip's central directory and confirmed while inflating, so a lying header
// cannot get through), and too many rows in a sheet. Reads only; the input is never modified.
import { inflateRawSync } from "zlib";
import type { LocalText } from "../engine/types";
import type { ReviewRecord } from "./types";

export interface Limits {
  maxFileBytes: number;
  maxUncompressedBytes: number;
  /** Rows per worksheet. */
  maxRows: number;
}

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: 20 * MB,
  maxUncompressedBytes: 200 * MB,
  maxRows: 20_000,
};

type FailCode = NonNullable<ReviewRecord["reasonCode"]>;

export function failedRecord(file: string, reasonCode: FailCode, reason: LocalText): ReviewRecord {
  return { file, status: "failed", reasonCode, reason };
}

const mb = (bytes: number) => {
  const v = bytes / MB;
  return v >= 10 ? String(Math.round(v)) : String(Math.round(v * 10) / 10);
};

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Password-protected .xlsx (and legacy .xls) files are OLE compound files, not zip packages. */
export function isCompoundFile(data: Uint8Array): boolean {
  return data.length >= 8 && CFB.every((x, i) => data[i] === x);
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_LOCATOR64 = 0x07064b50;

class Corrupt extends Error {}

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

function u16(b: Buffer, o: number): number {
  if (o + 2 > b.length) throw new Corrupt("truncated");
  return b.readUInt16LE(o);
}
function u32(b: Buffer, o: number): number {
  if (o + 4 > b.length) throw new Corrupt("truncated");
  return b.readUInt32LE(o);
}
function u64(b: Buffer, o: number): number {
  if (o + 8 > b.length) throw new Corrupt("truncated");
  return Number(b.readBigUInt64LE(o));
}

/** The central directory: every entry with its declared sizes. Throws Corrupt when it cannot be read. */
function centralDirectory(b: Buffer): Entry[] {
  // End of central directory: 22 bytes plus a comment of at most 65535.
  let end = -1;
  for (let o = b.length - 22; o >= Math.max(0, b.length - 22 - 0xffff); o--) {
    if (b[o] === 0x50 && b[o + 1] === 0x4b && b.readUInt32LE(o) === SIG_END) {
      end = o;
      break;
    }
  }
  if (end < 0) throw new Corrupt("no end of central directory");
  let count = u16(b, end + 10);
  let cdSize = u32(b, end + 12);
  let cdOffset = u32(b, end + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = end - 20;
    if (loc < 0 || u32(b, loc) !== SIG_LOCATOR64) throw new Corrupt("zip64 locator missing");
    const end64 = u64(b, loc + 8);
    if (u32(b, end64) !== SIG_END64) throw new Corrupt("zip64 end missing");
    count = u64(b, end64 + 32);
    cdSize = u64(b, end64 + 40);
    cdOffset = u64(b, end64 + 48);
  }
  if (cdOffset + cdSize > b.length) throw new Corrupt("central directory outside the file");
  const entries: Entry[] = [];
  let o = cdOffset;
  for (let i = 0; i < count; i++) {
    if (u32(b, o) !== SIG_CENTRAL) throw new Corrupt("bad central directory entry");
    const flags = u16(b, o + 8);
    const method = u16(b, o + 10);
    let compressedSize = u32(b, o + 20);
    let uncompressedSize = u32(b, o + 24);
    const nameLen = u16(b, o + 28);
    const extraLen = u16(b, o + 30);
    const commentLen = u16(b, o + 32);
    let localOffset = u32(b, o + 42);
    if (o + 46 + nameLen > b.length) throw new Corrupt("truncated");
    const name = b.toString("utf8", o + 46, o + 46 + nameLen);
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      // Zip64 extended information: the 64-bit values, in this order, for the fields that overflowed.
      let e = o + 46 + nameLen;
      const extraEnd = e + extraLen;
      while (e + 4 <= extraEnd) {
        const id = u16(b, e);
        const size = u16(b, e + 2);
        if (id === 0x0001) {
          let p = e + 4;
          if (uncompressedSize === 0xffffffff) ((uncompressedSize = u64(b, p)), (p += 8));
          if (compressedSize === 0xffffffff) ((compressedSize = u64(b, p)), (p += 8));
          if (localOffset === 0xffffffff) localOffset = u64(b, p);
          break;
        }
        e += 4 + size;
      }
    }
    entries.push({ name, method, flags, compressedSize, uncompressedSize, localOffset });
    o += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function entryData(b: Buffer, e: Entry): Buffer {
  const o = e.localOffset;
  if (u32(b, o) !== SIG_LOCAL) throw new Corrupt(`bad local header for ${e.name}`);
  const start = o + 30 + u16(b, o + 26) + u16(b, o + 28);
  if (start + e.compressedSize > b.length) throw new Corrupt(`${e.name} runs past the end of the file`);
  return b.subarray(start, start + e.compressedSize);
}

const ROW = Buffer.from("row");

/** Rows in a worksheet's XML: `<row …>` elements, with or without a namespace prefix. */
export function countRows(xml: Buffer): number {
  let n = 0;
  for (let i = xml.indexOf(ROW); i >= 0; i = xml.indexOf(ROW, i + 3)) {
    const next = xml[i + 3];
    if (next !== 0x20 && next !== 0x3e && next !== 0x2f && next !== 0x0a && next !== 0x0d && next !== 0x09)
      continue;
    const prev = xml[i - 1];
    if (prev === 0x3c) n++;
    else if (prev === 0x3a) {
      // <prefix:row
      let j = i - 2;
      while (j >= 0 && /[A-Za-z0-9_.-]/.test(String.fromCharCode(xml[j]))) j--;
      if (j >= 0 && xml[j] === 0x3c && j < i - 2) n++;
    }
  }
  return n;
}

export interface PrecheckOptions {
  limits: Limits;
}

/**
 * A failed record when the bytes must not (or cannot) be loaded, else null. Inflates each part once,
 * bounded by the uncompressed limit, to confirm the declared sizes and count worksheet rows.
 */
export function precheck(
  data: Uint8Array,
  file: string,
  limits: Limits = DEFAULT_LIMITS,
): ReviewRecord | null {
  const b = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (b.length === 0)
    return failedRecord(file, "empty", {
      ja: "空のファイルです（0 バイト）。提出されたファイルを確認してください。",
      en: "The file is empty (0 bytes); check the submitted file.",
    });
  if (b.length > limits.maxFileBytes)
    return failedRecord(file, "too-large", {
      ja: `ファイルが大きすぎます（${mb(b.length)} MB、上限 ${mb(limits.maxFileBytes)} MB）。確認のうえ必要なら --max-file-mb で上限を上げてください。`,
      en: `The file is too large (${mb(b.length)} MB, limit ${mb(limits.maxFileBytes)} MB); check it and raise the limit with --max-file-mb if needed.`,
    });
  if (isCompoundFile(b))
    return failedRecord(file, "encrypted", {
      ja: "パスワードで保護された .xlsx か、古い形式（.xls）のファイルです。Excel で開いてパスワードを解除し（ファイル › 情報 › ブックの保護）、.xlsx 形式で保存し直してください。",
      en: "A password-protected .xlsx or a legacy .xls file. Open it in Excel, remove the password (File › Info › Protect Workbook) and save it as .xlsx.",
    });
  if (b.length < 4 || b[0] !== 0x50 || b[1] !== 0x4b)
    return failedRecord(file, "not-xlsx", {
      ja: ".xlsx ファイルではありません（zip 形式でない）。Excel で .xlsx 形式で保存し直してください。",
      en: "Not an .xlsx file (not a zip archive); save it from Excel as .xlsx.",
    });
  const corrupt = (why: string) =>
    failedRecord(file, "corrupt", {
      ja: `ファイルが壊れています（${why}）。提出元に再提出を依頼してください。`,
      en: `The file is damaged (${why}); ask for it to be submitted again.`,
    });
  const tooBig = (what: string) =>
    failedRecord(file, "too-large", {
      ja: `展開後のサイズが上限 ${mb(limits.maxUncompressedBytes)} MB を超えます（${what}）。確認のうえ必要なら --max-uncompressed-mb で上限を上げてください。`,
      en: `The unpacked size exceeds the limit of ${mb(limits.maxUncompressedBytes)} MB (${what}); check it and raise the limit with --max-uncompressed-mb if needed.`,
    });
  let entries: Entry[];
  try {
    entries = centralDirectory(b);
  } catch (e) {
    return corrupt(e instanceof Corrupt ? `zip: ${e.message}` : String(e));
  }
  const declared = entries.reduce((s, e) => s + e.uncompressedSize, 0);
  if (declared > limits.maxUncompressedBytes) return tooBig(`${mb(declared)} MB`);
  if (entries.some((e) => e.flags & 1))
    return failedRecord(file, "encrypted", {
      ja: "zip が暗号化されています。Excel で開いてパスワードを解除し、.xlsx 形式で保存し直してください。",
      en: "The zip archive is encrypted; open it in Excel, remove the password and save it as .xlsx.",
    });
  if (!entries.some((e) => e.name === "[Content_Types].xml"))
    return failedRecord(file, "not-xlsx", {
      ja: "zip ファイルですが .xlsx ではありません（[Content_Types].xml がない）。Excel で .xlsx 形式で保存し直してください。",
      en: "A zip archive but not an .xlsx ([Content_Types].xml is missing); save it from Excel as .xlsx.",
    });
  let budget = limits.maxUncompressedBytes;
  for (const e of entries) {
    if (e.name.endsWith("/")) continue;
    let xml: Buffer;
    try {
      const raw = entryData(b, e);
      if (e.method === 0) xml = raw;
      else if (e.method === 8) xml = inflateRawSync(raw, { maxOutputLength: Math.max(1, budget) });
      else return corrupt(`${e.name}: zip method ${e.method}`);
    } catch (err) {
      if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") return tooBig(e.name);
      return corrupt(err instanceof Corrupt ? `zip: ${err.message}` : `${e.name}: ${(err as Error).message}`);
    }
    budget -= xml.length;
    if (budget < 0) return tooBig(e.name);
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(e.name)) {
      const rows = countRows(xml);
      if (rows > limits.maxRows) {
        const sheet = e.name.slice("xl/worksheets/".length);
        return failedRecord(file, "too-many-rows", {
          ja: `シート（${sheet}）の行が多すぎます（${rows.toLocaleString("ja-JP")} 行、上限 ${limits.maxRows.toLocaleString("ja-JP")} 行）。確認のうえ必要なら --max-rows で上限を上げてください。`,
          en: `A worksheet (${sheet}) has too many rows (${rows.toLocaleString("en-US")}, limit ${limits.maxRows.toLocaleString("en-US")}); check it and raise the limit with --max-rows if needed.`,
        });
      }
    }
  }
  return null;
}
