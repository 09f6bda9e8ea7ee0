// Webpack loader for the bundled rulebook files (src/rulebooks/bundled/*.json): the build fails when a
// file does not pass the rulebook validation (the zod schema and the checks it cannot express) or
// when its entry in the index the task pane carries (bundled/catalogue.ts) says something else. The
// pane then uses the files without validating them, and without zod in its first download.
// The validator and the index run as the build compiles them (webpack's importModule).
"use strict";
const path = require("path");
const { isDeepStrictEqual } = require("util");

const SRC = path.join(__dirname, "..", "src", "rulebooks");

/** Equal as JSON, whatever the key order (and whichever JavaScript realm made the objects). */
function sameJson(a, b) {
  return isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));
}

/** What the index repeats of a rulebook document. */
function infoOf(doc) {
  const { id, scheme, entity, fiscalYear, level, title } = doc;
  return { id, scheme, entity, fiscalYear, level, title, max: doc.root?.max ?? null };
}

/**
 * Problems with one bundled file, in English for the build log: validation errors, the document
 * changed by parsing (it would then differ from what the pane uses), and a missing or differing
 * index entry. `checkRulebook` and `index` are the product's own (validate.ts, catalogue.ts).
 */
function bundledProblems(doc, file, { checkRulebook, index }) {
  const res = checkRulebook(doc);
  const problems = res.problems.filter((p) => p.severity === "error").map((p) => `${file}: ${p.path}: ${p.message}`);
  if (problems.length) return problems;
  if (!sameJson(res.rulebook, doc))
    problems.push(`${file}: the document differs from its parsed form (the pane uses it unparsed)`);
  const entry = index.find((e) => e.id === doc.id);
  if (!entry) problems.push(`${file}: "${doc.id}" is not in src/rulebooks/bundled/catalogue.ts`);
  else if (!sameJson(entry, infoOf(doc)))
    problems.push(
      `${file}: its entry in src/rulebooks/bundled/catalogue.ts differs from the file: ` +
        `${JSON.stringify(entry)} ≠ ${JSON.stringify(infoOf(doc))}`,
    );
  return problems;
}

module.exports = function rulebookCheckLoader(source) {
  const done = this.async();
  const file = path.relative(process.cwd(), this.resourcePath);
  Promise.all([
    this.importModule(path.join(SRC, "validate.ts")),
    this.importModule(path.join(SRC, "bundled", "catalogue.ts")),
  ])
    .then(([{ checkRulebook }, { BUNDLED_INDEX }]) => {
      const problems = bundledProblems(JSON.parse(source), file, { checkRulebook, index: BUNDLED_INDEX });
      if (problems.length) done(new Error(`bundled rulebook refused:\n${problems.join("\n")}`));
      else done(null, source);
    })
    .catch(done);
};
module.exports.bundledProblems = bundledProblems;
