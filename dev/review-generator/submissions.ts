// Generated municipal submissions for the reviewer's desk tests and benchmarks: the standard answer
// template of a rulebook filled with varied, deterministic answers (one seed per municipality, the same
// recipe as bench/review.js), some reporting a point of their own that their answers do not score.
// Plus the broken files a prefecture also receives. Development only (tests, bench/desk.js).
import type { Rulebook } from "../../src/rulebooks/schema";
import { walkTree } from "../../src/rulebooks/tree";
import { createTemplateWorkbook } from "../../src/adapters/exceljs/template-xlsx";
import { buildTemplate, HEADER_ROW } from "../../src/workbook/template";

const PREFS = ["北海道", "青森県", "岩手県", "宮城県", "長野県", "静岡県", "大阪府", "福岡県", "沖縄県"];
const SUFFIX = ["市", "町", "村"];

export interface Submission {
  /** e.g. 0001_北海道試験0001市.xlsx */
  file: string;
  bytes: Uint8Array;
  /** The cell whose self-reported point disagrees with the answers (回答!G…), when one does. */
  wrongCell?: string;
}

/** Every `mismatchEvery`-th municipality (1-based) types 99 into the 得点 of its first yes/no row. */
export async function generateSubmissions(
  rb: Rulebook,
  count: number,
  options: { from?: number; mismatchEvery?: number; onFile?: (s: Submission) => void | Promise<void> } = {},
): Promise<Submission[]> {
  const spec = buildTemplate(rb);
  const book = createTemplateWorkbook(rb);
  const ws = book.getWorksheet("回答")!;
  const multiOptions = new Map<string, { code: string }[]>();
  walkTree(rb, { indicator: (c) => void (c.kind === "multi" && multiOptions.set(c.id, c.options)) });
  const firstYesNo = spec.rows.findIndex((r) => r.kind === "yesno" && !r.linkedTo);
  const out: Submission[] = [];
  const from = options.from ?? 0;
  for (let n = from; n < from + count; n++) {
    let s = n * 7919 + 17;
    const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
    const skill = 0.35 + rnd() * 0.6;
    const insured = Math.round(500 + rnd() * rnd() * 250000);
    const name = `${PREFS[n % PREFS.length]}試験${String(n + 1).padStart(4, "0")}${SUFFIX[n % 3]}`;
    ws.getCell("D3").value = insured;
    ws.getCell("F3").value = name;
    ws.getCell("H3").value = String(10000 + n * 7).padStart(6, "0");
    spec.rows.forEach((row, i) => {
      const r = HEADER_ROW + 1 + i;
      const cell = ws.getCell(r, 5);
      ws.getCell(r, 7).value = null;
      if (row.linkedTo) return;
      if (rnd() < 0.03) return void (cell.value = null);
      let v: string | number | null;
      if (row.kind === "yesno") v = rnd() < skill ? (rnd() < 0.8 ? "○" : "はい") : "×";
      else if (row.choices)
        v = row.choices[Math.min(row.choices.length - 1, Math.floor(rnd() * skill * 1.6 * row.choices.length))];
      else if (row.kind === "multi")
        v =
          (multiOptions.get(row.id) ?? [])
            .filter(() => rnd() < skill)
            .map((o) => o.code)
            .join("、") || null;
      else if (row.kind === "points") v = Math.floor(rnd() * skill * ((row.max || 10) + 1));
      else if (row.unit === "percent") v = Math.round(rnd() * 1000) / 10;
      else
        v =
          rnd() < 0.2
            ? `${Math.floor(rnd() * 100)}`.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))
            : Math.floor(rnd() * 100);
      cell.value = v;
      if (row.needsPreviousValue) ws.getCell(r, 6).value = Math.floor(rnd() * 100);
    });
    let wrongCell: string | undefined;
    if (options.mismatchEvery && (n + 1) % options.mismatchEvery === 0 && firstYesNo >= 0) {
      const r = HEADER_ROW + 1 + firstYesNo;
      ws.getCell(r, 7).value = 99;
      wrongCell = `回答!G${r}`;
    }
    const sub: Submission = {
      file: `${String(n + 1).padStart(4, "0")}_${name}.xlsx`,
      bytes: new Uint8Array(await book.xlsx.writeBuffer()),
    };
    if (wrongCell) sub.wrongCell = wrongCell;
    if (options.onFile) await options.onFile(sub);
    else out.push(sub);
  }
  return out;
}

/** What else arrives: a file that is not a workbook, a password-protected one, a cut-off zip. */
export function brokenSubmissions(valid: Uint8Array): { file: string; bytes: Uint8Array }[] {
  const junk = (n: number, seed: number) => {
    const out = new Uint8Array(n);
    let x = seed;
    for (let i = 0; i < n; i++) out[i] = (x = (x * 1103515245 + 12345) & 0x7fffffff) & 0xff;
    return out;
  };
  // The start of an OLE compound file, as Excel writes a workbook with an opening password: the
  // signature and the directory's stream names (UTF-16LE) — what Saiten looks at to tell one.
  const ole = junk(4096, 11);
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const utf16 = (t: string) => Uint8Array.from([...t].flatMap((ch) => [ch.charCodeAt(0), 0]));
  ole.set(utf16("Root Entry"), 1024);
  ole.set(utf16("EncryptionInfo"), 1152);
  ole.set(utf16("EncryptedPackage"), 1280);
  return [
    { file: "9997_壊れたファイル.xlsx", bytes: junk(4096, 7) },
    { file: "9998_パスワード付き.xlsx", bytes: ole },
    { file: "9999_途中で切れたファイル.xlsx", bytes: valid.slice(0, Math.floor(valid.length / 2)) },
  ];
}
