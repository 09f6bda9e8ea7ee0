// The ルールブック sheet: key–value rows (A: 項目, B: 値, C: 補足) for the rulebook's own fields,
// then a sources table under its own 出典ID header row.
import { msg } from "../../messages";
import { Rulebook, RULEBOOK_FORMAT, RULEBOOK_ID_PATTERN, Text, VERSION_PATTERN } from "../schema";
import { tableCellRef, cellText, isBlank, parseNumber, TableBook } from "./cells";
import { KEY_HEADER, SHEETS, SOURCE_HEADERS } from "./layout";
import { Locator } from "./locate";
import { Problems } from "./problems";
import { headerMap, openSheet, Row, Table } from "./sheet-reader";
import { compact, nonEmpty, textOf } from "./values";
import { CONFIDENCE_WORDS, ENTITY_WORDS, LEVEL_WORDS, normHeader, normWord } from "./words";

/** Key → the other names (the JSON field, older wordings) a clerk may write in column A. */
export const RULEBOOK_KEYS: Record<string, string[]> = {
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
  規模区分の流用元年度: ["sizeClasses.assumedFrom"],
  前年度ルールブック: [],
  前年度と同じID: [],
  前年度の区分: [],
  注記: ["notes"],
};
const REPEATABLE = new Set(["前年度の区分", "注記"]);
/** What column C holds for a key, as a header name for the row's cells. */
const KEY_EXTRA: Record<string, string> = { 注記: "注記(英)", 前年度の区分: "前年度の区分ID" };
const keyOf = new Map<string, string>();
for (const [k, aliases] of Object.entries(RULEBOOK_KEYS))
  for (const a of [k, ...aliases]) keyOf.set(normWord(a), k);

const RULEBOOK_PATHS: Record<string, string> = {
  ID: "id",
  制度: "scheme",
  対象: "entity",
  年度: "fiscalYear",
  版: "version",
  名称: "title",
  "名称(英)": "title.en",
  水準: "level",
  母数: "population",
  率の桁数: "rateDigits",
  規模区分の基準: "sizeClasses.basis",
  規模区分の流用元年度: "sizeClasses.assumedFrom",
  前年度ルールブック: "previous.rulebook",
  前年度と同じID: "previous.sameIds",
  形式: "format",
};
const SOURCE_FIELDS: Record<string, string> = {
  id: "出典ID",
  title: "題名",
  url: "URL",
  repository: "リポジトリ",
  path: "パス",
  commit: "コミット",
  confidence: "確度",
  note: "備考",
};

/** Notices give the fiscal year in the Japanese era: 令和1 is 2019, 平成1 is 1989. */
function parseFiscalYear(row: Row, h: string): number | undefined {
  const read = row.numeric(h, (t) => {
    const s = t
      .normalize("NFKC")
      .replace(/\s+/g, "")
      .replace(/年度?$/, "");
    const era = /^(令和|R|平成|H)(\d+|元)$/i.exec(s);
    if (!era) return parseNumber(s);
    return (era[2] === "元" ? 1 : Number(era[2])) + (/^(令和|r)$/i.test(era[1]) ? 2018 : 1988);
  });
  if (read === undefined) return undefined;
  const { text: t, n } = read;
  if (n === undefined || !Number.isInteger(n) || n < 2000 || n > 2100) {
    row.error(h, msg("table.bad-year", { text: t }));
    return undefined;
  }
  return n;
}

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

export interface RulebookSheet {
  meta: Partial<Rulebook>;
  /** Kept apart: it joins the classes from the 規模区分 sheet, and its row answers for a mismatch. */
  sizeBasis?: Text;
  sizeBasisRow?: Row;
  /** The fiscal year whose size bands are carried forward (the bands are assumed). */
  sizeAssumedFrom?: number;
  sizeAssumedRow?: Row;
}

export function readRulebookSheet(book: TableBook, out: Problems, loc: Locator): RulebookSheet | undefined {
  const found = openSheet(book, SHEETS.rulebook, out);
  if (!found) return undefined;
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
      const table: Table = {
        sheet,
        cols: new Map([
          [key, 1],
          [KEY_EXTRA[key] ?? `${key}(補足)`, 2],
        ]),
      };
      const row = new Row(table, i, cells, out);
      if (keyed.has(key) && !REPEATABLE.has(key)) row.error(undefined, msg("table.key-twice", { key }));
      else keyed.set(key, [...(keyed.get(key) ?? []), row]);
    } else if (sourceTable) {
      const row = new Row(sourceTable, i, cells, out);
      const src = readSource(row);
      if (src) {
        loc.row(`sources[${sources.length}]`, row, SOURCE_FIELDS);
        sources.push(src);
      }
    } else if (first === undefined) {
      out.add("warning", sheet, tableCellRef(sheet, 0, i), msg("table.key-blank"));
    } else {
      out.add("warning", sheet, tableCellRef(sheet, 0, i), msg("table.unknown-key", { key: first }));
    }
  });

  const one = (key: string) => keyed.get(key)?.[0];
  const val = <T>(key: string, read: (r: Row) => T | undefined, required = false): T | undefined => {
    const row = one(key);
    const v = row ? read(row) : undefined;
    if (row) loc.set(RULEBOOK_PATHS[key] ?? key, row.cell(key));
    if (required && (!row || !row.has(key))) {
      if (row) row.error(key, msg("table.required", { header: key }));
      else out.add("error", sheet, undefined, msg("table.key-missing", { key }));
    }
    return v;
  };
  const format = val("形式", (r) => r.text("形式"));
  if (format !== undefined && format !== RULEBOOK_FORMAT) {
    one("形式")!.error("形式", msg("table.bad-format", { text: format, format: RULEBOOK_FORMAT }));
  }
  const id = val("ID", (r) => r.text("ID")?.normalize("NFKC"), true);
  if (id !== undefined && !RULEBOOK_ID_PATTERN.test(id)) {
    one("ID")!.error("ID", msg("table.bad-rulebook-id", { id }));
  }
  const version = val("版", (r) => r.text("版")?.normalize("NFKC"), true);
  if (version !== undefined && !VERSION_PATTERN.test(version)) {
    one("版")!.error("版", msg("table.bad-version", { text: version }));
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
      r.error(undefined, msg("table.previous-groups-row"));
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
    out.add("error", sheet, undefined, msg("table.no-sources"));
  }
  const meta: Partial<Rulebook> = compact({
    format: RULEBOOK_FORMAT,
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
  const sizeAssumedFrom = val("規模区分の流用元年度", (r) => parseFiscalYear(r, "規模区分の流用元年度"));
  return {
    meta,
    sizeBasis,
    sizeBasisRow: basisRow,
    sizeAssumedFrom,
    sizeAssumedRow: one("規模区分の流用元年度"),
  };
}
