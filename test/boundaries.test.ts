// The import rules (.dependency-cruiser.cjs, run by `npm run lint`) against planted files: each wrong
// arrow is reported with the rule it breaks, and the allowed ones pass. The planted tree lives in a
// temporary folder, so the real src/ is never touched.
import { execFileSync } from "child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { dirname, join } from "path";

const ROOT = join(__dirname, "..");
const CONFIG = join(ROOT, ".dependency-cruiser.cjs");
const DEPCRUISE = join(ROOT, "node_modules", ".bin", "depcruise");

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

function cruise(files: Record<string, string>): Violation[] {
  const dir = mkdtempSync(join(tmpdir(), "saiten-boundaries-"));
  try {
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true } }));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    let out: string;
    try {
      out = execFileSync(DEPCRUISE, ["src", "dev", "--config", CONFIG, "--output-type", "json"], {
        cwd: dir,
        encoding: "utf8",
      });
    } catch (e) {
      out = (e as { stdout: string }).stdout;
    }
    return (JSON.parse(out) as { summary: { violations: Violation[] } }).summary.violations;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const base = {
  "src/workbook/port.ts": "export interface Port { read(): void }\n",
  "src/adapters/exceljs/workbook.ts": 'import type { Port } from "../../workbook/port";\nexport const book: Port | null = null;\n',
  "src/rulebooks/schema.ts": "export interface Rulebook { id: string }\nexport const schema = 1;\n",
  "src/app/run.ts": 'import type { Port } from "../workbook/port";\nexport const run = (p: Port) => p.read();\n',
  "dev/office-sim/index.ts": 'import { book } from "../../src/adapters/exceljs/workbook";\nexport const sim = book;\n',
};

test("the allowed arrows pass: app → workbook, adapters → workbook, dev → src", () => {
  expect(cruise(base)).toEqual([]);
});

test("the engine may not import an adapter", () => {
  const v = cruise({ ...base, "src/engine/score.ts": 'import { book } from "../adapters/exceljs/workbook";\nexport const s = book;\n' });
  expect(v.map((x) => [x.from, x.to, x.rule.name])).toEqual([
    ["src/engine/score.ts", "src/adapters/exceljs/workbook.ts", "not-in-allowed"],
  ]);
});

test("the engine may use rulebook types but not the schema's code (zod)", () => {
  const types = cruise({ ...base, "src/engine/a.ts": 'import type { Rulebook } from "../rulebooks/schema";\nexport type A = Rulebook;\n' });
  expect(types).toEqual([]);
  const code = cruise({ ...base, "src/engine/a.ts": 'import { schema } from "../rulebooks/schema";\nexport const a = schema;\n' });
  expect(code.map((x) => x.rule.name)).toEqual(["not-in-allowed"]);
});

test("product code may not import development code", () => {
  const v = cruise({ ...base, "src/app/preview.ts": 'import { sim } from "../../dev/office-sim";\nexport const p = sim;\n' });
  expect(v.map((x) => x.rule.name)).toContain("product-never-uses-dev");
});

test("an adapter may not import the application layer (arrows point inward)", () => {
  const v = cruise({ ...base, "src/adapters/xlsx/reader.ts": 'import { run } from "../../app/run";\nexport const r = run;\n' });
  expect(v.map((x) => [x.from, x.rule.name])).toEqual([["src/adapters/xlsx/reader.ts", "not-in-allowed"]]);
});

test("a cycle is refused, even inside one room", () => {
  const v = cruise({
    ...base,
    "src/tally/a.ts": 'import { b } from "./b";\nexport const a = () => b;\n',
    "src/tally/b.ts": 'import { a } from "./a";\nexport const b = () => a;\n',
  });
  expect(v.map((x) => x.rule.name)).toContain("no-cycles");
});
