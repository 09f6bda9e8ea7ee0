// The fast reader stands on its own: nothing it imports, however indirectly, is ExcelJS (the package
// or its private files) or the ExcelJS adapter. A review worker whose files all suit the fast reader
// does not pay for loading ExcelJS, and the pane bundles the reader without it.
import { existsSync, readFileSync } from "fs";
import { dirname, join, relative, resolve } from "path";
import ts from "typescript";

const ROOT = join(__dirname, "..");

/**
 * The project files and package specifiers an entry reaches through import and export-from
 * declarations. With `loadedOnly`, only what loads with the module: type-only imports (erased) and
 * dynamic import() (loaded when called) are not followed.
 */
function importGraph(entries: string[], loadedOnly: boolean): { files: string[]; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const todo = entries.map((e) => join(ROOT, e));
  while (todo.length) {
    const file = todo.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    // JSON data (the bundled rulebooks) imports nothing.
    if (file.endsWith(".json")) continue;
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022);
    for (const node of source.statements) {
      let spec: string | undefined;
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        const clause = node.importClause;
        const named = clause?.namedBindings;
        const typeOnly =
          clause?.isTypeOnly ||
          (clause &&
            !clause.name &&
            named &&
            ts.isNamedImports(named) &&
            named.elements.every((e) => e.isTypeOnly));
        if (!(loadedOnly && typeOnly)) spec = node.moduleSpecifier.text;
      } else if (
        ts.isExportDeclaration(node) &&
        node.moduleSpecifier &&
        ts.isStringLiteral(node.moduleSpecifier)
      ) {
        if (!(loadedOnly && node.isTypeOnly)) spec = node.moduleSpecifier.text;
      }
      if (spec === undefined) continue;
      if (!spec.startsWith(".")) {
        packages.add(spec);
        continue;
      }
      const base = resolve(dirname(file), spec);
      const found = [`${base}.ts`, `${base}.tsx`, join(base, "index.ts"), ...(base.endsWith(".json") ? [base] : [])].find((p) =>
        existsSync(p),
      );
      if (!found) throw new Error(`cannot resolve ${spec} from ${relative(ROOT, file)}`);
      todo.push(found);
    }
  }
  return { files: [...files].map((f) => relative(ROOT, f).split("\\").join("/")), packages };
}

const isExcelJs = (p: string) => /^exceljs(\/|$)/.test(p);

test("the reader and the package check import no ExcelJS, not even its types", () => {
  const { files, packages } = importGraph(
    ["src/adapters/xlsx/index.ts", "src/files/inspect-workbook.ts"],
    false,
  );
  // The walk reaches what it should: the reader's own modules and the shared cell rule.
  expect(files).toEqual(
    expect.arrayContaining([
      "src/adapters/xlsx/reader.ts",
      "src/adapters/xlsx/defined-names.ts",
      "src/adapters/cell-data.ts",
    ]),
  );
  expect(files.filter((f) => f.startsWith("src/adapters/exceljs/"))).toEqual([]);
  expect([...packages].filter(isExcelJs)).toEqual([]);
  // Browser-safe: zlib only where the bundle leaves it out. Node never loads pako: the pane's bundle
  // puts src/files/browser/inflate-without-zlib.ts (pako) in place of the module that names no library.
  expect([...packages].sort()).toEqual(["zlib"]);
  expect([...importGraph(["src/files/browser/inflate-without-zlib.ts"], false).packages]).toEqual(["pako"]);
});

test("a review worker loads ExcelJS only when a file falls back to it", () => {
  const { files, packages } = importGraph(
    ["src/review/worker.ts", "src/app/review/review-workbook.ts"],
    true,
  );
  expect(files).toContain("src/adapters/xlsx/reader.ts");
  expect(files.filter((f) => f.startsWith("src/adapters/exceljs/"))).toEqual([]);
  expect([...packages].filter(isExcelJs)).toEqual([]);
  expect(packages.has("zod")).toBe(false);
});

test("the walk does see ExcelJS where it is loaded: its workbook, not its entry", () => {
  // The entry also loads ExcelJS's streaming reader and writer, which Saiten never uses (library.ts).
  const { packages } = importGraph(["src/adapters/exceljs/workbook.ts"], true);
  expect([...packages].filter(isExcelJs).sort()).toEqual(["exceljs/lib/doc/enums", "exceljs/lib/doc/workbook"]);
  // A type-only import: followed for the types, not for what loads.
  expect(importGraph(["src/cli/load.ts"], false).files).toContain("src/adapters/exceljs/workbook.ts");
  expect(importGraph(["src/cli/load.ts"], true).files).not.toContain("src/adapters/exceljs/workbook.ts");
});

test("the CLI loads ExcelJS and zod only in the commands that need them, not at start", () => {
  // ExcelJS (its workbook module, library.ts) is about 0.12 s a run, zod with the schemas about 60 ms:
  // `saiten review` loads ExcelJS for its summary.xlsx once the workers have started, and zod only for
  // a rulebook, last year's result or summary given as a JSON file; the bundled rulebooks were
  // validated by the build.
  // A command's own module loads when that command runs (commands.ts): start-up reaches none of them.
  const commands = ["src/cli/score.ts", "src/cli/review.ts", "src/cli/tally.ts", "src/cli/rulebook.ts"];
  const atStart = importGraph(["src/cli/main.ts"], true).files;
  expect(atStart).toContain("src/cli/commands.ts");
  expect(atStart.filter((f) => commands.includes(f) || f === "src/cli/load.ts")).toEqual([]);
  // Start-up and every command as it begins to run, together.
  const { files, packages } = importGraph(["src/cli/main.ts", ...commands], true);
  expect(files).toContain("src/cli/load.ts");
  expect(files.filter((f) => f.startsWith("src/adapters/exceljs/"))).toEqual([]);
  expect([...packages].filter(isExcelJs)).toEqual([]);
  expect(files.filter((f) => /(^|\/)(validate|[a-z-]*schema|zod)\.ts$/.test(f))).toEqual([]);
  expect(packages.has("zod")).toBe(false);
  // What the walk would have found before: the rulebook check does import zod when it loads.
  expect(importGraph(["src/rulebooks/validate.ts"], true).packages.has("zod")).toBe(true);
});
