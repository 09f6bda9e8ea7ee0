// The pane's file choice (last year's workbook) meets the same checks as the CLI: a zip bomb is refused
// before anything parses it, and a workbook of another grant is never judged against this one.
import { createSimulatedExcel, fromExcelJs } from "../../dev/office-sim";
import { OfficeWorkbook } from "../../src/adapters/office/office-workbook";
import { WorkbookPaneApi } from "../../src/app/pane-session";
import { createTemplateWorkbook } from "../../src/adapters/exceljs/template-xlsx";
import { UserError } from "../../src/messages";
import { answerBook, lyingZipBomb, rulebook, zipBomb } from "./build";

const arrayBuffer = (b: Uint8Array) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

async function scoredPane() {
  const book = createTemplateWorkbook(rulebook("kaigo-municipal-fy2026"));
  const api = new WorkbookPaneApi(new OfficeWorkbook(createSimulatedExcel(fromExcelJs(book)).run as never));
  await api.score("kaigo-municipal-fy2026");
  return api;
}

describe("the pane's last-year file", () => {
  test("a zip bomb is refused with the unpacked-size limit, naming the file", async () => {
    const api = await scoredPane();
    const err = await api.openPreviousFile(arrayBuffer(zipBomb()), "bomb.xlsx").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).text("ja")).toMatch(/bomb\.xlsx は展開すると上限/);
    expect((err as UserError).text("en")).toMatch(/bomb\.xlsx unpacks to more than the limit/);
  });

  test("a zip whose header lies about its size is refused as damaged", async () => {
    const api = await scoredPane();
    const err = await api.openPreviousFile(arrayBuffer(lyingZipBomb()), "lie.xlsx").catch((e: unknown) => e);
    expect((err as UserError).text("ja")).toMatch(/lie\.xlsx は壊れています/);
  });

  test("a workbook of another grant (後期) is refused, not compared", async () => {
    const api = await scoredPane();
    const kouki = await answerBook("kouki-fy2022");
    const err = await api.openPreviousFile(arrayBuffer(kouki), "後期.xlsx").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).text("ja")).toMatch(/後期\.xlsx は別の交付金/);
  });
});
