// A stand-in for Excel for Windows, as far as Office.js reads it when it starts: enough for the real
// Office.js to take the Excel-for-Windows path in a plain browser and start the pane (the closed-network
// test in test/browser/self-contained.test.ts, the first-paint figure of `npm run bench:addin`).
//
// The stand-in is what Excel gives the pane's web view: the host object `window.external` with
// GetHostInfo() ("Excel$Win32$16.01$ja-JP…", so Office.js loads excel-win32-16.01.js and its Japanese
// strings from its own folder) and GetContext() (application, locale, and the requirement matrix that
// Office.context.requirements.isSetSupported answers from). Its workbook channel (Execute) answers
// every request with an error: there is no workbook behind it, so the pane starts as it does before
// anything is scored.

export interface StandIn {
  excelApi: string;
  /** Excel's build, e.g. 16.0.14332.20000 (LTSC 2021); Office.js treats builds before 16.0.11601 differently. */
  build: string;
}

/** LTSC 2021 and Excel 2019 as the stand-in plays them (builds from Microsoft's requirement-set table). */
export const LTSC_2021: StandIn = { excelApi: "1.14", build: "16.0.14332.20000" };
export const EXCEL_2019: StandIn = { excelApi: "1.8", build: "16.0.10730.20102" };

/** Runs in the page before any script: Excel for Windows' host object, as far as Office.js reads it. */
export function standInExcelForWindows({ excelApi, build }: StandIn): void {
  const w = window as unknown as Record<string, unknown>;
  const context = {
    GetAppType: () => 1, // Excel
    GetSolutionRef: () => "saiten",
    GetAppVersionMajor: () => 16,
    GetAppVersionMinor: () => 1,
    GetAppUILocale: () => "ja-JP",
    GetAppDataLocale: () => "ja-JP",
    GetDocUrl: () => "",
    GetAppCapabilities: () => 0,
    GetActivationMode: () => 0,
    GetControlIntegrationLevel: () => 0,
    GetSolutionToken: () => "",
    GetSupportedMatrix: () => JSON.stringify({ ExcelApi: excelApi }),
    GetHostFullVersion: () => build,
    GetSettings: () => ({ Read: () => undefined, Write: () => undefined }),
    GetOfficeThemeInfo: () =>
      JSON.stringify({
        primaryFontColor: 0x262626,
        primaryBackgroundColor: 0xffffff,
        secondaryFontColor: 0x262626,
        secondaryBackgroundColor: 0xf3f3f3,
      }),
  };
  const calls: number[] = [];
  w.__standIn = { calls };
  w.external = {
    GetHostInfo: () => "Excel$Win32$16.01$ja-JP$$$$0",
    GetContext: () => context,
    // The workbook channel: no workbook here, every request fails.
    Execute: (id: number, _params: unknown, callback: (status: number, result: unknown) => void) => {
      calls.push(id);
      setTimeout(() => callback(5001, null), 0);
    },
    RegisterEvent: () => undefined,
    UnregisterEvent: () => undefined,
  };
}
