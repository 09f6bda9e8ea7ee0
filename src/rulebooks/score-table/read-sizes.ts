// The 規模区分 sheet (optional): size classes that 閾値 cells may split their steps by.
import { msg } from "../../messages";
import { SizeClasses } from "../schema";
import { TableBook } from "./cells";
import { SHEETS, SIZE_HEADERS } from "./layout";
import { Locator } from "./locate";
import { Problems } from "./problems";
import { readTable } from "./sheet-reader";
import { compact, jaOf } from "./values";
import { normWord } from "./words";

export interface Sizes {
  classes?: SizeClasses["classes"];
  /** Normalised id or label → id. */
  lookup: Map<string, string>;
}

export function readSizes(book: TableBook, out: Problems, loc: Locator): Sizes {
  const rows = readTable(book, SHEETS.sizes, SIZE_HEADERS, ["ID", "名称"], out, true) ?? [];
  const lookup = new Map<string, string>();
  const classes: SizeClasses["classes"] = [];
  for (const row of rows) {
    const id = row.id("ID");
    const label = row.textPair("名称", "名称(英)");
    if (id === undefined || label === undefined) {
      const h = id === undefined ? "ID" : "名称";
      row.error(h, msg("table.size-field-required", { header: h }));
      continue;
    }
    loc.row(`sizeClasses.classes[${classes.length}]`, row, {
      id: "ID",
      label: "名称",
      min: "以上",
      max: "未満",
    });
    if (classes.some((c) => c.id === id)) row.error("ID", msg("table.size-id-twice", { id }));
    // 閾値 cells may name a class by id or by its label.
    lookup.set(normWord(jaOf(label)!), id);
    lookup.set(normWord(id), id);
    classes.push(compact({ id, label, min: row.num("以上"), max: row.num("未満") }));
  }
  return { classes: classes.length ? classes : undefined, lookup };
}
