#!/usr/bin/env node
// npm run schemas — regenerate schemas/*.schema.json from the zod definitions (compiled in dist/).
"use strict";
const fs = require("fs");
const path = require("path");
const { jsonSchemas } = require(path.join(__dirname, "..", "dist", "cli", "result-schema"));
for (const [name, schema] of Object.entries(jsonSchemas())) {
  fs.writeFileSync(path.join(__dirname, "..", "schemas", name), JSON.stringify(schema, null, 2) + "\n");
  console.log(`schemas/${name}`);
}
