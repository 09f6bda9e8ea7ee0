// The 規模区分 sheet (optional): size classes that 閾値 cells may split their steps by.
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
      row.error(
        id === undefined ? "ID" : "名称",
        `規模区分の${id === undefined ? "ID" : "名称"}を入力してください。`,
      );
      continue;
    }
    loc.row(`sizeClasses.classes[${classes.length}]`, row, {
      id: "ID",
      label: "名称",
      min: "以上",
      max: "未満",
    });
    if (classes.some((c) => c.id === id)) row.error("ID", `規模区分ID「${id}」が2つあります。`);
    // 閾値 cells may name a class by id or by its label.
    lookup.set(normWord(jaOf(label)!), id);
    lookup.set(normWord(id), id);
    classes.push(compact({ id, label, min: row.num("以上"), max: row.num("未満") }));
  }
  return { classes: classes.length ? classes : undefined, lookup };
}
