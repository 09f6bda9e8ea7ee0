// The 指標 sheet: one indicator per row. Which columns a row uses depends on its 種類.
import { type Bilingual, msg } from "../../messages";
import { Indicator, IndicatorKind } from "../schema";
import { INDICATOR_HEADERS } from "./layout";
import { Sizes } from "./read-sizes";
import { Row } from "./sheet-reader";
import { parseCutoffs, parseImprovement, parseLadder, parseParts, parseRange } from "./syntax-parse";
import { compact, nonEmpty } from "./values";
import {
  IMPROVEMENT_DIRECTION,
  INPUT_WORDS,
  KIND_WORDS,
  kindName,
  NUMERIC_DIRECTION,
  RANK_DIRECTION,
  toWord,
  UNIT_WORDS,
  wordList,
} from "./words";

const KIND_COLUMNS: Record<IndicatorKind, string[]> = {
  yesno: ["配点", "非該当の配点"],
  choice: ["選択肢・段階"],
  multi: ["選択肢・段階", "満点・上限"],
  numeric: ["閾値", "方向", "単位", "非該当の配点", "値の範囲"],
  rankBand: ["選択肢・段階", "閾値", "方向", "単位", "累積", "測定名", "測定名(英)"],
  improvement: ["閾値", "方向", "単位", "入力"],
  points: ["満点・上限", "下限"],
};
// Every column no kind claims applies to all kinds.
const KIND_SPECIFIC = new Set(Object.values(KIND_COLUMNS).flat());
const COMMON_COLUMNS = new Set<string>(INDICATOR_HEADERS.filter((h) => !KIND_SPECIFIC.has(h)));

export interface IndicatorRow {
  row: Row;
  id: string;
  /** Missing when the row has errors; the row still takes part in id and parent checks. */
  ind?: Indicator;
  /** 区分ID, possibly a path "P > P_I > P_I_1"; the last segment is the parent. */
  path: string[];
}

export function readIndicator(row: Row, sizes: Sizes): IndicatorRow | undefined {
  const id = row.id("ID");
  if (id !== undefined) row.subject = { group: false, id };
  const pathText = row.required("区分ID");
  const path =
    pathText
      ?.normalize("NFKC")
      .split(/\s*[>＞/›]\s*/)
      .filter(Boolean) ?? [];
  const name = row.requiredPair("名称", "名称(英)");
  row.required("種類", KIND_WORDS);
  const kind = row.word("種類", KIND_WORDS);
  if (id === undefined) row.error("ID", msg("table.required", { header: "ID" }));
  for (const h of row.table.cols.keys()) {
    if (kind && !COMMON_COLUMNS.has(h) && !KIND_COLUMNS[kind].includes(h) && row.has(h)) {
      row.warn(h, msg("table.column-not-for-kind", { kind: kindName(kind), header: h }));
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
  const ind =
    body && name ? (compact({ kind: bodyKind, ...head, ...specific, ...tail }) as Indicator) : undefined;
  return { row, id, path, ind };
}

type KindBody = { kind: IndicatorKind } & Record<string, unknown>;

/** What a missing cell's message adds: an example, the words it may hold, or when it is needed. */
type Hint = { example: string } | { words: Bilingual } | "with-measure";

function readKind(row: Row, kind: IndicatorKind, sizes: Sizes): KindBody | undefined {
  const kindLabel = kindName(kind);
  const need = <T>(h: string, v: T | undefined, hint?: Hint): T | undefined => {
    if (v === undefined && !row.has(h)) {
      const at = { kind: kindLabel, header: h };
      row.error(
        h,
        hint === undefined
          ? msg("table.kind-needs", at)
          : hint === "with-measure"
            ? msg("table.kind-needs-with-measure", at)
            : "example" in hint
              ? msg("table.kind-needs-example", { ...at, example: hint.example })
              : msg("table.kind-needs-one-of", { ...at, words: hint.words }),
      );
    }
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
      const options = need("選択肢・段階", parseParts(row, "選択肢・段階", false), {
        example: "ア 全域で実施=10; イ 一部で実施=5",
      });
      const cap = kind === "multi" ? row.num("満点・上限") : undefined;
      return options ? { kind, options, cap } : undefined;
    }
    case "numeric": {
      const unit = need("単位", row.word("単位", UNIT_WORDS), { words: wordList(UNIT_WORDS) });
      const ladder = need("閾値", parseLadder(row, "閾値", sizes), { example: "60=10; 45=5" });
      const stated = row.word("方向", NUMERIC_DIRECTION, kindLabel);
      if (stated && ladder?.direction && stated !== ladder.direction) {
        row.error(
          "閾値",
          msg("table.direction-mismatch", {
            steps: toWord(NUMERIC_DIRECTION, ladder.direction)!,
            stated: toWord(NUMERIC_DIRECTION, stated)!,
          }),
        );
      }
      const direction = stated ?? ladder?.direction;
      if (direction === undefined && !row.has("方向")) row.error("方向", msg("table.direction-required"));
      const range = parseRange(row, "値の範囲");
      if (!unit || !ladder || !direction) return undefined;
      const { steps, stepsBySize } = ladder;
      return { kind, unit, direction, steps, stepsBySize, pointsOtherwise: row.num("非該当の配点"), range };
    }
    case "rankBand": {
      const bands = need("選択肢・段階", parseParts(row, "選択肢・段階", true), {
        example: "ア 上位3割=5 [上位=30%]",
      });
      const cumulative = row.bool("累積");
      const used = ["測定名", "測定名(英)", "単位", "方向", "閾値"].some((h) => row.has(h));
      if (!used) return bands ? { kind, cumulative, bands } : undefined;
      const unit = need("単位", row.word("単位", UNIT_WORDS), "with-measure");
      const direction = need("方向", row.word("方向", RANK_DIRECTION, kindLabel), {
        words: wordList(RANK_DIRECTION),
      });
      const cuts = parseCutoffs(row, "閾値", sizes);
      if (!bands || !unit || !direction || !cuts) return undefined;
      const measure = compact({ name: row.textPair("測定名", "測定名(英)"), unit, direction, ...cuts });
      return { kind, cumulative, bands, measure };
    }
    case "improvement": {
      const unit = need("単位", row.word("単位", UNIT_WORDS), { words: wordList(UNIT_WORDS) });
      const direction = need("方向", row.word("方向", IMPROVEMENT_DIRECTION, kindLabel), {
        words: wordList(IMPROVEMENT_DIRECTION),
      });
      const input = row.word("入力", INPUT_WORDS);
      const steps = need("閾値", parseImprovement(row, "閾値"), { example: "1以上=6; 0超=3" });
      return unit && direction && steps ? { kind, unit, direction, input, steps } : undefined;
    }
    case "points":
      return { kind, max: row.num("満点・上限"), min: row.num("下限") };
  }
}
