// Finding ASCII text (tag names) in a part's bytes without decoding the part: UTF-8 keeps every ASCII
// byte as itself and never uses one inside a multi-byte character.

/** Whether `needle` continues in `bytes` at `i`, its first byte already matched there. */
function restMatches(bytes: Uint8Array, i: number, needle: string): boolean {
  for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle.charCodeAt(j)) return false;
  return true;
}

/** Where `needle` first occurs in `bytes`, or -1. */
export function indexOfAscii(bytes: Uint8Array, needle: string): number {
  const first = needle.charCodeAt(0);
  for (let i = bytes.indexOf(first); i >= 0; i = bytes.indexOf(first, i + 1))
    if (restMatches(bytes, i, needle)) return i;
  return -1;
}

/** Where `needle` last starts in `bytes` at or before `from`, or -1. */
export function lastIndexOfAscii(bytes: Uint8Array, needle: string, from = bytes.length - 1): number {
  const first = needle.charCodeAt(0);
  for (let i = bytes.lastIndexOf(first, from); i >= 0; i = i > 0 ? bytes.lastIndexOf(first, i - 1) : -1)
    if (restMatches(bytes, i, needle)) return i;
  return -1;
}
