// 配点表 → rulebook. Pure: the workbook arrives as plain cell values, so the CLI (ExcelJS) and the
// add-in share one reader, and every problem can name the cell a clerk has to fix.
import { msg } from "../../messages";
import { Node, Rulebook } from "../schema";
import { checkRulebook } from "../validate";
import { buildTree } from "./build-tree";
import { TableBook } from "./cells";
import { GROUP_HEADERS, INDICATOR_HEADERS, SHEETS } from "./layout";
import { locateNodes, Locator, tableMessage } from "./locate";
import { aboutCheck, Problems, TableProblem } from "./problems";
import { readGroup } from "./read-groups";
import { readIndicator } from "./read-indicators";
import { readRulebookSheet } from "./read-rulebook-sheet";
import { readSizes } from "./read-sizes";
import { readTable, Row } from "./sheet-reader";
import { compact } from "./values";

export function tableToRulebook(book: TableBook): { rulebook?: Rulebook; problems: TableProblem[] } {
  const out = new Problems();
  const loc = new Locator();
  const sheet = readRulebookSheet(book, out, loc);
  const sizes = readSizes(book, out, loc);
  if (sizes.classes && !sheet?.sizeBasis) {
    out.add("error", SHEETS.rulebook, undefined, msg("table.size-basis-required"));
  } else if (sheet?.sizeBasis && !sizes.classes) {
    sheet.sizeBasisRow?.error(
      "規模区分の基準",
      msg("table.size-basis-without-classes", { sheet: SHEETS.sizes }),
    );
  }
  if (sheet?.sizeAssumedFrom !== undefined && !sizes.classes)
    sheet.sizeAssumedRow?.error(
      "規模区分の流用元年度",
      msg("table.size-assumed-without-classes", { sheet: SHEETS.sizes }),
    );
  const groupRows = readTable(book, SHEETS.groups, GROUP_HEADERS, ["ID", "名称"], out);
  const groups = (groupRows ?? []).flatMap((r) => readGroup(r) ?? []);
  const indRows = readTable(
    book,
    SHEETS.indicators,
    INDICATOR_HEADERS,
    ["区分ID", "ID", "名称", "種類"],
    out,
  );
  const indicators = (indRows ?? []).flatMap((r) => readIndicator(r, sizes) ?? []);
  if (indRows && !indRows.length) out.add("error", SHEETS.indicators, undefined, msg("table.no-indicators"));
  const root = groupRows && indRows ? buildTree(groups, indicators, out) : undefined;
  if (!root || !sheet || out.failed) return { problems: out.list };

  const sizeClasses =
    sizes.classes && sheet.sizeBasis
      ? compact({ basis: sheet.sizeBasis, assumedFrom: sheet.sizeAssumedFrom, classes: sizes.classes })
      : undefined;
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
    out.add(p.severity, sheetName, cell, aboutCheck(at?.subject, tableMessage(p)));
  }
  return check.ok && !out.failed ? { rulebook: check.rulebook, problems: out.list } : { problems: out.list };
}
