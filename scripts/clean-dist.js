// Removes the compiled CLI from dist/ before it is compiled again (a module moved or deleted in src/
// must not live on in dist/), keeping the pane's build (web/) and the deployment packages.
"use strict";
const fs = require("fs");
const path = require("path");

const dist = path.join(__dirname, "..", "dist");
if (fs.existsSync(dist))
  for (const d of fs.readdirSync(dist))
    if (!/^(web|package)/.test(d)) fs.rmSync(path.join(dist, d), { recursive: true, force: true });
