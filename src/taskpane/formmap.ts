// The form map as the pane shows it: cells without the $ signs, indicator search by id or name,
// the shared file's name, its download and reading a chosen file.
import type { FormMapEntry } from "../app/pane-api";
import { IndicatorInfo, indicatorTitle } from "../app/rulebook-index";
import { download } from "./download";

/** 様式1!$F$12 → 様式1!F12 (the reference as a person reads it; the map keeps it absolute). */
export function showCell(ref: string): string {
  return ref.replace(/\$/g, "");
}

function searchKey(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
}

/** Whether an indicator matches what was typed: its id, code, name or code + name, in either language. */
export function matchesIndicator(info: Pick<IndicatorInfo, "id" | "code" | "name">, query: string): boolean {
  const q = searchKey(query);
  if (!q) return true;
  const texts = [
    info.id,
    info.name.ja,
    info.name.en ?? "",
    indicatorTitle(info, "ja"),
    indicatorTitle(info, "en"),
  ];
  return texts.some((t) => searchKey(t).includes(q));
}

/** The indicators that have an answer cell of their own (not those answered by another one). */
export function mappableIndicators(indicators: readonly IndicatorInfo[]): IndicatorInfo[] {
  return indicators.filter((i) => i.editor !== null);
}

/** Just the entry (a proposal carries its label too). */
export function entryOf(e: FormMapEntry): FormMapEntry {
  const out: FormMapEntry = { indicatorId: e.indicatorId, answerCell: e.answerCell };
  if (e.pointsCell) out.pointsCell = e.pointsCell;
  return out;
}

/** Entries in the rulebook's order; entries for unknown indicators last, by id. */
export function sortEntries<T extends FormMapEntry>(
  entries: readonly T[],
  order: (id: string) => number | undefined,
): T[] {
  const rank = (id: string) => order(id) ?? Number.MAX_SAFE_INTEGER;
  return [...entries].sort(
    (a, b) => rank(a.indicatorId) - rank(b.indicatorId) || a.indicatorId.localeCompare(b.indicatorId),
  );
}

export function formMapFileName(rulebookId: string): string {
  return `saiten-formmap-${rulebookId.replace(/[\\/:*?"<>|\s]+/g, "_")}.json`;
}

/** Offers the map's JSON as a file download. */
export function downloadText(text: string, fileName: string, doc: Document = document): void {
  download(new Blob([text], { type: "application/json" }), fileName, doc);
}

/** A chosen file's text (FileReader: Blob.text() is missing from older web views); the caller words the failure. */
export function readFileText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === "string" ? reader.result : "");
    reader.onerror = () => reject(reader.error ?? new Error("FileReader failed"));
    reader.readAsText(file);
  });
}
