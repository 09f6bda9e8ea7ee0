// V8 hands out a piece of 13 or more characters cut from a longer text as a view onto the whole of it,
// and a joined text as a pair of views. A cell's text read from a sheet's XML is such a view: kept in
// a memo or a cache that outlives the workbook, it would keep the sheet's whole text alive with it
// (a review worker would hold a piece of every file it read). What outlives a workbook keeps a copy.

/** Shorter texts are always copied by V8 itself. */
const VIEW_FROM = 13;

/** Whether `s` may be a view onto a longer text (and ownText would copy it). */
export function mayBeView(s: string): boolean {
  return s.length >= VIEW_FROM;
}

/** `s` as a text of its own, holding nothing else alive. */
export function ownText(s: string): string {
  // Joining makes a pair; cutting from the pair copies both halves into one new text first.
  return mayBeView(s) ? (" " + s).slice(1) : s;
}
