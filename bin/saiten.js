#!/usr/bin/env node
"use strict";
// The CLI is compiled to dist/ by `npm ci` (prepare script); say so plainly if it is missing.
const path = require("path");
const entry = path.join(__dirname, "..", "dist", "cli", "main.js");
try {
  require.resolve(entry);
} catch {
  process.stderr.write("saiten: dist/ is missing — run `npm ci` (or `npm run build:cli`) first.\n");
  process.exit(2);
}
require(entry).main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`saiten: ${err && err.message ? err.message : String(err)}\n`);
    process.exit(2);
  },
);
