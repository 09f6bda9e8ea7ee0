// The 区分 sheet: one group per row, linked by 親ID (the tree itself is built in build-tree.ts).
import { msg } from "../../messages";
import { Group } from "../schema";
import { Row } from "./sheet-reader";
import { compact, nonEmpty } from "./values";
import { AGGREGATE_WORDS } from "./words";

export interface GroupRow {
  row: Row;
  group: Group;
  parent?: string;
}

export function readGroup(row: Row): GroupRow | undefined {
  const id = row.id("ID");
  if (id !== undefined) row.subject = { group: true, id };
  else row.error("ID", msg("table.group-id-required"));
  const name = row.requiredPair("名称", "名称(英)");
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
      sd: row.num("標準偏差", { min: 0 }),
      meanRate: row.share("平均得点率"),
      source: row.text("実績の出典"),
    }),
    notes: row.notes("備考", "備考(英)"),
    children: [],
  });
  return id === undefined ? undefined : { row, group, parent: row.id("親ID") };
}
