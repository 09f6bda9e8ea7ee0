// Preview mode (npm start without Excel, and the browser tests): the same pane, the same Office.js
// adapter, over the in-memory Excel loaded with a sample workbook; the sheet is shown beside the pane.
import { createRoot } from "react-dom/client";
import { useSyncExternalStore } from "react";
import { OfficeWorkbook } from "../../src/adapters/office/office-workbook";
import { canCreateWorkbook, openAsNewWorkbook } from "../../src/adapters/office/new-workbook";
import { excelSupport } from "../../src/adapters/office/excel-support";
import { createSimulatedExcel, installOfficeGlobals, loadXlsx, SimWorkbook } from "../office-sim";
import type { PaneApi } from "../../src/app/pane-api";
import { App } from "../../src/taskpane/App";
import { SheetView } from "./SheetView";
import { WorkbookPaneApi } from "../../src/app/pane-session";
import { workerFileReads } from "../../src/taskpane/worker-file-reads";

let version = 0;
const listeners = new Set<() => void>();
const bump = () => {
  version++;
  listeners.forEach((l) => l());
};

/** Re-render the sheet view after anything the pane asks of the workbook. */
function watched(api: PaneApi): PaneApi {
  return new Proxy(api, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (typeof v !== "function") return v;
      return (...args: unknown[]) => {
        const out = v.apply(target, args);
        if (out && typeof (out as Promise<unknown>).then === "function") {
          return (out as Promise<unknown>).finally(bump);
        }
        return out;
      };
    },
  });
}

/** ?layout=pane: the pane alone, the page as wide as the window (a task pane of that width). */
const paneOnly = new URLSearchParams(location.search).get("layout") === "pane";

function Preview({ api, model }: { api: PaneApi; model: SimWorkbook }) {
  const v = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => version,
  );
  if (paneOnly) return <App api={api} />;
  return (
    <div style={{ display: "grid", gridTemplateColumns: "minmax(320px, 420px) 1fr", height: "100vh" }}>
      <main style={{ borderRight: "1px solid #ccc", overflow: "auto" }}>
        <App api={api} />
      </main>
      <SheetView
        model={model}
        version={v}
        onSelectCell={(sheet, address) => {
          model.userSelect(sheet, address);
          bump();
        }}
      />
    </div>
  );
}

/** The workbook to open: ?book=<url> (the browser tests open other years' files), else the sample. */
function bookUrl(): string {
  const asked = new URLSearchParams(location.search).get("book");
  // Only a path on this server: the preview never fetches from elsewhere.
  return asked && asked.startsWith("/") && !asked.startsWith("//") ? asked : "sample.xlsx";
}

/** ?excelApi=1.7: the in-memory Excel plays an older Excel (Excel 2016 has ExcelApi 1.7: no new workbooks). */
function excelApi(): string | undefined {
  const asked = new URLSearchParams(location.search).get("excelApi");
  return asked && /^1\.\d+$/.test(asked) ? asked : undefined;
}

/** Split 回答!E9 into sheet and address. */
function splitRef(ref: string): [string, string] {
  const bang = ref.lastIndexOf("!");
  return [ref.slice(0, bang).replace(/^'|'$/g, ""), ref.slice(bang + 1)];
}

async function start(): Promise<void> {
  installOfficeGlobals();
  const root = document.getElementById("preview")!;
  const data = await (await fetch(bookUrl())).arrayBuffer();
  const model = await loadXlsx(data);
  const olderApi = excelApi();
  const excel = createSimulatedExcel(model, { latencyMs: 30, ...(olderApi ? { excelApi: olderApi } : {}) });
  const support = olderApi ? excelSupport(excel.isSetSupported) : null;
  // Reports open as new in-memory workbooks (Excel.createWorkbook), kept in `created` for the tests;
  // an Excel without it saves them as files.
  const openNew = canCreateWorkbook(support) ? (bytes: Uint8Array) => openAsNewWorkbook(excel.createWorkbook, bytes) : undefined;
  // Chosen files are read in a Web Worker, as in Excel.
  const port = new OfficeWorkbook(excel.run as never, support ? { features: support.features } : {});
  const api = watched(new WorkbookPaneApi(port, [], support, workerFileReads() ?? undefined, () => openNew));
  (window as unknown as { saitenPreview: unknown }).saitenPreview = {
    model,
    stats: excel.stats,
    created: excel.created,
    /** Play the user: type into a cell, select a cell (Excel then sends its worksheet events). */
    edit(ref: string, value: string | number) {
      model.userEdit(...splitRef(ref), value);
      bump();
    },
    select(ref: string) {
      model.userSelect(...splitRef(ref));
      bump();
    },
  };
  createRoot(root).render(<Preview api={api} model={model} />);
}

void start();
