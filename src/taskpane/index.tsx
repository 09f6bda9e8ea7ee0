// Inside Excel: the pane over the Office.js adapter.
import { OfficeWorkbook } from "../workbook/office/office-workbook";
import { mountPane } from "./mount";
import { WorkbookPaneApi } from "./workbook-api";

Office.onReady((info) => {
  const root = document.getElementById("app");
  if (!root) return;
  if (info.host !== Office.HostType.Excel) {
    root.textContent = "採点 Saiten は Excel で使うアドインです。 / Saiten runs in Excel.";
    return;
  }
  const run = ((options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<unknown>) =>
    Excel.run(options, batch)) as ConstructorParameters<typeof OfficeWorkbook>[0];
  mountPane(root, new WorkbookPaneApi(new OfficeWorkbook(run)));
});
