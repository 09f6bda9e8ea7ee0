/** @jest-environment jsdom */
// The pane against an in-memory PaneApi: choose, score, results, issues, marks, what-if with the
// apply dialog, where to gain, language, errors — and axe on each view. The form map: formmap.test.tsx.
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { PaneApi } from "../../src/app/pane-api";
import { msg, render } from "../../src/messages";
import { mountPane } from "../../src/taskpane/mount";
import { miniRulebook } from "../fixtures/mini-rulebook";
import { cellOf, FakeApi, fakeApi } from "./fake-api";
import { installJsdomShims, noSeriousViolations, refuseInvalidNesting, renderPane } from "./render-pane";

const ANSWERS = {
  "A.y1": "○",
  "A.y2": "×",
  "B.c": "イ",
  "B.m": "a",
  "B.n": 50,
  "ACT.r": 5,
  "D.neg": "○",
  "D.pts": "たくさん",
};
const PREVIOUS = { ...ANSWERS, "A.y2": "○", "D.pts": 4 };

function setup(extra: Partial<Parameters<typeof fakeApi>[0]> = {}): FakeApi {
  return fakeApi({
    rulebooks: [miniRulebook],
    answers: { ...ANSWERS },
    previous: PREVIOUS,
    context: { size: 50000 },
    ...extra,
  });
}

async function renderAndScore(api: PaneApi) {
  renderPane(api);
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "採点" }));
  });
  await screen.findByRole("heading", { name: "合計得点" });
}

beforeAll(installJsdomShims);
refuseInvalidNesting();

test("score: progress, then total, rate, last year, groups", async () => {
  const api = setup();
  const steps: string[] = [];
  const score = api.score.bind(api);
  api.score = (id, onProgress) =>
    score(id, (s) => {
      steps.push(s);
      onProgress?.(s);
    });
  renderPane(api);
  expect(screen.getByText("ルールブックを選んで「採点」を押してください。")).toBeTruthy();
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "採点" }));
  });
  await screen.findByRole("heading", { name: "合計得点" });
  expect(steps).toEqual(["read", "score", "write"]);
  expect(api.calls.find((c) => c.method === "score")!.args).toEqual(["test-mini"]);
  const total = screen.getByRole("heading", { name: "合計得点" }).closest("section")!;
  // A 8 + B (5 + 3 + 5) + ACT 6 + D (10 + 0) = 37 of 100.
  expect(within(total as HTMLElement).getByText("37")).toBeTruthy();
  expect(within(total as HTMLElement).getByText(/37\.0%/)).toBeTruthy();
  expect(within(total as HTMLElement).getByText("未達成")).toBeTruthy();
  const tree = screen.getByRole("tree", { name: "区分別の得点" });
  expect(within(tree).getAllByRole("treeitem").length).toBeGreaterThanOrEqual(4);
  expect(within(tree).getByText(/体制/)).toBeTruthy();
  // Loading settings does not write them.
  expect(api.settingsSaved).toEqual([]);
  await noSeriousViolations();
});

test("settings: the remembered rulebook and language; changes are saved", async () => {
  const other = {
    ...miniRulebook,
    id: "test-mini-2025",
    fiscalYear: 2025,
    title: { ja: "前年度テスト", en: "Last year test" },
  };
  const api = setup({
    rulebooks: [miniRulebook, other],
    settings: { rulebookId: "test-mini-2025", lang: "en" },
  });
  renderPane(api);
  await screen.findByRole("button", { name: "Score" });
  expect(screen.getByRole("combobox", { name: /Rulebook/ }).textContent).toContain("Last year test");
  fireEvent.click(screen.getByRole("button", { name: "日本語に切り替え" }));
  expect(screen.getByRole("button", { name: "採点" })).toBeTruthy();
  expect(api.settingsSaved.at(-1)).toEqual({ rulebookId: "test-mini-2025", lang: "ja" });
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "採点" }));
  });
  expect(api.calls.filter((c) => c.method === "score").map((c) => c.args[0])).toEqual(["test-mini-2025"]);
});

test("an error from the workbook side is shown as it is, and can be dismissed", async () => {
  const problem = msg("run.no-answers", { sheets: "Sheet1" });
  const api = setup({ scoreError: problem });
  renderPane(api);
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "採点" }));
  });
  expect(await screen.findByText(render(problem, "ja"))).toBeTruthy();
  await noSeriousViolations();
  fireEvent.click(screen.getByRole("button", { name: "閉じる" }));
  expect(screen.queryByText(/回答が見つかりません/)).toBeNull();
});

test("issues select their cell; info is hidden until asked for", async () => {
  const api = setup();
  await renderAndScore(api);
  const issues = screen.getByRole("heading", { name: "確認事項" }).closest("section") as HTMLElement;
  const unreadable = within(issues).getByRole("button", { name: /たくさん/ });
  await act(async () => {
    fireEvent.click(unreadable);
  });
  expect(api.calls.find((c) => c.method === "selectCell")!.args).toEqual([cellOf(miniRulebook, "D.pts")]);
  // A.y3 is unanswered (warning, listed); errors come first.
  const items = within(issues).getAllByRole("listitem");
  expect(items[0].textContent).toMatch(/^誤り/);
  expect(items.some((li) => /A\.y3/.test(li.textContent ?? ""))).toBe(true);
  // The message names the indicator by its name; its id only under 詳細.
  const y3 = items.find((li) => /A\.y3/.test(li.textContent ?? ""))!;
  const details = y3.querySelector("details")!;
  const message = (y3.textContent ?? "").replace(details.textContent ?? "", "");
  expect(message).toMatch(/会議を開催: 回答がありません/);
  expect(message).not.toMatch(/A\.y3/);
  expect(details.textContent).toContain("A.y3");
});

test("lost points: largest first; mark and clear the rows", async () => {
  const api = setup();
  await renderAndScore(api);
  const lost = screen
    .getByRole("heading", { name: /前年度より下がった指標/ })
    .closest("section") as HTMLElement;
  const rows = within(lost).getAllByRole("listitem");
  expect(rows[0].textContent).toMatch(/−8点/);
  await act(async () => {
    fireEvent.click(within(lost).getByRole("button", { name: "印をつける" }));
  });
  const mark = api.calls.find((c) => c.method === "markRows")!;
  expect(mark.args[0]).toEqual([cellOf(miniRulebook, "A.y2"), cellOf(miniRulebook, "D.pts")]);
  expect(await screen.findByText(/2行に印をつけました/)).toBeTruthy();
  await act(async () => {
    fireEvent.click(within(lost).getByRole("button", { name: "印を消す" }));
  });
  expect(api.calls.some((c) => c.method === "clearMarks")).toBe(true);
});

test("what-if: change an answer, see Δ at once, preview the cells, apply only on confirm", async () => {
  const api = setup();
  await renderAndScore(api);
  fireEvent.click(screen.getByRole("tab", { name: "試算" }));
  expect(screen.getByRole("tab", { name: "試算" }).getAttribute("aria-selected")).toBe("true");
  // The what-if view downloads when first shown (a lazy chunk): wait for it.
  fireEvent.click(await screen.findByRole("button", { name: /体制/ }));
  const select = screen.getByRole("combobox", { name: "イ 評価を公表" }) as HTMLSelectElement;
  expect(select.value).toBe("×");
  fireEvent.change(select, { target: { value: "○" } });
  const status = screen.getAllByRole("status").find((el) => /交付見込額/.test(el.textContent ?? ""))!;
  expect(status.textContent).toContain("45/100");
  expect(status.textContent).toContain("+8点");
  expect(status.textContent).toContain("+8.0ポイント");
  // The scenario now exists with a default name.
  expect((screen.getByRole("textbox", { name: "シナリオ名" }) as HTMLInputElement).value).toBe("シナリオ1");
  // Grant: per point.
  fireEvent.click(screen.getByRole("button", { name: "交付額の試算条件" }));
  fireEvent.change(screen.getByRole("textbox", { name: "被保険者数" }), { target: { value: "１，０００" } });
  fireEvent.change(screen.getByRole("textbox", { name: "単価（1点×1人あたり）" }), {
    target: { value: "10" },
  });
  expect(status.textContent).toContain("450,000円");
  expect(status.textContent).toContain("+80,000円");
  // Scenario table: workbook and the scenario side by side.
  const table = screen.getByRole("table", { name: "シナリオの比較" });
  expect(within(table).getAllByRole("row")).toHaveLength(3);
  await noSeriousViolations();

  // Nothing written yet.
  expect(api.calls.some((c) => c.method === "applyScenario" || c.method === "previewScenario")).toBe(false);
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "ブックに反映（1件）" }));
  });
  const dialog = await screen.findByRole("alertdialog");
  expect(api.calls.find((c) => c.method === "previewScenario")!.args).toEqual(["test-mini", { "A.y2": "○" }]);
  expect(within(dialog).getByText(cellOf(miniRulebook, "A.y2"))).toBeTruthy();
  expect(within(dialog).getByText("× → ○")).toBeTruthy();
  expect(api.calls.some((c) => c.method === "applyScenario")).toBe(false);
  await noSeriousViolations();
  await act(async () => {
    fireEvent.click(within(dialog).getByRole("button", { name: "反映する" }));
  });
  expect(api.calls.find((c) => c.method === "applyScenario")!.args).toEqual(["test-mini", { "A.y2": "○" }]);
  expect(api.values["A.y2"]).toBe("○");
  // Scored again after applying.
  await waitFor(() => expect(api.calls.filter((c) => c.method === "score")).toHaveLength(2));
  expect(await screen.findByText("1セルに反映し、採点し直しました。")).toBeTruthy();
});

test("what-if: cancelling the dialog writes nothing", async () => {
  const api = setup();
  await renderAndScore(api);
  fireEvent.click(screen.getByRole("tab", { name: "試算" }));
  fireEvent.click(screen.getByRole("button", { name: /選択/ }));
  fireEvent.change(screen.getByRole("combobox", { name: "実施方法" }), {
    target: { value: "ア 全域で実施" },
  });
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "ブックに反映（1件）" }));
  });
  const dialog = await screen.findByRole("alertdialog");
  fireEvent.click(within(dialog).getByRole("button", { name: "やめる" }));
  await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
  expect(api.calls.some((c) => c.method === "applyScenario")).toBe(false);
});

test("what-if: cancelled before the cells are listed, the dialog stays closed when they arrive", async () => {
  const api = setup();
  let release: () => void = () => undefined;
  const preview = api.previewScenario.bind(api);
  api.previewScenario = async (...args: Parameters<typeof preview>) => {
    await new Promise<void>((resolve) => (release = resolve));
    return preview(...args);
  };
  await renderAndScore(api);
  fireEvent.click(screen.getByRole("tab", { name: "試算" }));
  fireEvent.click(await screen.findByRole("button", { name: /選択/ }));
  fireEvent.change(screen.getByRole("combobox", { name: "実施方法" }), { target: { value: "ア 全域で実施" } });
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "ブックに反映（1件）" }));
  });
  const dialog = await screen.findByRole("alertdialog");
  fireEvent.click(within(dialog).getByRole("button", { name: "やめる" }));
  await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
  await act(async () => release());
  await new Promise((r) => setTimeout(r, 50));
  expect(screen.queryByRole("alertdialog")).toBeNull();
  expect(api.calls.some((c) => c.method === "applyScenario")).toBe(false);
});

test("what-if: numbers, several choices, scenarios side by side", async () => {
  const api = setup();
  await renderAndScore(api);
  fireEvent.click(screen.getByRole("tab", { name: "試算" }));
  fireEvent.click(screen.getByRole("button", { name: /選択/ }));
  const rate = screen.getByRole("textbox", { name: "受診率" }) as HTMLInputElement;
  expect(rate.value).toBe("50");
  fireEvent.change(rate, { target: { value: "６０" } });
  const status = () =>
    screen.getAllByRole("status").find((el) => /交付見込額/.test(el.textContent ?? ""))!.textContent;
  expect(status()).toContain("+5点");
  fireEvent.click(screen.getByRole("button", { name: "追加" }));
  fireEvent.click(screen.getByRole("checkbox", { name: /薬剤師会/ }));
  expect(status()).toContain("+3点");
  const table = screen.getByRole("table", { name: "シナリオの比較" });
  const rows = within(table)
    .getAllByRole("row")
    .map((r) => r.textContent);
  expect(rows[2]).toMatch(/シナリオ1.*42.*\+5/);
  expect(rows[3]).toMatch(/シナリオ2.*40.*\+3/);
  fireEvent.change(screen.getByRole("textbox", { name: "シナリオ名" }), { target: { value: "連携を強化" } });
  expect(within(table).getByRole("button", { name: "連携を強化" })).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "「連携を強化」を削除" }));
  expect(within(screen.getByRole("table", { name: "シナリオの比較" })).getAllByRole("row")).toHaveLength(3);
});

test("where to gain: by points, with the national share; one click into the scenario", async () => {
  const rb = {
    ...miniRulebook,
    population: 1000,
    root: {
      ...miniRulebook.root,
      children: miniRulebook.root.children.map((g) =>
        g.kind === "group" && g.id === "A"
          ? {
              ...g,
              children: g.children.map((c) => (c.id === "A.y3" ? { ...c, benchmark: { hitCount: 420 } } : c)),
            }
          : g,
      ),
    },
  } as typeof miniRulebook;
  const api = setup({ rulebooks: [rb] });
  await renderAndScore(api);
  fireEvent.click(screen.getByRole("tab", { name: "伸ばせる項目" }));
  const section = (await screen.findByRole("heading", { name: "得点を伸ばせる項目" })).closest(
    "section",
  ) as HTMLElement;
  // Two lists, actions first, then results and rank; each by points.
  const lists = within(section).getAllByRole("heading", { level: 3 });
  expect(lists.map((h) => h.textContent)).toEqual([
    "取組で得られる点（体制・取組）",
    "実績・順位で決まる点（活動・成果）",
  ]);
  for (const h of lists) {
    const own = within(h.closest("section") as HTMLElement).getAllByRole("listitem");
    const gains = own.map((li) => Number(/\+(\d+)点/.exec(li.textContent ?? "")![1]));
    expect([...gains].sort((a, b) => b - a)).toEqual(gains);
  }
  const results = within(lists[1].closest("section") as HTMLElement).getAllByRole("listitem");
  expect(results.some((li) => /会議を開催/.test(li.textContent ?? ""))).toBe(false);
  const items = within(section).getAllByRole("listitem");
  const y3 = items.find((li) => /会議を開催/.test(li.textContent ?? ""))!;
  expect(y3.textContent).toContain("+8点");
  expect(y3.textContent).toContain("全国の達成 42.0%");
  await noSeriousViolations();
  fireEvent.click(within(y3).getByRole("button", { name: /会議を開催 をシナリオに追加/ }));
  expect(
    within(section)
      .getAllByRole("listitem")
      .some((li) => /会議を開催/.test(li.textContent ?? "")),
  ).toBe(false);
  expect(within(section).getByRole("status").textContent).toBe("ウ 会議を開催 をシナリオに追加しました。");
  // The tab's panel loads its parts lazily: let them arrive inside act.
  await act(async () => {
    fireEvent.click(screen.getByRole("tab", { name: "試算" }));
  });
  const status = screen.getAllByRole("status").find((el) => /交付見込額/.test(el.textContent ?? ""))!;
  expect(status.textContent).toContain("+8点");
});

const TALLY = {
  fiscalYear: 2025,
  rulebookId: "test-mini",
  problems: 2,
  lowScore: { line: 35.04, below: 1 },
  insurers: [
    {
      code: "011002",
      name: "札幌市",
      pref: "北海道",
      total: 40,
      rank: { rank: 2, of: 3, bandRank: 1, bandOf: 1 },
    },
    { code: "132063", name: "府中市", pref: "東京都", total: 55 },
    { code: "342076", name: "府中市", pref: "広島県", total: 33 },
  ],
  suggested: "011002",
};

function choosePreviousFile(name: string) {
  const input = document.querySelector('input[type="file"][accept=".xlsx,.xlsm,.json"]') as HTMLInputElement;
  // jsdom's File has no arrayBuffer(); Office's browsers do.
  const file = Object.assign(new File(["x"], name), { arrayBuffer: async () => new ArrayBuffer(1) });
  fireEvent.change(input, { target: { files: [file] } });
}

test("a national tally as last year's file: its own row at once, another by search, figures on and off", async () => {
  const api = setup({ tally: TALLY });
  await renderAndScore(api);
  await act(async () => choosePreviousFile("全国集計R7.xlsx"));
  const panel = (await screen.findByRole("heading", { name: "全国集計（2025年度）" })).closest(
    "section",
  ) as HTMLElement;
  expect(api.calls.filter((c) => c.method === "usePreviousFromTally").map((c) => c.args)).toEqual([
    ["011002"],
  ]);
  // Scored again with the tally's row as last year.
  expect(api.calls.filter((c) => c.method === "score").length).toBe(2);
  expect(
    within(panel).getByText("前年度: 011002 札幌市（北海道） 40点・全国 2位/3・規模別 1位/1"),
  ).toBeTruthy();
  expect(within(panel).queryByText(/を下回っていました/)).toBeNull();
  expect(within(panel).getByText(/3市町村・読み取りの注意 2件/)).toBeTruthy();
  expect(
    screen.getByText(
      /全国集計「全国集計R7\.xlsx」（3市町村）を読み込みました。札幌市の前年度（40点）と比べました。/,
    ),
  ).toBeTruthy();

  // Search by name: both 府中市 are offered, told apart by prefecture.
  const box = within(panel).getByRole("combobox", { name: /前年度にする保険者/ });
  await act(async () => {
    fireEvent.click(box);
    fireEvent.change(box, { target: { value: "府中" } });
  });
  const options = screen.getAllByRole("option").map((o) => o.textContent);
  expect(options).toEqual(["132063 府中市（東京都）", "342076 府中市（広島県）"]);
  await act(async () => {
    fireEvent.click(screen.getByRole("option", { name: "342076 府中市（広島県）" }));
  });
  expect(api.calls.filter((c) => c.method === "usePreviousFromTally").at(-1)!.args).toEqual(["342076"]);
  expect(within(panel).getByText("前年度: 342076 府中市（広島県） 33点")).toBeTruthy();
  expect(
    within(panel).getByText("著しく得点の低い基準（平均得点率−2×標準偏差）: 35点未満 1団体"),
  ).toBeTruthy();
  expect(within(panel).getByText("府中市は前年度、この基準（35点）を下回っていました。")).toBeTruthy();
  expect(api.calls.filter((c) => c.method === "score").length).toBe(3);

  const figures = within(panel).getByRole("switch", { name: "全国の該当率・平均にこの集計を使う" });
  expect((figures as HTMLInputElement).checked).toBe(true);
  await act(async () => {
    fireEvent.click(figures);
  });
  expect(api.calls.filter((c) => c.method === "useTallyBenchmarks").map((c) => c.args)).toEqual([[false]]);
  expect(api.calls.filter((c) => c.method === "score").length).toBe(4);
  await noSeriousViolations();
});

test("size-band ranks from bands carried forward from another year say they are assumed", async () => {
  const assumedBands = { ja: "規模区分は令和6年度の区分を流用した推定です", en: "size bands assumed" };
  const api = setup({ tally: { ...TALLY, assumedBands } });
  await renderAndScore(api);
  await act(async () => choosePreviousFile("全国集計R7.xlsx"));
  const panel = (await screen.findByRole("heading", { name: "全国集計（2025年度）" })).closest(
    "section",
  ) as HTMLElement;
  expect(
    within(panel).getByText(
      "前年度: 011002 札幌市（北海道） 40点・全国 2位/3・規模別 1位/1（規模区分は令和6年度の区分を流用した推定です）",
    ),
  ).toBeTruthy();
  // a row without a size-band rank carries no caution
  const box = within(panel).getByRole("combobox", { name: /前年度にする保険者/ });
  await act(async () => {
    fireEvent.click(box);
    fireEvent.change(box, { target: { value: "府中" } });
  });
  await act(async () => {
    fireEvent.click(screen.getByRole("option", { name: "342076 府中市（広島県）" }));
  });
  expect(within(panel).getByText("前年度: 342076 府中市（広島県） 33点")).toBeTruthy();
});

test("an answer workbook as last year's file is scored and compared", async () => {
  const api = setup({ tally: TALLY });
  await renderAndScore(api);
  await act(async () => choosePreviousFile("R7回答.xlsx"));
  await screen.findByText("前年度のブック「R7回答.xlsx」（10点）を読み込み、比較しました。");
  expect(screen.queryByRole("heading", { name: /全国集計/ })).toBeNull();
});

test("tabs move with the arrow keys", async () => {
  await renderAndScore(setup());
  // Each tab's panel loads its parts lazily: let them arrive inside act.
  const press = (el: Element, key: string) =>
    act(async () => {
      fireEvent.keyDown(el, { key });
    });
  const results = screen.getByRole("tab", { name: "結果" });
  results.focus();
  await press(results, "ArrowRight");
  expect(screen.getByRole("tab", { name: "試算" }).getAttribute("aria-selected")).toBe("true");
  expect(document.activeElement).toBe(screen.getByRole("tab", { name: "試算" }));
  await press(document.activeElement as Element, "End");
  expect(screen.getByRole("tab", { name: "様式の割り当て" }).getAttribute("aria-selected")).toBe("true");
  await press(document.activeElement as Element, "ArrowLeft");
  expect(screen.getByRole("tab", { name: "伸ばせる項目" }).getAttribute("aria-selected")).toBe("true");
  expect(screen.getByRole("tabpanel").getAttribute("aria-labelledby")).toBe(
    screen.getByRole("tab", { name: "伸ばせる項目" }).id,
  );
  await press(document.activeElement as Element, "ArrowRight");
  await press(document.activeElement as Element, "ArrowRight");
  expect(screen.getByRole("tab", { name: "結果" }).getAttribute("aria-selected")).toBe("true");
});

test("English: the whole pane switches, engine texts included", async () => {
  const api = setup();
  await renderAndScore(api);
  fireEvent.click(screen.getByRole("button", { name: "Switch to English" }));
  expect(screen.getByRole("heading", { name: "Total" })).toBeTruthy();
  expect(screen.getByRole("heading", { name: "To check" })).toBeTruthy();
  expect(screen.getAllByText(/Cannot read "たくさん" as a number/).length).toBeGreaterThan(0);
  expect(screen.getByRole("button", { name: "Mark rows" })).toBeTruthy();
  expect(api.settingsSaved.at(-1)).toMatchObject({ lang: "en" });
  await noSeriousViolations();
});

test("mountPane renders into an element and unmounts", async () => {
  const el = document.createElement("main");
  document.body.appendChild(el);
  let unmount: () => void = () => undefined;
  await act(async () => {
    unmount = mountPane(el, setup());
  });
  expect(el.textContent).toContain("採点");
  act(() => unmount());
  expect(el.textContent).toBe("");
  el.remove();
});
