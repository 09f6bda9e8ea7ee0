// The bundled rulebooks, validated once on first use, and found by id.
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
