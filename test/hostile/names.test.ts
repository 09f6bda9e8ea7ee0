// Hostile inputs, part 2: a workbook never names a file. The rulebook recorded in 回答!B2 is an id,
// looked up among the bundled rulebooks; a path written there is never opened, however real the file
// it names. (B2 = /dev/zero, which would never end, runs in a child process in limits.test.ts.)
import { execFileSync } from "child_process";
import { join, relative } from "path";
import { answerBook, expectClean, freshDir, hashes, KAIGO, put, rulebook, runWithin, type Ran } from "./build";

/** A rulebook JSON that would score the workbook if it were opened (a bundled one under another id). */
function rulebookJson(id: string): string {
  return JSON.stringify({ ...rulebook(KAIGO), id }, null, 2);
}

async function bookNaming(dir: string, b2: string): Promise<string> {
  return put(dir, "回答.xlsx", await answerBook(KAIGO, { answers: { "P_I_1_1.a": "○" }, b2 }));
}

function expectNotBundled(r: Ran, file: string, id: string) {
  expect(r.code).toBe(2);
  expectClean(r.out, r.err);
  expect(r.err).toContain(file);
  expect(r.err).toContain(`ルールブック「${id}」は同梱されていません`);
  expect(r.out).toBe("");
}

test("B2 = /etc/passwd: refused as an unknown rulebook, none of the file's bytes echoed", async () => {
  const dir = freshDir("b2-passwd");
  const file = await bookNaming(dir, "/etc/passwd");
  const before = hashes([file]);
  const r = await runWithin(15_000, "score", file);
  expectNotBundled(r, file, "/etc/passwd");
  expect(r.out + r.err).not.toMatch(/root:|nologin|\/bin\/(ba)?sh/);
  expect(hashes([file])).toEqual(before);
});

test("B2 = the absolute path of a real rulebook JSON beside it: not opened", async () => {
  const dir = freshDir("b2-json-abs");
  const json = put(dir, "rulebook.json", rulebookJson("local-rulebook"));
  const file = await bookNaming(dir, json);
  const before = hashes([file, json]);
  const r = await runWithin(15_000, "score", file);
  expectNotBundled(r, file, json);
  expect(hashes([file, json])).toEqual(before);
});

test("B2 = a relative path that leads to a real rulebook JSON: not opened", async () => {
  const dir = freshDir("b2-json-rel");
  const json = put(dir, "rulebook.json", rulebookJson("local-rulebook"));
  const rel = relative(process.cwd(), json);
  const file = await bookNaming(dir, rel);
  const before = hashes([file, json]);
  const r = await runWithin(15_000, "score", file);
  expectNotBundled(r, file, rel);
  expect(hashes([file, json])).toEqual(before);
});

test("B2 = the path of a named pipe beside it: not opened (nothing blocks)", async () => {
  const dir = freshDir("b2-fifo");
  const fifo = join(dir, "rulebook.json");
  execFileSync("mkfifo", [fifo]);
  const file = await bookNaming(dir, fifo);
  const before = hashes([file]);
  const r = await runWithin(15_000, "score", file);
  expectNotBundled(r, file, fifo);
  expect(r.err).not.toMatch(/名前付きパイプ/);
  expect(hashes([file])).toEqual(before);
});

test("score --previous: last year's workbook with B2 = /etc/passwd is refused, nothing echoed", async () => {
  const dir = freshDir("b2-previous");
  const input = put(dir, "今年度.xlsx", await answerBook(KAIGO, { answers: { "P_I_1_1.a": "○" } }));
  const prev = put(dir, "前年度.xlsx", await answerBook(KAIGO, { answers: { "P_I_1_1.a": "○" }, b2: "/etc/passwd" }));
  const before = hashes([input, prev]);
  const r = await runWithin(15_000, "score", input, "--previous", prev);
  expectNotBundled(r, prev, "/etc/passwd");
  expect(r.out + r.err).not.toMatch(/root:|nologin/);
  expect(hashes([input, prev])).toEqual(before);
});

test("rulebook id given on the command line still works beside a B2 that names a file", async () => {
  const dir = freshDir("b2-override");
  const file = await bookNaming(dir, "/etc/passwd");
  const before = hashes([file]);
  const r = await runWithin(15_000, "score", file, "--rulebook", KAIGO, "--json");
  expect(r.code).toBe(0);
  expectClean(r.out, r.err);
  expect(JSON.parse(r.out).rulebook.id).toBe(KAIGO);
  expect(r.out + r.err).not.toMatch(/root:|nologin/);
  expect(hashes([file])).toEqual(before);
});
