// Generated municipal submissions for the reviewer's desk tests and benchmarks: the standard answer
// template of a rulebook filled with varied, deterministic answers (answers.ts: one seed per
// municipality, the recipe bench/review-corpus.js uses too), some reporting a point of their own that
// their answers do not score.
// Plus the broken files a prefecture also receives. Development only (tests, bench/desk.js).
import type { Rulebook } from "../../src/rulebooks/schema";
import { createTemplateWorkbook } from "../../src/adapters/exceljs/template-xlsx";
import { buildTemplate, HEADER_ROW } from "../../src/workbook/template";
import { answerFiller } from "./answers";

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
  const fill = answerFiller(rb, spec);
  const firstYesNo = spec.rows.findIndex((r) => r.kind === "yesno" && !r.linkedTo);
  const out: Submission[] = [];
  const from = options.from ?? 0;
  for (let n = from; n < from + count; n++) {
    // One book serves every municipality: the previous one's 99 must not stay behind.
    spec.rows.forEach((_, i) => (ws.getCell(HEADER_ROW + 1 + i, 7).value = null));
    const name = fill(ws, n);
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
