// rulebook → 配点表: one row per group and per indicator, in the layout tableToRulebook reads.
import { walkTree } from "../tree";
import { Group, Indicator, Rulebook, Text } from "../schema";
import { TableBook, TableCell } from "./cells";
import {
  GROUP_CORE,
  GROUP_HEADERS,
  INDICATOR_CORE,
  INDICATOR_HEADERS,
  KEY_HEADER,
  SHEETS,
  SIZE_CORE,
  SIZE_HEADERS,
  SOURCE_CORE,
  SOURCE_HEADERS,
} from "./layout";
import { escapeText } from "./syntax";
import { bySizeText, improvementText, numText, partsText, stepsText } from "./syntax-format";
import { enOf, jaOf } from "./values";
import {
  AGGREGATE_WORDS,
  boolWord,
  CONFIDENCE_WORDS,
  ENTITY_WORDS,
  IMPROVEMENT_DIRECTION,
  INPUT_WORDS,
  kindWord,
  LEVEL_WORDS,
  NUMERIC_DIRECTION,
  RANK_DIRECTION,
  toWord,
  UNIT_WORDS,
} from "./words";

type CellRecord = Record<string, TableCell | undefined>;

/** A header row and one row per record; optional columns only when some record fills them. */
function tableOf(headers: readonly string[], core: Set<string>, records: CellRecord[]): TableCell[][] {
  const used = headers.filter((h) => core.has(h) || records.some((r) => r[h] !== undefined && r[h] !== null));
  return [used.slice(), ...records.map((r) => used.map((h) => r[h] ?? null))];
}

/** One note per line; the English column stays line-aligned, with blank lines for untranslated notes. */
function notesCells(notes: readonly Text[] | undefined): [string | null, string | null] {
  if (!notes?.length) return [null, null];
  const en = notes.map((n) => enOf(n) ?? "");
  return [notes.map((n) => jaOf(n)).join("\n"), en.some(Boolean) ? en.join("\n").replace(/\n+$/, "") : null];
}

function indicatorRecord(ind: Indicator, parent: string): CellRecord {
  const [notes, notesEn] = notesCells(ind.notes);
  const rec: CellRecord = {
    区分ID: parent,
    ID: ind.id,
    コード: ind.code,
    名称: jaOf(ind.name),
    "名称(英)": enOf(ind.name),
    種類: kindWord(ind.kind),
    前提: ind.requires?.join("; "),
    回答元: ind.answerFrom,
    別名: ind.aliases?.map((a) => escapeText(a)).join("\n"),
    該当数: ind.benchmark?.hitCount,
    該当率: ind.benchmark?.hitRate,
    全国平均: ind.benchmark?.mean,
    実績の出典: ind.benchmark?.source,
    根拠: ind.basis,
    備考: notes,
    "備考(英)": notesEn,
  };
  switch (ind.kind) {
    case "yesno":
      return { ...rec, 配点: ind.points, 非該当の配点: ind.pointsIfNo };
    case "choice":
    case "multi":
      return {
        ...rec,
        選択肢・段階: partsText(ind.options),
        満点・上限: ind.kind === "multi" ? ind.cap : undefined,
      };
    case "numeric": {
      const range = ind.range ? `${ind.range.min ?? ""}〜${ind.range.max ?? ""}` : undefined;
      return {
        ...rec,
        閾値: bySizeText(ind.steps, ind.stepsBySize, stepsText),
        方向: toWord(NUMERIC_DIRECTION, ind.direction),
        単位: toWord(UNIT_WORDS, ind.unit),
        非該当の配点: ind.pointsOtherwise,
        値の範囲: range,
      };
    }
    case "rankBand": {
      const m = ind.measure;
      const cuts = (c: (number | null)[]) => c.map(numText).join("; ");
      return {
        ...rec,
        選択肢・段階: partsText(ind.bands),
        累積: boolWord(ind.cumulative),
        閾値: m ? bySizeText(m.cutoffs, m.cutoffsBySize, cuts) : null,
        方向: toWord(RANK_DIRECTION, m?.direction),
        単位: toWord(UNIT_WORDS, m?.unit),
        測定名: jaOf(m?.name),
        "測定名(英)": enOf(m?.name),
      };
    }
    case "improvement":
      return {
        ...rec,
        閾値: improvementText(ind.steps),
        方向: toWord(IMPROVEMENT_DIRECTION, ind.direction),
        単位: toWord(UNIT_WORDS, ind.unit),
        入力: toWord(INPUT_WORDS, ind.input),
      };
    case "points":
      return { ...rec, 満点・上限: ind.max, 下限: ind.min };
  }
}

function groupRecord(g: Group, parent: string | undefined): CellRecord {
  const [notes, notesEn] = notesCells(g.notes);
  return {
    ID: g.id,
    親ID: parent,
    コード: g.code,
    名称: jaOf(g.name),
    "名称(英)": enOf(g.name),
    満点: g.max,
    下限: g.min,
    集計: toWord(AGGREGATE_WORDS, g.aggregate),
    全国平均: g.benchmark?.mean,
    中央値: g.benchmark?.median,
    標準偏差: g.benchmark?.sd,
    平均得点率: g.benchmark?.meanRate,
    実績の出典: g.benchmark?.source,
    備考: notes,
    "備考(英)": notesEn,
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
  kv("規模区分の流用元年度", rb.sizeClasses?.assumedFrom);
  kv("前年度ルールブック", rb.previous?.rulebook);
  kv("前年度と同じID", boolWord(rb.previous?.sameIds));
  for (const g of rb.previous?.groups ?? []) kv("前年度の区分", g.current, g.previous);
  for (const n of rb.notes) kv("注記", jaOf(n), enOf(n));
  rows.push([]);
  const sources = tableOf(
    SOURCE_HEADERS,
    SOURCE_CORE,
    rb.sources.map((s) => ({
      出典ID: s.id,
      題名: s.title,
      URL: s.url,
      リポジトリ: s.repository,
      パス: s.path,
      コミット: s.commit,
      確度: toWord(CONFIDENCE_WORDS, s.confidence),
      備考: s.note,
    })),
  );
  return [...rows, ...sources];
}

export function rulebookToTable(rb: Rulebook): TableBook {
  const groups: CellRecord[] = [];
  const indicators: CellRecord[] = [];
  // Depth-first, so each group's indicators are contiguous and first appearance restores the order.
  walkTree(rb, {
    group: (g, _depth, parent) => void groups.push(groupRecord(g, parent?.id)),
    indicator: (i, _depth, parent) => void indicators.push(indicatorRecord(i, parent.id)),
  });
  const book: TableBook = {
    [SHEETS.rulebook]: rulebookRows(rb),
    [SHEETS.groups]: tableOf(GROUP_HEADERS, GROUP_CORE, groups),
    [SHEETS.indicators]: tableOf(INDICATOR_HEADERS, INDICATOR_CORE, indicators),
  };
  if (rb.sizeClasses) {
    book[SHEETS.sizes] = tableOf(
      SIZE_HEADERS,
      SIZE_CORE,
      rb.sizeClasses.classes.map((c) => ({
        ID: c.id,
        名称: jaOf(c.label),
        "名称(英)": enOf(c.label),
        以上: c.min,
        未満: c.max,
      })),
    );
  }
  return book;
}
