// The fast reader stands on its own: nothing it imports, however indirectly, is ExcelJS (the package
// or its private files) or the ExcelJS adapter. A review worker that never falls back to ExcelJS
// should not pay for loading it, and the pane bundles the reader without it.
import { existsSync, readFileSync } from "fs";
import { dirname, join, relative, resolve } from "path";
import ts from "typescript";

const ROOT = join(__dirname, "..");

/** Every project file the entry imports (type-only imports included) and every package specifier. */
function importGraph(entries: string[]): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const todo = entries.map((e) => join(ROOT, e));
  while (todo.length) {
    const file = todo.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const { fileName: spec } of ts.preProcessFile(readFileSync(file, "utf8"), true, true)
      .importedFiles) {
      if (!spec.startsWith(".")) {
        packages.add(spec);
        continue;
      }
      const base = resolve(dirname(file), spec);
      const found = [`${base}.ts`, `${base}.tsx`, join(base, "index.ts")].find((p) => existsSync(p));
      if (!found) throw new Error(`cannot resolve ${spec} from ${relative(ROOT, file)}`);
      todo.push(found);
    }
  }
  return { files, packages };
}

test("the reader and the package check import no ExcelJS, directly or through another module", () => {
  const { files, packages } = importGraph(["src/adapters/xlsx/index.ts", "src/adapters/xlsx/inspect.ts"]);
  const rel = [...files].map((f) => relative(ROOT, f).split("\\").join("/"));
  // The walk reaches what it should: the reader's own modules and the shared cell rule.
  expect(rel).toEqual(
    expect.arrayContaining([
      "src/adapters/xlsx/reader.ts",
      "src/adapters/xlsx/defined-names.ts",
      "src/adapters/cell-data.ts",
    ]),
  );
  expect(rel.filter((f) => f.startsWith("src/adapters/exceljs/"))).toEqual([]);
  expect([...packages].filter((p) => /^exceljs(\/|$)/.test(p))).toEqual([]);
  expect([...packages].sort()).toEqual(["pako", "zlib"]);
});

test("the walk does see ExcelJS where it is imported", () => {
  const { packages } = importGraph(["src/adapters/exceljs/workbook.ts"]);
  expect(packages.has("exceljs")).toBe(true);
});
