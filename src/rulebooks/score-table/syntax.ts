// The mini-syntax of the 選択肢・段階 and 閾値 cells: items separated by ';' or line breaks, each
// `head=points [key=value; ...]`. A backslash protects the next character; protected characters are
// parked in the private-use area so the splitting below can stay plain string work.
import { listOf, type Message, msg } from "../../messages";
import { normHeader } from "./words";

export interface Protected {
  text: string;
  restore(s: string): string;
}

export function protect(s: string): Protected {
  const saved: string[] = [];
  const text = s.replace(/\\([\s\S])|[\uE000-\uF8FF]/gu, (m: string, c: string | undefined) => {
    saved.push(c ?? m);
    return String.fromCharCode(0xe000 + saved.length - 1);
  });
  return {
    text,
    restore: (t) => t.replace(/[\uE000-\uF8FF]/g, (ch) => saved[ch.charCodeAt(0) - 0xe000] ?? ch).trim(),
  };
}

/** Splits at separators outside [ ] (attribute brackets). */
export function splitTop(s: string, sep: RegExp): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of s) {
    if (ch === "[" || ch === "［") depth++;
    else if ((ch === "]" || ch === "］") && depth > 0) depth--;
    if (depth === 0 && sep.test(ch)) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out.map((x) => x.trim()).filter((x) => x !== "");
}

export const SEP_LINES = /[;；\n]/;
export const SEP_STEPS = /[;；,，、\n]/;
export const SEP_IN_BLOCK = /[;；,，、]/;

export const ATTR_KEYS: Record<string, string> = {
  ID: "ID",
  小項目ID: "ID",
  id: "ID",
  上位: "上位",
  上位割合: "上位",
  英: "英",
  英語: "英",
  名称: "名称",
  別名: "別名",
  該当数: "該当数",
  該当率: "該当率",
  全国平均: "全国平均",
  平均: "全国平均",
  出典: "出典",
  実績の出典: "出典",
};
// A comma separates attributes only where another key follows, so values such as 出典=x, y survive.
const ATTR_AHEAD = `(?=\\s*(?:${Object.keys(ATTR_KEYS).join("|")})\\s*[=＝:：])`;
const ATTR_SPLIT = new RegExp(`[;；]|[,，、]${ATTR_AHEAD}`);

export interface Item {
  shown: string;
  /** Still protected; `restore` unescapes. */
  head: string;
  points?: string;
  /** Values still protected, so lists inside them (別名=a|b) split before unescaping. */
  attrs: Map<string, string>;
  restore(s: string): string;
}

export function parseItem(
  pt: Protected,
  item: string,
  allowed: readonly string[],
  err: (m: Message) => void,
): Item | undefined {
  const shown = pt.restore(item);
  let body = item;
  const attrs = new Map<string, string>();
  const open = body.search(/[[［]/);
  if (open >= 0) {
    const m = /^[[［]([^[\]［］]*)[\]］]$/.exec(body.slice(open).trim());
    if (!m) {
      err(msg("table.brackets", { item: shown }));
      return undefined;
    }
    for (const part of m[1]
      .split(ATTR_SPLIT)
      .map((x) => x.trim())
      .filter(Boolean)) {
      const kv = /^([^=＝:：]+)[=＝:：]([\s\S]*)$/.exec(part);
      const key = kv ? ATTR_KEYS[normHeader(kv[1])] : undefined;
      if (!kv || !key || !allowed.includes(key)) {
        const keys = allowed.map((k) => `${k}=…`);
        err(
          msg("table.bad-attr", {
            item: shown,
            attr: pt.restore(part),
            allowed: listOf(keys),
          }),
        );
        return undefined;
      }
      if (attrs.has(key)) {
        err(msg("table.attr-twice", { item: shown, key }));
        return undefined;
      }
      attrs.set(key, kv[2].trim());
    }
    body = body.slice(0, open).trim();
  }
  const eq = Math.max(body.lastIndexOf("="), body.lastIndexOf("＝"));
  const restore = pt.restore;
  if (eq < 0) return { shown, head: body, attrs, restore };
  return { shown, head: body.slice(0, eq).trim(), points: pt.restore(body.slice(eq + 1)), attrs, restore };
}

export function escapeText(s: string, extra = ""): string {
  return s.replace(new RegExp(`[\\\\;；[\\]［］\\n${extra}]`, "g"), (c) => `\\${c}`);
}
export const escapeAttr = (s: string, extra = "") =>
  escapeText(s, extra).replace(new RegExp(`([,，、])${ATTR_AHEAD}`, "g"), "\\$1");

/** ` [key=value; ...]` for the values present; values arrive escaped. */
export function attrsText(pairs: [string, string | undefined][]): string {
  const parts = pairs.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${v}`);
  return parts.length ? ` [${parts.join("; ")}]` : "";
}
export const attr = (v: string | number | null | undefined) =>
  v === undefined || v === null ? undefined : escapeAttr(String(v));
