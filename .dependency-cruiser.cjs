// Which way imports may go. Every arrow that is allowed is written once below; anything else is an
// error in `npm run lint` (depcruise). Layers, bottom up:
//   messages, numbers, excel → files, rulebooks → engine → workbook (the port and Saiten's sheet layouts)
//   → adapters/{grid-read, exceljs, xlsx, office; read-workbook, which uses exceljs and xlsx} → tally
//   → app (use cases) → shells: cli, review, taskpane
//   dev/ (in-memory Excel, tally generator, preview) may use anything; no product code may use dev/.
/** @type {import('dependency-cruiser').IConfiguration} */
const layer = (name) => `^src/${name}/`;
const to = (...names) => ({ path: names.map((n) => (n === "npm" ? "^node_modules/" : `^src/${n}/`)) });

module.exports = {
  allowedSeverity: "error",
  allowed: [
    // Inside a room, anything (cycles are refused below). Each adapter is a room of its own: one adapter
    // never reaches into another.
    { from: { path: "^src/(?!adapters/)([^/]+)/" }, to: { path: "^src/$1/" } },
    { from: { path: "^src/adapters/([^/]+)/" }, to: { path: "^src/adapters/$1/" } },
    { from: { path: "^dev/" }, to: { path: ["^(src|dev)/", "^node_modules/"] } },
    { from: { path: "^src/cli/main\\.ts$" }, to: { path: "^package\\.json$" } },
    // Node's own modules: the file system and threads only in the Node shells, files/disk.ts (reading)
    // and files/file-access.ts (writing);
    // zlib in one module, files/node-zlib.ts, which the zip reader and writer use where there is one
    // (absent in the browser bundle).
    { from: { path: "^src/(cli|review)/|^src/files/(disk|file-access)\\.ts$|^dev/" }, to: { dependencyTypes: ["core"] } },
    { from: { path: "^src/files/node-zlib\\.ts$" }, to: { path: "^zlib$", dependencyTypes: ["core"] } },

    { from: { path: layer("messages") }, to: to("npm") },
    // numbers/ (the number reading and rounding) and excel/ (A1 references) import nothing.
    { from: { path: layer("files") }, to: to("messages", "numbers", "excel", "npm") },
    { from: { path: layer("rulebooks") }, to: to("messages", "numbers", "excel", "npm") },
    // The engine: pure scoring over rulebook types and the rulebooks' own structure rules; no zod, no I/O.
    { from: { path: layer("engine") }, to: { path: "^src/rulebooks/schema\\.ts$", dependencyTypes: ["type-only"] } },
    { from: { path: layer("engine") }, to: { path: "^src/rulebooks/structure\\.ts$" } },
    { from: { path: layer("engine") }, to: to("messages", "numbers", "excel") },
    { from: { path: layer("workbook") }, to: to("engine", "rulebooks", "messages", "numbers", "excel", "files") },
    {
      from: { path: "^src/adapters/" },
      to: {
        path: ["^src/(workbook|engine|rulebooks|messages|numbers|excel|files)/", "^src/adapters/(grid-read|cell-data)\\.ts$", "^node_modules/"],
      },
    },
    // Opening a workbook's bytes (the fast reader, else ExcelJS; ExcelJS for a copy to write) is the one
    // module that chooses between two adapters: it may use both, the layers above use it.
    { from: { path: "^src/adapters/read-workbook\\.ts$" }, to: { path: "^src/adapters/(xlsx|exceljs)/" } },
    {
      from: { path: layer("tally") },
      to: {
        path: [
          "^src/(workbook|engine|rulebooks|messages|numbers|excel|files)/",
          "^src/adapters/(xlsx/|exceljs/|read-workbook\\.ts$)",
          "^node_modules/",
        ],
      },
    },
    {
      from: { path: layer("app") },
      to: { path: ["^src/(tally|workbook|engine|rulebooks|messages|numbers|excel)/", "^src/adapters/(xlsx/|exceljs/|read-workbook\\.ts$)", "^src/files/(?!disk)", "^node_modules/"] },
    },
    // The pane's contract names what the Excel in use supports; the type lives with the Office adapter.
    { from: { path: "^src/app/pane-api\\.ts$" }, to: { path: "^src/adapters/office/", dependencyTypes: ["type-only"] } },
    {
      from: { path: layer("review") },
      to: { path: ["^src/(app|tally|workbook|engine|rulebooks|messages|numbers|excel|files)/", "^src/adapters/(xlsx|exceljs)/", "^node_modules/"] },
    },
    {
      from: { path: layer("cli") },
      to: { path: ["^src/(app|review|tally|workbook|engine|rulebooks|messages|numbers|excel|files)/", "^src/adapters/(xlsx/|exceljs/|read-workbook\\.ts$)", "^node_modules/"] },
    },
    {
      from: { path: layer("taskpane") },
      to: { path: ["^src/(app|workbook|engine|rulebooks|messages|numbers|excel)/", "^src/adapters/office/", "^src/files/(?!disk)", "^node_modules/"] },
    },
  ],
  forbidden: [
    { name: "no-cycles", severity: "error", from: { pathNot: "^dev/office-sim/" }, to: { circular: true } },
    // The in-memory Excel mirrors Office.js's object graph, whose types refer to each other; only
    // cycles of code that runs are refused there.
    {
      name: "no-cycles-at-run-time",
      severity: "error",
      from: { path: "^dev/office-sim/" },
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    { name: "product-never-uses-dev", severity: "error", from: { path: "^src/" }, to: { path: "^dev/" } },
    { name: "no-unresolved", severity: "error", from: {}, to: { couldNotResolve: true } },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    // Packages that name their entry points in "exports" (csv-parse/sync), resolved as Node resolves them.
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["require", "node", "default"] },
    exclude: { path: "\\.d\\.ts$" },
  },
};
