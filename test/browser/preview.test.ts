/**
 * The preview build in a real browser: dist/web/preview.html (the real task pane over the in-memory
 * Excel loaded with examples/sample-kaigo-fy2026.xlsx), driven like a user with Debian's Chromium.
 *
 *   npm run build && npx jest test/browser
 *
 * Checks the total against an independent CLI-side scoring of the same file, a what-if change, applying
 * it to the workbook, and axe-core on the results and what-if views. Leaves a screenshot and the
 * click-to-results time in test-artifacts/.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { localText } from "../../src/engine/text";
import type { IndicatorResult, ScoreResult } from "../../src/engine/types";
import { findBundled } from "../../src/rulebooks/registry";
import type { Group, Indicator, Rulebook } from "../../src/rulebooks/schema";
import {
  computeTallyStats,
  demoEntities,
  generateTally,
  tallyBuffer,
} from "../../dev/tally-generator/generate";
import { indicatorTitle } from "../../src/app/rulebook-index";
import { ExcelJsWorkbook } from "../../src/adapters/exceljs/workbook";
import { runScoring } from "../../src/app/scoring-run";
import { tempDir } from "../fixtures/temp-dir";
import {
  axeSeriousViolations,
  checkPrerequisites,
  chooseRulebook,
  gotoPreview,
  lastYearFileInput,
  newWatchedPage,
  ROOT,
  serveAndLaunch,
  type Session,
  WEB,
} from "./helpers";

const SAMPLE = join(ROOT, "examples", "sample-kaigo-fy2026.xlsx");
const ARTIFACTS = join(ROOT, "test-artifacts");
const RULEBOOK_ID = "kaigo-municipal-fy2026";
const ANSWER_SHEET = "回答";
const SLOW = 120_000;

// ---------------------------------------------------------------------------------------------------
// The expected figures, computed independently on the CLI side (ExcelJS + the engine, no browser).

/** 50.05 → "50.1%": the rate as the pane shows it (one decimal). */
const rateText = (result: ScoreResult) => `${result.total.ratePercent!.toFixed(1)}%`;

async function scoreSample(edit?: { cell: string; value: string }): Promise<ScoreResult> {
  const book = await ExcelJsWorkbook.open(SAMPLE);
  if (edit) {
    const [sheet, addr] = edit.cell.split("!");
    book.book.getWorksheet(sheet)!.getCell(addr).value = edit.value;
  }
  const outcome = await runScoring(book, { rulebook: findBundled(RULEBOOK_ID)!, write: false });
  return outcome.result;
}

function indicatorDefs(rb: Rulebook): Map<string, Indicator> {
  const out = new Map<string, Indicator>();
  const walk = (g: Group) => g.children.forEach((c) => (c.kind === "group" ? walk(c) : out.set(c.id, c)));
  walk(rb.root);
  return out;
}

interface WhatIfCase {
  indicator: IndicatorResult;
  /** "回答!E9" */
  cell: string;
  /** The select's accessible name in the pane. */
  label: string;
  /** Points ○ earns for this indicator. */
  points: number;
  after: ScoreResult;
}

/**
 * A yes/no indicator answered × (0 points) whose ○ would add exactly its own points to the total
 * (not capped by a group maximum, not copied into another indicator): confirmed by re-scoring.
 */
async function pickWhatIfCase(base: ScoreResult): Promise<WhatIfCase> {
  const rb = findBundled(RULEBOOK_ID)!;
  const defs = indicatorDefs(rb);
  const linkedSources = new Set([...defs.values()].map((d) => d.answerFrom).filter(Boolean));
  for (const ind of base.indicators) {
    const def = defs.get(ind.id);
    if (!def || def.kind !== "yesno" || def.answerFrom || linkedSources.has(ind.id)) continue;
    if (ind.kind !== "yesno" || ind.answer !== "×" || ind.points !== 0 || !ind.cell) continue;
    if (!(def.points > 0)) continue;
    const after = await scoreSample({ cell: ind.cell, value: "○" });
    if (after.total.points - base.total.points !== def.points) continue;
    const label = indicatorTitle({ code: def.code, name: localText(def.name) }, "ja");
    return { indicator: ind, cell: ind.cell, label, points: def.points, after };
  }
  throw new Error("the sample has no yes/no indicator answered × that would add its own points");
}

// ---------------------------------------------------------------------------------------------------
// Page helpers.

interface PreviewWindow {
  saitenPreview: {
    model: { snapshot(): { sheets: Record<string, { cells: Record<string, { value: unknown }> }> } };
  };
}

/** Every cell value of one sheet of the in-memory workbook: { E9: "×", … }. */
function sheetValues(page: Page, sheet: string): Promise<Record<string, unknown>> {
  return page.evaluate((name) => {
    const snap = (window as unknown as PreviewWindow).saitenPreview.model.snapshot();
    const cells = snap.sheets[name]?.cells ?? {};
    return Object.fromEntries(Object.entries(cells).map(([addr, c]) => [addr, c.value]));
  }, sheet);
}

/** Answer column (E) of the 回答 sheet, below the header row. */
function answerColumn(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).filter(([addr]) => /^E\d+$/.test(addr) && Number(addr.slice(1)) > 5),
  );
}

const sheetCell = (page: Page, sheet: string, addr: string): Locator =>
  page.locator(`table[data-sheet="${sheet}"] td[data-cell="${addr}"]`);

/** A tab of the pane's views (結果 / 試算 / 伸ばせる項目), not the sheet view's sheet tabs. */
const paneTab = (page: Page, name: string): Locator =>
  page.getByRole("tablist", { name: "表示" }).getByRole("tab", { name, exact: true });

const totalRegion = (page: Page) => page.getByRole("region", { name: "合計得点" });

async function shownRate(region: Locator): Promise<string> {
  const text = (await region.textContent()) ?? "";
  const m = /(\d+(?:\.\d+)?%)/.exec(text);
  if (!m) throw new Error(`no rate in the total: ${JSON.stringify(text)}`);
  return m[1];
}

/** The value and the change under one heading of the what-if summary (合計 / 得点率 / 交付見込額). */
function deltaFigure(page: Page, term: string): { value: Locator; delta: Locator } {
  const spans = page
    .getByRole("tabpanel")
    .getByRole("status")
    .locator(`xpath=.//dt[normalize-space()="${term}"]/following-sibling::dd[1]/span`);
  return { value: spans.nth(0), delta: spans.nth(1) };
}

interface Timing {
  click?: number;
  shown?: number;
}

/**
 * Milliseconds from a click on `target` to a heading `heading` appearing, measured inside the page
 * (performance.now() in a capturing click listener and a MutationObserver), so Playwright's polling
 * does not count.
 */
async function timeClickToHeading(page: Page, target: Locator, heading: string): Promise<number> {
  await page.evaluate((text) => {
    const w = window as unknown as { __timing: Timing };
    w.__timing = {};
    const shown = () =>
      Array.from(document.querySelectorAll("h1, h2, h3")).some((h) => h.textContent === text);
    document.addEventListener("click", () => (w.__timing.click ??= performance.now()), {
      capture: true,
      once: true,
    });
    const obs = new MutationObserver(() => {
      if (w.__timing.click !== undefined && shown()) {
        w.__timing.shown = performance.now();
        obs.disconnect();
      }
    });
    obs.observe(document.body, { childList: true, subtree: true, characterData: true });
  }, heading);
  await target.click();
  const handle = await page.waitForFunction(() => {
    const t = (window as unknown as { __timing: Timing }).__timing;
    return t.click !== undefined && t.shown !== undefined ? t.shown - t.click : undefined;
  });
  return (await handle.jsonValue()) as number;
}

// ---------------------------------------------------------------------------------------------------

describe("preview in Chromium", () => {
  let session: Session | undefined;
  let page: Page;
  let expected: ScoreResult;
  let whatIf: WhatIfCase;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    checkPrerequisites();
    expected = await scoreSample();
    whatIf = await pickWhatIfCase(expected);
    mkdirSync(ARTIFACTS, { recursive: true });

    session = await serveAndLaunch(WEB);
    page = await newWatchedPage(session.browser, pageErrors);
    await gotoPreview(page, session.server.url);
  }, SLOW);

  afterAll(async () => {
    await session?.close();
  });

  test(
    "scores the sample with the chosen rulebook: the total matches the CLI",
    async () => {
      const picker = await chooseRulebook(page, /^令和8年度 .*評価指標/);
      await expect(picker).toHaveTextOrValue(/令和8年度 .*評価指標/);

      const scoreButton = page.getByRole("button", { name: "採点", exact: true });
      const clickToResultsMs = await timeClickToHeading(page, scoreButton, "合計得点");
      console.log(`preview: click on 採点 → total shown in ${clickToResultsMs.toFixed(0)} ms`);
      writeFileSync(
        join(ARTIFACTS, "preview-timing.json"),
        JSON.stringify({ clickToResultsMs: Math.round(clickToResultsMs) }, null, 2) + "\n",
      );

      const total = totalRegion(page);
      await total.waitFor();
      expect(await shownRate(total)).toBe(rateText(expected));
      expect(await total.textContent()).toContain(`${expected.total.points} / ${expected.total.max}点`);

      // Scoring wrote the points column (G) of the answer sheet: in the workbook and in the sheet view.
      const scored = expected.indicators.find((i) => i.points > 0 && i.cell?.startsWith(`${ANSWER_SHEET}!`))!;
      const pointsCell = `G${scored.cell!.replace(/^.*![A-Z]+/, "")}`;
      await scoreButton.waitFor(); // the run is over ("採点中…" → "採点")
      const values = await sheetValues(page, ANSWER_SHEET);
      expect(values[pointsCell]).toBe(scored.points);
      await expect(sheetCell(page, ANSWER_SHEET, pointsCell)).toHaveText(String(scored.points));

      await page.screenshot({ path: join(ARTIFACTS, "preview.png") });
    },
    SLOW,
  );

  test(
    "the results view has no serious or critical axe violations",
    async () => {
      const found = await axeSeriousViolations(page);
      if (found.length) console.log(`axe (results):\n${found.join("\n")}`);
      expect(found).toEqual([]);
    },
    SLOW,
  );

  test(
    "what-if: setting one × to ○ moves the total by that indicator's points",
    async () => {
      await paneTab(page, "試算").click();
      await page.getByLabel("指標を検索").fill(whatIf.indicator.id);
      const answer = page.getByRole("tabpanel").getByLabel(whatIf.label, { exact: true });
      await expect(answer).toHaveValue("×");
      await answer.selectOption("○");

      expect(whatIf.after.total.points - expected.total.points).toBe(whatIf.points);
      const total = deltaFigure(page, "合計");
      await expect(total.value).toHaveText(`${whatIf.after.total.points}/${whatIf.after.total.max}点`);
      await expect(total.delta).toHaveText(`+${whatIf.points}点`);
      await expect(deltaFigure(page, "得点率").value).toHaveText(rateText(whatIf.after));

      // A what-if never touches the sheet.
      expect((await sheetValues(page, ANSWER_SHEET))[whatIf.cell.split("!")[1]]).toBe("×");
    },
    SLOW,
  );

  test(
    "the what-if view has no serious or critical axe violations",
    async () => {
      const found = await axeSeriousViolations(page);
      if (found.length) console.log(`axe (what-if):\n${found.join("\n")}`);
      expect(found).toEqual([]);
    },
    SLOW,
  );

  test(
    "applying the scenario lists the cell, writes only that answer and scores again",
    async () => {
      const addr = whatIf.cell.split("!")[1];
      const before = answerColumn(await sheetValues(page, ANSWER_SHEET));
      expect(before[addr]).toBe("×");

      await page.getByRole("button", { name: /^ブックに反映/ }).click();
      const dialog = page.getByRole("alertdialog");
      const table = dialog.getByRole("table", { name: "書き換えるセル" });
      const rows = table.getByRole("row").filter({ hasNot: page.getByRole("columnheader") });
      await expect(rows).toHaveCount(1);
      const cells = await rows.first().getByRole("cell").allTextContents();
      expect(cells[0]).toBe(whatIf.cell);
      expect(cells[2]).toBe("× → ○");

      await dialog.getByRole("button", { name: "反映する" }).click();
      await expect(dialog).toBeHiddenSoon();
      await page.getByText("1セルに反映し、採点し直しました。").waitFor();

      const after = answerColumn(await sheetValues(page, ANSWER_SHEET));
      expect(after[addr]).toBe("○");
      expect({ ...after, [addr]: "×" }).toEqual(before);
      await expect(sheetCell(page, ANSWER_SHEET, addr)).toHaveText("○");

      // Scored again: the results now show the new total.
      await paneTab(page, "結果").click();
      expect(await shownRate(totalRegion(page))).toBe(rateText(whatIf.after));
      expect(pageErrors).toEqual([]);
    },
    SLOW,
  );

  test(
    "a national tally as last year's file: read in the browser, an insurer chosen, national shares from it",
    async () => {
      const rb25 = findBundled("kaigo-municipal-fy2025")!;
      const entities = demoEntities(rb25, Number(process.env.TALLY_N ?? 300), 9);
      // The documented layout in full, 1,200 formatting-only columns included.
      const file = join(tempDir("saiten-preview-"), "全国集計R7.xlsx");
      writeFileSync(
        file,
        await tallyBuffer(generateTally({ rulebook: rb25, fiscalYear: 2025, municipalities: entities })),
      );
      await paneTab(page, "結果").click();
      const started = Date.now();
      await lastYearFileInput(page).setInputFiles(file);
      const heading = page.getByRole("heading", { name: "全国集計（2025年度）" });
      await heading.waitFor();
      const tallyMs = Date.now() - started;
      // Chromium's JS heap after reading (performance.memory is Chromium's own, approximate).
      const heapMb = await page.evaluate(() => {
        const m = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
        return m ? Math.round(m.usedJSHeapSize / 1048576) : null;
      });
      console.log(
        `preview: tally of ${entities.length} read and scored again in ${tallyMs} ms, JS heap ${heapMb} MB`,
      );
      await page.getByText(`全国集計R7.xlsx・${entities.length.toLocaleString("ja-JP")}市町村`).waitFor();

      const k = 17;
      const target = entities[k];
      const total = computeTallyStats(rb25, entities).totals[k];
      const box = page.getByRole("combobox", { name: /前年度にする保険者/ });
      await box.click();
      await box.pressSequentially(target.code);
      await page.getByRole("option", { name: `${target.code} ${target.name}（${target.pref}）` }).click();
      await page
        .getByText(`${target.name}の前年度（${total.toLocaleString("ja-JP")}点）と比べました。`)
        .waitFor();
      await page.getByText("前年度: 全国集計").waitFor();

      await paneTab(page, "伸ばせる項目").click();
      await page
        .getByText(
          `全国の達成は 全国集計 2025年度（全国集計R7.xlsx）・${entities.length.toLocaleString("ja-JP")}市町村から。`,
        )
        .waitFor();
      const found = await axeSeriousViolations(page);
      if (found.length) console.log(`axe (tally):\n${found.join("\n")}`);
      expect(found).toEqual([]);
      expect(pageErrors).toEqual([]);
      await paneTab(page, "結果").click();
      await heading.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(ARTIFACTS, "preview-tally.png") });
    },
    SLOW,
  );
});

