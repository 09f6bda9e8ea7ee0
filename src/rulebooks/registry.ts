// The bundled rulebooks found by id, for Node: the CLI, scripts, benchmarks and tests. A rulebook's file
// is read when it is first asked for (./bundled/index.ts). They are used as they are: the build and the
// tests validate each file (scripts/rulebook-check-loader.js, test/rulebooks-bundled.test.ts). The task
// pane loads them one by one, asynchronously, instead (load-bundled.ts).
import type { Rulebook } from "./schema";
import { bundledDocument, bundledDocuments } from "./bundled";

/** Every bundled rulebook (all files read). */
export function bundledRulebooks(): Rulebook[] {
  return bundledDocuments() as Rulebook[];
}

/** The bundled rulebook with that id, reading its file alone. */
export function findBundled(id: string): Rulebook | undefined {
  return bundledDocument(id) as Rulebook | undefined;
}
