#!/usr/bin/env node
"use strict";
// The CLI is compiled to dist/ by `npm ci` (prepare script); say so plainly if it is missing.
const path = require("path");
const entry = path.join(__dirname, "..", "dist", "cli", "main.js");
try {
  require.resolve(entry);
} catch {
  process.stderr.write("saiten: dist/ が見つかりません。npm ci（または npm run build:cli）を先に実行してください。 / dist/ is missing: run `npm ci` first.\n");
  process.exit(2);
}

// A reader that stops early (`saiten … | head`) is not an error of ours.
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (e) => {
    if (e && e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  });

// Exit only once standard output and error have drained: a pipe may take its time (`| jq`), and
// process.exit() would cut what is still queued.
function exitWhenDrained(code) {
  process.exitCode = code;
  let pending = 2;
  const done = () => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write("", done);
  process.stderr.write("", done);
}

// A review's first worker starts now, loading the review code while the main thread loads the CLI.
require(path.join(__dirname, "..", "dist", "review", "worker-thread.js")).startEarly(process.argv.slice(2));

require(entry)
  .main(process.argv.slice(2))
  .then(exitWhenDrained, () => {
    process.stderr.write("saiten: 予期しない問題で処理を中止しました。 / Stopped on an unexpected problem.\n");
    exitWhenDrained(2);
  });
