// checkRulebook reports problems by JSON path; the clerk needs the cell and the table's words.
// Readers register the cell behind each path as they go; after the check, each problem is
// pinned to the cell of its longest registered path.
import { type Message, msg } from "../../messages";
import { Node } from "../schema";
import type { RulebookProblem } from "../validate";
import { SHEETS } from "./layout";
import type { Subject } from "./problems";
import { Row } from "./sheet-reader";
import { kindName } from "./words";

export class Locator {
  private readonly cells = new Map<string, { cell: string; subject?: Subject }>();
  set(path: string, cell: string, subject?: Subject): void {
    this.cells.set(path, { cell, subject });
  }
  /** Registers every field of a row under `path.field`. */
  row(path: string, row: Row, fields: Record<string, string>, subject?: Subject): void {
    this.set(path, row.cell("ID"), subject);
    for (const [field, header] of Object.entries(fields))
      this.set(`${path}.${field}`, row.cell(header), subject);
  }
  /** The cell of the longest registered prefix: `root.children[1].options[0].code` → its 選択肢・段階 cell. */
  find(path: string): { cell: string; subject?: Subject } | undefined {
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
  id: "ID",
  code: "コード",
  name: "名称",
  max: "満点",
  min: "下限",
  aggregate: "集計",
  "benchmark.mean": "全国平均",
  "benchmark.median": "中央値",
  "benchmark.sd": "標準偏差",
  "benchmark.meanRate": "平均得点率",
  "benchmark.source": "実績の出典",
  notes: "備考",
  children: "ID",
};
const INDICATOR_FIELDS: Record<string, string> = {
  id: "ID",
  code: "コード",
  name: "名称",
  kind: "種類",
  points: "配点",
  pointsIfNo: "非該当の配点",
  pointsOtherwise: "非該当の配点",
  cap: "満点・上限",
  max: "満点・上限",
  min: "下限",
  options: "選択肢・段階",
  bands: "選択肢・段階",
  steps: "閾値",
  stepsBySize: "閾値",
  "measure.cutoffs": "閾値",
  "measure.cutoffsBySize": "閾値",
  "measure.unit": "単位",
  "measure.direction": "方向",
  "measure.name": "測定名",
  unit: "単位",
  direction: "方向",
  input: "入力",
  cumulative: "累積",
  range: "値の範囲",
  requires: "前提",
  answerFrom: "回答元",
  aliases: "別名",
  "benchmark.hitCount": "該当数",
  "benchmark.hitRate": "該当率",
  "benchmark.mean": "全国平均",
  "benchmark.source": "実績の出典",
  basis: "根拠",
  notes: "備考",
};

export function locateNodes(node: Node, path: string, rows: Map<Node, Row>, loc: Locator): void {
  const row = rows.get(node);
  const group = node.kind === "group";
  if (row) loc.row(path, row, group ? GROUP_FIELDS : INDICATOR_FIELDS, { group, id: node.id });
  if (node.kind === "group")
    node.children.forEach((c, i) => locateNodes(c, `${path}.children[${i}]`, rows, loc));
}

/** The check's message about a 配点表 cell: its table wording where a clerk needs other words. */
export function tableMessage(p: RulebookProblem): Message {
  const params = p.detail.params ?? {};
  switch (p.detail.code) {
    case "rb.id-twice":
      return msg("table.id-twice", params);
    case "rb.unreachable-max":
      return msg("table.unreachable-max", params);
    case "rb.numeric-needs-steps":
      return msg("table.numeric-needs-steps");
    case "rb.unknown-size-class":
      return msg("table.unknown-size-class", { ...params, sheet: SHEETS.sizes });
    case "rb.cutoffs-count":
      return msg("table.cutoffs-count", params);
    case "rb.answer-from-kind":
      return msg("table.answer-from-kind", {
        ...params,
        kindWord: kindName(String(params.kind)),
        ownWord: kindName(String(params.own)),
      });
    case "rb.schema":
      return msg("table.other", { path: p.path, problem: params.problem ?? "" });
    default:
      return p.detail;
  }
}
