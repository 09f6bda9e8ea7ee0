// Inside Excel: the pane over the Office.js adapter, limited to what this Excel supports.
import { officeExcelSupport } from "../adapters/office/excel-support";
import { OfficeWorkbook } from "../adapters/office/office-workbook";
import { mountPane } from "./mount";
import { WorkbookPaneApi } from "../app/pane-session";
import { workerFileReads } from "./worker-file-reads";

Office.onReady((info) => {
  const root = document.getElementById("app");
  if (!root) return;
  if (info.host !== Office.HostType.Excel) {
    root.textContent = "採点 Saiten は Excel で使うアドインです。 / Saiten runs in Excel.";
    return;
  }
  const run = ((options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<unknown>) =>
    Excel.run(options, batch)) as ConstructorParameters<typeof OfficeWorkbook>[0];
  const support = officeExcelSupport();
  const port = new OfficeWorkbook(run, support ? { features: support.features } : {});
  mountPane(root, new WorkbookPaneApi(port, [], support, workerFileReads() ?? undefined));
});
