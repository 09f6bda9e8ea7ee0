#!/usr/bin/env node
// npm run package -- --url https://addins.example.lg.jp/saiten/ [--out saiten-addin.zip]
//
// The deployment package for a municipality's or prefecture's IT staff: the self-contained build
// (Office.js served from the add-in's own host, nothing fetched from the internet) for the given
// production URL, zipped with the manifest carrying that URL, the Japanese deployment guide and
// IIS / nginx examples filled in for it (templates in deploy/).
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const JSZip = require("jszip");

const root = path.join(__dirname, "..");
const pkg = require(path.join(root, "package.json"));
const STAGING = path.join(root, "dist", "package-build");
const DEPLOY = path.join(root, "deploy");

function fail(ja, en) {
  console.error(`${ja}\n${en}`);
  process.exit(2);
}

function parseArgs(argv) {
  const out = { url: process.env.ADDIN_URL, out: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) fail(`${a} の値がありません。`, `${a} needs a value.`);
      return v;
    };
    if (a === "--url") out.url = value();
    else if (a.startsWith("--url=")) out.url = a.slice(6);
    else if (a === "--out") out.out = value();
    else if (a.startsWith("--out=")) out.out = a.slice(6);
    else fail(`知らない引数です: ${a}`, `Unknown argument: ${a}`);
  }
  return out;
}

/** The production URL: https, a folder (trailing slash), not the development server. */
function productionUrl(text) {
  if (!text)
    fail(
      "配置先の URL を指定してください。例: npm run package -- --url https://addins.example.lg.jp/saiten/",
      "Give the production URL, e.g. npm run package -- --url https://addins.example.lg.jp/saiten/",
    );
  let url;
  try {
    url = new URL(text);
  } catch {
    fail(`URL として読めません: ${text}`, `Not a URL: ${text}`);
  }
  if (url.protocol !== "https:")
    fail(
      "Office のアドインは https でしか読み込めません。https:// の URL を指定してください。",
      "Office add-ins load only over https.",
    );
  if (url.search || url.hash)
    fail("URL に ? や # を含めないでください。", "The URL must not have a query or fragment.");
  if (/^(localhost|127\.|\[::1\])/.test(url.hostname))
    fail(
      "localhost は開発用です。職員の PC から届くサーバーの URL を指定してください。",
      "localhost is the development server.",
    );
  url.pathname = url.pathname.replace(/\/?$/, "/");
  return url;
}

function build(url) {
  const webpack = path.join(root, "node_modules", "webpack", "bin", "webpack.js");
  const res = spawnSync(
    process.execPath,
    [
      webpack,
      "--mode",
      "production",
      "--env",
      "officejs=local",
      "--output-path",
      STAGING,
      "--stats",
      "errors-warnings",
    ],
    { cwd: root, stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, ADDIN_URL: url.href } },
  );
  if (res.status !== 0) fail("ビルドに失敗しました。", "The build failed.");
}

function filesUnder(dir, base = dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory()
        ? filesUnder(path.join(dir, e.name), base)
        : [path.relative(base, path.join(dir, e.name))],
    )
    .map((f) => f.split(path.sep).join("/"))
    .sort();
}

function fill(template, values, name) {
  const text = template.replace(/\{\{(\w+)\}\}/g, (all, key) => {
    if (!(key in values))
      fail(`${name} に知らない置き換え {{${key}}} があります。`, `${name}: unknown {{${key}}}`);
    return values[key];
  });
  return text;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const url = productionUrl(args.url);
  const out = path.resolve(args.out ?? path.join(root, "dist", "package", `saiten-addin-${pkg.version}.zip`));
  console.log(`採点 Saiten ${pkg.version}: ${url.href} 用のパッケージを作ります…`);
  build(url);

  const manifest = fs.readFileSync(path.join(STAGING, "manifest.xml"), "utf8");
  const officeJs = fs.readFileSync(path.join(STAGING, "office-js", "SOURCE.txt"), "utf8").trim();
  // What the build must have done, checked before anything is handed to a municipality.
  if (manifest.includes("localhost"))
    fail("マニフェストに localhost が残っています。", "localhost left in the manifest.");
  if (!/src="?office-js\/office\.js/.test(fs.readFileSync(path.join(STAGING, "taskpane.html"), "utf8")))
    fail(
      "taskpane.html が同梱の Office.js を読み込んでいません。",
      "taskpane.html does not load the bundled Office.js.",
    );

  const values = {
    VERSION: pkg.version,
    MANIFEST_VERSION: /<Version>([^<]+)<\/Version>/.exec(manifest)[1],
    URL: url.href,
    URL_COUNT: String(manifest.split(url.href).length - 1),
    ORIGIN: url.origin,
    PATH: url.pathname,
    CSP: fs.readFileSync(path.join(DEPLOY, "csp.txt"), "utf8").trim(),
    OFFICE_JS: officeJs,
  };
  const top = `saiten-addin-${pkg.version}`;
  const date = process.env.SOURCE_DATE_EPOCH
    ? new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000)
    : new Date();
  const zip = new JSZip();
  const add = (name, data) => zip.file(`${top}/${name}`, data, { date, createFolders: false });
  add("manifest.xml", manifest);
  const web = filesUnder(STAGING).filter((f) => f !== "manifest.xml");
  for (const f of web) add(`web/${f}`, fs.readFileSync(path.join(STAGING, f)));
  add(
    "README-ja.md",
    fill(fs.readFileSync(path.join(DEPLOY, "README-ja.md"), "utf8"), values, "README-ja.md"),
  );
  for (const f of ["web.config", "nginx-saiten.conf"])
    add(`server/${f}`, fill(fs.readFileSync(path.join(DEPLOY, f), "utf8"), values, f));

  fs.mkdirSync(path.dirname(out), { recursive: true });
  // Written beside the target and renamed, so a failed run never leaves half a zip under its name.
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    const data = await zip.generateAsync({
      type: "nodebuffer",
      compression: "DEFLATE",
      compressionOptions: { level: 9 },
      platform: "UNIX",
    });
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, out);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  const mb = (fs.statSync(out).size / 1e6).toFixed(1);
  console.log(`${path.relative(process.cwd(), out) || out}（${web.length + 4} ファイル、${mb} MB）`);
  console.log(`配置先 ${url.href} ／ Office.js: ${officeJs} ／ 手順は ${top}/README-ja.md`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
