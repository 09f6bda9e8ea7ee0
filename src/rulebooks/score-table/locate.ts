// checkRulebook reports problems by JSON path in English; the clerk needs the cell and Japanese.
// Readers register the cell behind each path as they go; after the check, each problem is
// pinned to the cell of its longest registered path.
import { Node } from "../schema";
import { SHEETS } from "./layout";
import { Row } from "./sheet-reader";
import { kindWord } from "./words";

export class Locator {
  private readonly cells = new Map<string, { cell: string; subject?: string }>();
  set(path: string, cell: string, subject?: string): void {
    this.cells.set(path, { cell, subject });
  }
  /** Registers every field of a row under `path.field`. */
  row(path: string, row: Row, fields: Record<string, string>, subject?: string): void {
    this.set(path, row.cell("ID"), subject);
    for (const [field, header] of Object.entries(fields))
      this.set(`${path}.${field}`, row.cell(header), subject);
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
  if (row)
    loc.row(path, row, group ? GROUP_FIELDS : INDICATOR_FIELDS, `${group ? "区分" : "指標"}「${node.id}」: `);
  if (node.kind === "group")
    node.children.forEach((c, i) => locateNodes(c, `${path}.children[${i}]`, rows, loc));
}

const CHECK_MESSAGES: [RegExp, (m: RegExpExecArray) => string][] = [
  [
    /^id "(.+)" is used twice/,
    (m) => `ID「${m[1]}」が重複しています（選択肢などの小項目IDを含む）。別のIDにしてください。`,
  ],
  [/^floor (\S+) is above the maximum (\S+)/, (m) => `下限 ${m[1]} が満点 ${m[2]} を上回っています。`],
  [
    /^group "(.+)" can reach only (\S+) of its published maximum (\S+)/,
    (m) =>
      `配下の配点をすべて得ても ${m[2]} 点で、満点 ${m[3]} 点に届きません。配点か満点を見直してください。`,
  ],
  [/^code "(.+)" appears twice/, (m) => `コード「${m[1]}」が重複しています。`],
  [/needs steps or stepsBySize/, () => "閾値を入力してください。"],
  [/^unknown size class "(.+)"/, (m) => `規模区分「${m[1]}」が「${SHEETS.sizes}」シートにありません。`],
  [
    /^needs (\d+) cut-offs.*has (\d+)/,
    (m) => `閾値の数（${m[2]}）が段階の数（${m[1]}）と合いません。段階ごとに1つずつ書いてください。`,
  ],
  [/^cap must not be negative/, () => "上限は0以上にしてください。"],
  [/^minimum (\S+) is above the maximum (\S+)/, (m) => `下限 ${m[1]} が上限 ${m[2]} を上回っています。`],
  [/^"(.+)" cannot require itself/, (m) => `前提に自分自身（${m[1]}）は指定できません。`],
  [/^requires unknown indicator "(.+)"/, (m) => `前提の「${m[1]}」という指標・小項目がありません。`],
  [/^answerFrom names unknown indicator "(.+)"/, (m) => `回答元の「${m[1]}」という指標がありません。`],
  [
    /^answerFrom "(.+)" is a (\S+), not a (\S+)/,
    (m) =>
      `回答元「${m[1]}」の種類は「${kindWord(m[2])}」です。同じ種類（${kindWord(m[3])}）の指標を指定してください。`,
  ],
  [
    /^answerFrom "(.+)" is itself linked/,
    (m) => `回答元「${m[1]}」も別の指標から回答を取っています。元の指標を指定してください。`,
  ],
  [/^prerequisites form a cycle: (.+)/, (m) => `前提が循環しています: ${m[1]}`],
  [/^unknown group "(.+)"/, (m) => `「${m[1]}」という区分がありません。`],
  [
    /^the total has no published maximum/,
    () => "最上位の区分に満点がありません（得点率は到達できる最大点で計算します）。",
  ],
];

/** Japanese for a checkRulebook message; an unforeseen one is shown as it is, with its path. */
export function translate(path: string, message: string): string {
  for (const [re, ja] of CHECK_MESSAGES) {
    const m = re.exec(message);
    if (m) return ja(m);
  }
  return `ルールブックの検査で問題があります（${path}）: ${message}`;
}
