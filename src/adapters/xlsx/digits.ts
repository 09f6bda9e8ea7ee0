// Numbers as a sheet writes them (shared-string indexes, row numbers, values), read without a call
// into V8's runtime: parseInt and parseFloat of a string made while reading (no cached index) leave
// the compiled code for C++, about half of the time that made a cell's value (CPU profile of the
// review's reading, 2026-12-06). Plain digits only; anything else goes to parseInt/parseFloat, so
// every string reads as it did.

/** Plain decimal digits that add up exactly in a double (at most 15 of them), or -1. */
function digitsValue(s: string): number {
  const n = s.length;
  if (n === 0 || n > 15) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** parseInt(s, 10). */
export function intOf(s: string): number {
  const v = digitsValue(s);
  return v >= 0 ? v : parseInt(s, 10);
}

/** parseFloat(s). */
export function floatOf(s: string): number {
  const v = digitsValue(s);
  return v >= 0 ? v : parseFloat(s);
}
