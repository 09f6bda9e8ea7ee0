// The fast reader's zip container on both of its inflaters: Node's zlib (the CLI) and pako (the task
// pane, whose bundle has no zlib). Every part of real ExcelJS workbooks must read the same either
// way, stored parts must read without inflating, and damaged or unusual zips must be refused the
// same way on both paths.
import { deflateRawSync } from "zlib";
import ExcelJS from "exceljs";
import { Unsupported, XlsxReader } from "../src/adapters/xlsx";
import { ZipParts } from "../src/adapters/xlsx/zip";
import { InflateSizeError, type InflateRaw } from "../src/files/inflate-raw";
import { pakoInflateRaw } from "../src/files/pako-inflate";
import { defaultInflateRaw, zlibInflateRaw } from "../src/files/zip-inflate";

/** A workbook big enough for multi-block deflate streams, with text well outside ASCII. */
async function bigBook(zip?: Partial<ExcelJS.XlsxWriteOptions>["zip"]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  // Fixed, so that two writes of the book have the same docProps/core.xml.
  book.created = book.modified = new Date(Date.UTC(2026, 3, 1));
  const ws = book.addWorksheet("回答");
  let s = 11;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const words = ["○", "×", "青葉町", "１２", "<&>\"'", "改行\nあり", "😀 絵文字", "_x0041_", "  空白  "];
  for (let r = 1; r <= 3000; r++) {
    ws.getRow(r).values = [
      r,
      words[Math.floor(rnd() * words.length)],
      Math.round(rnd() * 100000) / 100,
      `${words[r % words.length]}${r}`,
      { formula: `A${r}*2`, result: r * 2 },
    ];
  }
  ws.getCell("G1").value = { richText: [{ text: "リッチ" }, { text: "テキスト", font: { bold: true } }] };
  book.addWorksheet("メモ 1", { state: "hidden" }).getCell("A1").value = "hidden";
  book.definedNames.add("回答!$B$2", "saiten.entity.name");
  return new Uint8Array(await book.xlsx.writeBuffer(zip ? { zip } : undefined));
}

/** An inflater that counts its calls, on top of another. */
function counting(inner: InflateRaw): InflateRaw & { calls: number } {
  const f = Object.assign((data: Uint8Array, size: number) => (f.calls++, inner(data, size)), { calls: 0 });
  return f;
}

const refuse: InflateRaw = () => {
  throw new Error("a stored part must not be inflated");
};

interface RawEntry {
  name: string;
  data: Uint8Array;
  method?: number;
  flags?: number;
  /** The declared uncompressed size, when it should not be data's. */
  size?: number;
}

/** A hand-built zip, for what ExcelJS never writes. CRCs are left 0: the reader does not check them. */
function zipOf(entries: RawEntry[], eocdCount?: number): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const method = e.method ?? 8;
    const body = Buffer.from(method === 8 ? deflateRawSync(e.data) : e.data);
    const stored = e.size === undefined ? e.data.length : e.size;
    const name = Buffer.from(e.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.flags ?? 0, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(stored, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.flags ?? 0, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(stored, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(eocdCount ?? entries.length, 8);
  eocd.writeUInt16LE(eocdCount ?? entries.length, 10);
  eocd.writeUInt32LE(dir.length, 12);
  eocd.writeUInt32LE(offset, 16);
  // A view into a larger buffer, as Node's pooled Buffers are.
  const whole = Buffer.concat([Buffer.from("pad!"), ...locals, dir, eocd]);
  return new Uint8Array(whole.buffer, whole.byteOffset + 4, whole.length - 4);
}

/** What f throws. Not `toThrow(Error)`: zlib's errors come from outside jest's realm. */
function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    expect(e).not.toBeInstanceOf(Unsupported);
    return e;
  }
  throw new Error("did not throw");
}

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));

const PATHS: [string, InflateRaw][] = [
  ["zlib", zlibInflateRaw!],
  ["pako", pakoInflateRaw],
];

describe("ZipParts", () => {
  test("in Node the native zlib inflates", () => {
    expect(zlibInflateRaw).toBeDefined();
    expect(defaultInflateRaw).toBe(zlibInflateRaw);
  });

  test("pako gives exactly the text zlib gives, for every part of an ExcelJS workbook", async () => {
    const data = await bigBook();
    const zlibbed = new ZipParts(data);
    const pakoed = counting(pakoInflateRaw);
    const viaPako = new ZipParts(data, pakoed);
    const names = zlibbed.names();
    expect(viaPako.names()).toEqual(names);
    expect(names).toEqual(expect.arrayContaining(["xl/workbook.xml", "xl/worksheets/sheet1.xml"]));
    for (const name of names) expect(viaPako.text(name)).toBe(zlibbed.text(name));
    // JSZip stores the folder entries; every file part is deflated.
    expect(pakoed.calls).toBe(names.filter((n) => !n.endsWith("/")).length);
    const sheet = viaPako.text("xl/worksheets/sheet1.xml")!;
    expect(sheet.length).toBeGreaterThan(100_000);
    expect(viaPako.text("xl/sharedStrings.xml")).toContain("😀 絵文字");
  });

  test("stored parts read as the deflated ones, without inflating", async () => {
    const deflated = await bigBook();
    const stored = await bigBook({ compression: "STORE" });
    const a = new ZipParts(deflated);
    const b = new ZipParts(stored, refuse);
    expect(b.names()).toEqual(a.names());
    for (const name of a.names()) expect(b.text(name)).toBe(a.text(name));
    const req = { used: ["回答", "メモ 1"], names: true, ranges: ["回答!A1:G40"] };
    const fromStored = await (await XlsxReader.fromBuffer(stored)).read(req);
    expect(fromStored).toStrictEqual(await (await XlsxReader.fromBuffer(deflated)).read(req));
  });

  test.each(PATHS)("%s: a leading BOM is dropped from text, a leading slash from names", (_, inflate) => {
    const data = zipOf([
      { name: "/a.xml", data: utf8("\ufeff<a>①</a>") },
      { name: "b.xml", data: utf8("\ufeff<b/>"), method: 0 },
      { name: "empty.xml", data: new Uint8Array(0) },
    ]);
    const zip = new ZipParts(data, inflate);
    expect(zip.names()).toEqual(["a.xml", "b.xml", "empty.xml"]);
    expect(zip.has("a.xml")).toBe(true);
    expect(zip.has("/a.xml")).toBe(false);
    expect(zip.text("a.xml")).toBe("<a>①</a>");
    expect(zip.text("b.xml")).toBe("<b/>");
    expect(zip.text("empty.xml")).toBe("");
    expect(zip.text("missing.xml")).toBeUndefined();
  });

  test.each(PATHS)("%s: what the reader does not handle is refused as Unsupported", (_, inflate) => {
    const part = utf8("<x/>");
    const open = (entries: RawEntry[], count?: number) => new ZipParts(zipOf(entries, count), inflate);
    expect(() => new ZipParts(new Uint8Array([1, 2, 3]), inflate)).toThrow(Unsupported);
    expect(() => new ZipParts(new Uint8Array(200), inflate)).toThrow("bad central directory");
    // A count that claims zip64 without its records is a directory that cannot be read.
    expect(() => open([{ name: "x", data: part }], 0xffff)).toThrow("bad central directory");
    expect(() => open([{ name: "x", data: part, size: 0xffffffff }])).toThrow("zip64");
    expect(() => open([{ name: "x", data: part }], 2)).toThrow("bad central directory");
    expect(() =>
      open([
        { name: "/x", data: part },
        { name: "x", data: part },
      ]),
    ).toThrow("duplicate part x");
    const odd = open([
      { name: "m", data: part, method: 12 },
      { name: "e", data: part, flags: 1 },
    ]);
    expect(() => odd.text("m")).toThrow(new Unsupported("zip: method 12"));
    expect(() => odd.text("e")).toThrow(new Unsupported("zip: encrypted part"));
  });

  test.each(PATHS)("%s: bad local headers and parts past the end are refused", (_, inflate) => {
    const data = zipOf([{ name: "x", data: utf8("<x>".repeat(100)) }]);
    const copy = new Uint8Array(data);
    copy[0] = 0; // the local header's signature
    expect(() => new ZipParts(copy, inflate).text("x")).toThrow(new Unsupported("zip: x runs past the end"));
    const short = new Uint8Array(data);
    const view = new DataView(short.buffer);
    // The central directory entry's compressed size, made larger than the file.
    const central = short.length - 22 - 46 - 1;
    expect(view.getUint32(central, true)).toBe(0x02014b50);
    view.setUint32(central + 20, short.length, true);
    expect(() => new ZipParts(short, inflate).text("x")).toThrow(new Unsupported("zip: x runs past the end"));
  });

  test.each(PATHS)("%s: a part never inflates past the size its header declares", (_, inflate) => {
    // 8 MB of zeros deflate to about 8 KB: a header claiming 1 KB must stop at 1 KB, not produce 8 MB.
    const bomb = new Uint8Array(deflateRawSync(Buffer.alloc(8 * 1024 * 1024)));
    const err = thrown(() => inflate(bomb, 1024));
    expect(err).toBeInstanceOf(InflateSizeError);
    expect(thrown(() => inflate(bomb, 16 * 1024 * 1024))).toBeInstanceOf(InflateSizeError);
    expect(inflate(bomb, 8 * 1024 * 1024).length).toBe(8 * 1024 * 1024);
  });

  test.each(PATHS)("%s: a damaged deflate stream fails with an Error, not a partial part", (_, inflate) => {
    const text = "<row>青葉町</row>".repeat(2000);
    const whole = deflateRawSync(Buffer.from(text));
    const truncated = new Uint8Array(whole.subarray(0, whole.length >> 1));
    const size = Buffer.byteLength(text);
    expect(thrown(() => inflate(truncated, size))).toHaveProperty("message", expect.any(String));
    expect(thrown(() => inflate(new Uint8Array(0), 0))).toHaveProperty("message", expect.any(String));
    expect(thrown(() => inflate(new Uint8Array([0xff, 0xff, 0xff, 0xff]), 4))).toHaveProperty(
      "message",
      expect.any(String),
    );
    expect(new TextDecoder().decode(inflate(new Uint8Array(whole), size))).toBe(text);
  });
});
