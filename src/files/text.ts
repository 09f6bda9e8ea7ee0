// Text files a user hands over (rulebooks, results, summaries, form maps, CSV): decoded as UTF-8 with
// or without a byte-order mark; Shift_JIS, binary files and workbooks are named as such; JSON is
// checked for depth and syntax by position before it is parsed. Pure; runs in the browser too.
import { MAX_JSON_DEPTH } from "./limits";
import { sniff } from "./sniff";
import { msg, UserError } from "../messages";

export function decodeText(bytes: Uint8Array, file: string): string {
  const k = sniff(bytes);
  if (k.kind === "empty") return "";
  if (k.kind === "text") {
    if (k.encoding === "shift_jis") throw new UserError(msg("text.shift-jis", { file }));
    return new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
  }
  const workbookLike = k.kind === "zip" || k.kind === "encrypted" || k.kind === "xls";
  if (k.kind === "binary" || k.kind === "html") {
    // Long texts are sampled: a text whose later part is not UTF-8 is still told apart from binary.
    try {
      if (k.kind === "html") return new TextDecoder("utf-8").decode(bytes);
      new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      throw new UserError(msg("text.not-utf8", { file }));
    }
  }
  throw new UserError(
    msg("text.binary", { file, kind: msg(workbookLike ? "text.kind.workbook" : "text.kind.binary") }),
  );
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++)
    if (text.charCodeAt(i) === 10) ((line += 1), (start = i + 1));
  return { line, column: offset - start + 1 };
}

/**
 * Where a JSON text first goes wrong (offset, or "end" when it stops too early), or null when it is
 * well formed; throws too-deep past MAX_JSON_DEPTH. JSON.parse names positions only sometimes.
 */
function firstError(text: string, file: string): number | "end" | null {
  let i = 0;
  const n = text.length;
  let depth = 0;
  const ws = () => {
    while (i < n && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
  };
  const fail = (at: number): never => {
    throw at >= n ? "end" : at;
  };
  const str = () => {
    i++; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) return void i++;
      if (c < 0x20) fail(i);
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail(i);
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail(i);
      } else i++;
    }
    fail(n);
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail(i);
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    if (i >= n) fail(n);
    const c = text[i];
    if (c === "{" || c === "[") {
      if (++depth > MAX_JSON_DEPTH) throw new UserError(msg("json.too-deep", { file, depth: MAX_JSON_DEPTH }));
      const close = c === "{" ? "}" : "]";
      i++;
      ws();
      if (text[i] === close) {
        i++;
        depth--;
        return;
      }
      for (;;) {
        if (c === "{") {
          ws();
          if (text[i] !== '"') fail(i);
          str();
          ws();
          if (text[i] !== ":") fail(i);
          i++;
        }
        value();
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === close) {
          i++;
          depth--;
          return;
        }
        fail(i);
      }
    }
    if (c === '"') return str();
    if (c === "-" || (c >= "0" && c <= "9")) return number();
    for (const word of ["true", "false", "null"])
      if (text.startsWith(word, i)) return void (i += word.length);
    fail(i);
  };
  try {
    value();
    ws();
    if (i < n) return i;
    return null;
  } catch (e) {
    if (e === "end" || typeof e === "number") return e;
    throw e;
  }
}

/** Parses a user's JSON file; a syntax error names the line and character instead of JSON.parse's text. */
export function parseJsonText(text: string, file: string): unknown {
  if (text.trim() === "") throw new UserError(msg("file.empty", { file }));
  const at = firstError(text, file);
  if (at === "end") throw new UserError(msg("json.syntax-end", { file }));
  if (at !== null) throw new UserError(msg("json.syntax", { file, ...lineAndColumn(text, at) }));
  return JSON.parse(text);
}

export function parseJsonBytes(bytes: Uint8Array, file: string): unknown {
  return parseJsonText(decodeText(bytes, file), file);
}
