// Inside Excel: the pane over the Office.js adapter, limited to what this Excel supports. The pane
// paints at once and gets its workbook when Office.js is ready: Office.js loads its host script only
// after its own, and waiting for both before the first paint cost about a second at 4× CPU slowdown.
import type { ExcelSupport } from "../adapters/office/excel-support";
import { officeExcelSupport } from "../adapters/office/excel-support";
import { OfficeWorkbook } from "../adapters/office/office-workbook";
import { canCreateWorkbook, openAsNewWorkbook } from "../adapters/office/new-workbook";
import { mountPane } from "./mount";
import { WorkbookPaneApi } from "../app/pane-session";
import { PortWhenReady } from "./port-when-ready";
import { workerFileReads } from "./worker-file-reads";

const root = document.getElementById("app");
// Without Office.js (its script refused or unreachable) there is no workbook to wait for: no pane.
if (root && typeof Office !== "undefined") {
  const port = new PortWhenReady();
  let support: ExcelSupport | null = null;
  const openNew = (bytes: Uint8Array) => openAsNewWorkbook((base64) => Excel.createWorkbook(base64), bytes);
  const pane = mountPane(
    root,
    new WorkbookPaneApi(port, [], () => support, workerFileReads() ?? undefined, () =>
      canCreateWorkbook(support) ? openNew : undefined,
    ),
  );
  Office.onReady((info) => {
    if (info.host !== Office.HostType.Excel) {
      pane();
      root.textContent = "採点 Saiten は Excel で使うアドインです。 / Saiten runs in Excel.";
      return;
    }
    const run = ((options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<unknown>) =>
      Excel.run(options, batch)) as ConstructorParameters<typeof OfficeWorkbook>[0];
    support = officeExcelSupport();
    port.ready(new OfficeWorkbook(run, support ? { features: support.features } : {}));
    // Drawn again: what this Excel cannot do is known now.
    pane.refresh();
  });
}
