// The deployment package (npm run package): what a municipality's IT staff receive. The zip of
// `npm run package:example` (production URL https://saiten.example.lg.jp/saiten/) is opened and
// checked: the self-contained files, the manifest with the production URL against Microsoft's XSDs,
// the Japanese guide and the server examples filled in for that URL. The same files are loaded in
// Chromium with the network closed by test/browser/self-contained.test.ts.
import { execFileSync, spawnSync } from "child_process";
import { existsSync, readFileSync, writeFileSync } from "fs";
import type JSZip from "jszip";
import { join } from "path";
import { EXAMPLE_URL, openPackage, ROOT } from "./fixtures/example-package";
import { tempDir } from "./fixtures/temp-dir";

const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
const TOP = `saiten-addin-${pkg.version}`;
const xsd = join(ROOT, "..", "shared", "schemas", "office-manifest", "OfficeAppManifestV1_1.xsd");
const haveXsd = existsSync(xsd);
const haveXmllint = spawnSync("xmllint", ["--version"]).status === 0;
if (!haveXsd)
  console.warn(
    `packaged-manifest XSD test skipped: ${xsd} is absent (../shared exists only in development and CI).`,
  );
if (!haveXmllint)
  console.warn(
    "packaged-manifest XSD test skipped: xmllint is not installed (apt-get install libxml2-utils).",
  );

let zip: JSZip;
let names: string[];
const text = (name: string) => zip.file(`${TOP}/${name}`)!.async("string");

beforeAll(async () => {
  zip = await openPackage();
  names = Object.values(zip.files)
    .filter((f) => !f.dir)
    .map((f) => f.name);
}, 300_000);

test("one top folder: the manifest, web/ with the pane and Office.js, the guide, server examples", () => {
  expect(new Set(names.map((n) => n.split("/")[0]))).toEqual(new Set([TOP]));
  const rel = names.map((n) => n.slice(TOP.length + 1));
  expect(rel).toEqual(
    expect.arrayContaining([
      "manifest.xml",
      "README-ja.md",
      "server/web.config",
      "server/nginx-saiten.conf",
      "web/taskpane.html",
      "web/commands.html",
      "web/help.html",
      "web/preview.html",
      "web/sample.xlsx",
      "web/office-js/office.js",
      "web/office-js/excel-win32-16.01.js",
      "web/office-js/excel-web-16.00.js",
      "web/office-js/excel-mac-16.00.js",
      "web/office-js/ja-jp/office_strings.js",
      "web/office-js/en-us/office_strings.js",
    ]),
  );
  // The manifest once, at the top; no debug builds, other applications or Office.js telemetry.
  expect(rel.filter((n) => n.startsWith("web/") && n.endsWith("manifest.xml"))).toEqual([]);
  const officeJs = rel.filter((n) => n.startsWith("web/office-js/"));
  expect(
    officeJs.filter((n) =>
      /\.debug\.js$|telemetry\/|\/(word|outlook|powerpoint|onenote|project|access|visio)[^/]*\.js$/.test(n),
    ),
  ).toEqual([]);
});

test("Office.js is Microsoft's file as published in @microsoft/office-js", async () => {
  const ours = await zip.file(`${TOP}/web/office-js/office.js`)!.async("nodebuffer");
  const theirs = readFileSync(require.resolve("@microsoft/office-js/dist/office.js"));
  expect(ours.equals(theirs)).toBe(true);
  const { version } = JSON.parse(
    readFileSync(require.resolve("@microsoft/office-js/package.json"), "utf8"),
  ) as { version: string };
  expect((await text("web/office-js/SOURCE.txt")).trim()).toBe(`@microsoft/office-js ${version}`);
});

test("the pages load Office.js from the add-in's own host and name nothing outside it", async () => {
  for (const page of ["taskpane.html", "commands.html", "help.html", "preview.html"]) {
    const html = await text(`web/${page}`);
    expect({ page, external: html.match(/(?:src|href)=["']?(?:https?:)?\/\/[^\s"'>]+/g) ?? [] }).toEqual({
      page,
      external: [],
    });
  }
  expect(await text("web/taskpane.html")).toMatch(/<script src="?office-js\/office\.js"?>/);
  expect(await text("web/commands.html")).toMatch(/<script src="?office-js\/office\.js"?>/);
});

test("the manifest carries the production URL, its origin as the app domain, and names only files that exist", async () => {
  const manifest = await text("manifest.xml");
  expect(manifest).not.toMatch(/localhost/);
  const urls = [...manifest.matchAll(/DefaultValue="(https:[^"]+)"/g)].map((m) => m[1]);
  expect(urls.length).toBeGreaterThan(8);
  for (const url of urls) {
    expect(url.startsWith(EXAMPLE_URL)).toBe(true);
    expect(names).toContain(`${TOP}/web/${url.slice(EXAMPLE_URL.length)}`);
  }
  expect([...manifest.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)].map((m) => m[1])).toEqual([
    new URL(EXAMPLE_URL).origin,
  ]);
  expect(/<Version>([^<]+)<\/Version>/.exec(manifest)![1]).toBe(`${pkg.version}.0`);
});

(haveXsd && haveXmllint ? test : test.skip)(
  "the packaged manifest validates against OfficeAppManifestV1_1.xsd",
  async () => {
    const file = join(tempDir("saiten-package-"), "manifest.xml");
    writeFileSync(file, await text("manifest.xml"));
    expect(
      execFileSync("xmllint", ["--noout", "--schema", xsd, file], { encoding: "utf8", stdio: "pipe" }),
    ).toBe("");
  },
);

test("the Japanese guide is filled in for the URL and covers hosting, the three ways to deploy, updating, reach", async () => {
  const guide = await text("README-ja.md");
  expect(guide).not.toMatch(/\{\{/);
  expect(guide).toContain(`配置先 URL: **${EXAMPLE_URL}**`);
  expect(guide).toContain(`${EXAMPLE_URL}preview.html`);
  for (const heading of [
    "## 2. 庁内の HTTPS サーバーに置く",
    "### 2.1 IIS（Windows Server）",
    "### 2.2 nginx",
    "### 2.3 付けるヘッダー",
    "### 3.1 Microsoft 365 管理センター（統合アプリ）",
    "### 3.2 SharePoint（オンプレミス）のアプリ カタログ",
    "### 3.3 ネットワーク共有フォルダー（テスト用）",
    "## 4. 更新のしかた",
    "## 5. 作業ウィンドウが接続するもの・しないもの",
  ])
    expect(guide).toContain(heading);
  expect(guide).toMatch(/SharePoint のカタログではリボンのボタンは出ません/);
  const csp = readFileSync(join(ROOT, "deploy", "csp.txt"), "utf8").trim();
  expect(guide).toContain(csp);
  const count = Number(/（(\d+) か所）/.exec(guide)![1]);
  expect((await text("manifest.xml")).split(EXAMPLE_URL).length - 1).toBe(count);
});

test("the server examples: web.config is well-formed XML, both send the guide's headers for this URL", async () => {
  const csp = readFileSync(join(ROOT, "deploy", "csp.txt"), "utf8").trim();
  const webConfig = await text("server/web.config");
  expect(webConfig).toContain(`<add name="Content-Security-Policy" value="${csp}" />`);
  expect(webConfig).toContain('<add name="X-Content-Type-Options" value="nosniff" />');
  if (haveXmllint) {
    const res = spawnSync("xmllint", ["--noout", "-"], { input: webConfig, encoding: "utf8" });
    expect(res.stderr).toBe("");
  }
  const nginx = await text("server/nginx-saiten.conf");
  expect(nginx).toContain(`location ${new URL(EXAMPLE_URL).pathname} {`);
  expect(nginx.split(`add_header Content-Security-Policy "${csp}" always;`).length - 1).toBe(2);
  expect(nginx).not.toMatch(/\{\{/);
});

describe("npm run package refuses a URL the add-in cannot be deployed at", () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, "scripts", "package.js"), ...args], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, ADDIN_URL: "" },
    });
  test.each([
    [[], /配置先の URL を指定してください/],
    [["--url", "http://addins.example.lg.jp/saiten/"], /https でしか読み込めません/],
    [["--url", "https://localhost:3000/"], /localhost は開発用です/],
    [["--url", "not a url"], /URL として読めません/],
    [["--url", "https://a.example.lg.jp/?x=1"], /\? や #/],
  ])("%j", (args, message) => {
    const res = run(...(args as string[]));
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(message as RegExp);
  });
});
