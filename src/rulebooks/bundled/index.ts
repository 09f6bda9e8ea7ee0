// Every bundled rulebook file for Node (registry.ts), each read when it is first asked for: a command
// needs one or two of them, and reading all of them (about 1 MB of JSON) at every start took about
// 25 ms of each CLI command. The files are the ones ./catalogue.ts lists, by id; the task pane never
// imports this module and loads each through ./loaders.ts (whose imports also put the files beside the
// CLI's compiled code).
import { BUNDLED_INDEX } from "./catalogue";

/** In the index's order: newest first within a scheme, the default for new workbooks first. */
const IDS: readonly string[] = BUNDLED_INDEX.map((e) => e.id);
const KNOWN = new Set(IDS);

/** The bundled file with that id (read once; Node keeps it), or undefined: ids come from workbooks
 *  too, and only an id of the index names a file. */
export function bundledDocument(id: string): unknown {
  // Read on demand and synchronously: a workbook names its rulebook while it is being read.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return KNOWN.has(id) ? require(`./${id}.json`) : undefined;
}

/** Every bundled file, in the index's order. */
export function bundledDocuments(): unknown[] {
  return IDS.map(bundledDocument);
}
