// The zip writer: the one-sheet copy ExcelJS is given (parts stored) and the .xlsx files the CLI writes
// (parts compressed by zlib). Read back by Saiten's own directory reader and inflaters and by JSZip,
// which checks every part's CRC.
import JSZip from "jszip";
import { randomBytes } from "crypto";
import { zlibCrc32, zlibDeflateRaw } from "../src/files/zip-deflate";
import { entryBytes, readDirectory } from "../src/files/zip-directory";
import { pakoInflateRaw } from "../src/files/pako-inflate";
import { zlibInflateRaw } from "../src/files/zip-inflate";
import { crc32, writeZip, type ZipPart } from "../src/files/zip-write";

const utf8 = new TextEncoder();
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

const PARTS: ZipPart[] = [
  { name: "[Content_Types].xml", bytes: utf8.encode("<Types/>") },
  { name: "xl/資料/回答.xml", bytes: utf8.encode(`<x>${"回答".repeat(500)}</x>`) },
  { name: "empty", bytes: new Uint8Array() },
  { name: "bin", bytes: Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7919) & 0xff) },
  { name: "noise", bytes: new Uint8Array(randomBytes(5_000)) },
];

async function readBackByJsZip(zip: Uint8Array): Promise<void> {
  const back = await JSZip.loadAsync(zip, { checkCRC32: true });
  expect(Object.keys(back.files)).toEqual(PARTS.map((p) => p.name));
  for (const p of PARTS) expect(same(await back.file(p.name)!.async("uint8array"), p.bytes)).toBe(true);
}

test("CRC-32 as the zip format computes it, here and by Node's zlib alike", () => {
  expect(crc32(utf8.encode("123456789"))).toBe(0xcbf43926);
  expect(crc32(new Uint8Array())).toBe(0);
  for (const p of PARTS) expect(zlibCrc32!(p.bytes)).toBe(crc32(p.bytes));
});

test("a CRC-32 given (zlib's in Node) is the one used: the same package, byte for byte", () => {
  const given = jest.fn(zlibCrc32!);
  const zip = writeZip(PARTS, { crc32: given, deflateRaw: zlibDeflateRaw });
  expect(given).toHaveBeenCalledTimes(PARTS.length);
  expect(same(zip, writeZip(PARTS, { deflateRaw: zlibDeflateRaw }))).toBe(true);
});

describe("parts stored", () => {
  test("read back by the directory reader and by JSZip, Japanese names included; no time given", async () => {
    const zip = writeZip(PARTS);
    const dir = readDirectory(zip);
    expect(dir.map((e) => [e.name, e.method, e.compressedSize, e.uncompressedSize])).toEqual(
      PARTS.map((p) => [p.name, 0, p.bytes.length, p.bytes.length]),
    );
    dir.forEach((e, i) => expect(same(entryBytes(zip, e), PARTS[i].bytes)).toBe(true));
    // No modification time: the headers' time and date are zero.
    const view = new DataView(zip.buffer, zip.byteOffset);
    expect([view.getUint16(10, true), view.getUint16(12, true)]).toEqual([0, 0]);
    await readBackByJsZip(zip);
  });
});

describe("parts compressed by zlib", () => {
  const deflateRaw = zlibDeflateRaw!;

  test("parts that shrink are deflated; empty and incompressible parts stored", () => {
    const zip = writeZip(PARTS, { deflateRaw });
    const dir = readDirectory(zip);
    expect(dir.map((e) => [e.name, e.method])).toEqual([
      ["[Content_Types].xml", 0], // 8 bytes: deflate makes them longer
      ["xl/資料/回答.xml", 8],
      ["empty", 0],
      ["bin", 8],
      ["noise", 0],
    ]);
    const text = dir[1];
    expect(text.compressedSize).toBeLessThan(text.uncompressedSize / 10);
    // Inflated back, in Node and as the pane inflates, to the very bytes.
    for (const [i, e] of dir.entries()) {
      const raw = entryBytes(zip, e);
      const bytes = e.method === 8 ? zlibInflateRaw!(raw, e.uncompressedSize) : raw;
      expect(same(bytes, PARTS[i].bytes)).toBe(true);
      if (e.method === 8) expect(same(pakoInflateRaw(raw, e.uncompressedSize), PARTS[i].bytes)).toBe(true);
    }
  });

  test("read back by JSZip checking every CRC, with the time given", async () => {
    const modified = new Date(2026, 11, 5, 13, 45, 31);
    const zip = writeZip(PARTS, { deflateRaw, modified });
    await readBackByJsZip(zip);
    const back = await JSZip.loadAsync(zip);
    // DOS time: local, to the even second.
    expect(back.file("bin")!.date.getTime()).toBe(new Date(2026, 11, 5, 13, 45, 30).getTime());
  });
});

test("past the plain zip format's 65,535 parts: refused, never a broken package", () => {
  const many = Array.from({ length: 0x10000 }, () => ({ name: "a", bytes: new Uint8Array() }));
  expect(() => writeZip(many)).toThrow(RangeError);
});
