// Existing forms: find where each indicator's answer sits by scanning for its id, aliases and name
// (normalised as the engine normalises answers), and propose the cell to its right. The user confirms.
import { normaliseText } from "../engine/normalise";
import { jaText } from "../engine/text";
import type { Indicator, Rulebook } from "../rulebooks/schema";
import { absoluteAddress, cellAddress, qualified } from "../excel/a1";
import { indicatorsOf } from "../rulebooks/tree";
import { msg, UserError } from "../messages";
import type { Block, CellData } from "./port";

export interface FormMapEntry {
  indicatorId: string;
  /** Qualified absolute reference of the answer cell, e.g. 様式1!$F$12. */
  answerCell: string;
  /** Where Saiten writes the indicator's points, when the form has such a cell. */
  pointsCell?: string;
}

export interface FormMapProposal extends FormMapEntry {
  /** The cell whose text identified the indicator. */
  labelCell: string;
  labelText: string;
  matchedBy: "id" | "alias" | "name";
}

export const FORM_MAP_FORMAT = "saiten.formmap/1";

export interface FormMapFile {
  format: typeof FORM_MAP_FORMAT;
  rulebook: string;
  entries: FormMapEntry[];
}

function key(text: string): string {
  return normaliseText(text).replace(/\s+/g, "").toLowerCase();
}

/** Indicators that have an answer cell of their own. */
function indicators(rb: Rulebook): Indicator[] {
  return indicatorsOf(rb).filter((i) => !i.answerFrom);
}

/** Label → indicator, keeping only labels that name exactly one indicator. */
function labelIndex(rb: Rulebook): Map<string, { id: string; by: FormMapProposal["matchedBy"] }> {
  const index = new Map<string, { id: string; by: FormMapProposal["matchedBy"] }>();
  const clash = new Set<string>();
  const add = (label: string, id: string, by: FormMapProposal["matchedBy"]) => {
    const k = key(label);
    if (k.length < 2 || clash.has(k)) return;
    const prev = index.get(k);
    if (prev && prev.id !== id) {
      index.delete(k);
      clash.add(k);
    } else if (!prev) index.set(k, { id, by });
  };
  for (const ind of indicators(rb)) {
    add(ind.id, ind.id, "id");
    ind.aliases?.forEach((a) => add(a, ind.id, "alias"));
    add(jaText(ind.name), ind.id, "name");
  }
  return index;
}

function text(c: CellData | undefined): string {
  return c && c.value !== null && c.value !== undefined ? String(c.value) : "";
}

function absolute(sheet: string, row: number, col: number): string {
  return qualified(sheet, absoluteAddress({ top: row, left: col, bottom: row, right: col }));
}

/** Proposals from the used ranges of the given sheets, at most one per indicator (the first found). */
export function detectFormMap(rb: Rulebook, blocks: readonly Block[], maxLook = 8): FormMapProposal[] {
  const index = labelIndex(rb);
  const found = new Map<string, FormMapProposal>();
  for (const b of blocks) {
    const columnVotes = new Map<number, number>();
    /** This sheet's proposals, with what placing an unanswered row's answer needs. */
    const sheetFound = new Map<
      string,
      { proposal: FormMapProposal; filled: boolean; row: number; firstFree: number; lastCol: number }
    >();
    b.cells.forEach((line, i) => {
      line.forEach((c, j) => {
        const t = text(c);
        if (!t) return;
        const hit = index.get(key(t));
        if (!hit || found.has(hit.id) || sheetFound.has(hit.id)) return;
        // The answer: the first filled cell to the right that is not itself a label; else decided below.
        let firstFree = -1;
        let filled = -1;
        for (let k = j + 1; k < Math.min(line.length, j + 1 + maxLook); k++) {
          const v = text(line[k]);
          if (index.has(key(v))) continue;
          if (firstFree < 0) firstFree = k;
          if (v) {
            filled = k;
            break;
          }
        }
        const row = b.top + i;
        const col = filled >= 0 ? filled : firstFree >= 0 ? firstFree : j + 1;
        if (filled >= 0) columnVotes.set(b.left + filled, (columnVotes.get(b.left + filled) ?? 0) + 1);
        sheetFound.set(hit.id, {
          proposal: {
            indicatorId: hit.id,
            answerCell: absolute(b.sheet, row, b.left + col),
            labelCell: qualified(b.sheet, cellAddress(row, b.left + j)),
            labelText: t,
            matchedBy: hit.by,
          },
          filled: filled >= 0,
          row,
          firstFree: b.left + (firstFree >= 0 ? firstFree : j + 1),
          lastCol: b.left + j + maxLook,
        });
      });
    });
    // Unanswered rows follow the column most answered rows of the same sheet use.
    const consensus = [...columnVotes].sort((a, b2) => b2[1] - a[1])[0]?.[0];
    for (const [id, f] of sheetFound) {
      if (!f.filled && consensus !== undefined && consensus >= f.firstFree && consensus <= f.lastCol) {
        f.proposal.answerCell = absolute(b.sheet, f.row, consensus);
      }
      found.set(id, f.proposal);
    }
  }
  return [...found.values()];
}

export function formMapFile(rulebookId: string, entries: FormMapEntry[]): FormMapFile {
  return { format: FORM_MAP_FORMAT, rulebook: rulebookId, entries };
}

/** Reads a shared form-map file; every problem names the entry. */
export function parseFormMapFile(text: string, rb: Rulebook): FormMapFile {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new UserError(msg("formmap.not-json"));
  }
  const d = doc as Partial<FormMapFile>;
  if (d.format !== FORM_MAP_FORMAT || !Array.isArray(d.entries) || typeof d.rulebook !== "string") {
    throw new UserError(msg("formmap.wrong-format", { format: FORM_MAP_FORMAT }));
  }
  const ids = new Set(indicators(rb).map((i) => i.id));
  d.entries.forEach((e, n) => {
    if (!e || typeof e.indicatorId !== "string" || typeof e.answerCell !== "string") {
      throw new UserError(msg("formmap.entry-incomplete", { n: n + 1 }));
    }
    if (!ids.has(e.indicatorId))
      throw new UserError(msg("formmap.unknown-indicator", { id: e.indicatorId, rulebook: rb.id }));
    if (!/!\$?[A-Z]{1,3}\$?\d+$/.test(e.answerCell))
      throw new UserError(msg("formmap.not-a-cell", { id: e.indicatorId, cell: e.answerCell }));
  });
  return d as FormMapFile;
}
