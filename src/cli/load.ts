// Loading what the CLI is pointed at: rulebooks (bundled id, JSON or 配点表) and answer workbooks.
import { existsSync, readFileSync } from "fs";
import { extname, resolve } from "path";
import { findBundled } from "../rulebooks/registry";
import { tableToRulebook } from "../rulebooks/score-table";
import type { Rulebook } from "../rulebooks/schema";
import { parseRulebook, RulebookError } from "../rulebooks/validate";
import { ExcelJsWorkbook } from "../workbook/exceljs-adapter";
import { readTableBook } from "../workbook/score-table-xlsx";
import { ANSWER_SHEET, readTemplate } from "../workbook/template";

/** An input the user must fix; the CLI prints the message on one line and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export async function loadRulebook(ref: string): Promise<Rulebook> {
  const bundled = findBundled(ref);
  if (bundled) return bundled;
  const path = resolve(ref);
  if (!existsSync(path)) {
    throw new UsageError(
      `ルールブック「${ref}」がありません。saiten rulebooks で一覧を確認するか、ファイルのパスを指定してください。`,
    );
  }
  const ext = extname(path).toLowerCase();
  if (ext === ".xlsx") {
    const book = await readTableBook(path).catch((e: Error) => {
      throw new UsageError(`${ref} を開けません: ${e.message}`);
    });
    const res = tableToRulebook(book);
    if (!res.rulebook) {
      const first = res.problems.find((p) => p.severity === "error");
      throw new UsageError(
        `${ref}: ${first ? `${first.cell ?? first.sheet}: ${first.message}` : "配点表を読めません"}`,
      );
    }
    return res.rulebook;
  }
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new UsageError(`${ref} は JSON として読めません: ${(e as Error).message}`);
  }
  try {
    return parseRulebook(doc, ref);
  } catch (e) {
    if (e instanceof RulebookError) throw new UsageError(e.message);
    throw e;
  }
}

export async function openWorkbook(file: string): Promise<ExcelJsWorkbook> {
  const path = resolve(file);
  if (!existsSync(path)) throw new UsageError(`${file} がありません。`);
  try {
    return await ExcelJsWorkbook.open(path);
  } catch (e) {
    throw new UsageError(
      `${file} を .xlsx として開けません（${(e as Error).message}）。Excel で .xlsx 形式で保存し直してください。`,
    );
  }
}

/** The rulebook id the standard template records (ルールブックID), if the workbook is one. */
export async function recordedRulebookId(book: ExcelJsWorkbook): Promise<string | undefined> {
  const read = await book.read({ used: [ANSWER_SHEET] });
  const block = read.used.get(ANSWER_SHEET);
  return block ? (readTemplate(block)?.rulebookId ?? undefined) : undefined;
}
