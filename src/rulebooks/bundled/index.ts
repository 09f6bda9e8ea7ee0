// Every bundled rulebook file for Node (registry.ts), each read when it is first asked for: a command
// needs one or two of them, and reading all of them (about 1 MB of JSON) at every start took about
// 25 ms of each CLI command. The task pane never imports this module: it lists the rulebooks from
// ./catalogue.ts and loads each through ./loaders.ts (whose imports also put the files beside the CLI's
// compiled code).
/* eslint-disable @typescript-eslint/no-require-imports -- read on demand and synchronously: a workbook
   names its rulebook while it is being read, and the choice is made there. */

/** Newest first within a scheme; the first entry is the default for new workbooks (FY2026 cycle). */
const FILES: Readonly<Record<string, () => unknown>> = {
  "kaigo-municipal-fy2026": () => require("./kaigo-municipal-fy2026.json"),
  "kaigo-municipal-fy2025": () => require("./kaigo-municipal-fy2025.json"),
  "kaigo-municipal-fy2024": () => require("./kaigo-municipal-fy2024.json"),
  "kaigo-municipal-fy2026-groups": () => require("./kaigo-municipal-fy2026-groups.json"),
  "kaigo-municipal-fy2025-groups": () => require("./kaigo-municipal-fy2025-groups.json"),
  "kaigo-municipal-fy2024-groups": () => require("./kaigo-municipal-fy2024-groups.json"),
  "kaigo-municipal-fy2023-groups": () => require("./kaigo-municipal-fy2023-groups.json"),
  "kaigo-municipal-2019-groups": () => require("./kaigo-municipal-2019-groups.json"),
  "kaigo-prefectural-fy2026-groups": () => require("./kaigo-prefectural-fy2026-groups.json"),
  "kaigo-prefectural-2019-groups": () => require("./kaigo-prefectural-2019-groups.json"),
  "nhi-municipal-fy2024": () => require("./nhi-municipal-fy2024.json"),
  "kouki-fy2024": () => require("./kouki-fy2024.json"),
  "kouki-fy2022": () => require("./kouki-fy2022.json"),
};

/** The bundled file with that id (read once; Node keeps it), or undefined: ids come from workbooks too. */
export function bundledDocument(id: string): unknown {
  return Object.prototype.hasOwnProperty.call(FILES, id) ? FILES[id]() : undefined;
}

/** Every bundled file, in the order above. */
export function bundledDocuments(): unknown[] {
  return Object.keys(FILES).map((id) => FILES[id]());
}
