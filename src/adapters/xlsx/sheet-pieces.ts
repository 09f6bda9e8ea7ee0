// A big sheet part read as several strings rather than one. V8 puts every object over 128 KB in its
// large object space, on pages of its own, and making one costs far more than its size suggests (about
// 1.4 ms for a 330 KB string on the development machine, 0.02 ms for 120 KB: see the performance
// notes). A form of ~1,000 indicators has a 370 KB answer sheet, which one non-ASCII character makes
// a 740 KB string. Cut after a row's end tag, each piece of the cells stays small; Sheet reads the
// pieces in turn exactly as it reads the whole text (a cut anywhere unusual makes it read the whole).
import { indexOfAscii, lastIndexOfAscii } from "../../files/ascii-search";
import type { SheetTexts } from "./sheet";
import { innerText, partText } from "./zip";

/** Bytes a piece (and a part read whole) may have: even as a string of two-byte characters it stays
 *  under 128 KB. */
export const PIECE_BYTES = 63 * 1024;

/** A sheet part's bytes in pieces: up to and including "<sheetData>", the cells, and from "</sheetData>" on. */
interface SheetPieceBytes {
  head: Uint8Array;
  cells: Uint8Array[];
  tail: Uint8Array;
}

/**
 * The part cut into pieces, or undefined when it is small enough to read whole or its <sheetData> is
 * not the plain start tag (or a row is longer than a piece): then it is read whole, as before.
 */
function sheetPieces(bytes: Uint8Array, pieceBytes: number): SheetPieceBytes | undefined {
  if (bytes.length <= pieceBytes) return undefined;
  const open = indexOfAscii(bytes, "<sheetData");
  if (open < 0 || bytes[open + 10] !== 62) return undefined;
  const from = open + 11;
  const to = lastIndexOfAscii(bytes, "</sheetData>");
  if (to < from) return undefined;
  const cells: Uint8Array[] = [];
  let start = from;
  while (to - start > pieceBytes) {
    // The last row end tag that leaves the piece within its size.
    const end = lastIndexOfAscii(bytes, "</row>", start + pieceBytes - 6);
    if (end < start) return undefined;
    cells.push(bytes.subarray(start, end + 6));
    start = end + 6;
  }
  cells.push(bytes.subarray(start, to));
  return { head: bytes.subarray(0, from), cells, tail: bytes.subarray(to) };
}

/** A sheet part's text as Sheet reads it: in pieces when the part is cut, else whole. */
export function sheetText(bytes: Uint8Array, pieceBytes = PIECE_BYTES): string | SheetTexts {
  const p = sheetPieces(bytes, pieceBytes);
  if (!p) return partText(bytes);
  // Only the head can start with a byte-order mark; inside the part a U+FEFF is a character.
  return { head: partText(p.head), cells: p.cells.map(innerText), tail: innerText(p.tail) };
}
