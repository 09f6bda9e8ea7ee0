// The pane's pure logic: grant estimates, where-to-gain ranking, scenarios, answer texts, result
// shaping, formatting, theme choice and the completeness of the string dictionary.
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { score, ScoreSession } from "../../src/engine/score";
import type { Issue } from "../../src/engine/types";
import { bundledRulebooks } from "../../src/rulebooks/registry";
import type { Rulebook } from "../../src/rulebooks/schema";
import {
  barPercent,
  fiscalYearLabel,
  fmtRate,
  fmtShare,
  fmtSigned,
  fmtSignedYen,
  fmtYen,
  withYear,
} from "../../src/taskpane/format";
import {
  entryOf,
  formMapFileName,
  mappableIndicators,
  matchesIndicator,
  showCell,
  sortEntries,
} from "../../src/taskpane/formmap";
import { sortGains, whereToGain } from "../../src/taskpane/gain";
import {
  EMPTY_GRANT,
  estimateGrant,
  grantParams,
  invalidFields,
  parseAmount,
} from "../../src/taskpane/grant";
import { MESSAGES, MessageKey, placeholders, translate } from "../../src/taskpane/i18n";
import {
  baseTexts,
  choiceLabel,
  groupTitle,
  indexRulebook,
  indicatorTitle,
  multiText,
  numberText,
  showAnswer,
  answerText,
  valueToText,
} from "../../src/app/rulebook-index";
import { groupRows, lostCells, lostRows, nationalMean, visibleIssues } from "../../src/taskpane/results";
import {
  currentScenario,
  effectiveChanges,
  INITIAL_SCENARIOS,
  ScenarioAction,
  scenarioReducer,
  ScenarioState,
} from "../../src/taskpane/scenarios";
import { isDarkOfficeTheme, luminance, paneTheme } from "../../src/taskpane/theme";
import { figuresOf, scenarioSession } from "../../src/taskpane/whatif";
import { miniRulebook } from "../fixtures/mini-rulebook";

const name = (n: number) => `シナリオ${n}`;

// ------------------------------------------------------------------ grant

describe("grant estimate", () => {
  test("per point: points × insured × yen per point per insured person", () => {
    const p = grantParams({ ...EMPTY_GRANT, insured: "10,000", yenPerPoint: "12.5" })!;
    expect(p).toEqual({ mode: "perPoint", insured: 10000, yenPerPoint: 12.5 });
    expect(estimateGrant(400, p)).toBe(400 * 10000 * 12.5);
  });

  test("pool: budget × (points × insured) / Σ, with Σ moved by this entity's own change", () => {
    const p = grantParams({
      ...EMPTY_GRANT,
      mode: "pool",
      insured: "1000",
      budget: "1,000,000",
      nationalWeight: "100000",
    })!;
    // At the scored total the share is (100 × 1000) / 100000 = 1 tenth... of Σ = 100000 → 100% here:
    expect(estimateGrant(100, p, 100)).toBeCloseTo(1_000_000);
    const q = { mode: "pool" as const, insured: 1000, budget: 1_000_000, nationalWeight: 1_000_000 };
    expect(estimateGrant(100, q, 100)).toBeCloseTo(100_000);
    // +10 points: weight 110000 of Σ 1010000 (others unchanged at 900000).
    expect(estimateGrant(110, q, 100)).toBeCloseTo((1_000_000 * 110_000) / 1_010_000);
    // Negative totals earn nothing.
    expect(estimateGrant(-5, q, 100)).toBe(0);
  });

  test("inputs as typed: full-width digits, commas and units; blanks and words are incomplete", () => {
    expect(parseAmount("１２，０００円")).toBe(12000);
    expect(parseAmount("3,500人")).toBe(3500);
    expect(parseAmount("")).toBeNull();
    expect(parseAmount("-5")).toBeNull();
    expect(grantParams({ ...EMPTY_GRANT, insured: "1000" })).toBeNull();
    expect(invalidFields({ ...EMPTY_GRANT, insured: "たくさん", yenPerPoint: "" })).toEqual(["insured"]);
    expect(invalidFields({ ...EMPTY_GRANT, mode: "pool", budget: "x", nationalWeight: "1" })).toEqual([
      "budget",
    ]);
  });
});

// ------------------------------------------------------------------ where to gain

function gainsFor(
  rb: Rulebook,
  answers: Record<string, unknown>,
  context = {},
  changes: Record<string, string> = {},
) {
  const index = indexRulebook(rb);
  const result = score(rb, answers as never, context);
  const base = baseTexts(index, result.indicators);
  const session = scenarioSession(rb, { answers: answers as never, context }, changes);
  return whereToGain({
    index,
    session,
    rawOf: (id) => (id in changes ? changes[id] : (answers[id] as never)),
    textOf: (id) => changes[id] ?? base[id] ?? "",
    context,
  });
}

describe("where to gain", () => {
  const answers = {
    "A.y1": "○",
    "A.y2": "○",
    "A.y3": "×",
    "B.c": "ウ",
    "B.m": "a",
    "B.n": 50,
    "ACT.r": 5,
    "D.neg": "○",
    "D.pts": 4,
  };

  test("the real change of the total, largest first; group maxima respected", () => {
    const items = gainsFor(miniRulebook, answers, { size: 50000 });
    const byKey = new Map(items.map((i) => [`${i.indicatorId}=${i.text}`, i.gain]));
    // Group A is capped at 20: 16 already, so ウ adds 4, not 8.
    expect(byKey.get("A.y3=○")).toBe(4);
    // Choice: ア +10, イ +5 from ウ.
    expect(byKey.get("B.c=ア 全域で実施")).toBe(10);
    expect(byKey.get("B.c=イ 一部で実施")).toBe(5);
    // Multi with cap 6: one more option adds 3.
    expect(byKey.get("B.m=a、b")).toBe(3);
    // Numeric, small size class: 50 → 60 reaches 10 points (from 5).
    expect(byKey.get("B.n=60%")).toBe(5);
    // Points entered: up to the maximum 10.
    expect(byKey.get("D.pts=10")).toBe(6);
    // Sorted by gain, descending.
    const gains = items.map((i) => i.gain);
    expect([...gains].sort((a, b) => b - a)).toEqual(gains);
    // Nothing that adds no points (the linked indicator, answers already given).
    expect(items.every((i) => i.gain > 0)).toBe(true);
    expect(items.some((i) => i.indicatorId === "D.link")).toBe(false);
  });

  test("prerequisites: an item whose prerequisite is unmet adds nothing and is not listed", () => {
    const items = gainsFor(miniRulebook, answers, { size: 50000 });
    // ACT.top needs A.y1 and the top band d; band d is not reached, so ○ alone gains nothing.
    expect(items.some((i) => i.indicatorId === "ACT.top")).toBe(false);
    // Reaching band d (with ACT.top already ○) gains the band and ACT.top's 6 points, up to group max 30.
    const withTop = gainsFor(miniRulebook, { ...answers, "ACT.top": "○" }, { size: 50000 });
    const d = withTop.find((i) => i.indicatorId === "ACT.r" && i.text === "エ 上位1割")!;
    // From 2 bands (6 points) to 4 bands (12) + ACT.top 6 = +12.
    expect(d.gain).toBe(12);
  });

  test("exclusive branches (aggregate best): only a better branch adds points", () => {
    const rb: Rulebook = {
      ...miniRulebook,
      id: "test-best",
      population: 200,
      root: {
        kind: "group",
        id: "ALL",
        name: "合計",
        children: [
          {
            kind: "group",
            id: "X",
            name: "排他",
            aggregate: "best",
            children: [
              { kind: "yesno", id: "X.a", name: "枝ア", points: 10, benchmark: { hitRate: 0.25 } },
              { kind: "yesno", id: "X.b", name: "枝イ", points: 6, benchmark: { hitCount: 150 } },
            ],
          },
          { kind: "yesno", id: "Y", name: "その他", points: 6, benchmark: { hitRate: 0.9 } },
        ],
      },
    };
    const items = gainsFor(rb, { "X.a": "×", "X.b": "○", Y: "×" });
    const g = new Map(items.map((i) => [i.indicatorId, i]));
    expect(g.get("X.a")!.gain).toBe(4);
    expect(g.get("X.b")).toBeUndefined();
    expect(g.get("Y")!.gain).toBe(6);
    // Shares: hitRate, or hitCount / population.
    expect(g.get("X.a")!.share).toBe(0.25);
    const none = gainsFor(rb, { "X.a": "×", "X.b": "×", Y: "×" });
    expect(none.find((i) => i.indicatorId === "X.b")!.share).toBe(0.75);
    // Ties in points: the most-achieved first (Y 90% before X.b 75%).
    expect(none.map((i) => i.indicatorId)).toEqual(["X.a", "Y", "X.b"]);
    // Sorting by share puts the most-achieved first overall.
    expect(sortGains(none, "share").map((i) => i.indicatorId)).toEqual(["Y", "X.b", "X.a"]);
  });

  test("the ranking follows the scenario: an item already in it is gone", () => {
    const items = gainsFor(miniRulebook, answers, { size: 50000 }, { "A.y3": "○" });
    expect(items.some((i) => i.indicatorId === "A.y3")).toBe(false);
  });

  test("bundled rulebooks: every listed item really adds its gain", () => {
    for (const rb of bundledRulebooks().slice(0, 3)) {
      const items = gainsFor(rb, {});
      expect(items.length).toBeGreaterThan(0);
      for (const item of items.slice(0, 20)) {
        const s = new ScoreSession(rb, {});
        const before = s.total;
        expect(s.set(item.indicatorId, item.text) - before).toBeCloseTo(item.gain, 9);
      }
    }
  });
});

// ------------------------------------------------------------------ scenarios

describe("scenarios", () => {
  const run = (actions: ScenarioAction[], state: ScenarioState = INITIAL_SCENARIOS) =>
    actions.reduce(scenarioReducer, state);

  test("changing an answer creates the first scenario; the base text removes the change", () => {
    let s = run([{ type: "set", indicatorId: "A.y3", text: "○", baseText: "×", name }]);
    expect(s.scenarios).toHaveLength(1);
    expect(currentScenario(s)).toMatchObject({ name: "シナリオ1", changes: { "A.y3": "○" } });
    s = run([{ type: "set", indicatorId: "A.y3", text: "×", baseText: "×", name }], s);
    expect(currentScenario(s)!.changes).toEqual({});
    // Setting the base value with no scenario creates none.
    expect(
      run([{ type: "set", indicatorId: "A.y3", text: "×", baseText: "×", name }]).scenarios,
    ).toHaveLength(0);
  });

  test("add, copy, rename, select, delete", () => {
    let s = run([
      { type: "set", indicatorId: "A.y3", text: "○", baseText: "×", name },
      { type: "add", name, copyCurrent: true },
      { type: "set", indicatorId: "B.c", text: "ア", baseText: "ウ", name },
      { type: "add", name },
    ]);
    expect(s.scenarios.map((x) => x.name)).toEqual(["シナリオ1", "シナリオ2", "シナリオ3"]);
    expect(s.scenarios[1].changes).toEqual({ "A.y3": "○", "B.c": "ア" });
    expect(s.scenarios[0].changes).toEqual({ "A.y3": "○" });
    expect(s.currentId).toBe(s.scenarios[2].id);
    s = run(
      [
        { type: "rename", id: s.scenarios[1].id, name: "研修を実施" },
        { type: "select", id: s.scenarios[1].id },
      ],
      s,
    );
    expect(currentScenario(s)!.name).toBe("研修を実施");
    s = run([{ type: "remove", id: s.currentId! }], s);
    expect(s.scenarios.map((x) => x.name)).toEqual(["シナリオ1", "シナリオ3"]);
    expect(currentScenario(s)!.name).toBe("シナリオ3");
    s = run([{ type: "remove", id: s.currentId! }], s);
    expect(currentScenario(s)!.name).toBe("シナリオ1");
    s = run([{ type: "clearChanges", id: s.currentId! }], s);
    expect(currentScenario(s)!.changes).toEqual({});
    s = run([{ type: "remove", id: s.currentId! }], s);
    expect(s.currentId).toBeNull();
  });

  test("effective changes: only editable indicators that still differ", () => {
    expect(effectiveChanges({ a: "○", b: "×", gone: "1" }, { a: "○", b: "○" })).toEqual({ b: "×" });
  });
});

// ------------------------------------------------------------------ what-if figures

describe("what-if figures", () => {
  test("Δ points, Δ rate in percentage points at display precision, Δ grant", () => {
    const grant = { mode: "perPoint" as const, insured: 1000, yenPerPoint: 10 };
    const f = figuresOf(663, { points: 621, max: 800, digits: 1 }, grant);
    expect(f.ratePercent).toBe(82.9);
    expect(f.deltaPoints).toBe(42);
    expect(f.deltaRate).toBe(5.3); // 82.9 − 77.6
    expect(f.grant).toBe(6_630_000);
    expect(f.deltaGrant).toBe(420_000);
    const none = figuresOf(10, { points: 10, max: null, digits: 1 }, null);
    expect(none.ratePercent).toBeNull();
    expect(none.deltaRate).toBeNull();
    expect(none.grant).toBeNull();
  });

  test("a scenario session scores the changes on top of the answers as read", () => {
    const answers = { "A.y1": { value: "○", cell: "回答!E6" }, "A.y2": { value: "×", cell: "回答!E7" } };
    const s = scenarioSession(miniRulebook, { answers, context: {} }, { "A.y2": "○", unknown: "○" });
    expect(s.pointsOf("A.y2")).toBe(8);
    expect(s.pointsOf("D.link")).toBe(0);
    expect(s.groupPointsOf("A")).toBe(16);
  });
});

// ------------------------------------------------------------------ answer texts

describe("answer texts", () => {
  test("the template's dropdown text", () => {
    expect(choiceLabel("ア", "全域で実施")).toBe("ア 全域で実施");
    expect(choiceLabel("a", { ja: "ア 上位7割", en: "top 70%" })).toBe("ア 上位7割");
    expect(choiceLabel("ア", "ア：全域, 一部")).toBe("ア：全域、 一部");
    expect(numberText({ unit: "percent" }, 60.5)).toBe("60.5%");
    expect(numberText({ unit: "count" }, 12)).toBe("12");
  });

  test("every option, band, yes/no and number text of every bundled rulebook scores as itself", () => {
    for (const rb of [miniRulebook, ...bundledRulebooks()]) {
      const index = indexRulebook(rb);
      const session = new ScoreSession(rb, {}, { size: 50000 });
      for (const info of index.indicators) {
        if (!info.editor) continue;
        const texts: string[] = [];
        if (info.editor === "yesno") texts.push("○", "×");
        if (info.editor === "choice" || info.editor === "band")
          texts.push(...info.choices.map((c) => c.value));
        if (info.editor === "band") texts.push("なし");
        if (info.editor === "multi")
          texts.push(
            "なし",
            multiText(
              info,
              info.choices.map((c) => c.code),
            ),
            info.choices[0].code,
          );
        if (info.editor === "points" && info.max !== null) texts.push(numberText(info, info.max));
        if (info.kind === "numeric") texts.push(numberText(info, 12.5));
        for (const text of texts) {
          session.set(info.id, text);
          const r = session.result().indicators.find((x) => x.id === info.id)!;
          if (info.kind === "numeric" && r.status === "invalid") continue; // size class/threshold unknown
          expect({ rb: rb.id, id: info.id, text: valueToText(info, r.value, r.status) }).toEqual({
            rb: rb.id,
            id: info.id,
            text,
          });
        }
        session.set(info.id, undefined);
      }
    }
  });

  test("answers shown to people", () => {
    const info = indexRulebook(miniRulebook).byId.get("B.m")!;
    // Options by their labels, never by the keys the dropdown does not show.
    expect(showAnswer(info, "a、b", "ja")).toBe("ア 医師会、イ 薬剤師会");
    expect(showAnswer(info, "なし", "en")).toBe("none");
    expect(showAnswer(info, "", "ja")).toBe("（未回答）");
    const c = indexRulebook(miniRulebook).byId.get("B.c")!;
    expect(showAnswer(c, "ア 全域で実施", "ja")).toBe("ア 全域で実施");
  });

  test("answers as cells hold them: the dropdown text, the option key, a list of keys, blank", () => {
    const index = indexRulebook(miniRulebook);
    const c = index.byId.get("B.c")!;
    const m = index.byId.get("B.m")!;
    expect(answerText(c, "ア 全域で実施", "ja")).toBe("ア 全域で実施");
    expect(answerText(c, "イ", "ja")).toBe("イ 一部で実施");
    expect(answerText(m, "c", "ja")).toBe("ウ 歯科医師会");
    expect(answerText(m, "a, c", "ja")).toBe("ア 医師会、ウ 歯科医師会");
    expect(answerText(m, ["b"], "ja")).toBe("イ 薬剤師会");
    expect(answerText(m, "なし", "ja")).toBe("なし");
    expect(answerText(c, null, "ja")).toBe("（未回答）");
    expect(answerText(index.byId.get("A.y1"), "○", "ja")).toBe("○");
    // Something the rulebook does not offer is shown as it is, not hidden.
    expect(answerText(c, "たぶん", "ja")).toBe("たぶん");
  });

  test("an answer names the option the engine reads in it (one reading for the pane and the CLI's report)", () => {
    const kaigo = indexRulebook(bundledRulebooks().find((r) => r.id === "kaigo-municipal-fy2026")!);
    const band = kaigo.byId.get("P_I_2_1")!; // bands a–d labelled ア 上位7割 … エ 上位1割
    // The label's first word, a full-width key and 上位N割 are read as the engine reads them.
    expect(answerText(band, "エ", "ja")).toBe("エ 上位1割");
    expect(answerText(band, "エ", "en")).toBe("top 10%");
    expect(answerText(band, "ｃ", "ja")).toBe("ウ 上位3割");
    expect(answerText(band, "上位3割", "ja")).toBe("ウ 上位3割");
    expect(answerText(band, "なし", "en")).toBe("none");
    expect(answerText(band, "上位9割", "ja")).toBe("なし"); // reaches no band: scored as none
    expect(answerText(band, "たぶん", "ja")).toBe("たぶん");
    // As Excel shows a cell: TRUE/FALSE, a number without float noise, a date as a date.
    const y = indexRulebook(miniRulebook).byId.get("A.y1")!;
    expect(answerText(y, true, "ja")).toBe("TRUE");
    expect(answerText(undefined, 0.1 + 0.2, "ja")).toBe("0.3");
    expect(answerText(undefined, new Date(Date.UTC(2025, 3, 1)), "en")).toBe("2025-04-01");
    expect(answerText(undefined, "", "en")).toBe("(blank)");
  });

  test("sections: groups two levels down hold the editors", () => {
    const kaigo = indexRulebook(bundledRulebooks().find((r) => r.id === "kaigo-municipal-fy2026")!);
    expect(kaigo.sections.map((s) => s.id)).toEqual([
      "P_I",
      "P_II",
      "P_III",
      "P_IV",
      "S_I",
      "S_II",
      "S_III",
      "S_IV",
    ]);
    expect(kaigo.sections.reduce((n, s) => n + s.indicatorIds.length, 0)).toBe(kaigo.indicators.length);
    const kouki = indexRulebook(bundledRulebooks().find((r) => r.id === "kouki-fy2022")!);
    expect(kouki.sections).toHaveLength(1);
  });
});

// ------------------------------------------------------------------ results

describe("results", () => {
  const result = score(miniRulebook, { "A.y1": "○", "A.y2": "×", "B.c": "ア" });
  const prev = score(miniRulebook, { "A.y1": "○", "A.y2": "○", "B.c": "ア" });

  test("issues: errors, then warnings; information only on request", () => {
    const issues: Issue[] = [
      { severity: "info", code: "prerequisite_unmet", message: { ja: "i", en: "i" } },
      { severity: "warning", code: "missing", message: { ja: "w1", en: "w1" } },
      { severity: "error", code: "invalid", message: { ja: "e", en: "e" } },
      { severity: "warning", code: "missing", message: { ja: "w2", en: "w2" } },
    ];
    expect(visibleIssues(issues, false).map((i) => i.message.ja)).toEqual(["e", "w1", "w2"]);
    expect(visibleIssues(issues, true).map((i) => i.message.ja)).toEqual(["e", "w1", "w2", "i"]);
  });

  test("lost rows carry the answer cell as read this year", async () => {
    const { compare } = await import("../../src/engine/compare");
    const comparison = compare(result, prev);
    const rows = lostRows({ comparison, answers: { "A.y2": { value: "×", cell: "回答!E7" } } });
    expect(rows.map((r) => [r.id, r.change, r.cell])).toEqual([["A.y2", -8, "回答!E7"]]);
    expect(lostCells([...rows, ...rows])).toEqual(["回答!E7"]);
    const tree = groupRows(result.groups, comparison);
    const a = tree.find((g) => g.id === "A")!;
    expect(a.previous?.points).toBe(16);
    expect(a.trend).toBe("↘");
    expect(a.judgement).toBe("未達成");
  });

  test("national average from the mean or the mean rate", () => {
    expect(nationalMean({ max: 100, benchmark: { mean: 56.2 } })).toBe(56.2);
    expect(nationalMean({ max: 200, benchmark: { meanRate: 0.5 } })).toBe(100);
    expect(nationalMean({ max: null, benchmark: { meanRate: 0.5 } })).toBeNull();
    expect(nationalMean({ max: 10 })).toBeNull();
  });
});

// ------------------------------------------------------------------ formatting

describe("formatting", () => {
  test("numbers", () => {
    expect(fmtRate(82.9)).toBe("82.9%");
    expect(fmtRate(null)).toBe("―");
    expect(fmtSigned(8, "ja")).toBe("+8");
    expect(fmtSigned(-1.5, "ja")).toBe("−1.5");
    expect(fmtSigned(0.1 + 0.2 - 0.3, "ja")).toBe("±0");
    expect(fmtYen(1234567.4, "ja")).toBe("1,234,567円");
    expect(fmtYen(1234567.4, "en")).toBe("¥1,234,567");
    expect(fmtSignedYen(-2000, "ja")).toBe("−2,000円");
    expect(fmtShare(0.42345)).toBe("42.3%");
    expect(fmtShare(null)).toBe("―");
    expect(barPercent(150, 100)).toBe(100);
    expect(barPercent(-5, 100)).toBe(0);
    expect(barPercent(5, null)).toBeNull();
  });

  test("fiscal years", () => {
    expect(fiscalYearLabel(2026, "ja")).toBe("令和8年度");
    expect(fiscalYearLabel(2019, "ja")).toBe("令和元年度");
    expect(fiscalYearLabel(2026, "en")).toBe("FY2026");
    expect(withYear("令和8年度 介護", 2026, "ja")).toBe("令和8年度 介護");
    expect(withYear("後期高齢者", 2022, "ja")).toBe("令和4年度 後期高齢者");
  });
});

// ------------------------------------------------------------------ theme

describe("theme", () => {
  test("dark when Office says so or its background is dark; light otherwise", () => {
    expect(isDarkOfficeTheme({ isDarkTheme: true, bodyBackgroundColor: "#ffffff" })).toBe(true);
    expect(isDarkOfficeTheme({ bodyBackgroundColor: "#262626" })).toBe(true);
    expect(isDarkOfficeTheme({ bodyBackgroundColor: "#fff" })).toBe(false);
    expect(isDarkOfficeTheme({ bodyBackgroundColor: "not a colour" })).toBe(false);
    expect(isDarkOfficeTheme(undefined)).toBe(false);
    expect(luminance("#000000")).toBe(0);
    expect(paneTheme({ bodyBackgroundColor: "#1f1f1f" })).toBe(webDarkTheme);
    expect(paneTheme(undefined)).toBe(webLightTheme);
  });

  test("reads Office.context.officeTheme when present", () => {
    const g = globalThis as { Office?: unknown };
    g.Office = { context: { officeTheme: { bodyBackgroundColor: "#262626" } } };
    try {
      expect(paneTheme()).toBe(webDarkTheme);
    } finally {
      delete g.Office;
    }
    expect(paneTheme()).toBe(webLightTheme);
  });
});

// ------------------------------------------------------------------ form map

describe("form map", () => {
  const index = indexRulebook(miniRulebook);
  const info = (id: string) => index.byId.get(id)!;

  test("cells are shown without the $ signs", () => {
    expect(showCell("様式1!$F$12")).toBe("様式1!F12");
    expect(showCell("'My Sheet'!$A$1")).toBe("'My Sheet'!A1");
  });

  test("indicators are found by id, code and name, ignoring case, width and spaces", () => {
    const y3 = info("A.y3");
    for (const q of ["", "A.y3", "a.Y3", "Ａ．ｙ３", "会議", "ウ 会議", "ウ会議を開催"]) {
      expect({ q, hit: matchesIndicator(y3, q) }).toEqual({ q, hit: true });
    }
    expect(matchesIndicator(y3, "計画")).toBe(false);
    expect(matchesIndicator({ id: "X", name: { ja: "体制", en: "Structure" } }, "struct")).toBe(true);
  });

  test("only indicators with an answer of their own are mapped", () => {
    const ids = mappableIndicators(index.indicators).map((i) => i.id);
    expect(ids).not.toContain("D.link");
    expect(ids).toHaveLength(index.indicators.length - 1);
  });

  test("entries: the rulebook's order, unknown ids last; a proposal's extra fields dropped", () => {
    const order = (id: string) => index.byId.get(id)?.order;
    const sorted = sortEntries(
      [
        { indicatorId: "zz", answerCell: "S!$A$3" },
        { indicatorId: "D.pts", answerCell: "S!$A$2" },
        { indicatorId: "A.y1", answerCell: "S!$A$1" },
      ],
      order,
    );
    expect(sorted.map((e) => e.indicatorId)).toEqual(["A.y1", "D.pts", "zz"]);
    const proposal = {
      indicatorId: "A.y1",
      answerCell: "S!$B$1",
      labelCell: "S!A1",
      labelText: "計画を策定",
      matchedBy: "name" as const,
    };
    expect(entryOf(proposal)).toEqual({ indicatorId: "A.y1", answerCell: "S!$B$1" });
    expect(entryOf({ ...proposal, pointsCell: "S!$C$1" })).toEqual({
      indicatorId: "A.y1",
      answerCell: "S!$B$1",
      pointsCell: "S!$C$1",
    });
  });

  test("the shared file is named after the rulebook", () => {
    expect(formMapFileName("kokuho-fy2026")).toBe("saiten-formmap-kokuho-fy2026.json");
    expect(formMapFileName("a/b c")).toBe("saiten-formmap-a_b_c.json");
  });
});

// ------------------------------------------------------------------ i18n

describe("i18n", () => {
  const keys = Object.keys(MESSAGES) as MessageKey[];

  test("every key has Japanese and English with the same placeholders", () => {
    for (const key of keys) {
      const m = MESSAGES[key];
      expect({ key, ja: m.ja.trim().length > 0, en: m.en.trim().length > 0 }).toEqual({
        key,
        ja: true,
        en: true,
      });
      expect({ key, p: placeholders(m.en) }).toEqual({ key, p: placeholders(m.ja) });
    }
  });

  test("English strings are English (no Japanese left untranslated)", () => {
    const allowed = new Set<MessageKey>(["language.name", "language.switchTo"]);
    for (const key of keys) {
      if (allowed.has(key)) continue;
      expect({ key, en: /[\u3040-\u30ff\u4e00-\u9fff]/.test(MESSAGES[key].en) }).toEqual({ key, en: false });
    }
  });

  test("placeholders are filled", () => {
    expect(translate("ja", "whatif.apply", { n: 3 })).toBe("ブックに反映（3件）");
    expect(translate("en", "whatif.apply", { n: 3 })).toBe("Apply to workbook (3)");
    expect(translate("ja", "points.unit")).toBe("{n}点");
  });

  test("every key is used by the pane", () => {
    const fs = jest.requireActual<typeof import("fs")>("fs");
    const path = jest.requireActual<typeof import("path")>("path");
    const dir = path.join(__dirname, "../../src/taskpane");
    const files = [dir, path.join(dir, "components"), path.join(dir, "reviewer")].flatMap((d) =>
      fs
        .readdirSync(d)
        .filter((f) => /\.tsx?$/.test(f) && f !== "i18n.ts")
        .map((f) => fs.readFileSync(path.join(d, f), "utf8")),
    );
    const source = files.join("\n");
    const unused = keys.filter((k) => !source.includes(`"${k}"`));
    expect(unused).toEqual([]);
  });
});

// ------------------------------------------------------------------ names a clerk can tell apart

describe("goal names", () => {
  const kaigo = bundledRulebooks().find((r) => r.id === "kaigo-municipal-fy2026")!;

  test("目標Ⅰ–Ⅳ under 推進 and under 支援 say which, in the tree and the what-if sections; Goal in English", () => {
    const rows = groupRows(score(kaigo, {}, {}).groups);
    const second = rows.flatMap((r) => r.children.map((c) => groupTitle(c, "ja")));
    expect(second.filter((t) => /^推進 目標Ⅰ /.test(t))).toHaveLength(1);
    expect(second.filter((t) => /^支援 目標Ⅰ /.test(t))).toHaveLength(1);
    expect(new Set(second).size).toBe(second.length);
    const sections = indexRulebook(kaigo).sections.map((s) => groupTitle(s, "en"));
    expect(sections.some((t) => /^Promotion Goal Ⅰ /.test(t))).toBe(true);
    expect(sections.some((t) => /^Support Goal Ⅰ /.test(t))).toBe(true);
    expect(sections.every((t) => !/目標|推進|支援/.test(t))).toBe(true);
  });

  test("no code repeated after a name that already ends with it", () => {
    const info = indexRulebook(kaigo).byId.get("P_I_1_1.d")!;
    expect(indicatorTitle(info, "ja")).toBe("地域の介護保険事業の特徴 エ");
  });
});
