// manifest.xml against Microsoft's task-pane manifest schemas (offline copies in ../shared).
import { execFileSync, spawnSync } from "child_process";
import { existsSync, readFileSync } from "fs";
import { join } from "path";

const root = join(__dirname, "..");
const xsd = join(root, "..", "shared", "schemas", "office-manifest", "OfficeAppManifestV1_1.xsd");
const haveXsd = existsSync(xsd);
const haveXmllint = spawnSync("xmllint", ["--version"]).status === 0;

if (!haveXsd)
  console.warn(`manifest XSD test skipped: ${xsd} is absent (../shared exists only in development and CI).`);
if (!haveXmllint)
  console.warn("manifest XSD test skipped: xmllint is not installed (apt-get install libxml2-utils).");

const manifest = readFileSync(join(root, "manifest.xml"), "utf8");

(haveXsd && haveXmllint ? test : test.skip)(
  "manifest.xml validates against OfficeAppManifestV1_1.xsd",
  () => {
    const out = execFileSync("xmllint", ["--noout", "--schema", xsd, join(root, "manifest.xml")], {
      encoding: "utf8",
      stdio: "pipe",
    });
    expect(out).toBe("");
  },
);

(haveXsd && haveXmllint ? test : test.skip)("the XSD check really rejects a broken manifest", () => {
  const broken = manifest.replace(
    "<Permissions>ReadWriteDocument</Permissions>",
    "<Permissions>Everything</Permissions>",
  );
  const res = spawnSync("xmllint", ["--noout", "--schema", xsd, "-"], { input: broken, encoding: "utf8" });
  expect(res.status).not.toBe(0);
  expect(res.stderr).toMatch(/Permissions/);
});

test("manifest is an Excel task pane with ReadWriteDocument", () => {
  expect(manifest).toMatch(/xsi:type="TaskPaneApp"/);
  expect(manifest).toMatch(/<Host Name="Workbook"\s*\/>/);
  expect(manifest).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
});

test("every icon the manifest names exists in assets/ with the size it claims", () => {
  const urls = [...manifest.matchAll(/https:\/\/localhost:3000\/assets\/(icon-(\d+)\.png)/g)];
  expect(urls.length).toBeGreaterThan(3);
  for (const [, file, size] of urls) {
    const png = readFileSync(join(root, "assets", file));
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(Number(size));
    expect(png.readUInt32BE(20)).toBe(Number(size));
  }
});
