#!/usr/bin/env node
// npm start: with Excel desktop on this machine, sideload the add-in (dev certificates, manifest
// registered the way Office expects) and serve it over HTTPS; without Excel (Linux, CI), serve the
// preview — the same pane in a normal browser page over an in-memory copy of a sample workbook.
"use strict";
const { spawn, execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const root = path.join(__dirname, "..");
const manifest = path.join(root, "manifest.xml");
const webpack = path.join(root, "node_modules", "webpack", "bin", "webpack.js");

function excelDesktop() {
  if (process.platform === "darwin") return fs.existsSync("/Applications/Microsoft Excel.app");
  if (process.platform === "win32") {
    try {
      execFileSync("reg", ["query", "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\excel.exe"], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  }
  return false;
}

/** Registers the manifest as a developer add-in, as office-addin-dev-settings does. */
function sideload() {
  if (process.platform === "win32") {
    const id = /<Id>([^<]+)<\/Id>/.exec(fs.readFileSync(manifest, "utf8"))[1];
    execFileSync("reg", ["add", "HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer", "/v", id, "/t", "REG_SZ", "/d", manifest, "/f"], { stdio: "inherit" });
  } else {
    const wef = path.join(os.homedir(), "Library", "Containers", "com.microsoft.Excel", "Data", "Documents", "wef");
    fs.mkdirSync(wef, { recursive: true });
    fs.copyFileSync(manifest, path.join(wef, "saiten.manifest.xml"));
  }
}

function run(cmd, args, env = {}) {
  const child = spawn(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  child.on("exit", (code) => process.exit(code ?? 0));
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
}

if (excelDesktop() && !process.argv.includes("--preview")) {
  execFileSync(process.execPath, [path.join(root, "node_modules", "office-addin-dev-certs", "cli.js"), "install"], { stdio: "inherit" });
  sideload();
  console.log("採点 Saiten を Excel に登録しました。Excel を開き、［ホーム］→［採点］で作業ウィンドウを開いてください。");
  run(process.execPath, [webpack, "serve", "--mode", "development"], { SAITEN_HTTPS: "1" });
} else {
  const port = process.env.PORT || "3000";
  console.log(`Excel が見つからないため、プレビューを開きます: http://localhost:${port}/preview.html`);
  console.log("(Excel desktop not found: serving the preview — the pane over an in-memory sample workbook.)");
  run(process.execPath, [webpack, "serve", "--mode", "development"], { SAITEN_PREVIEW: "1", PORT: port });
}
