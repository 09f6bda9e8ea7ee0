// Hostile inputs for the hostile-input suite, built in memory (nothing large lives in the repo), and
// the helpers every hostile test shares: running the CLI in-process or as a child process with a
// small heap, checking that what a user reads carries no library text, and hashing inputs so a test
// can prove they were not touched.
import { spawn } from "child_process";
import { createHash, randomBytes } from "crypto";
import ExcelJS from "exceljs";
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import * as zlib from "zlib";
import { parse } from "csv-parse/sync";
import { main } from "../../src/cli/main";
import { findBundled } from "../../src/rulebooks/registry";
import type { Rulebook } from "../../src/rulebooks/schema";
import { createTemplateWorkbook } from "../../src/adapters/exceljs/template-xlsx";
import { entryBytes, readDirectory } from "../../src/files/zip-directory";

// Messages are asserted in Japanese unless a test asks for --lang en, whatever the shell has set.
delete process.env.SAITEN_LANG;

export const ROOT = resolve(__dirname, "..", "..");
export const BIN = join(ROOT, "bin", "saiten.js");

// ---------------------------------------------------------------- running the CLI

export interface Ran {
  code: number;
  out: string;
  err: string;
}

/** `saiten …` in this process, as test/cli.test.ts runs it. */
export async function run(...argv: string[]): Promise<Ran> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

/** The CLI in this process, failed rather than waited for past `ms` (a read that blocks). */
export async function runWithin(ms: number, ...argv: string[]): Promise<Ran> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<Ran>((resolve) => {
    timer = setTimeout(() => resolve({ code: -1, out: "", err: `still running after ${ms} ms` }), ms);
  });
  try {
    return await Promise.race([run(...argv), limit]);
  } finally {
    clearTimeout(timer);
  }
}

export interface Spawned extends Ran {
  /** Exit code, or -1 when killed. */
  code: number;
  signal: NodeJS.Signals | null;
  /** Killed by the test's own time limit. */
  timedOut: boolean;
  ms: number;
  /** Bytes on standard output. */
  outBytes: number;
}

/** A slow consumer of a pipe: reads nothing for a while, then chunk by chunk with pauses. */
const SLOW_READER = `setTimeout(() => {
  process.stdin.on("data", (c) => {
    process.stdout.write(c);
    process.stdin.pause();
    setTimeout(() => process.stdin.resume(), 15);
  });
}, 1500);`;

/**
 * `node --max-old-space-size=<heapMb> bin/saiten.js …` (the compiled CLI) in a child process, killed
 * after `timeoutMs`. With `slowReader`, its standard output is a real pipe (as in `saiten … | jq`)
 * into a slow reader, and the exit code is the CLI's (bash's pipefail).
 */
export function runBin(
  args: string[],
  opts: { heapMb?: number; timeoutMs?: number; cwd?: string; slowReader?: boolean } = {},
): Promise<Spawned> {
  const { heapMb = 256, timeoutMs = 30_000, cwd } = opts;
  const started = Date.now();
  const node = [`--max-old-space-size=${heapMb}`, BIN, ...args];
  return new Promise((done) => {
    const env = { ...process.env, SAITEN_LANG: "", SAITEN_DEBUG: "", SLOW_READER };
    const child = opts.slowReader
      ? spawn("bash", ["-c", 'set -o pipefail; "$0" "$@" | "$0" -e "$SLOW_READER"', process.execPath, ...node], {
          cwd,
          env,
          stdio: ["ignore", "pipe", "pipe"],
          detached: true,
        })
      : spawn(process.execPath, node, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      // The pipeline is a process group of its own: end all of it.
      if (opts.slowReader && child.pid) process.kill(-child.pid, "SIGKILL");
      else child.kill("SIGKILL");
    }, timeoutMs);
    child.stdout.on("data", (c: Buffer) => out.push(c));
    child.stderr.on("data", (c: Buffer) => err.push(c));
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      done({
        code: code ?? -1,
        signal,
        timedOut,
        ms: Date.now() - started,
        outBytes: out.reduce((n, b) => n + b.length, 0),
        out: Buffer.concat(out).toString("utf8"),
        err: Buffer.concat(err).toString("utf8"),
      });
    });
  });
}

// ---------------------------------------------------------------- what a user may never read

/** Library text, errno codes, JavaScript errors and stack traces: none may reach a user. */
export const LEAKS = [
  "    at ",
  "Error:",
  "ENOENT",
  "EISDIR",
  "ENOSPC",
  "ELOOP",
  "EACCES",
  "ENXIO",
  "EAGAIN",
  "ERR_",
  "errno",
  "jszip",
  "is this a zip",
  "Bug :",
  "is not a function",
  "Maximum call stack",
  "Cannot read properties",
  "Unexpected token",
  "[object Object]",
  "heap out of memory",
  "予期しない問題",
  "Stopped on an unexpected problem",
];

/** Fails with the leaked fragment named, so the report says what leaked. */
export function expectClean(...texts: string[]): void {
  const all = texts.join("\n");
  for (const leak of LEAKS) expect({ leak, found: all.includes(leak) }).toEqual({ leak, found: false });
  // A catalogue placeholder left unfilled.
  expect(all).not.toMatch(/\{(file|out|cell|id|sheet|limit|n|input|what|folder|where|problem)\}/);
}

/** Kana and kanji (and the full-width forms Japanese text uses). */
export const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff01-\uff9f\u3000-\u303f]/;

/** English output: no Japanese left once the named files (and paths) are removed. */
export function expectEnglish(text: string, ...names: string[]): void {
  let rest = text;
  for (const n of [...names].sort((a, b) => b.length - a.length)) rest = rest.split(n).join("");
  expect({ text: rest, japanese: JAPANESE.exec(rest)?.[0] ?? null }).toEqual({ text: rest, japanese: null });
}

/** Control characters (but tab and line ends) and U+FFFD: the marks of binary bytes echoed as text. */
export function oddCharacters(text: string): string[] {
  return [...text].filter((c) => {
    const n = c.charCodeAt(0);
    return (n < 0x20 && c !== "\t" && c !== "\n" && c !== "\r") || n === 0x7f || c === "\ufffd";
  });
}

// ---------------------------------------------------------------- inputs unchanged

export function sha(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

/** sha256 of each regular file (links followed only when they lead to one); others by kind. */
export function hashes(files: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of files) {
    const l = lstatSync(f, { throwIfNoEntry: false });
    if (!l) out[f] = "(missing)";
    else if (l.isSymbolicLink()) {
      let target = "(dangling)";
      try {
        target = sha(f);
      } catch {
        /* a dangling link or a loop: its own identity is enough */
      }
      out[f] = `link:${target}`;
    } else if (l.isFile()) out[f] = sha(f);
    else out[f] = l.isDirectory() ? "dir" : "special";
  }
  return out;
}

/** Every entry of a folder (not recursive), hashed. */
export function folderHashes(dir: string): Record<string, string> {
  return hashes(readdirSync(dir).map((n) => join(dir, n)));
}

/** Temp files the safe write leaves behind if it fails to clean up. */
export function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.endsWith(".saiten-tmp"));
}

let counter = 0;
const made: string[] = [];
/** A fresh folder for one test, removed when the test file is done. */
export function freshDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `saiten-hostile-${label}-${++counter}-`));
  made.push(dir);
  return dir;
}

// Every test file imports this module, so every file cleans up after itself (pipes, loops and sparse
// files included: rmSync does not follow links).
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------- answer workbooks

export const KAIGO = "kaigo-municipal-fy2026";
export const KOUKI = "kouki-fy2022";

export function rulebook(id: string): Rulebook {
  const rb = findBundled(id);
  if (!rb) throw new Error(`no bundled rulebook ${id}`);
  return rb;
}

export interface AnswerSpec {
  /** indicator id → 回答 */
  answers?: Record<string, ExcelJS.CellValue>;
  /** 回答!B2 (the rulebook id the template records). */
  b2?: ExcelJS.CellValue;
  /** 回答!F3 (市町村名) and H3 (コード). */
  name?: string;
  code?: string;
  edit?: (ws: ExcelJS.Worksheet, rowOf: Map<string, number>, book: ExcelJS.Workbook) => void;
}

/** The standard answer template of a bundled rulebook, filled as asked, as .xlsx bytes. */
export async function answerBook(rbId: string, spec: AnswerSpec = {}): Promise<Uint8Array> {
  const book = createTemplateWorkbook(rulebook(rbId));
  const ws = book.getWorksheet("回答")!;
  const header = ws.getRow(5).values as unknown[];
  const idCol = header.indexOf("指標ID");
  const ansCol = header.indexOf("回答");
  const rowOf = new Map<string, number>();
  ws.eachRow((row, n) => {
    if (n > 5) rowOf.set(String(row.getCell(idCol).value), n);
  });
  for (const [id, v] of Object.entries(spec.answers ?? {})) {
    const r = rowOf.get(id);
    if (!r) throw new Error(`no row for ${id}`);
    ws.getCell(r, ansCol).value = v;
  }
  if (spec.b2 !== undefined) ws.getCell("B2").value = spec.b2;
  if (spec.name !== undefined) ws.getCell("F3").value = spec.name;
  if (spec.code !== undefined) ws.getCell("H3").value = spec.code;
  spec.edit?.(ws, rowOf, book);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** Writes bytes and returns the path. */
export function put(dir: string, name: string, data: Uint8Array | string): string {
  const file = join(dir, name);
  writeFileSync(file, data);
  return file;
}

// ---------------------------------------------------------------- zip packages, honest and not

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipPart {
  name: string;
  /** The part's bytes (deflated unless `store`). */
  data?: Uint8Array | string;
  store?: boolean;
  /** Already deflated bytes (raw deflate), with the size they inflate to. */
  deflated?: { bytes: Uint8Array; size: number; crc?: number };
  /** The inflated size the headers declare, when it should lie. */
  declaredSize?: number;
}

const enc = new TextEncoder();
const bytesOf = (d: Uint8Array | string) => (typeof d === "string" ? enc.encode(d) : d);

/** A package's parts, inflated: what zip() puts together again (edited or not). */
export function unzipParts(data: Uint8Array): ZipPart[] {
  return readDirectory(data).map((e) => ({
    name: e.name,
    data: e.method === 8 ? zlib.inflateRawSync(entryBytes(data, e)) : entryBytes(data, e),
  }));
}

/** A zip archive of the parts, local headers and central directory consistent unless told to lie. */
export function zip(parts: ZipPart[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, "utf8");
    let body: Uint8Array;
    let size: number;
    let crc: number;
    let method: number;
    if (p.deflated) {
      body = p.deflated.bytes;
      size = p.deflated.size;
      crc = p.deflated.crc ?? 0;
      method = 8;
    } else {
      const raw = bytesOf(p.data ?? "");
      size = raw.length;
      crc = crc32(raw);
      method = p.store ? 0 : 8;
      body = p.store ? raw : zlib.deflateRawSync(raw);
    }
    const declared = p.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    chunks.push(local, name, Buffer.from(body));
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(method, 10);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(body.length, 20);
    c.writeUInt32LE(declared, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + body.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, dir, end]));
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const workbookXml = (sheet: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
export const SHEET_OPEN = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`;

/** A one-sheet .xlsx package whose worksheet part is given (as XML, or already deflated). */
export function sheetPackage(sheet: Omit<ZipPart, "name">, sheetName = "回答"): Uint8Array {
  return zip([
    { name: "[Content_Types].xml", data: CONTENT_TYPES },
    { name: "_rels/.rels", data: ROOT_RELS },
    { name: "xl/workbook.xml", data: workbookXml(sheetName) },
    { name: "xl/_rels/workbook.xml.rels", data: WORKBOOK_RELS },
    { name: "xl/worksheets/sheet1.xml", ...sheet },
  ]);
}

/**
 * A raw deflate stream of `totalBytes` of zeros (1 GiB in about 1 MB): 16 MiB of zeros compressed
 * with a full flush (byte-aligned, no reference back past it) repeated, then an empty final block.
 */
export function zerosDeflated(totalBytes: number): Uint8Array {
  const CHUNK = 16 * 1024 * 1024;
  if (totalBytes % CHUNK !== 0) throw new Error("whole 16 MiB chunks only");
  const block = zlib.deflateRawSync(Buffer.alloc(CHUNK), { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  const parts: Buffer[] = [];
  for (let i = 0; i < totalBytes / CHUNK; i++) parts.push(block);
  parts.push(Buffer.from([0x03, 0x00])); // final empty fixed-Huffman block
  return new Uint8Array(Buffer.concat(parts));
}

export const GIB = 1024 * 1024 * 1024;

/** A zip bomb: an .xlsx whose worksheet inflates to 1 GiB of zeros, its headers saying so. */
export function zipBomb(): Uint8Array {
  return sheetPackage({ deflated: { bytes: zerosDeflated(GIB), size: GIB } });
}

/** The same bomb with headers that claim the worksheet is 2 KB. */
export function lyingZipBomb(): Uint8Array {
  return sheetPackage({ deflated: { bytes: zerosDeflated(GIB), size: GIB }, declaredSize: 2048 });
}

/** An .xlsx whose 回答 sheet has 1,048,576 empty rows (16 MB of XML, deflated as a stream). */
export async function millionRowBook(): Promise<Uint8Array> {
  const deflate = zlib.createDeflateRaw({ level: 6 });
  const out: Buffer[] = [];
  deflate.on("data", (c: Buffer) => out.push(c));
  const finished = new Promise<void>((res, rej) => {
    deflate.on("end", () => res());
    deflate.on("error", rej);
  });
  let size = 0;
  const write = (s: string) => {
    const b = Buffer.from(s, "utf8");
    size += b.length;
    deflate.write(b);
  };
  write(`${SHEET_OPEN}<sheetData>`);
  const ROWS = 1_048_576;
  for (let r = 1; r <= ROWS; r += 65_536) {
    let s = "";
    for (let k = r; k < r + 65_536 && k <= ROWS; k++) s += `<row r="${k}"/>`;
    write(s);
  }
  write(`</sheetData></worksheet>`);
  deflate.end();
  await finished;
  return sheetPackage({ deflated: { bytes: new Uint8Array(Buffer.concat(out)), size } });
}

/** A sheet with one merge covering every cell of the grid (17 billion cells to a naive reader). */
export function hugeMergeBook(): Uint8Array {
  return sheetPackage({
    data: `${SHEET_OPEN}<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>`,
  });
}

// ---------------------------------------------------------------- other kinds of file

/** The OLE compound-file signature, a sector of padding, and a stream name in UTF-16LE. */
export function compoundFile(streamName: string): Uint8Array {
  const head = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const pad = Buffer.alloc(504);
  const name = Buffer.from(streamName, "utf16le");
  const tail = Buffer.alloc(1024, 0xff);
  return new Uint8Array(Buffer.concat([head, pad, name, tail]));
}

/** A legacy .xls: a compound file with a "Workbook" stream. */
export const legacyXls = () => compoundFile("Workbook");
/** A password-protected .xlsx: a compound file with an "EncryptedPackage" stream. */
export const encryptedXlsx = () => compoundFile("EncryptedPackage");

export function odsFile(): Uint8Array {
  return zip([
    { name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet", store: true },
    { name: "META-INF/manifest.xml", data: `<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>` },
    { name: "content.xml", data: `<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>` },
  ]);
}

export function docxFile(): Uint8Array {
  return zip([
    { name: "[Content_Types].xml", data: CONTENT_TYPES },
    { name: "_rels/.rels", data: ROOT_RELS },
    { name: "word/document.xml", data: `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>` },
  ]);
}

export function xlsbFile(): Uint8Array {
  return zip([
    { name: "[Content_Types].xml", data: CONTENT_TYPES },
    { name: "_rels/.rels", data: ROOT_RELS },
    { name: "xl/workbook.bin", data: randomBytes(200) },
    { name: "xl/worksheets/sheet1.bin", data: randomBytes(200) },
  ]);
}

/** A zip of ordinary files: no workbook part at all. */
export function plainZip(): Uint8Array {
  return zip([
    { name: "readme.txt", data: "hello" },
    { name: "data/values.csv", data: "a,b\n1,2\n" },
  ]);
}

export const pdfFile = () =>
  enc.encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

/** Deterministic bytes that are no known format (no zip, OLE or PDF signature, not UTF-8). */
export function junkBytes(n: number, seed = 11): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = (x >> 16) & 0xff;
  }
  out[0] = 0x80; // never a text or a signature
  out[1] = 0x00;
  return out;
}

/** Text in Shift_JIS (ASCII plus these kanji, encoded by hand): 介=89EE 護=8CEC. */
export function shiftJisRulebookText(json: string): Uint8Array {
  const parts: number[] = [];
  for (const ch of json) {
    if (ch === "介") parts.push(0x89, 0xee);
    else if (ch === "護") parts.push(0x8c, 0xec);
    else if (ch.charCodeAt(0) < 0x80) parts.push(ch.charCodeAt(0));
    else throw new Error(`no Shift_JIS for ${ch}`);
  }
  const bytes = new Uint8Array(parts);
  // The builder checks itself: the bytes decode back as Shift_JIS and are not UTF-8.
  expect(new TextDecoder("shift_jis").decode(bytes)).toBe(json);
  expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
  return bytes;
}

/** CSV fields (RFC 4180, strictly: a stray quote fails), for reading what review --csv wrote. */
export function csvRows(text: string): string[][] {
  return parse(text, { bom: true, relax_column_count: true });
}
