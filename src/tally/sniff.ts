// Which kind of tally a chosen file is, from its first bytes or its workbook's sheet names, without
// loading the readers: the pane asks on its own thread and reads the file in a worker.
import { ZipParts } from "../adapters/xlsx/zip";

function firstByte(data: Uint8Array): number {
  for (let i = 0; i < Math.min(data.length, 64); i++) {
    const b = data[i];
    // Skip a UTF-8 byte-order mark and white space.
    if (b === 0xef || b === 0xbb || b === 0xbf || b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d)
      continue;
    return b;
  }
  return -1;
}

export function isJson(data: Uint8Array): boolean {
  return firstByte(data) === 0x7b; // "{"
}

/** A workbook whose sheets include a 全国集計 sheet (MHLW names it 「全国集計（市町村）」). */
export function isTallyWorkbook(data: Uint8Array): boolean {
  try {
    const xml = new ZipParts(data).text("xl/workbook.xml");
    return xml !== undefined && /<sheet\b[^>]*\bname="[^"]*全国集計/.test(xml);
  } catch {
    return false;
  }
}
