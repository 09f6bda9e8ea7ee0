// Finding a rulebook by id (bundled) or by path (a clerk's own JSON or 配点表).
import { parseRulebook } from "./validate";
import type { Rulebook } from "./schema";
import { BUNDLED_DOCUMENTS } from "./bundled";

let bundled: Rulebook[] | undefined;

export function bundledRulebooks(): Rulebook[] {
  bundled ??= BUNDLED_DOCUMENTS.map((doc, i) => parseRulebook(doc, `bundled rulebook #${i + 1}`));
  return bundled;
}

export function findBundled(id: string): Rulebook | undefined {
  return bundledRulebooks().find((rb) => rb.id === id);
}

export const DEFAULT_RULEBOOK_ID = "kaigo-municipal-fy2026";
