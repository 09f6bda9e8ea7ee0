// The bundled rulebooks as the task pane uses them: the index at once, a rulebook's data when it is
// first asked for (one download per rulebook, shared by every caller). No zod here: the files were
// validated when the product was built, and the pane's first download should not carry the schema.
import { BUNDLED_INDEX, type BundledRulebookInfo } from "./bundled/catalogue";
import { BUNDLED_LOADERS } from "./bundled/loaders";
import type { Rulebook } from "./schema";

export type { BundledRulebookInfo };

const loading = new Map<string, Promise<Rulebook>>();

export function bundledIndex(): readonly BundledRulebookInfo[] {
  return BUNDLED_INDEX;
}

/** The bundled rulebook with that id, or undefined when none is bundled. */
export function loadBundled(id: string): Promise<Rulebook | undefined> {
  const load = Object.prototype.hasOwnProperty.call(BUNDLED_LOADERS, id) ? BUNDLED_LOADERS[id] : undefined;
  if (!load) return Promise.resolve(undefined);
  let p = loading.get(id);
  if (!p) {
    p = load().then((m) => m.default as Rulebook);
    // A failed download (a network blip) is tried again on the next call.
    p.catch(() => loading.delete(id));
    loading.set(id, p);
  }
  return p;
}
