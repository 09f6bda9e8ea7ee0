// Who a workbook is from: the template's 市町村名/市町村コード/被保険者数/規模区分, else the defined names
// saiten.entity.name / .code / .insured / .sizeClass (single cells), else the file name. Pure.
import { normaliseText, numberFrom } from "../../engine/normalise";
import { type CellData, cellInput } from "../../workbook/port";
import { normaliseCode } from "../../workbook/entities";
import type { TemplateAnswers } from "../../workbook/template";
import type { Identity } from "./types";

/** Defined names a non-template form can carry to say who it is from (each names one cell). */
export const ENTITY_NAMES = {
  name: "saiten.entity.name",
  code: "saiten.entity.code",
  insured: "saiten.entity.insured",
  sizeClass: "saiten.entity.sizeClass",
} as const;
export type EntityField = keyof typeof ENTITY_NAMES;

export type NamedEntityCells = Partial<Record<EntityField, CellData | undefined>>;

function text(c: CellData | undefined): string | undefined {
  if (!c || c.value === null || c.value === undefined || c.error) return undefined;
  const t = normaliseText(c.value instanceof Date ? c.value.toISOString() : String(c.value)).trim();
  return t || undefined;
}

/** A code as kept: by the one rule (../../workbook/entities), text as written, a number padded. */
export function codeText(c: CellData | undefined): string | undefined {
  if (!c || c.value === null || c.value === undefined || c.error) return undefined;
  return normaliseCode(typeof c.value === "number" ? c.value : text(c));
}

function numberOf(c: CellData | undefined): number | undefined {
  return c ? numberFrom(cellInput(c, "")) : undefined;
}

/** The file name without folders and extension. */
export function baseName(file: string): string {
  const last = file.split(/[\\/]/).pop() ?? file;
  const dot = last.lastIndexOf(".");
  return dot > 0 ? last.slice(0, dot) : last;
}

export function resolveIdentity(
  file: string,
  template: Pick<TemplateAnswers, "entityName" | "entityCode" | "size" | "sizeClass"> | undefined,
  named: NamedEntityCells = {},
): Identity {
  const tName = template?.entityName?.trim() || undefined;
  const nName = text(named.name);
  const name = tName ?? nName ?? baseName(file);
  const code = template?.entityCode?.trim() || codeText(named.code);
  const source: Identity["source"] = tName ? "template" : nName ? "names" : "file-name";
  const id: Identity = { name, source };
  // A template with only a code still counts as the template saying who it is.
  if (source === "file-name" && template?.entityCode) id.source = "template";
  else if (source === "file-name" && code) id.source = "names";
  if (code) id.code = code;
  const insured = template?.size ?? numberOf(named.insured);
  if (insured !== undefined) id.insured = insured;
  const sizeClass = template?.sizeClass ?? text(named.sizeClass);
  if (sizeClass) id.sizeClass = sizeClass;
  return id;
}
