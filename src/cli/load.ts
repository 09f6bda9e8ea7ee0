// Loading what the CLI is pointed at: rulebooks (bundled id, JSON or 配点表) and answer workbooks.
import { existsSync, readFileSync } from "fs";
import { extname, resolve } from "path";
import type { CellInput, ScoreContext } from "../engine/types";
import { findBundled } from "../rulebooks/registry";
import { tableToRulebook } from "../rulebooks/score-table";
import type { Rulebook } from "../rulebooks/schema";
import { parseRulebook, RulebookError } from "../rulebooks/validate";
import { ExcelJsWorkbook } from "../workbook/exceljs-adapter";
import { namedMap, readNamedAnswers } from "../workbook/form-map";
import type { Block } from "../workbook/port";
import { readTableBook } from "../workbook/score-table-xlsx";
import { ANSWER_SHEET, readTemplate, TemplateAnswers } from "../workbook/template";

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

export interface LoadedAnswers {
  source: "template" | "names";
  book: ExcelJsWorkbook;
  answers: Record<string, CellInput>;
  template?: TemplateAnswers;
  templateBlock?: Block;
  context: ScoreContext;
  rulebookId?: string;
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

/** Finds the answers: the standard template first, else form-map defined names. */
export async function loadAnswers(file: string, knownIds?: ReadonlySet<string>): Promise<LoadedAnswers> {
  const book = await openWorkbook(file);
  const used = await book.readUsed([ANSWER_SHEET]);
  const block = used.get(ANSWER_SHEET);
  const template = block ? readTemplate(block, knownIds) : null;
  if (block && template) {
    const context: ScoreContext = {};
    if (template.sizeClass) context.sizeClass = template.sizeClass;
    if (template.size !== undefined) context.size = template.size;
    if (Object.keys(template.previousValues).length) context.previousValues = template.previousValues;
    return {
      source: "template",
      book,
      answers: template.answers,
      template,
      templateBlock: block,
      context,
      rulebookId: template.rulebookId,
    };
  }
  const map = namedMap(await book.definedNames());
  if (map.answers.size) {
    return { source: "names", book, answers: await readNamedAnswers(book, map), context: {} };
  }
  throw new UsageError(
    `${file} に回答が見つかりません。「${ANSWER_SHEET}」シート（指標ID・回答の見出し）も saiten.a.* の名前定義もありません。saiten template で作った様式を使ってください。`,
  );
}
