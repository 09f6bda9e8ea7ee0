// The bundled rulebooks at once, found by id: for the CLI, the review and scripts, which read every
// file anyway. They are used as they are: the build and the tests validate each file
// (scripts/rulebook-check-loader.js, test/rulebooks-bundled.test.ts). The task pane loads them one
// by one instead (load-bundled.ts).
import type { Rulebook } from "./schema";
import { BUNDLED_DOCUMENTS } from "./bundled";

export function bundledRulebooks(): Rulebook[] {
  return BUNDLED_DOCUMENTS as Rulebook[];
}

export function findBundled(id: string): Rulebook | undefined {
  return bundledRulebooks().find((rb) => rb.id === id);
}
