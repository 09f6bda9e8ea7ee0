// Conversion between a rulebook and the 配点表 workbook layout (docs/haitenhyo.md), both ways.
// Pure: the workbook arrives as plain cell values, so the CLI (ExcelJS) and the add-in share one
// reader, and every problem can name the cell a clerk has to fix.
import {
  Group,
  idProblem,
  Indicator,
  IndicatorKind,
  Node,
  Rulebook,
  RuleBand,
  RuleOption,
  RuleStep,
  SizeClasses,
  Text,
} from "./schema";
import { checkRulebook } from "./validate";

export type TableCell = string | number | boolean | null;
/** Sheet name → rows; row 0 is sheet row 1, cell 0 is column A. */
export type TableBook = Record<string, TableCell[][]>;

export interface TableProblem {
  severity: "error" | "warning";
  sheet: string;
  /** A1 address with the sheet, e.g. "指標!F12". */
  cell?: string;
  /** Japanese, says what to fix. */
  message: string;
}

export function formatTableProblem(p: TableProblem): string {
  return `${p.cell ?? p.sheet}: ${p.message}`;
}

export const SHEETS = { rulebook: "ルールブック", groups: "区分", indicators: "指標", sizes: "規模区分" } as const;

export const GROUP_HEADERS = [
  "ID", "親ID", "コード", "名称", "名称(英)", "満点", "下限", "集計",
  "全国平均", "中央値", "平均得点率", "実績の出典", "備考", "備考(英)",
] as const;
const GROUP_CORE = new Set<string>(GROUP_HEADERS.filter((h) => h !== "実績の出典" && h !== "備考(英)"));

export const INDICATOR_HEADERS = [
  "区分ID", "ID", "コード", "名称", "名称(英)", "種類", "配点", "非該当の配点", "満点・上限", "下限",
  "選択肢・段階", "閾値", "方向", "単位", "累積", "測定名", "測定名(英)", "入力", "値の範囲",
  "前提", "回答元", "別名", "該当数", "該当率", "全国平均", "実績の出典", "根拠", "備考", "備考(英)",
] as const;
const INDICATOR_CORE = new Set<string>([
  "区分ID", "ID", "コード", "名称", "名称(英)", "種類", "配点", "満点・上限", "下限", "選択肢・段階", "閾値",
  "方向", "単位", "前提", "回答元", "別名", "該当数", "該当率", "根拠", "備考",
]);
export const SIZE_HEADERS = ["ID", "名称", "名称(英)", "以上", "未満"] as const;
export const SOURCE_HEADERS = ["出典ID", "題名", "URL", "リポジトリ", "パス", "コミット", "確度", "備考"] as const;
const KEY_HEADER = ["項目", "値", "補足"];

// ---------------------------------------------------------------------------------------------
// Words: [schema value, word written on export, other accepted spellings...]

type Words<T extends string> = readonly (readonly [T, string, ...string[]])[];

export const KIND_WORDS: Words<IndicatorKind> = [
  ["yesno", "はい・いいえ", "はい/いいえ", "有無", "YN"],
  ["choice", "択一", "単一選択", "選択"],
  ["multi", "複数選択", "複数"],
  ["numeric", "数値"],
  ["rankBand", "順位帯", "順位", "上位割合"],
  ["improvement", "改善"],
  ["points", "得点入力", "得点", "点数入力"],
];
const ENTITY_WORDS: Words<Rulebook["entity"]> = [
  ["municipality", "市町村"],
  ["prefecture", "都道府県"],
  ["wide-area-union", "広域連合"],
  ["insurer", "保険者"],
];
const LEVEL_WORDS: Words<Rulebook["level"]> = [
  ["item", "指標ごと", "指標"],
  ["group", "区分ごと", "区分"],
  ["mixed", "混在"],
];
type Unit = Extract<Indicator, { kind: "numeric" }>["unit"];
const UNIT_WORDS: Words<Unit> = [
  ["percent", "%", "パーセント", "割合"],
  ["number", "数値", "数"],
  ["count", "件数", "件", "人数", "回数", "個数"],
  ["yen", "円", "金額"],
  ["points", "点", "点数"],
  ["per-mille", "‰", "パーミル", "千分率"],
];
const NUMERIC_DIRECTION: Words<"atLeast" | "atMost"> = [
  ["atLeast", "以上"],
  ["atMost", "以下"],
];
const RANK_DIRECTION: Words<"higher" | "lower"> = [
  ["higher", "高いほど上位", "高い", "大きいほど上位"],
  ["lower", "低いほど上位", "低い", "小さいほど上位"],
];
const IMPROVEMENT_DIRECTION: Words<"increase" | "decrease"> = [
  ["increase", "増加", "上昇", "増"],
  ["decrease", "減少", "低下", "減"],
];
const INPUT_WORDS: Words<"values" | "change"> = [
  ["values", "値", "今年度の値", "実績値"],
  ["change", "変化量", "差", "増減"],
];
const AGGREGATE_WORDS: Words<"sum" | "best"> = [
  ["sum", "合計"],
  ["best", "最大", "最高", "いずれか"],
];
const BOOL_WORDS: Words<"true" | "false"> = [
  ["true", "はい", "○", "yes", "1", "有"],
  ["false", "いいえ", "×", "no", "0", "無"],
];
type Confidence = NonNullable<Rulebook["sources"][number]["confidence"]>;
const CONFIDENCE_WORDS: Words<Confidence> = [
  ["exact", "正確"],
  ["OCR", "OCR"],
  ["OCR?", "OCR?"],
  ["derived", "導出"],
  ["secondary", "二次資料"],
  ["inferred", "推定"],
];

/** Dropdowns the workbook writer offers (a hint only: the reader also takes the other spellings). */
export const TABLE_LISTS: readonly { sheet: string; header: string; values: readonly string[] }[] = [
  { sheet: SHEETS.indicators, header: "種類", values: KIND_WORDS.map((w) => w[1]) },
  { sheet: SHEETS.indicators, header: "単位", values: UNIT_WORDS.map((w) => w[1]) },
  { sheet: SHEETS.indicators, header: "累積", values: ["はい", "いいえ"] },
  { sheet: SHEETS.groups, header: "集計", values: AGGREGATE_WORDS.map((w) => w[1]) },
];
/** Rows inside a sheet (below row 1) that are header rows, marked by their first cell. */
export const TABLE_SUBHEADERS: readonly string[] = ["出典ID"];

const normWord = (s: string) => s.normalize("NFKC").toLowerCase().replace(/[\s・/_-]+/g, "");
const normHeader = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");

function fromWord<T extends string>(words: Words<T>, raw: string): T | undefined {
  const key = normWord(raw);
  return words.find((w) => w.some((x) => normWord(x) === key))?.[0];
}
function toWord<T extends string>(words: Words<T>, value: T | undefined): string | null {
  return value === undefined ? null : (words.find((w) => w[0] === value)?.[1] ?? value);
}
const wordList = (words: Words<string>) => words.map((w) => `「${w[1]}」`).join("・");

// ---------------------------------------------------------------------------------------------
// Values

function cellText(v: TableCell | undefined): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  const s = typeof v === "number" ? String(v) : v.trim();
  return s === "" ? undefined : s;
}

/** Accepts full-width digits, 1,000-style separators, ▲/△ for minus (accounting style) and a 点 suffix. */
export function parseNumber(raw: string): number | undefined {
  let s = raw
    .normalize("NFKC")
    .trim()
    .replace(/^[▲△−]/, "-")
    .replace(/点$/, "")
    .trim();
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, "");
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return undefined;
  return Number(s);
}

/** A share 0–1, written as 0.3, 30% or 3割. */
function parseShare(raw: string): number | undefined {
  const s = raw.normalize("NFKC").trim();
  const m = /^(.*?)(%|割)$/.exec(s);
  const n = parseNumber(m ? m[1] : s);
  if (n === undefined) return undefined;
  return m ? n / (m[2] === "%" ? 100 : 10) : n;
}

/** Percent text when it reads back exactly, else the decimal. */
function shareText(x: number): string {
  const p = String(Math.round(x * 100 * 1e9) / 1e9);
  return Number(p) / 100 === x ? `${p}%` : String(x);
}

function textOf(ja: string | undefined, en: string | undefined): Text | undefined {
  if (ja === undefined) return undefined;
  return en === undefined ? ja : { ja, en };
}
const jaOf = (t: Text | undefined) => (t === undefined ? null : typeof t === "string" ? t : t.ja);
const enOf = (t: Text | undefined) => (t === undefined || typeof t === "string" ? null : (t.en ?? null));

function compact<T extends object>(o: T): T {
  const rec = o as Record<string, unknown>;
  for (const k of Object.keys(rec)) if (rec[k] === undefined) delete rec[k];
  return o;
}
const nonEmpty = <T extends object>(o: T): T | undefined => (Object.keys(compact(o)).length ? o : undefined);

function colName(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function idMessage(id: string, reason: string): string {
  const why = reason.startsWith("ASCII")
    ? "半角英数字と「_」「.」だけを使い、先頭は数字以外にしてください"
    : reason.startsWith("looks like")
      ? "セル番地（A1 など）と紛らわしいため使えません。別のIDにしてください"
      : reason.startsWith("longer")
        ? "200文字以内にしてください"
        : reason;
  return `ID「${id}」は使えません。${why}。`;
}

// ---------------------------------------------------------------------------------------------
// Mini-syntax: items separated by ';' or line breaks, each `head=points [key=value; ...]`.
// A backslash protects the next character; protected characters are parked in the private-use
// area so the splitting below can stay plain string work.

interface Protected {
  text: string;
  restore(s: string): string;
}
function protect(s: string): Protected {
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
function splitTop(s: string, sep: RegExp): string[] {
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

const ATTR_KEYS: Record<string, string> = {
  ID: "ID", 小項目ID: "ID", id: "ID", 上位: "上位", 上位割合: "上位", 英: "英", 英語: "英", 名称: "名称",
  別名: "別名", 該当数: "該当数", 該当率: "該当率", 全国平均: "全国平均", 平均: "全国平均", 出典: "出典", 実績の出典: "出典",
};
const ATTR_AHEAD = `(?=\\s*(?:${Object.keys(ATTR_KEYS).join("|")})\\s*[=＝:：])`;
const ATTR_SPLIT = new RegExp(`[;；]|[,，、]${ATTR_AHEAD}`);

interface Item {
  shown: string;
  /** Still protected; `restore` unescapes. */
  head: string;
  points?: string;
  /** Values still protected, so lists inside them (別名=a|b) split before unescaping. */
  attrs: Map<string, string>;
  restore(s: string): string;
}

function parseItem(pt: Protected, item: string, allowed: readonly string[], err: (m: string) => void): Item | undefined {
  const shown = pt.restore(item);
  let body = item;
  const attrs = new Map<string, string>();
  const open = body.search(/[[［]/);
  if (open >= 0) {
    const m = /^[[［]([^[\]［］]*)[\]］]$/.exec(body.slice(open).trim());
    if (!m) {
      err(`「${shown}」: [ ] は項目の末尾に1組だけ書けます（名称に [ を含めるときは \\[ と書きます）。`);
      return undefined;
    }
    for (const part of m[1].split(ATTR_SPLIT).map((x) => x.trim()).filter(Boolean)) {
      const kv = /^([^=＝:：]+)[=＝:：]([\s\S]*)$/.exec(part);
      const key = kv ? ATTR_KEYS[normHeader(kv[1])] : undefined;
      if (!kv || !key || !allowed.includes(key)) {
        err(`「${shown}」: 「${pt.restore(part)}」は使えません。[ ] の中には ${allowed.map((k) => `${k}=…`).join("、")} を書けます。`);
        return undefined;
      }
      if (attrs.has(key)) {
        err(`「${shown}」: ${key} が2回書かれています。`);
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

const SEP_LINES = /[;；\n]/;
const SEP_STEPS = /[;；,，、\n]/;
const SEP_IN_BLOCK = /[;；,，、]/;

function escapeText(s: string, extra = ""): string {
  return s.replace(new RegExp(`[\\\\;；[\\]［］\\n${extra}]`, "g"), (c) => `\\${c}`);
}
const escapeAttr = (s: string, extra = "") =>
  escapeText(s, extra).replace(new RegExp(`([,，、])${ATTR_AHEAD}`, "g"), "\\$1");

/** ` [key=value; ...]` for the values present; values arrive escaped. */
function attrsText(pairs: [string, string | undefined][]): string {
  const parts = pairs.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${v}`);
  return parts.length ? ` [${parts.join("; ")}]` : "";
}
const attr = (v: string | number | null | undefined) => (v === undefined || v === null ? undefined : escapeAttr(String(v)));

// ---------------------------------------------------------------------------------------------
// Reading cells

class Problems {
  readonly list: TableProblem[] = [];
  add(severity: TableProblem["severity"], sheet: string, cell: string | undefined, message: string): void {
    this.list.push(cell ? { severity, sheet, cell, message } : { severity, sheet, message });
  }
  get failed(): boolean {
    return this.list.some((p) => p.severity === "error");
  }
}

interface Table {
  sheet: string;
  cols: Map<string, number>;
}

class Row {
  /** Names the indicator or group in messages once its id is known: 「B.n」の… */
  subject = "";
  constructor(
    readonly table: Table,
    readonly index: number,
    private readonly cells: readonly TableCell[],
    readonly out: Problems,
  ) {}

  raw(h: string): TableCell {
    const c = this.table.cols.get(h);
    return c === undefined ? null : (this.cells[c] ?? null);
  }
  has(h: string): boolean {
    return cellText(this.raw(h)) !== undefined;
  }
  text(h: string): string | undefined {
    return cellText(this.raw(h));
  }
  cell(h?: string): string {
    const c = (h !== undefined ? this.table.cols.get(h) : undefined) ?? this.table.cols.get("ID") ?? 0;
    return `${this.table.sheet}!${colName(c)}${this.index + 1}`;
  }
  error(h: string | undefined, message: string): void {
    this.out.add("error", this.table.sheet, this.cell(h), this.subject + message);
  }
  warn(h: string | undefined, message: string): void {
    this.out.add("warning", this.table.sheet, this.cell(h), this.subject + message);
  }

  required(h: string, hint = ""): string | undefined {
    const t = this.text(h);
    if (t === undefined) this.error(h, `${h}を入力してください。${hint}`);
    return t;
  }
  num(h: string, opt: { int?: boolean; min?: number; max?: number } = {}): number | undefined {
    const v = this.raw(h);
    const t = cellText(v);
    if (t === undefined) return undefined;
    const n = typeof v === "number" ? v : parseNumber(t);
    if (n === undefined || !Number.isFinite(n)) {
      this.error(h, `${h}「${t}」を数値として読めません。数値を入力してください。`);
    } else if (opt.int && !Number.isInteger(n)) {
      this.error(h, `${h}「${t}」は整数で入力してください。`);
    } else if ((opt.min !== undefined && n < opt.min) || (opt.max !== undefined && n > opt.max)) {
      const range = [opt.min !== undefined ? `${opt.min}以上` : "", opt.max !== undefined ? `${opt.max}以下` : ""];
      this.error(h, `${h}「${t}」は${range.join("")}にしてください。`);
    } else return n;
    return undefined;
  }
  share(h: string): number | undefined {
    const v = this.raw(h);
    const t = cellText(v);
    if (t === undefined) return undefined;
    const n = typeof v === "number" ? v : parseShare(t);
    if (n === undefined || n < 0 || n > 1) {
      this.error(h, `${h}「${t}」は 0〜1 の割合か、45% のように % を付けて入力してください。`);
      return undefined;
    }
    return n;
  }
  word<T extends string>(h: string, words: Words<T>, kindName?: string): T | undefined {
    const t = this.text(h);
    if (t === undefined) return undefined;
    const w = fromWord(words, t);
    if (w === undefined) {
      const scope = kindName ? `種類が「${kindName}」の指標の${h}は` : "";
      this.error(h, `${h}「${t}」は使えません。${scope}${wordList(words)}のいずれかを入力してください。`);
    }
    return w;
  }
  bool(h: string): boolean | undefined {
    const v = this.raw(h);
    if (typeof v === "boolean") return v;
    const w = this.word(h, BOOL_WORDS);
    return w === undefined ? undefined : w === "true";
  }
  id(h: string): string | undefined {
    const t = this.text(h)?.normalize("NFKC");
    if (t === undefined) return undefined;
    const problem = idProblem(t);
    if (problem) this.error(h, idMessage(t, problem));
    return t;
  }
  ids(h: string): string[] | undefined {
    const t = this.text(h)?.normalize("NFKC");
    if (t === undefined) return undefined;
    const ids = t.split(/[;,、\s]+/).filter(Boolean);
    for (const id of ids) {
      const problem = idProblem(id);
      if (problem) this.error(h, `${h}の${idMessage(id, problem)}`);
    }
    return ids;
  }
  list(h: string): string[] | undefined {
    const t = this.text(h);
    if (t === undefined) return undefined;
    const pt = protect(t);
    return splitTop(pt.text, SEP_LINES).map(pt.restore);
  }
  textPair(h: string, hEn: string): Text | undefined {
    const ja = this.text(h);
    const en = this.text(hEn);
    if (ja === undefined && en !== undefined) this.error(h, `${hEn}だけでなく${h}も入力してください。`);
    return textOf(ja, en);
  }
  /** One note per line; line i of the English column translates line i. */
  notes(h: string, hEn: string): Text[] | undefined {
    const lines = (x: TableCell) => (x === null ? [] : String(x).split(/\r?\n/).map((l) => l.trim()));
    const ja = lines(this.raw(h));
    const en = lines(this.raw(hEn));
    const out: Text[] = [];
    for (let i = 0; i < Math.max(ja.length, en.length); i++) {
      if (ja[i]) out.push(textOf(ja[i], en[i] || undefined)!);
      else if (en[i]) this.error(hEn, `${hEn}の${i + 1}行目に対応する${h}の行がありません。`);
    }
    return out.length ? out : undefined;
  }
}

function findSheet(book: TableBook, name: string): [string, TableCell[][]] | undefined {
  if (book[name]) return [name, book[name]];
  const key = Object.keys(book).find((k) => normHeader(k) === normHeader(name));
  return key === undefined ? undefined : [key, book[key]];
}

const isBlank = (r: readonly TableCell[] | undefined) => !r || r.every((c) => cellText(c) === undefined);

function headerMap(sheet: string, cells: readonly TableCell[], rowIndex: number, known: readonly string[], out: Problems) {
  const byNorm = new Map(known.map((h) => [normHeader(h), h]));
  const cols = new Map<string, number>();
  cells.forEach((c, i) => {
    const t = cellText(c);
    if (t === undefined) return;
    const h = byNorm.get(normHeader(t));
    const cell = `${sheet}!${colName(i)}${rowIndex + 1}`;
    if (!h) out.add("warning", sheet, cell, `見出し「${t}」は使いません（この列は読み込みません）。`);
    else if (cols.has(h)) out.add("error", sheet, cell, `見出し「${t}」が2つあります。1つにしてください。`);
    else cols.set(h, i);
  });
  return cols;
}

/** A table sheet: the first non-blank row holds the headers, blank rows are skipped. */
function readTable(
  book: TableBook,
  name: string,
  known: readonly string[],
  required: readonly string[],
  out: Problems,
  optional = false,
): Row[] | undefined {
  const found = findSheet(book, name);
  if (!found) {
    if (!optional) out.add("error", name, undefined, `シート「${name}」がありません。`);
    return undefined;
  }
  const [sheet, rows] = found;
  const head = rows.findIndex((r) => !isBlank(r));
  if (head < 0) {
    if (!optional) out.add("error", sheet, undefined, `シート「${sheet}」が空です。1行目に見出しを入力してください。`);
    return undefined;
  }
  const table: Table = { sheet, cols: headerMap(sheet, rows[head], head, known, out) };
  const missing = required.filter((h) => !table.cols.has(h));
  for (const h of missing) {
    out.add("error", sheet, `${sheet}!A${head + 1}`, `見出し「${h}」の列がありません。見出し行に「${h}」を追加してください。`);
  }
  if (missing.length) return undefined;
  const data: Row[] = [];
  for (let i = head + 1; i < rows.length; i++) if (!isBlank(rows[i])) data.push(new Row(table, i, rows[i], out));
  return data;
}

// ---------------------------------------------------------------------------------------------
// Import: the rulebook sheet

const RULEBOOK_KEYS: Record<string, string[]> = {
  形式: ["format"],
  ID: ["id", "ルールブックID"],
  制度: ["scheme"],
  対象: ["entity", "対象団体"],
  年度: ["fiscalYear"],
  版: ["version", "バージョン"],
  名称: ["title", "表題"],
  "名称(英)": ["title(en)"],
  水準: ["level", "採点単位"],
  母数: ["population"],
  率の桁数: ["rateDigits"],
  規模区分の基準: [],
  "規模区分の基準(英)": [],
  前年度ルールブック: [],
  前年度と同じID: [],
  前年度の区分: [],
  注記: ["notes"],
};
const REPEATABLE = new Set(["前年度の区分", "注記"]);
const KEY_EXTRA: Record<string, string> = { 注記: "注記(英)", 前年度の区分: "前年度の区分ID" };
const keyOf = new Map<string, string>();
for (const [k, aliases] of Object.entries(RULEBOOK_KEYS)) for (const a of [k, ...aliases]) keyOf.set(normWord(a), k);

function parseFiscalYear(row: Row, h: string): number | undefined {
  const v = row.raw(h);
  const t = cellText(v);
  if (t === undefined) return undefined;
  const s = t.normalize("NFKC").replace(/\s+/g, "").replace(/年度?$/, "");
  const era = /^(令和|R|平成|H)(\d+|元)$/i.exec(s);
  const n = typeof v === "number" ? v : era ? (era[2] === "元" ? 1 : Number(era[2])) + (/^(令和|r)$/i.test(era[1]) ? 2018 : 1988) : parseNumber(s);
  if (n === undefined || !Number.isInteger(n) || n < 2000 || n > 2100) {
    row.error(h, `年度「${t}」を読めません。2026 や 令和8年度 のように入力してください。`);
    return undefined;
  }
  return n;
}

interface RulebookSheet {
  meta: Partial<Rulebook>;
  sizeBasis?: Text;
  sizeBasisRow?: Row;
}

function readRulebookSheet(book: TableBook, out: Problems, loc: Locator): RulebookSheet | undefined {
  const found = findSheet(book, SHEETS.rulebook);
  if (!found) {
    out.add("error", SHEETS.rulebook, undefined, `シート「${SHEETS.rulebook}」がありません。`);
    return undefined;
  }
  const [sheet, rows] = found;
  const keyed = new Map<string, Row[]>();
  const sources: Rulebook["sources"] = [];
  let sourceTable: Table | undefined;
  rows.forEach((cells, i) => {
    if (isBlank(cells)) return;
    const first = cellText(cells[0]);
    if (first !== undefined && normHeader(first) === normHeader(KEY_HEADER[0])) return;
    if (first !== undefined && normHeader(first) === normHeader(SOURCE_HEADERS[0])) {
      sourceTable = { sheet, cols: headerMap(sheet, cells, i, SOURCE_HEADERS, out) };
      return;
    }
    const key = first === undefined ? undefined : keyOf.get(normWord(first));
    if (key) {
      const table: Table = { sheet, cols: new Map([[key, 1], [KEY_EXTRA[key] ?? `${key}(補足)`, 2]]) };
      const row = new Row(table, i, cells, out);
      if (keyed.has(key) && !REPEATABLE.has(key)) row.error(undefined, `「${key}」の行が2つあります。1つにしてください。`);
      else keyed.set(key, [...(keyed.get(key) ?? []), row]);
    } else if (sourceTable) {
      const row = new Row(sourceTable, i, cells, out);
      const src = readSource(row);
      if (src) {
        loc.row(`sources[${sources.length}]`, row, SOURCE_FIELDS);
        sources.push(src);
      }
    } else if (first === undefined) {
      out.add("warning", sheet, `${sheet}!A${i + 1}`, "A列（項目）が空欄の行は読み込みません。");
    } else {
      out.add("warning", sheet, `${sheet}!A${i + 1}`, `項目「${first}」は使いません（この行は読み込みません）。`);
    }
  });

  const one = (key: string) => keyed.get(key)?.[0];
  const val = <T>(key: string, read: (r: Row) => T | undefined, required = false): T | undefined => {
    const row = one(key);
    const v = row ? read(row) : undefined;
    if (row) loc.set(RULEBOOK_PATHS[key] ?? key, row.cell(key));
    if (required && (!row || !row.has(key))) {
      if (row) row.error(key, `${key}を入力してください。`);
      else out.add("error", sheet, undefined, `「${key}」の行がありません。A列に「${key}」、B列に値を入力してください。`);
    }
    return v;
  };
  const format = val("形式", (r) => r.text("形式"));
  if (format !== undefined && format !== "saiten.rulebook/1") {
    one("形式")!.error("形式", `形式「${format}」は読めません。saiten.rulebook/1 にしてください。`);
  }
  const id = val("ID", (r) => r.text("ID")?.normalize("NFKC"), true);
  if (id !== undefined && !/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(id)) {
    one("ID")!.error("ID", `ID「${id}」は使えません。半角英数字と「.」「_」「-」だけを使ってください。`);
  }
  const version = val("版", (r) => r.text("版")?.normalize("NFKC"), true);
  if (version !== undefined && !/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/.test(version)) {
    one("版")!.error("版", `版「${version}」は 1.0.0 のような形にしてください（セルの書式は文字列に）。`);
  }
  const titleJa = val("名称", (r) => r.text("名称"), true);
  const titleEn = val("名称(英)", (r) => r.text("名称(英)"));
  const notes: Text[] = [];
  for (const r of keyed.get("注記") ?? []) {
    const t = r.textPair("注記", "注記(英)");
    if (!t) continue;
    loc.set(`notes[${notes.length}]`, r.cell("注記"));
    notes.push(t);
  }
  const prevGroups: { current: string; previous: string }[] = [];
  for (const r of keyed.get("前年度の区分") ?? []) {
    const current = r.id("前年度の区分");
    const previous = r.id("前年度の区分ID");
    if (current === undefined || previous === undefined) {
      r.error(undefined, "前年度の区分の行は、B列に今年度の区分ID、C列に前年度の区分IDを入力してください。");
      continue;
    }
    loc.set(`previous.groups[${prevGroups.length}]`, r.cell("前年度の区分"));
    prevGroups.push({ current, previous });
  }
  const previous = nonEmpty({
    rulebook: val("前年度ルールブック", (r) => r.text("前年度ルールブック")),
    groups: prevGroups.length ? prevGroups : undefined,
    sameIds: val("前年度と同じID", (r) => r.bool("前年度と同じID")),
  });
  if (!sources.length) {
    out.add("error", sheet, undefined, "出典がありません。「出典ID」「題名」などの見出し行を作り、その下に出典を1件以上入力してください。");
  }
  const meta: Partial<Rulebook> = compact({
    format: "saiten.rulebook/1" as const,
    id,
    scheme: val("制度", (r) => r.text("制度"), true),
    entity: val("対象", (r) => r.word("対象", ENTITY_WORDS), true),
    fiscalYear: val("年度", (r) => parseFiscalYear(r, "年度"), true),
    version,
    title: textOf(titleJa, titleEn),
    level: val("水準", (r) => r.word("水準", LEVEL_WORDS), true),
    sources,
    notes,
    population: val("母数", (r) => r.num("母数", { int: true, min: 1 })),
    rateDigits: val("率の桁数", (r) => r.num("率の桁数", { int: true, min: 0, max: 6 })),
    previous,
  });
  const basisRow = one("規模区分の基準");
  const sizeBasis = textOf(
    val("規模区分の基準", (r) => r.text("規模区分の基準")),
    val("規模区分の基準(英)", (r) => r.text("規模区分の基準(英)")),
  );
  return { meta, sizeBasis, sizeBasisRow: basisRow };
}

const SOURCE_FIELDS: Record<string, string> = {
  id: "出典ID", title: "題名", url: "URL", repository: "リポジトリ", path: "パス", commit: "コミット", confidence: "確度", note: "備考",
};

function readSource(row: Row): Rulebook["sources"][number] | undefined {
  const id = row.required("出典ID");
  const title = row.required("題名");
  if (id === undefined || title === undefined) return undefined;
  return compact({
    id,
    title,
    url: row.text("URL"),
    repository: row.text("リポジトリ"),
    path: row.text("パス"),
    commit: row.text("コミット"),
    confidence: row.word("確度", CONFIDENCE_WORDS),
    note: row.text("備考"),
  });
}

const RULEBOOK_PATHS: Record<string, string> = {
  ID: "id", 制度: "scheme", 対象: "entity", 年度: "fiscalYear", 版: "version", 名称: "title", "名称(英)": "title.en",
  水準: "level", 母数: "population", 率の桁数: "rateDigits", 規模区分の基準: "sizeClasses.basis",
  前年度ルールブック: "previous.rulebook", 前年度と同じID: "previous.sameIds", 形式: "format",
};

// ---------------------------------------------------------------------------------------------
// Import: size classes

interface Sizes {
  classes?: SizeClasses["classes"];
  lookup: Map<string, string>;
}

function readSizes(book: TableBook, out: Problems, loc: Locator): Sizes {
  const rows = readTable(book, SHEETS.sizes, SIZE_HEADERS, ["ID", "名称"], out, true) ?? [];
  const lookup = new Map<string, string>();
  const classes: SizeClasses["classes"] = [];
  for (const row of rows) {
    const id = row.id("ID");
    const label = row.textPair("名称", "名称(英)");
    if (id === undefined || label === undefined) {
      row.error(id === undefined ? "ID" : "名称", `規模区分の${id === undefined ? "ID" : "名称"}を入力してください。`);
      continue;
    }
    loc.row(`sizeClasses.classes[${classes.length}]`, row, { id: "ID", label: "名称", min: "以上", max: "未満" });
    if (classes.some((c) => c.id === id)) row.error("ID", `規模区分ID「${id}」が2つあります。`);
    // 閾値 cells may name a class by id or by its label.
    lookup.set(normWord(jaOf(label)!), id);
    lookup.set(normWord(id), id);
    classes.push(compact({ id, label, min: row.num("以上"), max: row.num("未満") }));
  }
  return { classes: classes.length ? classes : undefined, lookup };
}

// ---------------------------------------------------------------------------------------------
// Import: options, bands and steps

type ImprovementStep = Extract<Indicator, { kind: "improvement" }>["steps"][number];
type Benchmark = NonNullable<RuleOption["benchmark"]>;

/** Reads the attributes every part may carry; reports through `err`. */
function partAttrs(item: Item, err: (m: string) => void) {
  const a = item.attrs;
  const get = (key: string) => (a.has(key) ? item.restore(a.get(key)!) : undefined);
  const num = (key: string, check: (n: number) => boolean, want: string) => {
    const t = get(key);
    if (t === undefined) return undefined;
    const n = key === "該当率" || key === "上位" ? parseShare(t) : parseNumber(t);
    if (n === undefined || !check(n)) err(`「${item.shown}」: ${key}「${t}」は${want}で書いてください。`);
    return n;
  };
  const id = get("ID")?.normalize("NFKC");
  const problem = id === undefined ? null : idProblem(id);
  if (id !== undefined && problem) err(`「${item.shown}」: 小項目の${idMessage(id, problem)}`);
  const benchmark: Benchmark | undefined = nonEmpty({
    hitCount: num("該当数", (n) => Number.isInteger(n) && n >= 0, "0以上の整数"),
    hitRate: num("該当率", (n) => n >= 0 && n <= 1, "0〜1 の割合か 45% の形"),
    mean: num("全国平均", Number.isFinite, "数値"),
    source: get("出典"),
  });
  const aliases = a.has("別名") ? splitTop(a.get("別名")!, /[|｜]/).map(item.restore) : undefined;
  const top = num("上位", (n) => n >= 0 && n <= 1, "30% や 0.3 の形");
  return { id, benchmark, aliases, top, en: get("英"), name: get("名称") };
}

function pointsOf(item: Item, err: (m: string) => void, example: string): number | undefined {
  if (item.points === undefined) {
    const hint = /^\d+$/.test(item.head) ? "（数値に桁区切りの「,」は使えません）" : "";
    err(`「${item.shown}」に「=配点」がありません（例: ${example}）。${hint}`);
    return undefined;
  }
  const n = parseNumber(item.points);
  if (n === undefined) err(`「${item.shown}」: 配点「${item.points}」を数値として読めません。`);
  return n;
}

function parseParts(row: Row, h: string, band: boolean): (RuleOption | RuleBand)[] | undefined {
  const text = row.text(h);
  if (text === undefined) return undefined;
  const pt = protect(text);
  const allowed = ["ID", "英", "別名", "該当数", "該当率", "全国平均", "出典", ...(band ? ["上位"] : [])];
  let ok = true;
  const err = (m: string) => {
    ok = false;
    row.error(h, `${h}の${m}`);
  };
  const parts = splitTop(pt.text, SEP_LINES).flatMap((raw) => {
    const item = parseItem(pt, raw, allowed, err);
    if (!item) return [];
    const m = /^(\S+)(?:[\s\u3000]+([\s\S]+))?$/u.exec(item.head);
    if (!m) {
      err(`「${item.shown}」にコードがありません（例: ア 全域で実施=10）。`);
      return [];
    }
    const points = pointsOf(item, err, band ? "ア 上位3割=5 [上位=30%]" : "ア 全域で実施=10");
    const at = partAttrs(item, err);
    const code = pt.restore(m[1]);
    const label = m[2] === undefined ? undefined : pt.restore(m[2]);
    if (at.en !== undefined && label === undefined) err(`「${item.shown}」: 英=… を書くときはコードの後に名称も書いてください。`);
    // 「ア全域で実施=10」: a clerk forgot the space between code and label.
    if (label === undefined && code.length > 4 && /[^ -~]/.test(code)) {
      row.warn(h, `${h}のコード「${code}」が長すぎます。コードと名称の間に空白を入れてください（例: ア 全域で実施=10）。`);
    }
    if (points === undefined) return [];
    const part = compact({
      code,
      label: textOf(label, at.en),
      top: band ? at.top : undefined,
      points,
      id: at.id,
      aliases: at.aliases,
      benchmark: at.benchmark,
    });
    return [part];
  });
  return ok ? parts : undefined;
}

interface Block {
  size?: string;
  body: string;
}

/** 閾値 cells may be split by size class: `large: 50=10, 40=5 | small: 60=10` (or one size per line). */
function blocksOf(row: Row, h: string, pt: Protected, sizes: Sizes): Block[] | undefined {
  if (!/^[^=＝[［;；,，、\n|｜]*[:：]/.test(pt.text)) return [{ body: pt.text }];
  const blocks: Block[] = [];
  for (const part of splitTop(pt.text, /[|｜\n]/)) {
    const m = /^([^=＝[［;；,，、:：]+)[:：]([\s\S]*)$/.exec(part);
    if (!m) {
      if (blocks.length) blocks[blocks.length - 1].body += `;${part}`;
      continue;
    }
    const name = pt.restore(m[1]);
    const common = ["共通", "全体", "*"].includes(name);
    const size = common ? undefined : sizes.lookup.get(normWord(name));
    if (!common && size === undefined) {
      row.error(h, `${h}の規模区分「${name}」が「${SHEETS.sizes}」シートにありません。`);
      return undefined;
    }
    if (blocks.some((b) => b.size === size)) {
      row.error(h, `${h}に規模区分「${name}」が2回あります。`);
      return undefined;
    }
    blocks.push({ size, body: m[2] });
  }
  return blocks;
}

function splitBlock(b: Block, bySize: boolean): string[] {
  return splitTop(b.body, bySize ? SEP_IN_BLOCK : SEP_STEPS);
}

function parseValue(t: string): number | null | undefined {
  const s = t.normalize("NFKC").trim();
  if (["?", "不明", "未公表", "null"].includes(s)) return null;
  return parseNumber(s);
}

interface Ladder {
  steps?: RuleStep[];
  stepsBySize?: Record<string, RuleStep[]>;
  direction?: "atLeast" | "atMost";
}

function parseLadder(row: Row, h: string, sizes: Sizes): Ladder | undefined {
  const text = row.text(h);
  if (text === undefined) return undefined;
  const pt = protect(text);
  const blocks = blocksOf(row, h, pt, sizes);
  if (!blocks) return undefined;
  let ok = true;
  const err = (m: string) => {
    ok = false;
    row.error(h, `${h}の${m}`);
  };
  const dirs = new Set<"atLeast" | "atMost">();
  const ladder: Ladder = {};
  const bySize = blocks.some((b) => b.size !== undefined);
  for (const b of blocks) {
    const steps = splitBlock(b, bySize).flatMap((raw) => {
      const item = parseItem(pt, raw, ["ID", "名称", "英", "該当数", "該当率", "全国平均", "出典"], err);
      if (!item) return [];
      const m = /^(.*?)\s*(以上|以下)?$/.exec(item.head.normalize("NFKC"))!;
      if (m[2]) dirs.add(m[2] === "以上" ? "atLeast" : "atMost");
      const value = parseValue(m[1]);
      if (value === undefined) {
        err(`「${item.shown}」: 閾値「${pt.restore(item.head)}」を数値として読めません（不明なときは ?=10 のように書きます）。`);
        return [];
      }
      const points = pointsOf(item, err, "60=10");
      const at = partAttrs(item, err);
      if (at.en !== undefined && at.name === undefined) err(`「${item.shown}」: 英=… を書くときは 名称=… も書いてください。`);
      if (points === undefined) return [];
      return [compact({ value, points, id: at.id, label: textOf(at.name, at.en), benchmark: at.benchmark })];
    });
    if (b.size === undefined) ladder.steps = steps;
    else (ladder.stepsBySize ??= {})[b.size] = steps;
  }
  if (dirs.size > 1) err("「以上」と「以下」が混ざっています。どちらかにそろえてください。");
  ladder.direction = dirs.size === 1 ? [...dirs][0] : undefined;
  return ok ? compact(ladder) : undefined;
}

function parseCutoffs(row: Row, h: string, sizes: Sizes) {
  const text = row.text(h);
  if (text === undefined) return {};
  const pt = protect(text);
  const blocks = blocksOf(row, h, pt, sizes);
  if (!blocks) return undefined;
  let ok = true;
  const bySize = blocks.some((b) => b.size !== undefined);
  const res: { cutoffs?: (number | null)[]; cutoffsBySize?: Record<string, (number | null)[]> } = {};
  for (const b of blocks) {
    const cuts = splitBlock(b, bySize).map((raw) => {
      const v = raw.includes("=") || raw.includes("＝") ? undefined : parseValue(pt.restore(raw));
      if (v === undefined) {
        ok = false;
        row.error(h, `${h}の「${pt.restore(raw)}」: 順位帯の閾値は段階の順に数値だけを書きます（例: 2; 4; 6; 9、不明は ?）。`);
      }
      return v ?? null;
    });
    if (b.size === undefined) res.cutoffs = cuts;
    else (res.cutoffsBySize ??= {})[b.size] = cuts;
  }
  return ok ? res : undefined;
}

const BOUND = /([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*(以上|超|以下|未満)/gi;

function parseImprovement(row: Row, h: string): ImprovementStep[] | undefined {
  const text = row.text(h);
  if (text === undefined) return undefined;
  const pt = protect(text);
  let ok = true;
  const err = (m: string) => {
    ok = false;
    row.error(h, `${h}の${m}`);
  };
  const steps = splitTop(pt.text, SEP_STEPS).flatMap((raw) => {
    const item = parseItem(pt, raw, ["ID", "名称", "英"], err);
    if (!item) return [];
    const head = item.head.normalize("NFKC").replace(/[▲△−]/g, "-");
    const step: Partial<ImprovementStep> = {};
    if (!["それ以外", "その他", "すべて"].includes(head)) {
      const rest = head.replace(BOUND, (_, n: string, op: string) => {
        const lower = op === "以上" || op === "超";
        if ((lower ? step.min : step.max) !== undefined) err(`「${item.shown}」: 下限と上限は1つずつです。`);
        if (lower) Object.assign(step, { min: Number(n), minInclusive: op === "超" ? false : undefined });
        else Object.assign(step, { max: Number(n), maxInclusive: op === "未満" ? false : undefined });
        return "";
      });
      if (rest.replace(/[\s、,~〜]/g, "") !== "" || (step.min === undefined && step.max === undefined)) {
        err(`「${item.shown}」: 改善幅を「1以上」「0超」「0超1未満」「それ以外」のように書いてください。`);
        return [];
      }
    }
    const points = pointsOf(item, err, "1以上=6");
    const at = partAttrs(item, err);
    if (at.en !== undefined && at.name === undefined) err(`「${item.shown}」: 英=… を書くときは 名称=… も書いてください。`);
    if (points === undefined) return [];
    const { min, minInclusive, max, maxInclusive } = step;
    return [compact({ min, minInclusive, max, maxInclusive, points, id: at.id, label: textOf(at.name, at.en) })];
  });
  return ok ? steps : undefined;
}

function parseRange(row: Row, h: string): { min?: number; max?: number } | undefined {
  const t = row.text(h);
  if (t === undefined) return undefined;
  const parts = t.normalize("NFKC").split(/[~〜]/);
  const nums = parts.map((p) => (p.trim() === "" ? undefined : parseNumber(p)));
  if (parts.length !== 2 || nums.some((n, i) => n === undefined && parts[i].trim() !== "") || nums.every((n) => n === undefined)) {
    row.error(h, `${h}「${t}」は「0〜100」「0〜」「〜100」のように書いてください。`);
    return undefined;
  }
  return compact({ min: nums[0], max: nums[1] });
}

// ---------------------------------------------------------------------------------------------
// Import: indicators

const COMMON_COLUMNS = new Set([
  "区分ID", "ID", "コード", "名称", "名称(英)", "種類", "前提", "回答元", "別名",
  "該当数", "該当率", "全国平均", "実績の出典", "根拠", "備考", "備考(英)",
]);
const KIND_COLUMNS: Record<IndicatorKind, string[]> = {
  yesno: ["配点", "非該当の配点"],
  choice: ["選択肢・段階"],
  multi: ["選択肢・段階", "満点・上限"],
  numeric: ["閾値", "方向", "単位", "非該当の配点", "値の範囲"],
  rankBand: ["選択肢・段階", "閾値", "方向", "単位", "累積", "測定名", "測定名(英)"],
  improvement: ["閾値", "方向", "単位", "入力"],
  points: ["満点・上限", "下限"],
};
const kindWord = (k: string) => toWord(KIND_WORDS, k as IndicatorKind) ?? k;

interface IndicatorRow {
  row: Row;
  id: string;
  /** Missing when the row has errors; the row still takes part in id and parent checks. */
  ind?: Indicator;
  /** 区分ID, possibly a path "P > P_I > P_I_1"; the last segment is the parent. */
  path: string[];
}

function readIndicator(row: Row, sizes: Sizes): IndicatorRow | undefined {
  const id = row.id("ID");
  if (id !== undefined) row.subject = `「${id}」の`;
  const pathText = row.required("区分ID");
  const path = pathText?.normalize("NFKC").split(/\s*[>＞/›]\s*/).filter(Boolean) ?? [];
  const name = row.textPair("名称", "名称(英)");
  if (name === undefined && !row.has("名称(英)")) row.error("名称", "名称を入力してください。");
  const kindText = row.required("種類", `（${wordList(KIND_WORDS)}）`);
  const kind = kindText === undefined ? undefined : fromWord(KIND_WORDS, kindText);
  if (kindText !== undefined && kind === undefined) {
    row.error("種類", `種類「${kindText}」は使えません。${wordList(KIND_WORDS)}のいずれかを入力してください。`);
  }
  if (id === undefined) row.error("ID", "IDを入力してください。");
  for (const h of row.table.cols.keys()) {
    if (kind && !COMMON_COLUMNS.has(h) && !KIND_COLUMNS[kind].includes(h) && row.has(h)) {
      row.warn(h, `種類が「${kindWord(kind)}」の指標では「${h}」の列は使いません（読み込みません）。`);
    }
  }
  const head = { id: id ?? "", code: row.text("コード"), name: name ?? "" };
  const tail = {
    aliases: row.list("別名"),
    requires: row.ids("前提"),
    answerFrom: row.id("回答元"),
    benchmark: nonEmpty({
      hitCount: row.num("該当数", { int: true, min: 0 }),
      hitRate: row.share("該当率"),
      mean: row.num("全国平均"),
      source: row.text("実績の出典"),
    }),
    notes: row.notes("備考", "備考(英)"),
    basis: row.text("根拠"),
  };
  const body = kind ? readKind(row, kind, sizes) : undefined;
  if (id === undefined || !path.length) return undefined;
  const { kind: bodyKind, ...specific } = body ?? { kind: undefined };
  const ind = body && name ? (compact({ kind: bodyKind, ...head, ...specific, ...tail }) as Indicator) : undefined;
  return { row, id, path, ind };
}

type KindBody = { kind: IndicatorKind } & Record<string, unknown>;

function readKind(row: Row, kind: IndicatorKind, sizes: Sizes): KindBody | undefined {
  const kindName = kindWord(kind);
  const need = <T>(h: string, v: T | undefined, hint = ""): T | undefined => {
    if (v === undefined && !row.has(h)) row.error(h, `種類が「${kindName}」の指標は${h}を入力してください。${hint}`);
    return v;
  };
  switch (kind) {
    case "yesno": {
      const points = need("配点", row.num("配点"));
      const pointsIfNo = row.num("非該当の配点");
      return points === undefined ? undefined : { kind, points, pointsIfNo };
    }
    case "choice":
    case "multi": {
      const options = need("選択肢・段階", parseParts(row, "選択肢・段階", false), "（例: ア 全域で実施=10; イ 一部で実施=5）");
      const cap = kind === "multi" ? row.num("満点・上限") : undefined;
      return options ? { kind, options, cap } : undefined;
    }
    case "numeric": {
      const unit = need("単位", row.word("単位", UNIT_WORDS), `（${wordList(UNIT_WORDS)}）`);
      const ladder = need("閾値", parseLadder(row, "閾値", sizes), "（例: 60=10; 45=5）");
      const stated = row.word("方向", NUMERIC_DIRECTION, kindName);
      if (stated && ladder?.direction && stated !== ladder.direction) {
        row.error("閾値", `閾値の「${toWord(NUMERIC_DIRECTION, ladder.direction)}」が方向「${toWord(NUMERIC_DIRECTION, stated)}」と合いません。`);
      }
      const direction = stated ?? ladder?.direction;
      if (direction === undefined && !row.has("方向")) row.error("方向", "方向（「以上」か「以下」）を入力してください。");
      const range = parseRange(row, "値の範囲");
      if (!unit || !ladder || !direction) return undefined;
      const { steps, stepsBySize } = ladder;
      return { kind, unit, direction, steps, stepsBySize, pointsOtherwise: row.num("非該当の配点"), range };
    }
    case "rankBand": {
      const bands = need("選択肢・段階", parseParts(row, "選択肢・段階", true), "（例: ア 上位3割=5 [上位=30%]）");
      const cumulative = row.bool("累積");
      const used = ["測定名", "測定名(英)", "単位", "方向", "閾値"].some((h) => row.has(h));
      if (!used) return bands ? { kind, cumulative, bands } : undefined;
      const unit = need("単位", row.word("単位", UNIT_WORDS), "（閾値や測定名を書くときは必要です）");
      const direction = need("方向", row.word("方向", RANK_DIRECTION, kindName), `（${wordList(RANK_DIRECTION)}）`);
      const cuts = parseCutoffs(row, "閾値", sizes);
      if (!bands || !unit || !direction || !cuts) return undefined;
      const measure = compact({ name: row.textPair("測定名", "測定名(英)"), unit, direction, ...cuts });
      return { kind, cumulative, bands, measure };
    }
    case "improvement": {
      const unit = need("単位", row.word("単位", UNIT_WORDS), `（${wordList(UNIT_WORDS)}）`);
      const direction = need("方向", row.word("方向", IMPROVEMENT_DIRECTION, kindName), `（${wordList(IMPROVEMENT_DIRECTION)}）`);
      const input = row.word("入力", INPUT_WORDS);
      const steps = need("閾値", parseImprovement(row, "閾値"), "（例: 1以上=6; 0超=3）");
      return unit && direction && steps ? { kind, unit, direction, input, steps } : undefined;
    }
    case "points":
      return { kind, max: row.num("満点・上限"), min: row.num("下限") };
  }
}

// ---------------------------------------------------------------------------------------------
// Import: groups and the tree

interface GroupRow {
  row: Row;
  group: Group;
  parent?: string;
}

function readGroup(row: Row): GroupRow | undefined {
  const id = row.id("ID");
  if (id !== undefined) row.subject = `区分「${id}」の`;
  else row.error("ID", "区分のIDを入力してください。");
  const name = row.textPair("名称", "名称(英)");
  if (name === undefined && !row.has("名称(英)")) row.error("名称", "名称を入力してください。");
  const group: Group = compact({
    kind: "group" as const,
    id: id ?? "",
    code: row.text("コード"),
    name: name ?? "",
    max: row.num("満点"),
    min: row.num("下限"),
    aggregate: row.word("集計", AGGREGATE_WORDS),
    benchmark: nonEmpty({
      mean: row.num("全国平均"),
      median: row.num("中央値"),
      meanRate: row.share("平均得点率"),
      source: row.text("実績の出典"),
    }),
    notes: row.notes("備考", "備考(英)"),
    children: [],
  });
  return id === undefined ? undefined : { row, group, parent: row.id("親ID") };
}

/** Children follow the 指標 sheet: a group or indicator joins its parent when it first appears there. */
function buildTree(groups: GroupRow[], indicators: IndicatorRow[], out: Problems): Group | undefined {
  const byId = new Map<string, GroupRow>();
  const seen = new Map<string, string>();
  const claim = (id: string, row: Row) => {
    const prev = seen.get(id);
    if (prev) row.error("ID", `ID「${id}」が重複しています（${prev} と同じ）。別のIDにしてください。`);
    else seen.set(id, row.cell("ID"));
    return !prev;
  };
  for (const g of groups) if (claim(g.group.id, g.row)) byId.set(g.group.id, g);
  const indicatorIds = new Set<string>();
  for (const i of indicators) if (claim(i.id, i.row)) indicatorIds.add(i.id);

  const roots = groups.filter((g) => g.parent === undefined);
  if (!roots.length && groups.length) {
    out.add("error", groups[0].row.table.sheet, undefined, "最上位の区分（親IDが空欄の行）がありません。合計にあたる区分を1行作り、親IDを空欄にしてください。");
  }
  for (const extra of roots.slice(1)) {
    extra.row.error("親ID", `親IDが空欄の区分が複数あります（最上位は「${roots[0].group.id}」の1つだけです）。親IDを入力してください。`);
  }
  const chains = new Map<string, string[] | null>();
  const chainOf = (id: string): string[] | null => {
    if (chains.has(id)) return chains.get(id)!;
    chains.set(id, null);
    const g = byId.get(id);
    let chain: string[] | null = null;
    if (g && g.parent === undefined) chain = g === roots[0] ? [id] : null;
    else if (g && g.parent !== undefined) {
      const up = byId.has(g.parent) ? chainOf(g.parent) : null;
      chain = up && [...up, id];
    }
    chains.set(id, chain);
    return chain;
  };
  for (const g of groups) {
    if (g.parent === undefined || !byId.has(g.group.id)) continue;
    if (indicatorIds.has(g.parent)) g.row.error("親ID", `親ID「${g.parent}」は指標です。親IDには区分のIDを入力してください。`);
    else if (!byId.has(g.parent)) g.row.error("親ID", `親ID「${g.parent}」という区分がありません。`);
    else if (!chainOf(g.group.id) && roots.length === 1) g.row.error("親ID", "親IDをたどると元の区分に戻ってしまいます（循環）。親IDを見直してください。");
  }

  const attached = new Set<string>();
  for (const { row, ind, path } of indicators) {
    const parent = path[path.length - 1];
    const chain = byId.has(parent) ? chainOf(parent) : null;
    if (!byId.has(parent)) {
      row.error("区分ID", `区分ID「${parent}」という区分が「${SHEETS.groups}」シートにありません。`);
      continue;
    }
    if (!chain) continue;
    if (path.length > 1 && chain.slice(-path.length).join(">") !== path.join(">")) {
      row.error("区分ID", `区分ID「${path.join(" > ")}」の経路が区分シートの親IDと合いません（実際は ${chain.join(" > ")}）。`);
      continue;
    }
    for (let k = 1; k < chain.length; k++) {
      if (!attached.has(chain[k])) {
        attached.add(chain[k]);
        byId.get(chain[k - 1])!.group.children.push(byId.get(chain[k])!.group);
      }
    }
    if (ind) byId.get(parent)!.group.children.push(ind);
  }
  if (out.failed) return undefined;
  for (const g of groups) {
    if (!g.group.children.length) {
      g.row.error("ID", "この区分には指標がありません。指標シートの区分IDでこの区分（またはその下の区分）を指定するか、行を削除してください。");
    }
  }
  return out.failed ? undefined : roots[0]?.group;
}

// ---------------------------------------------------------------------------------------------
// checkRulebook problems back to cells

class Locator {
  private readonly cells = new Map<string, { cell: string; subject?: string }>();
  set(path: string, cell: string, subject?: string): void {
    this.cells.set(path, { cell, subject });
  }
  /** Registers every field of a row under `path.field`. */
  row(path: string, row: Row, fields: Record<string, string>, subject?: string): void {
    this.set(path, row.cell("ID"), subject);
    for (const [field, header] of Object.entries(fields)) this.set(`${path}.${field}`, row.cell(header), subject);
  }
  /** The cell of the longest registered prefix: `root.children[1].options[0].code` → its 選択肢・段階 cell. */
  find(path: string): { cell: string; subject?: string } | undefined {
    let p = path.replace(/ \(sub-item\)$/, ".options");
    for (;;) {
      const hit = this.cells.get(p);
      if (hit) return hit;
      const shorter = p.replace(/(\.[^.[]*|\[\d+\])$/, "");
      if (shorter === p || shorter === "") return undefined;
      p = shorter;
    }
  }
}

const GROUP_FIELDS: Record<string, string> = {
  id: "ID", code: "コード", name: "名称", max: "満点", min: "下限", aggregate: "集計", "benchmark.mean": "全国平均",
  "benchmark.median": "中央値", "benchmark.meanRate": "平均得点率", "benchmark.source": "実績の出典", notes: "備考", children: "ID",
};
const INDICATOR_FIELDS: Record<string, string> = {
  id: "ID", code: "コード", name: "名称", kind: "種類", points: "配点", pointsIfNo: "非該当の配点", pointsOtherwise: "非該当の配点",
  cap: "満点・上限", max: "満点・上限", min: "下限", options: "選択肢・段階", bands: "選択肢・段階", steps: "閾値",
  stepsBySize: "閾値", "measure.cutoffs": "閾値", "measure.cutoffsBySize": "閾値", "measure.unit": "単位",
  "measure.direction": "方向", "measure.name": "測定名", unit: "単位", direction: "方向", input: "入力", cumulative: "累積",
  range: "値の範囲", requires: "前提", answerFrom: "回答元", aliases: "別名", "benchmark.hitCount": "該当数",
  "benchmark.hitRate": "該当率", "benchmark.mean": "全国平均", "benchmark.source": "実績の出典", basis: "根拠", notes: "備考",
};

function locateNodes(node: Node, path: string, rows: Map<Node, Row>, loc: Locator): void {
  const row = rows.get(node);
  const group = node.kind === "group";
  if (row) loc.row(path, row, group ? GROUP_FIELDS : INDICATOR_FIELDS, `${group ? "区分" : "指標"}「${node.id}」: `);
  if (node.kind === "group") node.children.forEach((c, i) => locateNodes(c, `${path}.children[${i}]`, rows, loc));
}

const CHECK_MESSAGES: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^id "(.+)" is used twice/, (m) => `ID「${m[1]}」が重複しています（選択肢などの小項目IDを含む）。別のIDにしてください。`],
  [/^floor (\S+) is above the maximum (\S+)/, (m) => `下限 ${m[1]} が満点 ${m[2]} を上回っています。`],
  [/^group "(.+)" can reach only (\S+) of its published maximum (\S+)/, (m) => `配下の配点をすべて得ても ${m[2]} 点で、満点 ${m[3]} 点に届きません。配点か満点を見直してください。`],
  [/^code "(.+)" appears twice/, (m) => `コード「${m[1]}」が重複しています。`],
  [/needs steps or stepsBySize/, () => "閾値を入力してください。"],
  [/^unknown size class "(.+)"/, (m) => `規模区分「${m[1]}」が「${SHEETS.sizes}」シートにありません。`],
  [/^needs (\d+) cut-offs.*has (\d+)/, (m) => `閾値の数（${m[2]}）が段階の数（${m[1]}）と合いません。段階ごとに1つずつ書いてください。`],
  [/^cap must not be negative/, () => "上限は0以上にしてください。"],
  [/^minimum (\S+) is above the maximum (\S+)/, (m) => `下限 ${m[1]} が上限 ${m[2]} を上回っています。`],
  [/^"(.+)" cannot require itself/, (m) => `前提に自分自身（${m[1]}）は指定できません。`],
  [/^requires unknown indicator "(.+)"/, (m) => `前提の「${m[1]}」という指標・小項目がありません。`],
  [/^answerFrom names unknown indicator "(.+)"/, (m) => `回答元の「${m[1]}」という指標がありません。`],
  [/^answerFrom "(.+)" is a (\S+), not a (\S+)/, (m) => `回答元「${m[1]}」の種類は「${kindWord(m[2])}」です。同じ種類（${kindWord(m[3])}）の指標を指定してください。`],
  [/^answerFrom "(.+)" is itself linked/, (m) => `回答元「${m[1]}」も別の指標から回答を取っています。元の指標を指定してください。`],
  [/^prerequisites form a cycle: (.+)/, (m) => `前提が循環しています: ${m[1]}`],
  [/^unknown group "(.+)"/, (m) => `「${m[1]}」という区分がありません。`],
  [/^the total has no published maximum/, () => "最上位の区分に満点がありません（得点率は到達できる最大点で計算します）。"],
];

function translate(path: string, message: string): string {
  for (const [re, ja] of CHECK_MESSAGES) {
    const m = re.exec(message);
    if (m) return ja(m);
  }
  return `ルールブックの検査で問題があります（${path}）: ${message}`;
}

// ---------------------------------------------------------------------------------------------
// tableToRulebook

export function tableToRulebook(book: TableBook): { rulebook?: Rulebook; problems: TableProblem[] } {
  const out = new Problems();
  const loc = new Locator();
  const sheet = readRulebookSheet(book, out, loc);
  const sizes = readSizes(book, out, loc);
  if (sizes.classes && !sheet?.sizeBasis) {
    out.add("error", SHEETS.rulebook, undefined, "規模区分があるときは「規模区分の基準」の行（例: 人口）を入力してください。");
  } else if (sheet?.sizeBasis && !sizes.classes) {
    sheet.sizeBasisRow?.error("規模区分の基準", `規模区分の基準があるのに「${SHEETS.sizes}」シートに区分がありません。`);
  }
  const groupRows = readTable(book, SHEETS.groups, GROUP_HEADERS, ["ID", "名称"], out);
  const groups = (groupRows ?? []).flatMap((r) => readGroup(r) ?? []);
  const indRows = readTable(book, SHEETS.indicators, INDICATOR_HEADERS, ["区分ID", "ID", "名称", "種類"], out);
  const indicators = (indRows ?? []).flatMap((r) => readIndicator(r, sizes) ?? []);
  if (indRows && !indRows.length) out.add("error", SHEETS.indicators, undefined, "指標が1行もありません。");
  const root = groupRows && indRows ? buildTree(groups, indicators, out) : undefined;
  if (!root || !sheet || out.failed) return { problems: out.list };

  const sizeClasses = sizes.classes && sheet.sizeBasis ? { basis: sheet.sizeBasis, classes: sizes.classes } : undefined;
  const doc = compact({ ...sheet.meta, sizeClasses, root });

  const rows = new Map<Node, Row>();
  for (const g of groups) rows.set(g.group, g.row);
  for (const i of indicators) if (i.ind) rows.set(i.ind, i.row);
  locateNodes(root, "root", rows, loc);
  const check = checkRulebook(doc);
  for (const p of check.problems) {
    const at = loc.find(p.path);
    const cell = at?.cell;
    const sheetName = cell ? cell.slice(0, cell.indexOf("!")) : SHEETS.rulebook;
    out.add(p.severity, sheetName, cell, (at?.subject ?? "") + translate(p.path, p.message));
  }
  return check.ok && !out.failed ? { rulebook: check.rulebook, problems: out.list } : { problems: out.list };
}

// ---------------------------------------------------------------------------------------------
// rulebookToTable

function tableOf(headers: readonly string[], core: Set<string>, records: Record<string, TableCell | undefined>[]): TableCell[][] {
  const used = headers.filter((h) => core.has(h) || records.some((r) => r[h] !== undefined && r[h] !== null));
  return [used.slice(), ...records.map((r) => used.map((h) => r[h] ?? null))];
}

const numText = (n: number | null) => (n === null ? "?" : String(n));

function benchAttrs(b: Benchmark | undefined): [string, string | undefined][] {
  return [
    ["該当数", attr(b?.hitCount)],
    ["該当率", attr(b?.hitRate === undefined ? undefined : shareText(b.hitRate))],
    ["全国平均", attr(b?.mean)],
    ["出典", attr(b?.source)],
  ];
}

function partsText(parts: readonly (RuleOption | RuleBand)[]): string {
  return parts
    .map((p) => {
      const label = jaOf(p.label);
      const head = escapeText(p.code, "\\s\\u3000") + (label === null ? "" : ` ${escapeText(label)}`);
      const top = "top" in p && p.top !== undefined ? shareText(p.top) : undefined;
      const aliases = p.aliases?.map((a) => escapeAttr(a, "|｜")).join("|");
      const attrs: [string, string | undefined][] = [["上位", top], ["ID", attr(p.id)], ["英", attr(enOf(p.label))]];
      return `${head}=${p.points}${attrsText([...attrs, ["別名", aliases], ...benchAttrs(p.benchmark)])}`;
    })
    .join("\n");
}

function stepsText(steps: readonly RuleStep[]): string {
  return steps
    .map((s) => {
      const attrs: [string, string | undefined][] = [["ID", attr(s.id)], ["名称", attr(jaOf(s.label))], ["英", attr(enOf(s.label))]];
      return `${numText(s.value)}=${s.points}${attrsText([...attrs, ...benchAttrs(s.benchmark)])}`;
    })
    .join("; ");
}

function bySizeText<T>(plain: T | undefined, bySize: Record<string, T> | undefined, text: (x: T) => string): string | null {
  if (!bySize || !Object.keys(bySize).length) return plain === undefined ? null : text(plain);
  const lines = Object.entries(bySize).map(([size, x]) => `${size}: ${text(x)}`);
  return (plain === undefined ? lines : [`共通: ${text(plain)}`, ...lines]).join("\n");
}

function improvementText(steps: readonly ImprovementStep[]): string {
  return steps
    .map((s) => {
      const lower = s.min === undefined ? "" : `${s.min}${s.minInclusive === false ? "超" : "以上"}`;
      const upper = s.max === undefined ? "" : `${s.max}${s.maxInclusive === false ? "未満" : "以下"}`;
      const attrs = attrsText([["ID", attr(s.id)], ["名称", attr(jaOf(s.label))], ["英", attr(enOf(s.label))]]);
      return `${lower + upper || "それ以外"}=${s.points}${attrs}`;
    })
    .join("; ");
}

function notesCells(notes: readonly Text[] | undefined): [string | null, string | null] {
  if (!notes?.length) return [null, null];
  const en = notes.map((n) => enOf(n) ?? "");
  return [notes.map((n) => jaOf(n)).join("\n"), en.some(Boolean) ? en.join("\n").replace(/\n+$/, "") : null];
}

function indicatorRecord(ind: Indicator, parent: string): Record<string, TableCell | undefined> {
  const [notes, notesEn] = notesCells(ind.notes);
  const rec: Record<string, TableCell | undefined> = {
    区分ID: parent, ID: ind.id, コード: ind.code, 名称: jaOf(ind.name), "名称(英)": enOf(ind.name), 種類: kindWord(ind.kind),
    前提: ind.requires?.join("; "), 回答元: ind.answerFrom,
    別名: ind.aliases?.map((a) => escapeText(a)).join("\n"),
    該当数: ind.benchmark?.hitCount, 該当率: ind.benchmark?.hitRate, 全国平均: ind.benchmark?.mean,
    実績の出典: ind.benchmark?.source, 根拠: ind.basis, 備考: notes, "備考(英)": notesEn,
  };
  switch (ind.kind) {
    case "yesno":
      return { ...rec, 配点: ind.points, 非該当の配点: ind.pointsIfNo };
    case "choice":
    case "multi":
      return { ...rec, 選択肢・段階: partsText(ind.options), 満点・上限: ind.kind === "multi" ? ind.cap : undefined };
    case "numeric": {
      const range = ind.range ? `${ind.range.min ?? ""}〜${ind.range.max ?? ""}` : undefined;
      return {
        ...rec, 閾値: bySizeText(ind.steps, ind.stepsBySize, stepsText), 方向: toWord(NUMERIC_DIRECTION, ind.direction),
        単位: toWord(UNIT_WORDS, ind.unit), 非該当の配点: ind.pointsOtherwise, 値の範囲: range,
      };
    }
    case "rankBand": {
      const m = ind.measure;
      const cuts = (c: (number | null)[]) => c.map(numText).join("; ");
      return {
        ...rec, 選択肢・段階: partsText(ind.bands), 累積: ind.cumulative === undefined ? null : ind.cumulative ? "はい" : "いいえ",
        閾値: m ? bySizeText(m.cutoffs, m.cutoffsBySize, cuts) : null, 方向: toWord(RANK_DIRECTION, m?.direction),
        単位: toWord(UNIT_WORDS, m?.unit), 測定名: jaOf(m?.name), "測定名(英)": enOf(m?.name),
      };
    }
    case "improvement":
      return {
        ...rec, 閾値: improvementText(ind.steps), 方向: toWord(IMPROVEMENT_DIRECTION, ind.direction),
        単位: toWord(UNIT_WORDS, ind.unit), 入力: toWord(INPUT_WORDS, ind.input),
      };
    case "points":
      return { ...rec, 満点・上限: ind.max, 下限: ind.min };
  }
}

function groupRecord(g: Group, parent: string | undefined): Record<string, TableCell | undefined> {
  const [notes, notesEn] = notesCells(g.notes);
  return {
    ID: g.id, 親ID: parent, コード: g.code, 名称: jaOf(g.name), "名称(英)": enOf(g.name), 満点: g.max, 下限: g.min,
    集計: toWord(AGGREGATE_WORDS, g.aggregate), 全国平均: g.benchmark?.mean, 中央値: g.benchmark?.median,
    平均得点率: g.benchmark?.meanRate, 実績の出典: g.benchmark?.source, 備考: notes, "備考(英)": notesEn,
  };
}

function rulebookRows(rb: Rulebook): TableCell[][] {
  const rows: TableCell[][] = [KEY_HEADER.slice()];
  const kv = (key: string, value: TableCell | undefined, extra?: TableCell) => {
    if (value === undefined || value === null) return;
    rows.push(extra === undefined || extra === null ? [key, value] : [key, value, extra]);
  };
  kv("形式", rb.format);
  kv("ID", rb.id);
  kv("制度", rb.scheme);
  kv("対象", toWord(ENTITY_WORDS, rb.entity));
  kv("年度", rb.fiscalYear);
  kv("版", rb.version);
  kv("名称", jaOf(rb.title));
  kv("名称(英)", enOf(rb.title));
  kv("水準", toWord(LEVEL_WORDS, rb.level));
  kv("母数", rb.population);
  kv("率の桁数", rb.rateDigits);
  kv("規模区分の基準", jaOf(rb.sizeClasses?.basis));
  kv("規模区分の基準(英)", enOf(rb.sizeClasses?.basis));
  kv("前年度ルールブック", rb.previous?.rulebook);
  kv("前年度と同じID", rb.previous?.sameIds === undefined ? null : rb.previous.sameIds ? "はい" : "いいえ");
  for (const g of rb.previous?.groups ?? []) kv("前年度の区分", g.current, g.previous);
  for (const n of rb.notes) kv("注記", jaOf(n), enOf(n));
  rows.push([]);
  const sources = tableOf(SOURCE_HEADERS, new Set(["出典ID", "題名"]), rb.sources.map((s) => ({
    出典ID: s.id, 題名: s.title, URL: s.url, リポジトリ: s.repository, パス: s.path, コミット: s.commit,
    確度: toWord(CONFIDENCE_WORDS, s.confidence), 備考: s.note,
  })));
  return [...rows, ...sources];
}

export function rulebookToTable(rb: Rulebook): TableBook {
  const groups: Record<string, TableCell | undefined>[] = [];
  const indicators: Record<string, TableCell | undefined>[] = [];
  // Depth-first, so each group's indicators are contiguous and first appearance restores the order.
  const walk = (g: Group, parent: string | undefined) => {
    groups.push(groupRecord(g, parent));
    for (const c of g.children) {
      if (c.kind === "group") walk(c, g.id);
      else indicators.push(indicatorRecord(c, g.id));
    }
  };
  walk(rb.root, undefined);
  const book: TableBook = {
    [SHEETS.rulebook]: rulebookRows(rb),
    [SHEETS.groups]: tableOf(GROUP_HEADERS, GROUP_CORE, groups),
    [SHEETS.indicators]: tableOf(INDICATOR_HEADERS, INDICATOR_CORE, indicators),
  };
  if (rb.sizeClasses) {
    book[SHEETS.sizes] = tableOf(SIZE_HEADERS, new Set(SIZE_HEADERS), rb.sizeClasses.classes.map((c) => ({
      ID: c.id, 名称: jaOf(c.label), "名称(英)": enOf(c.label), 以上: c.min, 未満: c.max,
    })));
  }
  return book;
}
